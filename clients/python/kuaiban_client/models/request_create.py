from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.category import Category
from ..models.channel import Channel
from ..types import UNSET, Unset

T = TypeVar("T", bound="RequestCreate")


@_attrs_define
class RequestCreate:
    """
    Attributes:
        category (Category): `power`: 用电 (Power supply); `land`: 用地 (Land); `financing`: 融资 (Financing); `permits`: 审批许可
            (Permits); `talent`: 人才用工 (Talent and labour); `policy`: 政策兑现 (Policy support); `infrastructure`: 基础设施
            (Infrastructure); `other`: 其他 (Other)
        channel (Channel): `tea_meeting`: 政企茶叙会 (Tea meeting); `online`: 网上提交 (Online); `window`: 政务服务窗口 (Service
            window); `hotline`: 12345 热线 (Hotline); `visit`: 走访 (Visit)
        description (str):
        title (str):
        enterprise_id (None | Unset | UUID): Required when an admin or officer files it
        meeting_id (None | Unset | UUID):
        project_id (None | Unset | UUID): The investment project (招商项目) it serves: one of the same enterprise's
    """

    category: Category
    channel: Channel
    description: str
    title: str
    enterprise_id: None | Unset | UUID = UNSET
    meeting_id: None | Unset | UUID = UNSET
    project_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        category = self.category.value

        channel = self.channel.value

        description = self.description

        title = self.title

        enterprise_id: None | str | Unset
        if isinstance(self.enterprise_id, Unset):
            enterprise_id = UNSET
        elif isinstance(self.enterprise_id, UUID):
            enterprise_id = str(self.enterprise_id)
        else:
            enterprise_id = self.enterprise_id

        meeting_id: None | str | Unset
        if isinstance(self.meeting_id, Unset):
            meeting_id = UNSET
        elif isinstance(self.meeting_id, UUID):
            meeting_id = str(self.meeting_id)
        else:
            meeting_id = self.meeting_id

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        elif isinstance(self.project_id, UUID):
            project_id = str(self.project_id)
        else:
            project_id = self.project_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "category": category,
                "channel": channel,
                "description": description,
                "title": title,
            }
        )
        if enterprise_id is not UNSET:
            field_dict["enterprise_id"] = enterprise_id
        if meeting_id is not UNSET:
            field_dict["meeting_id"] = meeting_id
        if project_id is not UNSET:
            field_dict["project_id"] = project_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category = Category(d.pop("category"))

        channel = Channel(d.pop("channel"))

        description = d.pop("description")

        title = d.pop("title")

        def _parse_enterprise_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                enterprise_id_type_0 = UUID(data)

                return enterprise_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        enterprise_id = _parse_enterprise_id(d.pop("enterprise_id", UNSET))

        def _parse_meeting_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                meeting_id_type_0 = UUID(data)

                return meeting_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        meeting_id = _parse_meeting_id(d.pop("meeting_id", UNSET))

        def _parse_project_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                project_id_type_0 = UUID(data)

                return project_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))

        request_create = cls(
            category=category,
            channel=channel,
            description=description,
            title=title,
            enterprise_id=enterprise_id,
            meeting_id=meeting_id,
            project_id=project_id,
        )

        return request_create

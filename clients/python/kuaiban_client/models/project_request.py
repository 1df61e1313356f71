from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.category import Category
from ..models.department import Department
from ..models.request_status import RequestStatus

T = TypeVar("T", bound="ProjectRequest")


@_attrs_define
class ProjectRequest:
    """An open request (诉求) naming the project: something that blocks it.

    Attributes:
        category (Category): `power`: 用电 (Power supply); `land`: 用地 (Land); `financing`: 融资 (Financing); `permits`: 审批许可
            (Permits); `talent`: 人才用工 (Talent and labour); `policy`: 政策兑现 (Policy support); `infrastructure`: 基础设施
            (Infrastructure); `other`: 其他 (Other)
        code (str):
        due_date (datetime.date | None):
        id (UUID):
        lead_department (Department | None):
        status (RequestStatus): `received`: 已受理 (Received); `assigned`: 已交办 (Assigned); `replied`: 已答复 (Replied);
            `reopened`: 重新办理 (Reopened); `closed`: 已办结 (Closed)
        title (str):
    """

    category: Category
    code: str
    due_date: datetime.date | None
    id: UUID
    lead_department: Department | None
    status: RequestStatus
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        category = self.category.value

        code = self.code

        due_date: None | str
        if isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        id = str(self.id)

        lead_department: None | str
        if isinstance(self.lead_department, Department):
            lead_department = self.lead_department.value
        else:
            lead_department = self.lead_department

        status = self.status.value

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "category": category,
                "code": code,
                "due_date": due_date,
                "id": id,
                "lead_department": lead_department,
                "status": status,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category = Category(d.pop("category"))

        code = d.pop("code")

        def _parse_due_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        due_date = _parse_due_date(d.pop("due_date"))

        id = UUID(d.pop("id"))

        def _parse_lead_department(data: object) -> Department | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lead_department_type_0 = Department(data)

                return lead_department_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Department | None, data)

        lead_department = _parse_lead_department(d.pop("lead_department"))

        status = RequestStatus(d.pop("status"))

        title = d.pop("title")

        project_request = cls(
            category=category,
            code=code,
            due_date=due_date,
            id=id,
            lead_department=lead_department,
            status=status,
            title=title,
        )

        project_request.additional_properties = d
        return project_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

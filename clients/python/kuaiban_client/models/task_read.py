from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.department import Department
from ..models.task_status import TaskStatus

T = TypeVar("T", bound="TaskRead")


@_attrs_define
class TaskRead:
    """
    Attributes:
        application_id (UUID):
        comment (None | str):
        created_at (datetime.datetime):
        decided_at (datetime.datetime | None):
        decided_by (None | str):
        deemed (bool):
        department (Department): `market`: 市场监管局 (Market regulation); `tax`: 税务局 (Taxation); `hrss`: 人社局 (Human
            resources and social security); `public_security`: 公安局 (Public security); `housing_fund`: 公积金中心 (Housing
            provident fund); `power`: 供电公司 (Power supply); `water`: 供水公司 (Water supply); `gas`: 燃气公司 (Gas supply);
            `natural_resources`: 自然资源和规划局 (Natural resources and planning); `housing`: 住建局 (Housing and construction);
            `development_reform`: 发改委 (Development and reform); `ecology`: 生态环境分局 (Ecology and environment);
            `finance_office`: 金融办 (Financial affairs office); `data_bureau`: 数据资源局 (Data resources bureau)
        due_date (datetime.date):
        id (UUID):
        status (TaskStatus): `pending`: 待审批 (Pending); `approved`: 已同意 (Approved); `rejected`: 已否决 (Rejected);
            `returned`: 退回补正 (Returned for supplement); `cancelled`: 已取消 (Cancelled)
        task_name (str):
        updated_at (datetime.datetime):
    """

    application_id: UUID
    comment: None | str
    created_at: datetime.datetime
    decided_at: datetime.datetime | None
    decided_by: None | str
    deemed: bool
    department: Department
    due_date: datetime.date
    id: UUID
    status: TaskStatus
    task_name: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id = str(self.application_id)

        comment: None | str
        comment = self.comment

        created_at = self.created_at.isoformat()

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decided_by: None | str
        decided_by = self.decided_by

        deemed = self.deemed

        department = self.department.value

        due_date = self.due_date.isoformat()

        id = str(self.id)

        status = self.status.value

        task_name = self.task_name

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_id": application_id,
                "comment": comment,
                "created_at": created_at,
                "decided_at": decided_at,
                "decided_by": decided_by,
                "deemed": deemed,
                "department": department,
                "due_date": due_date,
                "id": id,
                "status": status,
                "task_name": task_name,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        application_id = UUID(d.pop("application_id"))

        def _parse_comment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        comment = _parse_comment(d.pop("comment"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        def _parse_decided_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))

        deemed = d.pop("deemed")

        department = Department(d.pop("department"))

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        id = UUID(d.pop("id"))

        status = TaskStatus(d.pop("status"))

        task_name = d.pop("task_name")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        task_read = cls(
            application_id=application_id,
            comment=comment,
            created_at=created_at,
            decided_at=decided_at,
            decided_by=decided_by,
            deemed=deemed,
            department=department,
            due_date=due_date,
            id=id,
            status=status,
            task_name=task_name,
            updated_at=updated_at,
        )

        task_read.additional_properties = d
        return task_read

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

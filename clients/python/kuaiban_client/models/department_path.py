from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.department import Department
from ..models.task_status import TaskStatus

T = TypeVar("T", bound="DepartmentPath")


@_attrs_define
class DepartmentPath:
    """One department's part in an application's critical path (working days from the submission, 补正 pauses
    excluded).

        Attributes:
            added_working_days (float | None): Beyond the fastest department's; null without a decision
            critical (bool): Its decision set the application's finish
            decided_at (datetime.datetime | None): Its decision (approve or reject); null while it has none
            department (Department): `market`: 市场监管局 (Market regulation); `tax`: 税务局 (Taxation); `hrss`: 人社局 (Human
                resources and social security); `public_security`: 公安局 (Public security); `housing_fund`: 公积金中心 (Housing
                provident fund); `power`: 供电公司 (Power supply); `water`: 供水公司 (Water supply); `gas`: 燃气公司 (Gas supply);
                `natural_resources`: 自然资源和规划局 (Natural resources and planning); `housing`: 住建局 (Housing and construction);
                `development_reform`: 发改委 (Development and reform); `ecology`: 生态环境分局 (Ecology and environment);
                `finance_office`: 金融办 (Financial affairs office); `data_bureau`: 数据资源局 (Data resources bureau)
            task_status (TaskStatus): `pending`: 待审批 (Pending); `approved`: 已同意 (Approved); `rejected`: 已否决 (Rejected);
                `returned`: 退回补正 (Returned for supplement); `cancelled`: 已取消 (Cancelled)
            working_days (float | None): From the submission to its decision; null without one
    """

    added_working_days: float | None
    critical: bool
    decided_at: datetime.datetime | None
    department: Department
    task_status: TaskStatus
    working_days: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        added_working_days: float | None
        added_working_days = self.added_working_days

        critical = self.critical

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        department = self.department.value

        task_status = self.task_status.value

        working_days: float | None
        working_days = self.working_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "added_working_days": added_working_days,
                "critical": critical,
                "decided_at": decided_at,
                "department": department,
                "task_status": task_status,
                "working_days": working_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_added_working_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        added_working_days = _parse_added_working_days(d.pop("added_working_days"))

        critical = d.pop("critical")

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

        department = Department(d.pop("department"))

        task_status = TaskStatus(d.pop("task_status"))

        def _parse_working_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        working_days = _parse_working_days(d.pop("working_days"))

        department_path = cls(
            added_working_days=added_working_days,
            critical=critical,
            decided_at=decided_at,
            department=department,
            task_status=task_status,
            working_days=working_days,
        )

        department_path.additional_properties = d
        return department_path

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

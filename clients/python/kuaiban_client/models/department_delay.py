from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.department import Department

T = TypeVar("T", bound="DepartmentDelay")


@_attrs_define
class DepartmentDelay:
    """A department over many approved applications: how often it was last, and what it added.

    Attributes:
        added_working_days (float): Working days beyond the fastest department, summed
        added_working_days_when_last (float): The same, over the applications it finished
        applications (int): Approved applications it decided a task of
        avg_added_working_days (float | None):
        department (Department): `market`: 市场监管局 (Market regulation); `tax`: 税务局 (Taxation); `hrss`: 人社局 (Human
            resources and social security); `public_security`: 公安局 (Public security); `housing_fund`: 公积金中心 (Housing
            provident fund); `power`: 供电公司 (Power supply); `water`: 供水公司 (Water supply); `gas`: 燃气公司 (Gas supply);
            `natural_resources`: 自然资源和规划局 (Natural resources and planning); `housing`: 住建局 (Housing and construction);
            `development_reform`: 发改委 (Development and reform); `ecology`: 生态环境分局 (Ecology and environment);
            `finance_office`: 金融办 (Financial affairs office); `data_bureau`: 数据资源局 (Data resources bureau)
        last (int): How often its decision set the finish
        last_rate (float | None): last / applications
    """

    added_working_days: float
    added_working_days_when_last: float
    applications: int
    avg_added_working_days: float | None
    department: Department
    last: int
    last_rate: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        added_working_days = self.added_working_days

        added_working_days_when_last = self.added_working_days_when_last

        applications = self.applications

        avg_added_working_days: float | None
        avg_added_working_days = self.avg_added_working_days

        department = self.department.value

        last = self.last

        last_rate: float | None
        last_rate = self.last_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "added_working_days": added_working_days,
                "added_working_days_when_last": added_working_days_when_last,
                "applications": applications,
                "avg_added_working_days": avg_added_working_days,
                "department": department,
                "last": last,
                "last_rate": last_rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        added_working_days = d.pop("added_working_days")

        added_working_days_when_last = d.pop("added_working_days_when_last")

        applications = d.pop("applications")

        def _parse_avg_added_working_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        avg_added_working_days = _parse_avg_added_working_days(d.pop("avg_added_working_days"))

        department = Department(d.pop("department"))

        last = d.pop("last")

        def _parse_last_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        last_rate = _parse_last_rate(d.pop("last_rate"))

        department_delay = cls(
            added_working_days=added_working_days,
            added_working_days_when_last=added_working_days_when_last,
            applications=applications,
            avg_added_working_days=avg_added_working_days,
            department=department,
            last=last,
            last_rate=last_rate,
        )

        department_delay.additional_properties = d
        return department_delay

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

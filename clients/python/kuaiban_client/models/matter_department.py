from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.department import Department

T = TypeVar("T", bound="MatterDepartment")


@_attrs_define
class MatterDepartment:
    """
    Attributes:
        department (Department): `market`: 市场监管局 (Market regulation); `tax`: 税务局 (Taxation); `hrss`: 人社局 (Human
            resources and social security); `public_security`: 公安局 (Public security); `housing_fund`: 公积金中心 (Housing
            provident fund); `power`: 供电公司 (Power supply); `water`: 供水公司 (Water supply); `gas`: 燃气公司 (Gas supply);
            `natural_resources`: 自然资源和规划局 (Natural resources and planning); `housing`: 住建局 (Housing and construction);
            `development_reform`: 发改委 (Development and reform); `ecology`: 生态环境分局 (Ecology and environment);
            `finance_office`: 金融办 (Financial affairs office); `data_bureau`: 数据资源局 (Data resources bureau)
        sla_working_days (int):
        task_name (str):
    """

    department: Department
    sla_working_days: int
    task_name: str

    def to_dict(self) -> dict[str, Any]:
        department = self.department.value

        sla_working_days = self.sla_working_days

        task_name = self.task_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "department": department,
                "sla_working_days": sla_working_days,
                "task_name": task_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        department = Department(d.pop("department"))

        sla_working_days = d.pop("sla_working_days")

        task_name = d.pop("task_name")

        matter_department = cls(
            department=department,
            sla_working_days=sla_working_days,
            task_name=task_name,
        )

        return matter_department

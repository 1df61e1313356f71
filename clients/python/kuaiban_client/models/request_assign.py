from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.department import Department
from ..models.grade import Grade
from ..types import UNSET, Unset

T = TypeVar("T", bound="RequestAssign")


@_attrs_define
class RequestAssign:
    """
    Attributes:
        grade (Grade): `urgent`: 紧急 (Urgent); `normal`: 一般 (Normal); `major`: 重大 (Major)
        lead_department (Department): `market`: 市场监管局 (Market regulation); `tax`: 税务局 (Taxation); `hrss`: 人社局 (Human
            resources and social security); `public_security`: 公安局 (Public security); `housing_fund`: 公积金中心 (Housing
            provident fund); `power`: 供电公司 (Power supply); `water`: 供水公司 (Water supply); `gas`: 燃气公司 (Gas supply);
            `natural_resources`: 自然资源和规划局 (Natural resources and planning); `housing`: 住建局 (Housing and construction);
            `development_reform`: 发改委 (Development and reform); `ecology`: 生态环境分局 (Ecology and environment);
            `finance_office`: 金融办 (Financial affairs office); `data_bureau`: 数据资源局 (Data resources bureau)
        cooperating_departments (list[Department] | Unset):
    """

    grade: Grade
    lead_department: Department
    cooperating_departments: list[Department] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        grade = self.grade.value

        lead_department = self.lead_department.value

        cooperating_departments: list[str] | Unset = UNSET
        if not isinstance(self.cooperating_departments, Unset):
            cooperating_departments = []
            for cooperating_departments_item_data in self.cooperating_departments:
                cooperating_departments_item = cooperating_departments_item_data.value
                cooperating_departments.append(cooperating_departments_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "grade": grade,
                "lead_department": lead_department,
            }
        )
        if cooperating_departments is not UNSET:
            field_dict["cooperating_departments"] = cooperating_departments

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grade = Grade(d.pop("grade"))

        lead_department = Department(d.pop("lead_department"))

        _cooperating_departments = d.pop("cooperating_departments", UNSET)
        cooperating_departments: list[Department] | Unset = UNSET
        if _cooperating_departments is not UNSET:
            cooperating_departments = []
            for cooperating_departments_item_data in _cooperating_departments:
                cooperating_departments_item = Department(cooperating_departments_item_data)

                cooperating_departments.append(cooperating_departments_item)

        request_assign = cls(
            grade=grade,
            lead_department=lead_department,
            cooperating_departments=cooperating_departments,
        )

        return request_assign

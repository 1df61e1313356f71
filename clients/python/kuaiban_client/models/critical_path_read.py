from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.application_status import ApplicationStatus
from ..models.department import Department

if TYPE_CHECKING:
    from ..models.department_path import DepartmentPath


T = TypeVar("T", bound="CriticalPathRead")


@_attrs_define
class CriticalPathRead:
    """Which department's task set the application's finish, and what each department added beyond the fastest.

    Attributes:
        application_id (UUID):
        code (str):
        completed_at (datetime.datetime | None):
        department (Department | None): Whose decision set the finish (the most working days); null unless approved or
            rejected
        departments (list[DepartmentPath]): Slowest first, undecided last; an officer who is not the liaison sees its
            department's only
        elapsed_working_days (float | None): The application's, pauses excluded
        fastest_working_days (float | None): The fastest department's working days
        matter_code (str):
        status (ApplicationStatus): `in_review`: 审批中 (In review); `supplement_required`: 待补正 (Supplement required);
            `approved`: 已通过 (Approved); `rejected`: 未通过 (Rejected); `withdrawn`: 已撤回 (Withdrawn); `terminated`: 已终止
            (Terminated)
        submitted_at (datetime.datetime):
    """

    application_id: UUID
    code: str
    completed_at: datetime.datetime | None
    department: Department | None
    departments: list[DepartmentPath]
    elapsed_working_days: float | None
    fastest_working_days: float | None
    matter_code: str
    status: ApplicationStatus
    submitted_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id = str(self.application_id)

        code = self.code

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        department: None | str
        if isinstance(self.department, Department):
            department = self.department.value
        else:
            department = self.department

        departments = []
        for departments_item_data in self.departments:
            departments_item = departments_item_data.to_dict()
            departments.append(departments_item)

        elapsed_working_days: float | None
        elapsed_working_days = self.elapsed_working_days

        fastest_working_days: float | None
        fastest_working_days = self.fastest_working_days

        matter_code = self.matter_code

        status = self.status.value

        submitted_at = self.submitted_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_id": application_id,
                "code": code,
                "completed_at": completed_at,
                "department": department,
                "departments": departments,
                "elapsed_working_days": elapsed_working_days,
                "fastest_working_days": fastest_working_days,
                "matter_code": matter_code,
                "status": status,
                "submitted_at": submitted_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.department_path import DepartmentPath  # noqa: PLC0415

        d = dict(src_dict)
        application_id = UUID(d.pop("application_id"))

        code = d.pop("code")

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        def _parse_department(data: object) -> Department | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                department_type_0 = Department(data)

                return department_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Department | None, data)

        department = _parse_department(d.pop("department"))

        departments = []
        _departments = d.pop("departments")
        for departments_item_data in _departments:
            departments_item = DepartmentPath.from_dict(departments_item_data)

            departments.append(departments_item)

        def _parse_elapsed_working_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        elapsed_working_days = _parse_elapsed_working_days(d.pop("elapsed_working_days"))

        def _parse_fastest_working_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        fastest_working_days = _parse_fastest_working_days(d.pop("fastest_working_days"))

        matter_code = d.pop("matter_code")

        status = ApplicationStatus(d.pop("status"))

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        critical_path_read = cls(
            application_id=application_id,
            code=code,
            completed_at=completed_at,
            department=department,
            departments=departments,
            elapsed_working_days=elapsed_working_days,
            fastest_working_days=fastest_working_days,
            matter_code=matter_code,
            status=status,
            submitted_at=submitted_at,
        )

        critical_path_read.additional_properties = d
        return critical_path_read

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

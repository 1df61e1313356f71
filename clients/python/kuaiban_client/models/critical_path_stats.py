from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.department_delay import DepartmentDelay


T = TypeVar("T", bound="CriticalPathStats")


@_attrs_define
class CriticalPathStats:
    """
    Attributes:
        applications (int): Approved applications counted
        departments (list[DepartmentDelay]): Most often last first
        matter_code (None | str): The filter, if any
        since (datetime.date | None): The filter, if any: completed on or after this CST day
    """

    applications: int
    departments: list[DepartmentDelay]
    matter_code: None | str
    since: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        applications = self.applications

        departments = []
        for departments_item_data in self.departments:
            departments_item = departments_item_data.to_dict()
            departments.append(departments_item)

        matter_code: None | str
        matter_code = self.matter_code

        since: None | str
        if isinstance(self.since, datetime.date):
            since = self.since.isoformat()
        else:
            since = self.since

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "applications": applications,
                "departments": departments,
                "matter_code": matter_code,
                "since": since,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.department_delay import DepartmentDelay  # noqa: PLC0415

        d = dict(src_dict)
        applications = d.pop("applications")

        departments = []
        _departments = d.pop("departments")
        for departments_item_data in _departments:
            departments_item = DepartmentDelay.from_dict(departments_item_data)

            departments.append(departments_item)

        def _parse_matter_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        matter_code = _parse_matter_code(d.pop("matter_code"))

        def _parse_since(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                since_type_0 = datetime.date.fromisoformat(data)

                return since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        since = _parse_since(d.pop("since"))

        critical_path_stats = cls(
            applications=applications,
            departments=departments,
            matter_code=matter_code,
            since=since,
        )

        critical_path_stats.additional_properties = d
        return critical_path_stats

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

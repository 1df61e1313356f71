from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.department import Department
from ..types import UNSET, Unset

T = TypeVar("T", bound="OnsiteCreate")


@_attrs_define
class OnsiteCreate:
    """
    Attributes:
        address (str): Where the officer comes to
        matter_code (str):
        department (Department | None | Unset): Who serves it; default: the department of the windows serving the matter
            (422 when they are several departments or none)
        enterprise_id (None | Unset | UUID): Required when an admin or the enterprise's liaison officer requests for it
        notes (None | str | Unset):
        preferred_dates (list[datetime.date] | Unset):
    """

    address: str
    matter_code: str
    department: Department | None | Unset = UNSET
    enterprise_id: None | Unset | UUID = UNSET
    notes: None | str | Unset = UNSET
    preferred_dates: list[datetime.date] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        address = self.address

        matter_code = self.matter_code

        department: None | str | Unset
        if isinstance(self.department, Unset):
            department = UNSET
        elif isinstance(self.department, Department):
            department = self.department.value
        else:
            department = self.department

        enterprise_id: None | str | Unset
        if isinstance(self.enterprise_id, Unset):
            enterprise_id = UNSET
        elif isinstance(self.enterprise_id, UUID):
            enterprise_id = str(self.enterprise_id)
        else:
            enterprise_id = self.enterprise_id

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        preferred_dates: list[str] | Unset = UNSET
        if not isinstance(self.preferred_dates, Unset):
            preferred_dates = []
            for preferred_dates_item_data in self.preferred_dates:
                preferred_dates_item = preferred_dates_item_data.isoformat()
                preferred_dates.append(preferred_dates_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "address": address,
                "matter_code": matter_code,
            }
        )
        if department is not UNSET:
            field_dict["department"] = department
        if enterprise_id is not UNSET:
            field_dict["enterprise_id"] = enterprise_id
        if notes is not UNSET:
            field_dict["notes"] = notes
        if preferred_dates is not UNSET:
            field_dict["preferred_dates"] = preferred_dates

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        address = d.pop("address")

        matter_code = d.pop("matter_code")

        def _parse_department(data: object) -> Department | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                department_type_0 = Department(data)

                return department_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Department | None | Unset, data)

        department = _parse_department(d.pop("department", UNSET))

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

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        _preferred_dates = d.pop("preferred_dates", UNSET)
        preferred_dates: list[datetime.date] | Unset = UNSET
        if _preferred_dates is not UNSET:
            preferred_dates = []
            for preferred_dates_item_data in _preferred_dates:
                preferred_dates_item = datetime.date.fromisoformat(preferred_dates_item_data)

                preferred_dates.append(preferred_dates_item)

        onsite_create = cls(
            address=address,
            matter_code=matter_code,
            department=department,
            enterprise_id=enterprise_id,
            notes=notes,
            preferred_dates=preferred_dates,
        )

        return onsite_create

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="YearScheduleBody")


@_attrs_define
class YearScheduleBody:
    """One year of the calendar: the weekdays off and the weekend days worked (调休).

    Attributes:
        holidays (list[datetime.date]):
        provisional (bool):
        workdays (list[datetime.date]):
        year (int):
    """

    holidays: list[datetime.date]
    provisional: bool
    workdays: list[datetime.date]
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        holidays = []
        for holidays_item_data in self.holidays:
            holidays_item = holidays_item_data.isoformat()
            holidays.append(holidays_item)

        provisional = self.provisional

        workdays = []
        for workdays_item_data in self.workdays:
            workdays_item = workdays_item_data.isoformat()
            workdays.append(workdays_item)

        year = self.year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "holidays": holidays,
                "provisional": provisional,
                "workdays": workdays,
                "year": year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        holidays = []
        _holidays = d.pop("holidays")
        for holidays_item_data in _holidays:
            holidays_item = datetime.date.fromisoformat(holidays_item_data)

            holidays.append(holidays_item)

        provisional = d.pop("provisional")

        workdays = []
        _workdays = d.pop("workdays")
        for workdays_item_data in _workdays:
            workdays_item = datetime.date.fromisoformat(workdays_item_data)

            workdays.append(workdays_item)

        year = d.pop("year")

        year_schedule_body = cls(
            holidays=holidays,
            provisional=provisional,
            workdays=workdays,
            year=year,
        )

        year_schedule_body.additional_properties = d
        return year_schedule_body

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

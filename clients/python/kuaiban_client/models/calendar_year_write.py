from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CalendarYearWrite")


@_attrs_define
class CalendarYearWrite:
    """A year's official schedule as an admin loads it; it replaces the stored year.

    Attributes:
        holidays (list[datetime.date]): Weekdays off
        workdays (list[datetime.date]): Saturdays and Sundays worked (调休)
        provisional (bool | Unset): True only for a schedule not yet official Default: False.
        year (int | None | Unset): If given, must equal the year in the path
    """

    holidays: list[datetime.date]
    workdays: list[datetime.date]
    provisional: bool | Unset = False
    year: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        holidays = []
        for holidays_item_data in self.holidays:
            holidays_item = holidays_item_data.isoformat()
            holidays.append(holidays_item)

        workdays = []
        for workdays_item_data in self.workdays:
            workdays_item = workdays_item_data.isoformat()
            workdays.append(workdays_item)

        provisional = self.provisional

        year: int | None | Unset
        if isinstance(self.year, Unset):
            year = UNSET
        else:
            year = self.year

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "holidays": holidays,
                "workdays": workdays,
            }
        )
        if provisional is not UNSET:
            field_dict["provisional"] = provisional
        if year is not UNSET:
            field_dict["year"] = year

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        holidays = []
        _holidays = d.pop("holidays")
        for holidays_item_data in _holidays:
            holidays_item = datetime.date.fromisoformat(holidays_item_data)

            holidays.append(holidays_item)

        workdays = []
        _workdays = d.pop("workdays")
        for workdays_item_data in _workdays:
            workdays_item = datetime.date.fromisoformat(workdays_item_data)

            workdays.append(workdays_item)

        provisional = d.pop("provisional", UNSET)

        def _parse_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        year = _parse_year(d.pop("year", UNSET))

        calendar_year_write = cls(
            holidays=holidays,
            workdays=workdays,
            provisional=provisional,
            year=year,
        )

        return calendar_year_write

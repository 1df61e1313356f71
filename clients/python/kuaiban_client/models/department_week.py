from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DepartmentWeek")


@_attrs_define
class DepartmentWeek:
    """A lead department's punctuality in one ISO week: the requests whose punctuality was settled in it.

    Attributes:
        on_time (int):
        on_time_rate (float | None):
        settled (int):
        starts_on (datetime.date):
        week (str):
    """

    on_time: int
    on_time_rate: float | None
    settled: int
    starts_on: datetime.date
    week: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        on_time = self.on_time

        on_time_rate: float | None
        on_time_rate = self.on_time_rate

        settled = self.settled

        starts_on = self.starts_on.isoformat()

        week = self.week

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "on_time": on_time,
                "on_time_rate": on_time_rate,
                "settled": settled,
                "starts_on": starts_on,
                "week": week,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        on_time = d.pop("on_time")

        def _parse_on_time_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        on_time_rate = _parse_on_time_rate(d.pop("on_time_rate"))

        settled = d.pop("settled")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        week = d.pop("week")

        department_week = cls(
            on_time=on_time,
            on_time_rate=on_time_rate,
            settled=settled,
            starts_on=starts_on,
            week=week,
        )

        department_week.additional_properties = d
        return department_week

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

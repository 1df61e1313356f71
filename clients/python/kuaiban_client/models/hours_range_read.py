from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.weekday import Weekday

T = TypeVar("T", bound="HoursRangeRead")


@_attrs_define
class HoursRangeRead:
    """
    Attributes:
        after_hours (bool):
        end (str): HH:MM, China Standard Time
        start (str): HH:MM, China Standard Time
        weekday (Weekday): Days of the week, in `date.weekday()` order (Monday first).

            `monday`: 星期一 (Monday); `tuesday`: 星期二 (Tuesday); `wednesday`: 星期三 (Wednesday); `thursday`: 星期四 (Thursday);
            `friday`: 星期五 (Friday); `saturday`: 星期六 (Saturday); `sunday`: 星期日 (Sunday)
    """

    after_hours: bool
    end: str
    start: str
    weekday: Weekday
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        after_hours = self.after_hours

        end = self.end

        start = self.start

        weekday = self.weekday.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "after_hours": after_hours,
                "end": end,
                "start": start,
                "weekday": weekday,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        after_hours = d.pop("after_hours")

        end = d.pop("end")

        start = d.pop("start")

        weekday = Weekday(d.pop("weekday"))

        hours_range_read = cls(
            after_hours=after_hours,
            end=end,
            start=start,
            weekday=weekday,
        )

        hours_range_read.additional_properties = d
        return hours_range_read

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.weekday import Weekday
from ..types import UNSET, Unset

T = TypeVar("T", bound="HoursRangeBody")


@_attrs_define
class HoursRangeBody:
    """One opening range of a weekday, `HH:MM` to `HH:MM` in China Standard Time.

    Attributes:
        end (str): HH:MM, China Standard Time, after `start`
        start (str): HH:MM, China Standard Time
        weekday (Weekday): Days of the week, in `date.weekday()` order (Monday first).

            `monday`: 星期一 (Monday); `tuesday`: 星期二 (Tuesday); `wednesday`: 星期三 (Wednesday); `thursday`: 星期四 (Thursday);
            `friday`: 星期五 (Friday); `saturday`: 星期六 (Saturday); `sunday`: 星期日 (Sunday)
        after_hours (bool | Unset): An after-hours range (延时办): evenings, weekends Default: False.
    """

    end: str
    start: str
    weekday: Weekday
    after_hours: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        end = self.end

        start = self.start

        weekday = self.weekday.value

        after_hours = self.after_hours

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "end": end,
                "start": start,
                "weekday": weekday,
            }
        )
        if after_hours is not UNSET:
            field_dict["after_hours"] = after_hours

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        end = d.pop("end")

        start = d.pop("start")

        weekday = Weekday(d.pop("weekday"))

        after_hours = d.pop("after_hours", UNSET)

        hours_range_body = cls(
            end=end,
            start=start,
            weekday=weekday,
            after_hours=after_hours,
        )

        return hours_range_body

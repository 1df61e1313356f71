from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ApprovalDepartmentWeek")


@_attrs_define
class ApprovalDepartmentWeek:
    """A department's punctuality in one ISO week: the tasks it decided in it (a cell of the SLA heatmap).

    Attributes:
        decided (int): Tasks it approved or rejected in the week
        on_time (int): Of those, decided (CST day) on or before the task's due date
        on_time_rate (float | None):
        starts_on (datetime.date): Its Monday
        week (str): ISO week, `YYYY-Www` (China Standard Time)
    """

    decided: int
    on_time: int
    on_time_rate: float | None
    starts_on: datetime.date
    week: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        decided = self.decided

        on_time = self.on_time

        on_time_rate: float | None
        on_time_rate = self.on_time_rate

        starts_on = self.starts_on.isoformat()

        week = self.week

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "decided": decided,
                "on_time": on_time,
                "on_time_rate": on_time_rate,
                "starts_on": starts_on,
                "week": week,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        decided = d.pop("decided")

        on_time = d.pop("on_time")

        def _parse_on_time_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        on_time_rate = _parse_on_time_rate(d.pop("on_time_rate"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        week = d.pop("week")

        approval_department_week = cls(
            decided=decided,
            on_time=on_time,
            on_time_rate=on_time_rate,
            starts_on=starts_on,
            week=week,
        )

        approval_department_week.additional_properties = d
        return approval_department_week

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

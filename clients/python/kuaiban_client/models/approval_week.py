from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ApprovalWeek")


@_attrs_define
class ApprovalWeek:
    """
    Attributes:
        approved (int): Applications approved in the week
        avg_materials (float | None): Materials handed in per application received in the week
        avg_working_days (float | None): Of the applications approved in the week
        completed (int): Applications approved or rejected (办结) in the week
        received (int): Applications submitted in the week
        starts_on (datetime.date): Its Monday
        week (str): ISO week, `YYYY-Www` (China Standard Time)
    """

    approved: int
    avg_materials: float | None
    avg_working_days: float | None
    completed: int
    received: int
    starts_on: datetime.date
    week: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approved = self.approved

        avg_materials: float | None
        avg_materials = self.avg_materials

        avg_working_days: float | None
        avg_working_days = self.avg_working_days

        completed = self.completed

        received = self.received

        starts_on = self.starts_on.isoformat()

        week = self.week

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approved": approved,
                "avg_materials": avg_materials,
                "avg_working_days": avg_working_days,
                "completed": completed,
                "received": received,
                "starts_on": starts_on,
                "week": week,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        approved = d.pop("approved")

        def _parse_avg_materials(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        avg_materials = _parse_avg_materials(d.pop("avg_materials"))

        def _parse_avg_working_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        avg_working_days = _parse_avg_working_days(d.pop("avg_working_days"))

        completed = d.pop("completed")

        received = d.pop("received")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        week = d.pop("week")

        approval_week = cls(
            approved=approved,
            avg_materials=avg_materials,
            avg_working_days=avg_working_days,
            completed=completed,
            received=received,
            starts_on=starts_on,
            week=week,
        )

        approval_week.additional_properties = d
        return approval_week

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

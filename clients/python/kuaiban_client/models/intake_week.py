from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IntakeWeek")


@_attrs_define
class IntakeWeek:
    """One ISO week (Monday to Sunday, CST) of requests.

    Attributes:
        closed (int): Requests closed in the week
        feedback (int): Ratings given in the week
        on_time (int): Of those, first answered by the due date
        on_time_rate (float | None):
        received (int): Requests raised in the week
        satisfaction_rate (float | None):
        satisfied (int): Of those, ratings of 4 or 5
        settled (int): Requests whose punctuality was settled in the week: first answered in it, or (unanswered) past
            their due date from a day in it
        starts_on (datetime.date): Its Monday
        week (str): ISO week, `YYYY-Www`
    """

    closed: int
    feedback: int
    on_time: int
    on_time_rate: float | None
    received: int
    satisfaction_rate: float | None
    satisfied: int
    settled: int
    starts_on: datetime.date
    week: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        closed = self.closed

        feedback = self.feedback

        on_time = self.on_time

        on_time_rate: float | None
        on_time_rate = self.on_time_rate

        received = self.received

        satisfaction_rate: float | None
        satisfaction_rate = self.satisfaction_rate

        satisfied = self.satisfied

        settled = self.settled

        starts_on = self.starts_on.isoformat()

        week = self.week

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "closed": closed,
                "feedback": feedback,
                "on_time": on_time,
                "on_time_rate": on_time_rate,
                "received": received,
                "satisfaction_rate": satisfaction_rate,
                "satisfied": satisfied,
                "settled": settled,
                "starts_on": starts_on,
                "week": week,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        closed = d.pop("closed")

        feedback = d.pop("feedback")

        on_time = d.pop("on_time")

        def _parse_on_time_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        on_time_rate = _parse_on_time_rate(d.pop("on_time_rate"))

        received = d.pop("received")

        def _parse_satisfaction_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        satisfaction_rate = _parse_satisfaction_rate(d.pop("satisfaction_rate"))

        satisfied = d.pop("satisfied")

        settled = d.pop("settled")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        week = d.pop("week")

        intake_week = cls(
            closed=closed,
            feedback=feedback,
            on_time=on_time,
            on_time_rate=on_time_rate,
            received=received,
            satisfaction_rate=satisfaction_rate,
            satisfied=satisfied,
            settled=settled,
            starts_on=starts_on,
            week=week,
        )

        intake_week.additional_properties = d
        return intake_week

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

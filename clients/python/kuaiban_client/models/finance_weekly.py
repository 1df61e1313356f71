from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.event_results import EventResults
    from ..models.finance_week import FinanceWeek


T = TypeVar("T", bound="FinanceWeekly")


@_attrs_define
class FinanceWeekly:
    """
    Attributes:
        events (list[EventResults]): Every matchmaking event, the latest first
        weeks (list[FinanceWeek]): The last `weeks` ISO weeks, the current one last
    """

    events: list[EventResults]
    weeks: list[FinanceWeek]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        weeks = []
        for weeks_item_data in self.weeks:
            weeks_item = weeks_item_data.to_dict()
            weeks.append(weeks_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "events": events,
                "weeks": weeks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_results import EventResults  # noqa: PLC0415
        from ..models.finance_week import FinanceWeek  # noqa: PLC0415

        d = dict(src_dict)
        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = EventResults.from_dict(events_item_data)

            events.append(events_item)

        weeks = []
        _weeks = d.pop("weeks")
        for weeks_item_data in _weeks:
            weeks_item = FinanceWeek.from_dict(weeks_item_data)

            weeks.append(weeks_item)

        finance_weekly = cls(
            events=events,
            weeks=weeks,
        )

        finance_weekly.additional_properties = d
        return finance_weekly

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

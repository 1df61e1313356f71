from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MeetingStats")


@_attrs_define
class MeetingStats:
    """
    Attributes:
        closed (int):
        received (int):
        satisfaction_rate (float | None):
    """

    closed: int
    received: int
    satisfaction_rate: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        closed = self.closed

        received = self.received

        satisfaction_rate: float | None
        satisfaction_rate = self.satisfaction_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "closed": closed,
                "received": received,
                "satisfaction_rate": satisfaction_rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        closed = d.pop("closed")

        received = d.pop("received")

        def _parse_satisfaction_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        satisfaction_rate = _parse_satisfaction_rate(d.pop("satisfaction_rate"))

        meeting_stats = cls(
            closed=closed,
            received=received,
            satisfaction_rate=satisfaction_rate,
        )

        meeting_stats.additional_properties = d
        return meeting_stats

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

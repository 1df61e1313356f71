from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PublicRequests")


@_attrs_define
class PublicRequests:
    """Enterprise requests (诉求) county-wide.

    Attributes:
        avg_reply_working_days (float | None):
        closed (int):
        completion_rate (float | None):
        on_time_rate (float | None):
        received (int):
        satisfaction_rate (float | None): Ratings of 4 or 5 among those given
    """

    avg_reply_working_days: float | None
    closed: int
    completion_rate: float | None
    on_time_rate: float | None
    received: int
    satisfaction_rate: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        avg_reply_working_days: float | None
        avg_reply_working_days = self.avg_reply_working_days

        closed = self.closed

        completion_rate: float | None
        completion_rate = self.completion_rate

        on_time_rate: float | None
        on_time_rate = self.on_time_rate

        received = self.received

        satisfaction_rate: float | None
        satisfaction_rate = self.satisfaction_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "avg_reply_working_days": avg_reply_working_days,
                "closed": closed,
                "completion_rate": completion_rate,
                "on_time_rate": on_time_rate,
                "received": received,
                "satisfaction_rate": satisfaction_rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_avg_reply_working_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        avg_reply_working_days = _parse_avg_reply_working_days(d.pop("avg_reply_working_days"))

        closed = d.pop("closed")

        def _parse_completion_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        completion_rate = _parse_completion_rate(d.pop("completion_rate"))

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

        public_requests = cls(
            avg_reply_working_days=avg_reply_working_days,
            closed=closed,
            completion_rate=completion_rate,
            on_time_rate=on_time_rate,
            received=received,
            satisfaction_rate=satisfaction_rate,
        )

        public_requests.additional_properties = d
        return public_requests

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

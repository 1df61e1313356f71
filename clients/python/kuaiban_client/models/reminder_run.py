from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReminderRun")


@_attrs_define
class ReminderRun:
    """
    Attributes:
        appointments (int): Appointments reminded in this run
        onsite_requests (int): On-site visits reminded in this run
    """

    appointments: int
    onsite_requests: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        appointments = self.appointments

        onsite_requests = self.onsite_requests

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appointments": appointments,
                "onsite_requests": onsite_requests,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        appointments = d.pop("appointments")

        onsite_requests = d.pop("onsite_requests")

        reminder_run = cls(
            appointments=appointments,
            onsite_requests=onsite_requests,
        )

        reminder_run.additional_properties = d
        return reminder_run

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

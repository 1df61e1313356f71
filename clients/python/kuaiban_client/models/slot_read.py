from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SlotRead")


@_attrs_define
class SlotRead:
    """A slot with a place free.

    Attributes:
        after_hours (bool): An after-hours slot (延时办)
        capacity (int):
        end (datetime.datetime):
        hall_id (UUID):
        hall_name (str):
        remaining (int): Places still free (at least 1)
        start (datetime.datetime): China Standard Time (+08:00); book it by this instant
        window_id (UUID):
        window_name (str):
        window_number (str):
    """

    after_hours: bool
    capacity: int
    end: datetime.datetime
    hall_id: UUID
    hall_name: str
    remaining: int
    start: datetime.datetime
    window_id: UUID
    window_name: str
    window_number: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        after_hours = self.after_hours

        capacity = self.capacity

        end = self.end.isoformat()

        hall_id = str(self.hall_id)

        hall_name = self.hall_name

        remaining = self.remaining

        start = self.start.isoformat()

        window_id = str(self.window_id)

        window_name = self.window_name

        window_number = self.window_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "after_hours": after_hours,
                "capacity": capacity,
                "end": end,
                "hall_id": hall_id,
                "hall_name": hall_name,
                "remaining": remaining,
                "start": start,
                "window_id": window_id,
                "window_name": window_name,
                "window_number": window_number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        after_hours = d.pop("after_hours")

        capacity = d.pop("capacity")

        end = datetime.datetime.fromisoformat(d.pop("end"))

        hall_id = UUID(d.pop("hall_id"))

        hall_name = d.pop("hall_name")

        remaining = d.pop("remaining")

        start = datetime.datetime.fromisoformat(d.pop("start"))

        window_id = UUID(d.pop("window_id"))

        window_name = d.pop("window_name")

        window_number = d.pop("window_number")

        slot_read = cls(
            after_hours=after_hours,
            capacity=capacity,
            end=end,
            hall_id=hall_id,
            hall_name=hall_name,
            remaining=remaining,
            start=start,
            window_id=window_id,
            window_name=window_name,
            window_number=window_number,
        )

        slot_read.additional_properties = d
        return slot_read

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MeetingCreate")


@_attrs_define
class MeetingCreate:
    """
    Attributes:
        held_on (datetime.date):
        location (str):
        title (str):
    """

    held_on: datetime.date
    location: str
    title: str

    def to_dict(self) -> dict[str, Any]:
        held_on = self.held_on.isoformat()

        location = self.location

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "held_on": held_on,
                "location": location,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        location = d.pop("location")

        title = d.pop("title")

        meeting_create = cls(
            held_on=held_on,
            location=location,
            title=title,
        )

        return meeting_create

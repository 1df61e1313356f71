from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="OnsiteSchedule")


@_attrs_define
class OnsiteSchedule:
    """
    Attributes:
        officer_username (str): An officer of the request's department
        start (datetime.datetime): When the officer arrives; on a working day, in the future
    """

    officer_username: str
    start: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        officer_username = self.officer_username

        start = self.start.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "officer_username": officer_username,
                "start": start,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        officer_username = d.pop("officer_username")

        start = datetime.datetime.fromisoformat(d.pop("start"))

        onsite_schedule = cls(
            officer_username=officer_username,
            start=start,
        )

        return onsite_schedule

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AppointmentReschedule")


@_attrs_define
class AppointmentReschedule:
    """
    Attributes:
        start (datetime.datetime): The new slot's start
        window_id (None | Unset | UUID): Another window serving the matter; default: same
    """

    start: datetime.datetime
    window_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        start = self.start.isoformat()

        window_id: None | str | Unset
        if isinstance(self.window_id, Unset):
            window_id = UNSET
        elif isinstance(self.window_id, UUID):
            window_id = str(self.window_id)
        else:
            window_id = self.window_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "start": start,
            }
        )
        if window_id is not UNSET:
            field_dict["window_id"] = window_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        start = datetime.datetime.fromisoformat(d.pop("start"))

        def _parse_window_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                window_id_type_0 = UUID(data)

                return window_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        window_id = _parse_window_id(d.pop("window_id", UNSET))

        appointment_reschedule = cls(
            start=start,
            window_id=window_id,
        )

        return appointment_reschedule

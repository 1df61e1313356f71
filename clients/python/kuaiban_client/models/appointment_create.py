from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AppointmentCreate")


@_attrs_define
class AppointmentCreate:
    """
    Attributes:
        matter_code (str):
        start (datetime.datetime): The slot's start, as the slot list gives it
        window_id (UUID):
        enterprise_id (None | Unset | UUID): Required when an admin or the enterprise's liaison officer books for it
    """

    matter_code: str
    start: datetime.datetime
    window_id: UUID
    enterprise_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        matter_code = self.matter_code

        start = self.start.isoformat()

        window_id = str(self.window_id)

        enterprise_id: None | str | Unset
        if isinstance(self.enterprise_id, Unset):
            enterprise_id = UNSET
        elif isinstance(self.enterprise_id, UUID):
            enterprise_id = str(self.enterprise_id)
        else:
            enterprise_id = self.enterprise_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "matter_code": matter_code,
                "start": start,
                "window_id": window_id,
            }
        )
        if enterprise_id is not UNSET:
            field_dict["enterprise_id"] = enterprise_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        matter_code = d.pop("matter_code")

        start = datetime.datetime.fromisoformat(d.pop("start"))

        window_id = UUID(d.pop("window_id"))

        def _parse_enterprise_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                enterprise_id_type_0 = UUID(data)

                return enterprise_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        enterprise_id = _parse_enterprise_id(d.pop("enterprise_id", UNSET))

        appointment_create = cls(
            matter_code=matter_code,
            start=start,
            window_id=window_id,
            enterprise_id=enterprise_id,
        )

        return appointment_create

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SignCreate")


@_attrs_define
class SignCreate:
    """
    Attributes:
        annual_rate_pct (float):
        signed_amount_yuan (int):
        signed_on (datetime.date):
        term_months (int):
        event_id (None | Unset | UUID):
    """

    annual_rate_pct: float
    signed_amount_yuan: int
    signed_on: datetime.date
    term_months: int
    event_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        annual_rate_pct = self.annual_rate_pct

        signed_amount_yuan = self.signed_amount_yuan

        signed_on = self.signed_on.isoformat()

        term_months = self.term_months

        event_id: None | str | Unset
        if isinstance(self.event_id, Unset):
            event_id = UNSET
        elif isinstance(self.event_id, UUID):
            event_id = str(self.event_id)
        else:
            event_id = self.event_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "annual_rate_pct": annual_rate_pct,
                "signed_amount_yuan": signed_amount_yuan,
                "signed_on": signed_on,
                "term_months": term_months,
            }
        )
        if event_id is not UNSET:
            field_dict["event_id"] = event_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        annual_rate_pct = d.pop("annual_rate_pct")

        signed_amount_yuan = d.pop("signed_amount_yuan")

        signed_on = datetime.date.fromisoformat(d.pop("signed_on"))

        term_months = d.pop("term_months")

        def _parse_event_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                event_id_type_0 = UUID(data)

                return event_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        event_id = _parse_event_id(d.pop("event_id", UNSET))

        sign_create = cls(
            annual_rate_pct=annual_rate_pct,
            signed_amount_yuan=signed_amount_yuan,
            signed_on=signed_on,
            term_months=term_months,
            event_id=event_id,
        )

        return sign_create

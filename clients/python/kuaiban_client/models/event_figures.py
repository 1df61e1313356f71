from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EventFigures")


@_attrs_define
class EventFigures:
    """A matchmaking event and what was signed at it.

    Attributes:
        amount_signed_yuan (int):
        deals (int):
        held_on (datetime.date):
        id (UUID):
        title (str):
    """

    amount_signed_yuan: int
    deals: int
    held_on: datetime.date
    id: UUID
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_signed_yuan = self.amount_signed_yuan

        deals = self.deals

        held_on = self.held_on.isoformat()

        id = str(self.id)

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_signed_yuan": amount_signed_yuan,
                "deals": deals,
                "held_on": held_on,
                "id": id,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_signed_yuan = d.pop("amount_signed_yuan")

        deals = d.pop("deals")

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        id = UUID(d.pop("id"))

        title = d.pop("title")

        event_figures = cls(
            amount_signed_yuan=amount_signed_yuan,
            deals=deals,
            held_on=held_on,
            id=id,
            title=title,
        )

        event_figures.additional_properties = d
        return event_figures

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.event_bank_figures import EventBankFigures


T = TypeVar("T", bound="EventResults")


@_attrs_define
class EventResults:
    """A matchmaking event's results: enterprises that signed there and the amount, overall and by bank.

    Attributes:
        amount_signed_yuan (int):
        by_bank (list[EventBankFigures]): Banks that signed at the event, the largest amount first
        deals (int):
        enterprises (int):
        held_on (datetime.date):
        id (UUID):
        location (str):
        title (str):
    """

    amount_signed_yuan: int
    by_bank: list[EventBankFigures]
    deals: int
    enterprises: int
    held_on: datetime.date
    id: UUID
    location: str
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_signed_yuan = self.amount_signed_yuan

        by_bank = []
        for by_bank_item_data in self.by_bank:
            by_bank_item = by_bank_item_data.to_dict()
            by_bank.append(by_bank_item)

        deals = self.deals

        enterprises = self.enterprises

        held_on = self.held_on.isoformat()

        id = str(self.id)

        location = self.location

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_signed_yuan": amount_signed_yuan,
                "by_bank": by_bank,
                "deals": deals,
                "enterprises": enterprises,
                "held_on": held_on,
                "id": id,
                "location": location,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_bank_figures import EventBankFigures  # noqa: PLC0415

        d = dict(src_dict)
        amount_signed_yuan = d.pop("amount_signed_yuan")

        by_bank = []
        _by_bank = d.pop("by_bank")
        for by_bank_item_data in _by_bank:
            by_bank_item = EventBankFigures.from_dict(by_bank_item_data)

            by_bank.append(by_bank_item)

        deals = d.pop("deals")

        enterprises = d.pop("enterprises")

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        id = UUID(d.pop("id"))

        location = d.pop("location")

        title = d.pop("title")

        event_results = cls(
            amount_signed_yuan=amount_signed_yuan,
            by_bank=by_bank,
            deals=deals,
            enterprises=enterprises,
            held_on=held_on,
            id=id,
            location=location,
            title=title,
        )

        event_results.additional_properties = d
        return event_results

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

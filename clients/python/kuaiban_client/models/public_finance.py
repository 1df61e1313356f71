from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PublicFinance")


@_attrs_define
class PublicFinance:
    """Bank-enterprise financing county-wide.

    Attributes:
        amount_signed_yuan (int):
        deals (int):
        enterprises_financed (int):
        matchmaking_events (int):
    """

    amount_signed_yuan: int
    deals: int
    enterprises_financed: int
    matchmaking_events: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_signed_yuan = self.amount_signed_yuan

        deals = self.deals

        enterprises_financed = self.enterprises_financed

        matchmaking_events = self.matchmaking_events

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_signed_yuan": amount_signed_yuan,
                "deals": deals,
                "enterprises_financed": enterprises_financed,
                "matchmaking_events": matchmaking_events,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_signed_yuan = d.pop("amount_signed_yuan")

        deals = d.pop("deals")

        enterprises_financed = d.pop("enterprises_financed")

        matchmaking_events = d.pop("matchmaking_events")

        public_finance = cls(
            amount_signed_yuan=amount_signed_yuan,
            deals=deals,
            enterprises_financed=enterprises_financed,
            matchmaking_events=matchmaking_events,
        )

        public_finance.additional_properties = d
        return public_finance

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EventBankFigures")


@_attrs_define
class EventBankFigures:
    """
    Attributes:
        amount_signed_yuan (int):
        code (str):
        deals (int):
        enterprises (int):
        name (str):
    """

    amount_signed_yuan: int
    code: str
    deals: int
    enterprises: int
    name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_signed_yuan = self.amount_signed_yuan

        code = self.code

        deals = self.deals

        enterprises = self.enterprises

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_signed_yuan": amount_signed_yuan,
                "code": code,
                "deals": deals,
                "enterprises": enterprises,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_signed_yuan = d.pop("amount_signed_yuan")

        code = d.pop("code")

        deals = d.pop("deals")

        enterprises = d.pop("enterprises")

        name = d.pop("name")

        event_bank_figures = cls(
            amount_signed_yuan=amount_signed_yuan,
            code=code,
            deals=deals,
            enterprises=enterprises,
            name=name,
        )

        event_bank_figures.additional_properties = d
        return event_bank_figures

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

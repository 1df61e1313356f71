from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BankFigures")


@_attrs_define
class BankFigures:
    """
    Attributes:
        amount_signed_yuan (int):
        applications (int):
        deals (int):
        name (str):
    """

    amount_signed_yuan: int
    applications: int
    deals: int
    name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_signed_yuan = self.amount_signed_yuan

        applications = self.applications

        deals = self.deals

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_signed_yuan": amount_signed_yuan,
                "applications": applications,
                "deals": deals,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_signed_yuan = d.pop("amount_signed_yuan")

        applications = d.pop("applications")

        deals = d.pop("deals")

        name = d.pop("name")

        bank_figures = cls(
            amount_signed_yuan=amount_signed_yuan,
            applications=applications,
            deals=deals,
            name=name,
        )

        bank_figures.additional_properties = d
        return bank_figures

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

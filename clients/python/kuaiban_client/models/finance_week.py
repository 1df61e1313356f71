from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FinanceWeek")


@_attrs_define
class FinanceWeek:
    """One ISO week (Monday to Sunday) of signed loans, by the day each was signed.

    Attributes:
        amount_signed_yuan (int):
        deals (int):
        enterprises (int): Distinct enterprises that signed in the week
        starts_on (datetime.date): Its Monday
        week (str): ISO week, `YYYY-Www`
    """

    amount_signed_yuan: int
    deals: int
    enterprises: int
    starts_on: datetime.date
    week: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_signed_yuan = self.amount_signed_yuan

        deals = self.deals

        enterprises = self.enterprises

        starts_on = self.starts_on.isoformat()

        week = self.week

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_signed_yuan": amount_signed_yuan,
                "deals": deals,
                "enterprises": enterprises,
                "starts_on": starts_on,
                "week": week,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_signed_yuan = d.pop("amount_signed_yuan")

        deals = d.pop("deals")

        enterprises = d.pop("enterprises")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        week = d.pop("week")

        finance_week = cls(
            amount_signed_yuan=amount_signed_yuan,
            deals=deals,
            enterprises=enterprises,
            starts_on=starts_on,
            week=week,
        )

        finance_week.additional_properties = d
        return finance_week

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

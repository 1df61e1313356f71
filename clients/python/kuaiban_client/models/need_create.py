from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.collateral import Collateral
from ..types import UNSET, Unset

T = TypeVar("T", bound="NeedCreate")


@_attrs_define
class NeedCreate:
    """
    Attributes:
        amount_yuan (int):
        collateral_available (list[Collateral]):
        purpose (str):
        term_months (int):
        consent (bool | Unset): Whether banks may see the need as a lead (lead lists, near-miss counts, webhooks). Given
            when the need is posted (default true); withdrawn by `DELETE /finance/needs/{id}/consent`. Default: True.
        max_annual_rate_pct (float | None | Unset):
    """

    amount_yuan: int
    collateral_available: list[Collateral]
    purpose: str
    term_months: int
    consent: bool | Unset = True
    max_annual_rate_pct: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount_yuan = self.amount_yuan

        collateral_available = []
        for collateral_available_item_data in self.collateral_available:
            collateral_available_item = collateral_available_item_data.value
            collateral_available.append(collateral_available_item)

        purpose = self.purpose

        term_months = self.term_months

        consent = self.consent

        max_annual_rate_pct: float | None | Unset
        if isinstance(self.max_annual_rate_pct, Unset):
            max_annual_rate_pct = UNSET
        else:
            max_annual_rate_pct = self.max_annual_rate_pct

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount_yuan": amount_yuan,
                "collateral_available": collateral_available,
                "purpose": purpose,
                "term_months": term_months,
            }
        )
        if consent is not UNSET:
            field_dict["consent"] = consent
        if max_annual_rate_pct is not UNSET:
            field_dict["max_annual_rate_pct"] = max_annual_rate_pct

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_yuan = d.pop("amount_yuan")

        collateral_available = []
        _collateral_available = d.pop("collateral_available")
        for collateral_available_item_data in _collateral_available:
            collateral_available_item = Collateral(collateral_available_item_data)

            collateral_available.append(collateral_available_item)

        purpose = d.pop("purpose")

        term_months = d.pop("term_months")

        consent = d.pop("consent", UNSET)

        def _parse_max_annual_rate_pct(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_annual_rate_pct = _parse_max_annual_rate_pct(d.pop("max_annual_rate_pct", UNSET))

        need_create = cls(
            amount_yuan=amount_yuan,
            collateral_available=collateral_available,
            purpose=purpose,
            term_months=term_months,
            consent=consent,
            max_annual_rate_pct=max_annual_rate_pct,
        )

        return need_create

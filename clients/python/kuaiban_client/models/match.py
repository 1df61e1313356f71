from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Match")


@_attrs_define
class Match:
    """
    Attributes:
        annual_rate_pct_max (float):
        annual_rate_pct_min (float):
        bank_id (UUID):
        bank_name (str):
        product_id (UUID):
        product_name (str):
        reasons (list[str]):
        score (int):
    """

    annual_rate_pct_max: float
    annual_rate_pct_min: float
    bank_id: UUID
    bank_name: str
    product_id: UUID
    product_name: str
    reasons: list[str]
    score: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        annual_rate_pct_max = self.annual_rate_pct_max

        annual_rate_pct_min = self.annual_rate_pct_min

        bank_id = str(self.bank_id)

        bank_name = self.bank_name

        product_id = str(self.product_id)

        product_name = self.product_name

        reasons = self.reasons

        score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "annual_rate_pct_max": annual_rate_pct_max,
                "annual_rate_pct_min": annual_rate_pct_min,
                "bank_id": bank_id,
                "bank_name": bank_name,
                "product_id": product_id,
                "product_name": product_name,
                "reasons": reasons,
                "score": score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        annual_rate_pct_max = d.pop("annual_rate_pct_max")

        annual_rate_pct_min = d.pop("annual_rate_pct_min")

        bank_id = UUID(d.pop("bank_id"))

        bank_name = d.pop("bank_name")

        product_id = UUID(d.pop("product_id"))

        product_name = d.pop("product_name")

        reasons = cast(list[str], d.pop("reasons"))

        score = d.pop("score")

        match = cls(
            annual_rate_pct_max=annual_rate_pct_max,
            annual_rate_pct_min=annual_rate_pct_min,
            bank_id=bank_id,
            bank_name=bank_name,
            product_id=product_id,
            product_name=product_name,
            reasons=reasons,
            score=score,
        )

        match.additional_properties = d
        return match

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

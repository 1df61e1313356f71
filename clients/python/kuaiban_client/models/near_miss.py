from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="NearMiss")


@_attrs_define
class NearMiss:
    """A product on offer that fails exactly one eligibility rule for the need, and what would make it fit.

    Attributes:
        annual_rate_pct_max (float):
        annual_rate_pct_min (float):
        bank_id (UUID):
        bank_name (str):
        product_id (UUID):
        product_name (str):
        requirement (str): What would make it fit, with numbers (English with `Accept-Language: en`)
        rule (str): The one rule failed, a stable code: amount, term, collateral, industry, town, min_years_in_business,
            min_annual_revenue, credit_rating, max_annual_rate
        score (int):
    """

    annual_rate_pct_max: float
    annual_rate_pct_min: float
    bank_id: UUID
    bank_name: str
    product_id: UUID
    product_name: str
    requirement: str
    rule: str
    score: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        annual_rate_pct_max = self.annual_rate_pct_max

        annual_rate_pct_min = self.annual_rate_pct_min

        bank_id = str(self.bank_id)

        bank_name = self.bank_name

        product_id = str(self.product_id)

        product_name = self.product_name

        requirement = self.requirement

        rule = self.rule

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
                "requirement": requirement,
                "rule": rule,
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

        requirement = d.pop("requirement")

        rule = d.pop("rule")

        score = d.pop("score")

        near_miss = cls(
            annual_rate_pct_max=annual_rate_pct_max,
            annual_rate_pct_min=annual_rate_pct_min,
            bank_id=bank_id,
            bank_name=bank_name,
            product_id=product_id,
            product_name=product_name,
            requirement=requirement,
            rule=rule,
            score=score,
        )

        near_miss.additional_properties = d
        return near_miss

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.collateral import Collateral
from ..models.credit_rating import CreditRating
from ..models.industry_section import IndustrySection
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProductBatchItem")


@_attrs_define
class ProductBatchItem:
    """One product of a batch: a product as `POST /finance/products` takes it, with the bank's own id.

    Attributes:
        accepted_credit_ratings (list[CreditRating]):
        annual_rate_pct_max (float):
        annual_rate_pct_min (float):
        collateral_types (list[Collateral]):
        external_ref (str): The bank's own id of the product: unique per bank, 1–64 of A–Z a–z 0–9 _ . : -
        max_amount_yuan (int):
        min_amount_yuan (int):
        name (str):
        term_months_max (int):
        term_months_min (int):
        industries (list[IndustrySection] | Unset): Empty: every industry
        min_annual_revenue_yuan (int | Unset):  Default: 0.
        min_years_in_business (int | Unset):  Default: 0.
        towns (list[str] | Unset): Empty: every town
        valid_until (datetime.date | None | Unset):
    """

    accepted_credit_ratings: list[CreditRating]
    annual_rate_pct_max: float
    annual_rate_pct_min: float
    collateral_types: list[Collateral]
    external_ref: str
    max_amount_yuan: int
    min_amount_yuan: int
    name: str
    term_months_max: int
    term_months_min: int
    industries: list[IndustrySection] | Unset = UNSET
    min_annual_revenue_yuan: int | Unset = 0
    min_years_in_business: int | Unset = 0
    towns: list[str] | Unset = UNSET
    valid_until: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        accepted_credit_ratings = []
        for accepted_credit_ratings_item_data in self.accepted_credit_ratings:
            accepted_credit_ratings_item = accepted_credit_ratings_item_data.value
            accepted_credit_ratings.append(accepted_credit_ratings_item)

        annual_rate_pct_max = self.annual_rate_pct_max

        annual_rate_pct_min = self.annual_rate_pct_min

        collateral_types = []
        for collateral_types_item_data in self.collateral_types:
            collateral_types_item = collateral_types_item_data.value
            collateral_types.append(collateral_types_item)

        external_ref = self.external_ref

        max_amount_yuan = self.max_amount_yuan

        min_amount_yuan = self.min_amount_yuan

        name = self.name

        term_months_max = self.term_months_max

        term_months_min = self.term_months_min

        industries: list[str] | Unset = UNSET
        if not isinstance(self.industries, Unset):
            industries = []
            for industries_item_data in self.industries:
                industries_item = industries_item_data.value
                industries.append(industries_item)

        min_annual_revenue_yuan = self.min_annual_revenue_yuan

        min_years_in_business = self.min_years_in_business

        towns: list[str] | Unset = UNSET
        if not isinstance(self.towns, Unset):
            towns = self.towns

        valid_until: None | str | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        elif isinstance(self.valid_until, datetime.date):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "accepted_credit_ratings": accepted_credit_ratings,
                "annual_rate_pct_max": annual_rate_pct_max,
                "annual_rate_pct_min": annual_rate_pct_min,
                "collateral_types": collateral_types,
                "external_ref": external_ref,
                "max_amount_yuan": max_amount_yuan,
                "min_amount_yuan": min_amount_yuan,
                "name": name,
                "term_months_max": term_months_max,
                "term_months_min": term_months_min,
            }
        )
        if industries is not UNSET:
            field_dict["industries"] = industries
        if min_annual_revenue_yuan is not UNSET:
            field_dict["min_annual_revenue_yuan"] = min_annual_revenue_yuan
        if min_years_in_business is not UNSET:
            field_dict["min_years_in_business"] = min_years_in_business
        if towns is not UNSET:
            field_dict["towns"] = towns
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accepted_credit_ratings = []
        _accepted_credit_ratings = d.pop("accepted_credit_ratings")
        for accepted_credit_ratings_item_data in _accepted_credit_ratings:
            accepted_credit_ratings_item = CreditRating(accepted_credit_ratings_item_data)

            accepted_credit_ratings.append(accepted_credit_ratings_item)

        annual_rate_pct_max = d.pop("annual_rate_pct_max")

        annual_rate_pct_min = d.pop("annual_rate_pct_min")

        collateral_types = []
        _collateral_types = d.pop("collateral_types")
        for collateral_types_item_data in _collateral_types:
            collateral_types_item = Collateral(collateral_types_item_data)

            collateral_types.append(collateral_types_item)

        external_ref = d.pop("external_ref")

        max_amount_yuan = d.pop("max_amount_yuan")

        min_amount_yuan = d.pop("min_amount_yuan")

        name = d.pop("name")

        term_months_max = d.pop("term_months_max")

        term_months_min = d.pop("term_months_min")

        _industries = d.pop("industries", UNSET)
        industries: list[IndustrySection] | Unset = UNSET
        if _industries is not UNSET:
            industries = []
            for industries_item_data in _industries:
                industries_item = IndustrySection(industries_item_data)

                industries.append(industries_item)

        min_annual_revenue_yuan = d.pop("min_annual_revenue_yuan", UNSET)

        min_years_in_business = d.pop("min_years_in_business", UNSET)

        towns = cast(list[str], d.pop("towns", UNSET))

        def _parse_valid_until(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.date.fromisoformat(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_until = _parse_valid_until(d.pop("valid_until", UNSET))

        product_batch_item = cls(
            accepted_credit_ratings=accepted_credit_ratings,
            annual_rate_pct_max=annual_rate_pct_max,
            annual_rate_pct_min=annual_rate_pct_min,
            collateral_types=collateral_types,
            external_ref=external_ref,
            max_amount_yuan=max_amount_yuan,
            min_amount_yuan=min_amount_yuan,
            name=name,
            term_months_max=term_months_max,
            term_months_min=term_months_min,
            industries=industries,
            min_annual_revenue_yuan=min_annual_revenue_yuan,
            min_years_in_business=min_years_in_business,
            towns=towns,
            valid_until=valid_until,
        )

        return product_batch_item

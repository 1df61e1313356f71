from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.collateral import Collateral
from ..models.credit_rating import CreditRating
from ..models.industry_section import IndustrySection
from ..models.product_status import ProductStatus

T = TypeVar("T", bound="ProductRead")


@_attrs_define
class ProductRead:
    """
    Attributes:
        accepted_credit_ratings (list[CreditRating]):
        annual_rate_pct_max (float):
        annual_rate_pct_min (float):
        bank_id (UUID):
        collateral_types (list[Collateral]):
        created_at (datetime.datetime):
        external_ref (None | str): The bank's own id of the product (catalogue sync), if it gave one
        id (UUID):
        industries (list[IndustrySection]):
        max_amount_yuan (int):
        min_amount_yuan (int):
        min_annual_revenue_yuan (int):
        min_years_in_business (int):
        name (str):
        status (ProductStatus): `active`: 在售 (Active); `withdrawn`: 已下架 (Withdrawn)
        term_months_max (int):
        term_months_min (int):
        towns (list[str]):
        updated_at (datetime.datetime):
        valid_until (datetime.date | None):
        version (int): The current version of the terms: 1 at creation, one more per change
    """

    accepted_credit_ratings: list[CreditRating]
    annual_rate_pct_max: float
    annual_rate_pct_min: float
    bank_id: UUID
    collateral_types: list[Collateral]
    created_at: datetime.datetime
    external_ref: None | str
    id: UUID
    industries: list[IndustrySection]
    max_amount_yuan: int
    min_amount_yuan: int
    min_annual_revenue_yuan: int
    min_years_in_business: int
    name: str
    status: ProductStatus
    term_months_max: int
    term_months_min: int
    towns: list[str]
    updated_at: datetime.datetime
    valid_until: datetime.date | None
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accepted_credit_ratings = []
        for accepted_credit_ratings_item_data in self.accepted_credit_ratings:
            accepted_credit_ratings_item = accepted_credit_ratings_item_data.value
            accepted_credit_ratings.append(accepted_credit_ratings_item)

        annual_rate_pct_max = self.annual_rate_pct_max

        annual_rate_pct_min = self.annual_rate_pct_min

        bank_id = str(self.bank_id)

        collateral_types = []
        for collateral_types_item_data in self.collateral_types:
            collateral_types_item = collateral_types_item_data.value
            collateral_types.append(collateral_types_item)

        created_at = self.created_at.isoformat()

        external_ref: None | str
        external_ref = self.external_ref

        id = str(self.id)

        industries = []
        for industries_item_data in self.industries:
            industries_item = industries_item_data.value
            industries.append(industries_item)

        max_amount_yuan = self.max_amount_yuan

        min_amount_yuan = self.min_amount_yuan

        min_annual_revenue_yuan = self.min_annual_revenue_yuan

        min_years_in_business = self.min_years_in_business

        name = self.name

        status = self.status.value

        term_months_max = self.term_months_max

        term_months_min = self.term_months_min

        towns = self.towns

        updated_at = self.updated_at.isoformat()

        valid_until: None | str
        if isinstance(self.valid_until, datetime.date):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accepted_credit_ratings": accepted_credit_ratings,
                "annual_rate_pct_max": annual_rate_pct_max,
                "annual_rate_pct_min": annual_rate_pct_min,
                "bank_id": bank_id,
                "collateral_types": collateral_types,
                "created_at": created_at,
                "external_ref": external_ref,
                "id": id,
                "industries": industries,
                "max_amount_yuan": max_amount_yuan,
                "min_amount_yuan": min_amount_yuan,
                "min_annual_revenue_yuan": min_annual_revenue_yuan,
                "min_years_in_business": min_years_in_business,
                "name": name,
                "status": status,
                "term_months_max": term_months_max,
                "term_months_min": term_months_min,
                "towns": towns,
                "updated_at": updated_at,
                "valid_until": valid_until,
                "version": version,
            }
        )

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

        bank_id = UUID(d.pop("bank_id"))

        collateral_types = []
        _collateral_types = d.pop("collateral_types")
        for collateral_types_item_data in _collateral_types:
            collateral_types_item = Collateral(collateral_types_item_data)

            collateral_types.append(collateral_types_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_external_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_ref = _parse_external_ref(d.pop("external_ref"))

        id = UUID(d.pop("id"))

        industries = []
        _industries = d.pop("industries")
        for industries_item_data in _industries:
            industries_item = IndustrySection(industries_item_data)

            industries.append(industries_item)

        max_amount_yuan = d.pop("max_amount_yuan")

        min_amount_yuan = d.pop("min_amount_yuan")

        min_annual_revenue_yuan = d.pop("min_annual_revenue_yuan")

        min_years_in_business = d.pop("min_years_in_business")

        name = d.pop("name")

        status = ProductStatus(d.pop("status"))

        term_months_max = d.pop("term_months_max")

        term_months_min = d.pop("term_months_min")

        towns = cast(list[str], d.pop("towns"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_valid_until(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.date.fromisoformat(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        valid_until = _parse_valid_until(d.pop("valid_until"))

        version = d.pop("version")

        product_read = cls(
            accepted_credit_ratings=accepted_credit_ratings,
            annual_rate_pct_max=annual_rate_pct_max,
            annual_rate_pct_min=annual_rate_pct_min,
            bank_id=bank_id,
            collateral_types=collateral_types,
            created_at=created_at,
            external_ref=external_ref,
            id=id,
            industries=industries,
            max_amount_yuan=max_amount_yuan,
            min_amount_yuan=min_amount_yuan,
            min_annual_revenue_yuan=min_annual_revenue_yuan,
            min_years_in_business=min_years_in_business,
            name=name,
            status=status,
            term_months_max=term_months_max,
            term_months_min=term_months_min,
            towns=towns,
            updated_at=updated_at,
            valid_until=valid_until,
            version=version,
        )

        product_read.additional_properties = d
        return product_read

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

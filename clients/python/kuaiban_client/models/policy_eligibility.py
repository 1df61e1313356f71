from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.credit_rating import CreditRating
from ..models.industry_section import IndustrySection
from ..types import UNSET, Unset

T = TypeVar("T", bound="PolicyEligibility")


@_attrs_define
class PolicyEligibility:
    """Who a policy is for, in the vocabulary of loan products; a rule left out admits everyone.

    Attributes:
        credit_ratings (list[CreditRating] | Unset):
        employees_max (int | None | Unset):
        employees_min (int | None | Unset):
        founded_after (datetime.date | None | Unset): On or after this day
        founded_before (datetime.date | None | Unset):
        industries (list[IndustrySection] | Unset):
        key_enterprise (bool | None | Unset): true: key enterprises only; false: all but them
        revenue_max_yuan (int | None | Unset):
        revenue_min_yuan (int | None | Unset):
        tags (list[str] | Unset): Qualifications the enterprise must hold, all of them (专精特新)
        towns (list[str] | Unset):
    """

    credit_ratings: list[CreditRating] | Unset = UNSET
    employees_max: int | None | Unset = UNSET
    employees_min: int | None | Unset = UNSET
    founded_after: datetime.date | None | Unset = UNSET
    founded_before: datetime.date | None | Unset = UNSET
    industries: list[IndustrySection] | Unset = UNSET
    key_enterprise: bool | None | Unset = UNSET
    revenue_max_yuan: int | None | Unset = UNSET
    revenue_min_yuan: int | None | Unset = UNSET
    tags: list[str] | Unset = UNSET
    towns: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        credit_ratings: list[str] | Unset = UNSET
        if not isinstance(self.credit_ratings, Unset):
            credit_ratings = []
            for credit_ratings_item_data in self.credit_ratings:
                credit_ratings_item = credit_ratings_item_data.value
                credit_ratings.append(credit_ratings_item)

        employees_max: int | None | Unset
        if isinstance(self.employees_max, Unset):
            employees_max = UNSET
        else:
            employees_max = self.employees_max

        employees_min: int | None | Unset
        if isinstance(self.employees_min, Unset):
            employees_min = UNSET
        else:
            employees_min = self.employees_min

        founded_after: None | str | Unset
        if isinstance(self.founded_after, Unset):
            founded_after = UNSET
        elif isinstance(self.founded_after, datetime.date):
            founded_after = self.founded_after.isoformat()
        else:
            founded_after = self.founded_after

        founded_before: None | str | Unset
        if isinstance(self.founded_before, Unset):
            founded_before = UNSET
        elif isinstance(self.founded_before, datetime.date):
            founded_before = self.founded_before.isoformat()
        else:
            founded_before = self.founded_before

        industries: list[str] | Unset = UNSET
        if not isinstance(self.industries, Unset):
            industries = []
            for industries_item_data in self.industries:
                industries_item = industries_item_data.value
                industries.append(industries_item)

        key_enterprise: bool | None | Unset
        if isinstance(self.key_enterprise, Unset):
            key_enterprise = UNSET
        else:
            key_enterprise = self.key_enterprise

        revenue_max_yuan: int | None | Unset
        if isinstance(self.revenue_max_yuan, Unset):
            revenue_max_yuan = UNSET
        else:
            revenue_max_yuan = self.revenue_max_yuan

        revenue_min_yuan: int | None | Unset
        if isinstance(self.revenue_min_yuan, Unset):
            revenue_min_yuan = UNSET
        else:
            revenue_min_yuan = self.revenue_min_yuan

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        towns: list[str] | Unset = UNSET
        if not isinstance(self.towns, Unset):
            towns = self.towns

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if credit_ratings is not UNSET:
            field_dict["credit_ratings"] = credit_ratings
        if employees_max is not UNSET:
            field_dict["employees_max"] = employees_max
        if employees_min is not UNSET:
            field_dict["employees_min"] = employees_min
        if founded_after is not UNSET:
            field_dict["founded_after"] = founded_after
        if founded_before is not UNSET:
            field_dict["founded_before"] = founded_before
        if industries is not UNSET:
            field_dict["industries"] = industries
        if key_enterprise is not UNSET:
            field_dict["key_enterprise"] = key_enterprise
        if revenue_max_yuan is not UNSET:
            field_dict["revenue_max_yuan"] = revenue_max_yuan
        if revenue_min_yuan is not UNSET:
            field_dict["revenue_min_yuan"] = revenue_min_yuan
        if tags is not UNSET:
            field_dict["tags"] = tags
        if towns is not UNSET:
            field_dict["towns"] = towns

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _credit_ratings = d.pop("credit_ratings", UNSET)
        credit_ratings: list[CreditRating] | Unset = UNSET
        if _credit_ratings is not UNSET:
            credit_ratings = []
            for credit_ratings_item_data in _credit_ratings:
                credit_ratings_item = CreditRating(credit_ratings_item_data)

                credit_ratings.append(credit_ratings_item)

        def _parse_employees_max(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        employees_max = _parse_employees_max(d.pop("employees_max", UNSET))

        def _parse_employees_min(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        employees_min = _parse_employees_min(d.pop("employees_min", UNSET))

        def _parse_founded_after(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                founded_after_type_0 = datetime.date.fromisoformat(data)

                return founded_after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        founded_after = _parse_founded_after(d.pop("founded_after", UNSET))

        def _parse_founded_before(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                founded_before_type_0 = datetime.date.fromisoformat(data)

                return founded_before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        founded_before = _parse_founded_before(d.pop("founded_before", UNSET))

        _industries = d.pop("industries", UNSET)
        industries: list[IndustrySection] | Unset = UNSET
        if _industries is not UNSET:
            industries = []
            for industries_item_data in _industries:
                industries_item = IndustrySection(industries_item_data)

                industries.append(industries_item)

        def _parse_key_enterprise(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        key_enterprise = _parse_key_enterprise(d.pop("key_enterprise", UNSET))

        def _parse_revenue_max_yuan(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        revenue_max_yuan = _parse_revenue_max_yuan(d.pop("revenue_max_yuan", UNSET))

        def _parse_revenue_min_yuan(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        revenue_min_yuan = _parse_revenue_min_yuan(d.pop("revenue_min_yuan", UNSET))

        tags = cast(list[str], d.pop("tags", UNSET))

        towns = cast(list[str], d.pop("towns", UNSET))

        policy_eligibility = cls(
            credit_ratings=credit_ratings,
            employees_max=employees_max,
            employees_min=employees_min,
            founded_after=founded_after,
            founded_before=founded_before,
            industries=industries,
            key_enterprise=key_enterprise,
            revenue_max_yuan=revenue_max_yuan,
            revenue_min_yuan=revenue_min_yuan,
            tags=tags,
            towns=towns,
        )

        return policy_eligibility

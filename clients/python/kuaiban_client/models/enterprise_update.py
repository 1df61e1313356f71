from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.credit_rating import CreditRating
from ..models.industry_section import IndustrySection
from ..types import UNSET, Unset

T = TypeVar("T", bound="EnterpriseUpdate")


@_attrs_define
class EnterpriseUpdate:
    """A profile change: only the fields sent change (the USCC never does). `employees` and
    `annual_revenue_yuan` may be sent as null to clear them; no other field may be null.

        Attributes:
            annual_revenue_yuan (int | None | Unset):
            credit_rating (CreditRating | None | Unset):
            employees (int | None | Unset):
            established_on (datetime.date | None | Unset):
            industry (IndustrySection | None | Unset): GB/T 4754 section letter A–T
            key_enterprise (bool | None | Unset):
            name (None | str | Unset):
            tags (list[str] | None | Unset): Qualifications on record, such as 专精特新: distinct, at most 20, each at most 32
                characters; the whole new list
            town (None | str | Unset): Town or street (乡镇/街道)
    """

    annual_revenue_yuan: int | None | Unset = UNSET
    credit_rating: CreditRating | None | Unset = UNSET
    employees: int | None | Unset = UNSET
    established_on: datetime.date | None | Unset = UNSET
    industry: IndustrySection | None | Unset = UNSET
    key_enterprise: bool | None | Unset = UNSET
    name: None | str | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    town: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        annual_revenue_yuan: int | None | Unset
        if isinstance(self.annual_revenue_yuan, Unset):
            annual_revenue_yuan = UNSET
        else:
            annual_revenue_yuan = self.annual_revenue_yuan

        credit_rating: None | str | Unset
        if isinstance(self.credit_rating, Unset):
            credit_rating = UNSET
        elif isinstance(self.credit_rating, CreditRating):
            credit_rating = self.credit_rating.value
        else:
            credit_rating = self.credit_rating

        employees: int | None | Unset
        if isinstance(self.employees, Unset):
            employees = UNSET
        else:
            employees = self.employees

        established_on: None | str | Unset
        if isinstance(self.established_on, Unset):
            established_on = UNSET
        elif isinstance(self.established_on, datetime.date):
            established_on = self.established_on.isoformat()
        else:
            established_on = self.established_on

        industry: None | str | Unset
        if isinstance(self.industry, Unset):
            industry = UNSET
        elif isinstance(self.industry, IndustrySection):
            industry = self.industry.value
        else:
            industry = self.industry

        key_enterprise: bool | None | Unset
        if isinstance(self.key_enterprise, Unset):
            key_enterprise = UNSET
        else:
            key_enterprise = self.key_enterprise

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        town: None | str | Unset
        if isinstance(self.town, Unset):
            town = UNSET
        else:
            town = self.town

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if annual_revenue_yuan is not UNSET:
            field_dict["annual_revenue_yuan"] = annual_revenue_yuan
        if credit_rating is not UNSET:
            field_dict["credit_rating"] = credit_rating
        if employees is not UNSET:
            field_dict["employees"] = employees
        if established_on is not UNSET:
            field_dict["established_on"] = established_on
        if industry is not UNSET:
            field_dict["industry"] = industry
        if key_enterprise is not UNSET:
            field_dict["key_enterprise"] = key_enterprise
        if name is not UNSET:
            field_dict["name"] = name
        if tags is not UNSET:
            field_dict["tags"] = tags
        if town is not UNSET:
            field_dict["town"] = town

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_annual_revenue_yuan(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        annual_revenue_yuan = _parse_annual_revenue_yuan(d.pop("annual_revenue_yuan", UNSET))

        def _parse_credit_rating(data: object) -> CreditRating | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                credit_rating_type_0 = CreditRating(data)

                return credit_rating_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreditRating | None | Unset, data)

        credit_rating = _parse_credit_rating(d.pop("credit_rating", UNSET))

        def _parse_employees(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        employees = _parse_employees(d.pop("employees", UNSET))

        def _parse_established_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                established_on_type_0 = datetime.date.fromisoformat(data)

                return established_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        established_on = _parse_established_on(d.pop("established_on", UNSET))

        def _parse_industry(data: object) -> IndustrySection | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                industry_type_0 = IndustrySection(data)

                return industry_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IndustrySection | None | Unset, data)

        industry = _parse_industry(d.pop("industry", UNSET))

        def _parse_key_enterprise(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        key_enterprise = _parse_key_enterprise(d.pop("key_enterprise", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        def _parse_town(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        town = _parse_town(d.pop("town", UNSET))

        enterprise_update = cls(
            annual_revenue_yuan=annual_revenue_yuan,
            credit_rating=credit_rating,
            employees=employees,
            established_on=established_on,
            industry=industry,
            key_enterprise=key_enterprise,
            name=name,
            tags=tags,
            town=town,
        )

        return enterprise_update

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.credit_rating import CreditRating
from ..models.industry_section import IndustrySection
from ..types import UNSET, Unset

T = TypeVar("T", bound="EnterpriseCreate")


@_attrs_define
class EnterpriseCreate:
    """
    Attributes:
        established_on (datetime.date):
        industry (IndustrySection): `A`: 农、林、牧、渔业 (Agriculture, forestry, animal husbandry and fishery); `B`: 采矿业
            (Mining); `C`: 制造业 (Manufacturing); `D`: 电力、热力、燃气及水生产和供应业 (Electricity, heat, gas and water supply); `E`: 建筑业
            (Construction); `F`: 批发和零售业 (Wholesale and retail trade); `G`: 交通运输、仓储和邮政业 (Transport, storage and post); `H`:
            住宿和餐饮业 (Accommodation and catering); `I`: 信息传输、软件和信息技术服务业 (Information transmission, software and IT services);
            `J`: 金融业 (Finance); `K`: 房地产业 (Real estate); `L`: 租赁和商务服务业 (Leasing and business services); `M`: 科学研究和技术服务业
            (Scientific research and technical services); `N`: 水利、环境和公共设施管理业 (Water, environment and public facilities
            management); `O`: 居民服务、修理和其他服务业 (Resident services, repair and other services); `P`: 教育 (Education); `Q`:
            卫生和社会工作 (Health and social work); `R`: 文化、体育和娱乐业 (Culture, sports and entertainment); `S`: 公共管理、社会保障和社会组织
            (Public administration, social security and social organisations); `T`: 国际组织 (International organisations)
        name (str):
        town (str): Town or street (乡镇/街道)
        uscc (str): 18-character unified social credit code (GB 32100-2015)
        annual_revenue_yuan (int | None | Unset):
        credit_rating (CreditRating | Unset): `A`: A 级（信用优良） (A (excellent)); `B`: B 级（信用良好） (B (good)); `C`: C 级（信用一般）
            (C (fair)); `D`: D 级（信用较差） (D (poor))
        employees (int | None | Unset):
        key_enterprise (bool | Unset):  Default: False.
        tags (list[str] | Unset): Qualifications on record, such as 专精特新: distinct, at most 20, each at most 32
            characters
    """

    established_on: datetime.date
    industry: IndustrySection
    name: str
    town: str
    uscc: str
    annual_revenue_yuan: int | None | Unset = UNSET
    credit_rating: CreditRating | Unset = UNSET
    employees: int | None | Unset = UNSET
    key_enterprise: bool | Unset = False
    tags: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        established_on = self.established_on.isoformat()

        industry = self.industry.value

        name = self.name

        town = self.town

        uscc = self.uscc

        annual_revenue_yuan: int | None | Unset
        if isinstance(self.annual_revenue_yuan, Unset):
            annual_revenue_yuan = UNSET
        else:
            annual_revenue_yuan = self.annual_revenue_yuan

        credit_rating: str | Unset = UNSET
        if not isinstance(self.credit_rating, Unset):
            credit_rating = self.credit_rating.value

        employees: int | None | Unset
        if isinstance(self.employees, Unset):
            employees = UNSET
        else:
            employees = self.employees

        key_enterprise = self.key_enterprise

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "established_on": established_on,
                "industry": industry,
                "name": name,
                "town": town,
                "uscc": uscc,
            }
        )
        if annual_revenue_yuan is not UNSET:
            field_dict["annual_revenue_yuan"] = annual_revenue_yuan
        if credit_rating is not UNSET:
            field_dict["credit_rating"] = credit_rating
        if employees is not UNSET:
            field_dict["employees"] = employees
        if key_enterprise is not UNSET:
            field_dict["key_enterprise"] = key_enterprise
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        established_on = datetime.date.fromisoformat(d.pop("established_on"))

        industry = IndustrySection(d.pop("industry"))

        name = d.pop("name")

        town = d.pop("town")

        uscc = d.pop("uscc")

        def _parse_annual_revenue_yuan(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        annual_revenue_yuan = _parse_annual_revenue_yuan(d.pop("annual_revenue_yuan", UNSET))

        _credit_rating = d.pop("credit_rating", UNSET)
        credit_rating: CreditRating | Unset
        if isinstance(_credit_rating, Unset):
            credit_rating = UNSET
        else:
            credit_rating = CreditRating(_credit_rating)

        def _parse_employees(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        employees = _parse_employees(d.pop("employees", UNSET))

        key_enterprise = d.pop("key_enterprise", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))

        enterprise_create = cls(
            established_on=established_on,
            industry=industry,
            name=name,
            town=town,
            uscc=uscc,
            annual_revenue_yuan=annual_revenue_yuan,
            credit_rating=credit_rating,
            employees=employees,
            key_enterprise=key_enterprise,
            tags=tags,
        )

        return enterprise_create

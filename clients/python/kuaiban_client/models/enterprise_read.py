from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.credit_rating import CreditRating
from ..models.industry_section import IndustrySection
from ..types import UNSET, Unset

T = TypeVar("T", bound="EnterpriseRead")


@_attrs_define
class EnterpriseRead:
    """An enterprise as its page shows it: the profile other services get, its liaison, its times.

    Attributes:
        annual_revenue_yuan (int | None):
        created_at (datetime.datetime):
        credit_rating (CreditRating): `A`: A 级（信用优良） (A (excellent)); `B`: B 级（信用良好） (B (good)); `C`: C 级（信用一般） (C
            (fair)); `D`: D 级（信用较差） (D (poor))
        employees (int | None):
        established_on (datetime.date):
        id (UUID):
        industry (IndustrySection): `A`: 农、林、牧、渔业 (Agriculture, forestry, animal husbandry and fishery); `B`: 采矿业
            (Mining); `C`: 制造业 (Manufacturing); `D`: 电力、热力、燃气及水生产和供应业 (Electricity, heat, gas and water supply); `E`: 建筑业
            (Construction); `F`: 批发和零售业 (Wholesale and retail trade); `G`: 交通运输、仓储和邮政业 (Transport, storage and post); `H`:
            住宿和餐饮业 (Accommodation and catering); `I`: 信息传输、软件和信息技术服务业 (Information transmission, software and IT services);
            `J`: 金融业 (Finance); `K`: 房地产业 (Real estate); `L`: 租赁和商务服务业 (Leasing and business services); `M`: 科学研究和技术服务业
            (Scientific research and technical services); `N`: 水利、环境和公共设施管理业 (Water, environment and public facilities
            management); `O`: 居民服务、修理和其他服务业 (Resident services, repair and other services); `P`: 教育 (Education); `Q`:
            卫生和社会工作 (Health and social work); `R`: 文化、体育和娱乐业 (Culture, sports and entertainment); `S`: 公共管理、社会保障和社会组织
            (Public administration, social security and social organisations); `T`: 国际组织 (International organisations)
        key_enterprise (bool):
        liaison_officer (None | str):
        name (str):
        town (str):
        updated_at (datetime.datetime):
        uscc (str):
        revision (int | Unset): Goes up by one with every change; a subscriber keeps the highest Default: 1.
        tags (list[str] | Unset): Qualifications on record, such as 专精特新
    """

    annual_revenue_yuan: int | None
    created_at: datetime.datetime
    credit_rating: CreditRating
    employees: int | None
    established_on: datetime.date
    id: UUID
    industry: IndustrySection
    key_enterprise: bool
    liaison_officer: None | str
    name: str
    town: str
    updated_at: datetime.datetime
    uscc: str
    revision: int | Unset = 1
    tags: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        annual_revenue_yuan: int | None
        annual_revenue_yuan = self.annual_revenue_yuan

        created_at = self.created_at.isoformat()

        credit_rating = self.credit_rating.value

        employees: int | None
        employees = self.employees

        established_on = self.established_on.isoformat()

        id = str(self.id)

        industry = self.industry.value

        key_enterprise = self.key_enterprise

        liaison_officer: None | str
        liaison_officer = self.liaison_officer

        name = self.name

        town = self.town

        updated_at = self.updated_at.isoformat()

        uscc = self.uscc

        revision = self.revision

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "annual_revenue_yuan": annual_revenue_yuan,
                "created_at": created_at,
                "credit_rating": credit_rating,
                "employees": employees,
                "established_on": established_on,
                "id": id,
                "industry": industry,
                "key_enterprise": key_enterprise,
                "liaison_officer": liaison_officer,
                "name": name,
                "town": town,
                "updated_at": updated_at,
                "uscc": uscc,
            }
        )
        if revision is not UNSET:
            field_dict["revision"] = revision
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_annual_revenue_yuan(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        annual_revenue_yuan = _parse_annual_revenue_yuan(d.pop("annual_revenue_yuan"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        credit_rating = CreditRating(d.pop("credit_rating"))

        def _parse_employees(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        employees = _parse_employees(d.pop("employees"))

        established_on = datetime.date.fromisoformat(d.pop("established_on"))

        id = UUID(d.pop("id"))

        industry = IndustrySection(d.pop("industry"))

        key_enterprise = d.pop("key_enterprise")

        def _parse_liaison_officer(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        liaison_officer = _parse_liaison_officer(d.pop("liaison_officer"))

        name = d.pop("name")

        town = d.pop("town")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        uscc = d.pop("uscc")

        revision = d.pop("revision", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))

        enterprise_read = cls(
            annual_revenue_yuan=annual_revenue_yuan,
            created_at=created_at,
            credit_rating=credit_rating,
            employees=employees,
            established_on=established_on,
            id=id,
            industry=industry,
            key_enterprise=key_enterprise,
            liaison_officer=liaison_officer,
            name=name,
            town=town,
            updated_at=updated_at,
            uscc=uscc,
            revision=revision,
            tags=tags,
        )

        enterprise_read.additional_properties = d
        return enterprise_read

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

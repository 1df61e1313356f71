from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.credit_rating import CreditRating
from ..models.industry_section import IndustrySection

T = TypeVar("T", bound="EnterpriseSnapshot")


@_attrs_define
class EnterpriseSnapshot:
    """The enterprise's profile as it was when the need was posted (what matching used).

    Attributes:
        annual_revenue_yuan (int):
        credit_rating (CreditRating): `A`: A 级（信用优良） (A (excellent)); `B`: B 级（信用良好） (B (good)); `C`: C 级（信用一般） (C
            (fair)); `D`: D 级（信用较差） (D (poor))
        enterprise_id (UUID):
        enterprise_name (str):
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
        need_id (UUID):
        town (str):
    """

    annual_revenue_yuan: int
    credit_rating: CreditRating
    enterprise_id: UUID
    enterprise_name: str
    established_on: datetime.date
    industry: IndustrySection
    need_id: UUID
    town: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        annual_revenue_yuan = self.annual_revenue_yuan

        credit_rating = self.credit_rating.value

        enterprise_id = str(self.enterprise_id)

        enterprise_name = self.enterprise_name

        established_on = self.established_on.isoformat()

        industry = self.industry.value

        need_id = str(self.need_id)

        town = self.town

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "annual_revenue_yuan": annual_revenue_yuan,
                "credit_rating": credit_rating,
                "enterprise_id": enterprise_id,
                "enterprise_name": enterprise_name,
                "established_on": established_on,
                "industry": industry,
                "need_id": need_id,
                "town": town,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        annual_revenue_yuan = d.pop("annual_revenue_yuan")

        credit_rating = CreditRating(d.pop("credit_rating"))

        enterprise_id = UUID(d.pop("enterprise_id"))

        enterprise_name = d.pop("enterprise_name")

        established_on = datetime.date.fromisoformat(d.pop("established_on"))

        industry = IndustrySection(d.pop("industry"))

        need_id = UUID(d.pop("need_id"))

        town = d.pop("town")

        enterprise_snapshot = cls(
            annual_revenue_yuan=annual_revenue_yuan,
            credit_rating=credit_rating,
            enterprise_id=enterprise_id,
            enterprise_name=enterprise_name,
            established_on=established_on,
            industry=industry,
            need_id=need_id,
            town=town,
        )

        enterprise_snapshot.additional_properties = d
        return enterprise_snapshot

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.chain import Chain
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProjectCreate")


@_attrs_define
class ProjectCreate:
    """A new project, negotiating from its first talk: an enterprise's (`enterprise_id`) or a prospective
    investor's not yet registered (`investor_name`); at least one of them.

        Attributes:
            chain (Chain): The county's industry chains (产业链) a project belongs to.

                `auto_parts_equipment`: 汽车零部件及高端装备 (Auto parts and high-end equipment); `new_energy`: 新能源 (New energy);
                `metals_materials`: 金属及新材料 (Metals and new materials); `agri_food`: 农产品深加工及绿色食品 (Agricultural processing and
                green food); `modern_services`: 现代服务业 (Modern services); `other`: 其他 (Other)
            first_talk_on (datetime.date): The day of the first talk (首次洽谈); not in the future
            manufacturing (bool): Whether it is a manufacturing project (制造业项目)
            name (str):
            planned_investment_yuan (int): Planned investment in yuan (计划总投资，元)
            town_or_park (str): Town or park (乡镇/园区)
            counted_target_on (datetime.date | None | Unset): The day the project should reach this stage by (optional);
                past and not reached, it is overdue
            enterprise_id (None | Unset | UUID): The registered enterprise it belongs to
            investor_name (None | str | Unset): The prospective investor, before registering
            liaison (None | str | Unset): The liaison officer's username (包保专员): an officer's account; an officer recording
                a project is its liaison, admin names one
            signed_target_on (datetime.date | None | Unset): The day the project should reach this stage by (optional); past
                and not reached, it is overdue
            started_target_on (datetime.date | None | Unset): The day the project should reach this stage by (optional);
                past and not reached, it is overdue
    """

    chain: Chain
    first_talk_on: datetime.date
    manufacturing: bool
    name: str
    planned_investment_yuan: int
    town_or_park: str
    counted_target_on: datetime.date | None | Unset = UNSET
    enterprise_id: None | Unset | UUID = UNSET
    investor_name: None | str | Unset = UNSET
    liaison: None | str | Unset = UNSET
    signed_target_on: datetime.date | None | Unset = UNSET
    started_target_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        chain = self.chain.value

        first_talk_on = self.first_talk_on.isoformat()

        manufacturing = self.manufacturing

        name = self.name

        planned_investment_yuan = self.planned_investment_yuan

        town_or_park = self.town_or_park

        counted_target_on: None | str | Unset
        if isinstance(self.counted_target_on, Unset):
            counted_target_on = UNSET
        elif isinstance(self.counted_target_on, datetime.date):
            counted_target_on = self.counted_target_on.isoformat()
        else:
            counted_target_on = self.counted_target_on

        enterprise_id: None | str | Unset
        if isinstance(self.enterprise_id, Unset):
            enterprise_id = UNSET
        elif isinstance(self.enterprise_id, UUID):
            enterprise_id = str(self.enterprise_id)
        else:
            enterprise_id = self.enterprise_id

        investor_name: None | str | Unset
        if isinstance(self.investor_name, Unset):
            investor_name = UNSET
        else:
            investor_name = self.investor_name

        liaison: None | str | Unset
        if isinstance(self.liaison, Unset):
            liaison = UNSET
        else:
            liaison = self.liaison

        signed_target_on: None | str | Unset
        if isinstance(self.signed_target_on, Unset):
            signed_target_on = UNSET
        elif isinstance(self.signed_target_on, datetime.date):
            signed_target_on = self.signed_target_on.isoformat()
        else:
            signed_target_on = self.signed_target_on

        started_target_on: None | str | Unset
        if isinstance(self.started_target_on, Unset):
            started_target_on = UNSET
        elif isinstance(self.started_target_on, datetime.date):
            started_target_on = self.started_target_on.isoformat()
        else:
            started_target_on = self.started_target_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "chain": chain,
                "first_talk_on": first_talk_on,
                "manufacturing": manufacturing,
                "name": name,
                "planned_investment_yuan": planned_investment_yuan,
                "town_or_park": town_or_park,
            }
        )
        if counted_target_on is not UNSET:
            field_dict["counted_target_on"] = counted_target_on
        if enterprise_id is not UNSET:
            field_dict["enterprise_id"] = enterprise_id
        if investor_name is not UNSET:
            field_dict["investor_name"] = investor_name
        if liaison is not UNSET:
            field_dict["liaison"] = liaison
        if signed_target_on is not UNSET:
            field_dict["signed_target_on"] = signed_target_on
        if started_target_on is not UNSET:
            field_dict["started_target_on"] = started_target_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        chain = Chain(d.pop("chain"))

        first_talk_on = datetime.date.fromisoformat(d.pop("first_talk_on"))

        manufacturing = d.pop("manufacturing")

        name = d.pop("name")

        planned_investment_yuan = d.pop("planned_investment_yuan")

        town_or_park = d.pop("town_or_park")

        def _parse_counted_target_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                counted_target_on_type_0 = datetime.date.fromisoformat(data)

                return counted_target_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        counted_target_on = _parse_counted_target_on(d.pop("counted_target_on", UNSET))

        def _parse_enterprise_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                enterprise_id_type_0 = UUID(data)

                return enterprise_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        enterprise_id = _parse_enterprise_id(d.pop("enterprise_id", UNSET))

        def _parse_investor_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        investor_name = _parse_investor_name(d.pop("investor_name", UNSET))

        def _parse_liaison(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        liaison = _parse_liaison(d.pop("liaison", UNSET))

        def _parse_signed_target_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signed_target_on_type_0 = datetime.date.fromisoformat(data)

                return signed_target_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        signed_target_on = _parse_signed_target_on(d.pop("signed_target_on", UNSET))

        def _parse_started_target_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_target_on_type_0 = datetime.date.fromisoformat(data)

                return started_target_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        started_target_on = _parse_started_target_on(d.pop("started_target_on", UNSET))

        project_create = cls(
            chain=chain,
            first_talk_on=first_talk_on,
            manufacturing=manufacturing,
            name=name,
            planned_investment_yuan=planned_investment_yuan,
            town_or_park=town_or_park,
            counted_target_on=counted_target_on,
            enterprise_id=enterprise_id,
            investor_name=investor_name,
            liaison=liaison,
            signed_target_on=signed_target_on,
            started_target_on=started_target_on,
        )

        return project_create

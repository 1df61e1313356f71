from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.chain import Chain
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProjectUpdate")


@_attrs_define
class ProjectUpdate:
    """A change of the fields sent: `enterprise_id` links a prospective investor's project to its enterprise once
    registered (once: a linked project keeps its enterprise); `liaison` is changed by admin only. Target dates,
    `investor_name` and `liaison` may be sent as null to clear them. Stages change at `.../stage` only.

        Attributes:
            chain (Chain | None | Unset):
            counted_target_on (datetime.date | None | Unset): The day the project should reach this stage by (optional);
                past and not reached, it is overdue
            enterprise_id (None | Unset | UUID): Link the project to its registered enterprise
            investor_name (None | str | Unset):
            liaison (None | str | Unset): A new liaison officer (admin only)
            manufacturing (bool | None | Unset):
            name (None | str | Unset):
            planned_investment_yuan (int | None | Unset): Planned investment in yuan (计划总投资，元)
            signed_target_on (datetime.date | None | Unset): The day the project should reach this stage by (optional); past
                and not reached, it is overdue
            started_target_on (datetime.date | None | Unset): The day the project should reach this stage by (optional);
                past and not reached, it is overdue
            town_or_park (None | str | Unset):
    """

    chain: Chain | None | Unset = UNSET
    counted_target_on: datetime.date | None | Unset = UNSET
    enterprise_id: None | Unset | UUID = UNSET
    investor_name: None | str | Unset = UNSET
    liaison: None | str | Unset = UNSET
    manufacturing: bool | None | Unset = UNSET
    name: None | str | Unset = UNSET
    planned_investment_yuan: int | None | Unset = UNSET
    signed_target_on: datetime.date | None | Unset = UNSET
    started_target_on: datetime.date | None | Unset = UNSET
    town_or_park: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        chain: None | str | Unset
        if isinstance(self.chain, Unset):
            chain = UNSET
        elif isinstance(self.chain, Chain):
            chain = self.chain.value
        else:
            chain = self.chain

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

        manufacturing: bool | None | Unset
        if isinstance(self.manufacturing, Unset):
            manufacturing = UNSET
        else:
            manufacturing = self.manufacturing

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        planned_investment_yuan: int | None | Unset
        if isinstance(self.planned_investment_yuan, Unset):
            planned_investment_yuan = UNSET
        else:
            planned_investment_yuan = self.planned_investment_yuan

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

        town_or_park: None | str | Unset
        if isinstance(self.town_or_park, Unset):
            town_or_park = UNSET
        else:
            town_or_park = self.town_or_park

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if chain is not UNSET:
            field_dict["chain"] = chain
        if counted_target_on is not UNSET:
            field_dict["counted_target_on"] = counted_target_on
        if enterprise_id is not UNSET:
            field_dict["enterprise_id"] = enterprise_id
        if investor_name is not UNSET:
            field_dict["investor_name"] = investor_name
        if liaison is not UNSET:
            field_dict["liaison"] = liaison
        if manufacturing is not UNSET:
            field_dict["manufacturing"] = manufacturing
        if name is not UNSET:
            field_dict["name"] = name
        if planned_investment_yuan is not UNSET:
            field_dict["planned_investment_yuan"] = planned_investment_yuan
        if signed_target_on is not UNSET:
            field_dict["signed_target_on"] = signed_target_on
        if started_target_on is not UNSET:
            field_dict["started_target_on"] = started_target_on
        if town_or_park is not UNSET:
            field_dict["town_or_park"] = town_or_park

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_chain(data: object) -> Chain | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                chain_type_0 = Chain(data)

                return chain_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Chain | None | Unset, data)

        chain = _parse_chain(d.pop("chain", UNSET))

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

        def _parse_manufacturing(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        manufacturing = _parse_manufacturing(d.pop("manufacturing", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_planned_investment_yuan(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        planned_investment_yuan = _parse_planned_investment_yuan(d.pop("planned_investment_yuan", UNSET))

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

        def _parse_town_or_park(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        town_or_park = _parse_town_or_park(d.pop("town_or_park", UNSET))

        project_update = cls(
            chain=chain,
            counted_target_on=counted_target_on,
            enterprise_id=enterprise_id,
            investor_name=investor_name,
            liaison=liaison,
            manufacturing=manufacturing,
            name=name,
            planned_investment_yuan=planned_investment_yuan,
            signed_target_on=signed_target_on,
            started_target_on=started_target_on,
            town_or_park=town_or_park,
        )

        return project_update

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chain import Chain
from ..models.project_stage import ProjectStage

T = TypeVar("T", bound="ProjectRead")


@_attrs_define
class ProjectRead:
    """An investment project (招商项目): whose, its figures, its liaison, its stage and the day of each.

    Attributes:
        chain (Chain): The county's industry chains (产业链) a project belongs to.

            `auto_parts_equipment`: 汽车零部件及高端装备 (Auto parts and high-end equipment); `new_energy`: 新能源 (New energy);
            `metals_materials`: 金属及新材料 (Metals and new materials); `agri_food`: 农产品深加工及绿色食品 (Agricultural processing and
            green food); `modern_services`: 现代服务业 (Modern services); `other`: 其他 (Other)
        counted_on (datetime.date | None):
        counted_target_on (datetime.date | None):
        created_at (datetime.datetime):
        created_by (str):
        drop_reason (None | str):
        dropped_on (datetime.date | None):
        enterprise_id (None | UUID):
        first_talk_on (datetime.date):
        id (UUID):
        investor_name (None | str):
        liaison (None | str):
        manufacturing (bool):
        name (str):
        planned_investment_yuan (int):
        signed_on (datetime.date | None):
        signed_target_on (datetime.date | None):
        stage (ProjectStage): negotiating → signed → started → counted (纳统), or dropped from any stage before counted.

            `negotiating`: 洽谈中 (Negotiating); `signed`: 已签约 (Signed); `started`: 已开工 (Started); `counted`: 已纳统 (Counted in
            the statistics); `dropped`: 已终止 (Dropped)
        started_on (datetime.date | None):
        started_target_on (datetime.date | None):
        town_or_park (str):
        updated_at (datetime.datetime):
    """

    chain: Chain
    counted_on: datetime.date | None
    counted_target_on: datetime.date | None
    created_at: datetime.datetime
    created_by: str
    drop_reason: None | str
    dropped_on: datetime.date | None
    enterprise_id: None | UUID
    first_talk_on: datetime.date
    id: UUID
    investor_name: None | str
    liaison: None | str
    manufacturing: bool
    name: str
    planned_investment_yuan: int
    signed_on: datetime.date | None
    signed_target_on: datetime.date | None
    stage: ProjectStage
    started_on: datetime.date | None
    started_target_on: datetime.date | None
    town_or_park: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        chain = self.chain.value

        counted_on: None | str
        if isinstance(self.counted_on, datetime.date):
            counted_on = self.counted_on.isoformat()
        else:
            counted_on = self.counted_on

        counted_target_on: None | str
        if isinstance(self.counted_target_on, datetime.date):
            counted_target_on = self.counted_target_on.isoformat()
        else:
            counted_target_on = self.counted_target_on

        created_at = self.created_at.isoformat()

        created_by = self.created_by

        drop_reason: None | str
        drop_reason = self.drop_reason

        dropped_on: None | str
        if isinstance(self.dropped_on, datetime.date):
            dropped_on = self.dropped_on.isoformat()
        else:
            dropped_on = self.dropped_on

        enterprise_id: None | str
        if isinstance(self.enterprise_id, UUID):
            enterprise_id = str(self.enterprise_id)
        else:
            enterprise_id = self.enterprise_id

        first_talk_on = self.first_talk_on.isoformat()

        id = str(self.id)

        investor_name: None | str
        investor_name = self.investor_name

        liaison: None | str
        liaison = self.liaison

        manufacturing = self.manufacturing

        name = self.name

        planned_investment_yuan = self.planned_investment_yuan

        signed_on: None | str
        if isinstance(self.signed_on, datetime.date):
            signed_on = self.signed_on.isoformat()
        else:
            signed_on = self.signed_on

        signed_target_on: None | str
        if isinstance(self.signed_target_on, datetime.date):
            signed_target_on = self.signed_target_on.isoformat()
        else:
            signed_target_on = self.signed_target_on

        stage = self.stage.value

        started_on: None | str
        if isinstance(self.started_on, datetime.date):
            started_on = self.started_on.isoformat()
        else:
            started_on = self.started_on

        started_target_on: None | str
        if isinstance(self.started_target_on, datetime.date):
            started_target_on = self.started_target_on.isoformat()
        else:
            started_target_on = self.started_target_on

        town_or_park = self.town_or_park

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "chain": chain,
                "counted_on": counted_on,
                "counted_target_on": counted_target_on,
                "created_at": created_at,
                "created_by": created_by,
                "drop_reason": drop_reason,
                "dropped_on": dropped_on,
                "enterprise_id": enterprise_id,
                "first_talk_on": first_talk_on,
                "id": id,
                "investor_name": investor_name,
                "liaison": liaison,
                "manufacturing": manufacturing,
                "name": name,
                "planned_investment_yuan": planned_investment_yuan,
                "signed_on": signed_on,
                "signed_target_on": signed_target_on,
                "stage": stage,
                "started_on": started_on,
                "started_target_on": started_target_on,
                "town_or_park": town_or_park,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        chain = Chain(d.pop("chain"))

        def _parse_counted_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                counted_on_type_0 = datetime.date.fromisoformat(data)

                return counted_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        counted_on = _parse_counted_on(d.pop("counted_on"))

        def _parse_counted_target_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                counted_target_on_type_0 = datetime.date.fromisoformat(data)

                return counted_target_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        counted_target_on = _parse_counted_target_on(d.pop("counted_target_on"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = d.pop("created_by")

        def _parse_drop_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        drop_reason = _parse_drop_reason(d.pop("drop_reason"))

        def _parse_dropped_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                dropped_on_type_0 = datetime.date.fromisoformat(data)

                return dropped_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        dropped_on = _parse_dropped_on(d.pop("dropped_on"))

        def _parse_enterprise_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                enterprise_id_type_0 = UUID(data)

                return enterprise_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        enterprise_id = _parse_enterprise_id(d.pop("enterprise_id"))

        first_talk_on = datetime.date.fromisoformat(d.pop("first_talk_on"))

        id = UUID(d.pop("id"))

        def _parse_investor_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        investor_name = _parse_investor_name(d.pop("investor_name"))

        def _parse_liaison(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        liaison = _parse_liaison(d.pop("liaison"))

        manufacturing = d.pop("manufacturing")

        name = d.pop("name")

        planned_investment_yuan = d.pop("planned_investment_yuan")

        def _parse_signed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signed_on_type_0 = datetime.date.fromisoformat(data)

                return signed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        signed_on = _parse_signed_on(d.pop("signed_on"))

        def _parse_signed_target_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signed_target_on_type_0 = datetime.date.fromisoformat(data)

                return signed_target_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        signed_target_on = _parse_signed_target_on(d.pop("signed_target_on"))

        stage = ProjectStage(d.pop("stage"))

        def _parse_started_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_on_type_0 = datetime.date.fromisoformat(data)

                return started_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        started_on = _parse_started_on(d.pop("started_on"))

        def _parse_started_target_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_target_on_type_0 = datetime.date.fromisoformat(data)

                return started_target_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        started_target_on = _parse_started_target_on(d.pop("started_target_on"))

        town_or_park = d.pop("town_or_park")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        project_read = cls(
            chain=chain,
            counted_on=counted_on,
            counted_target_on=counted_target_on,
            created_at=created_at,
            created_by=created_by,
            drop_reason=drop_reason,
            dropped_on=dropped_on,
            enterprise_id=enterprise_id,
            first_talk_on=first_talk_on,
            id=id,
            investor_name=investor_name,
            liaison=liaison,
            manufacturing=manufacturing,
            name=name,
            planned_investment_yuan=planned_investment_yuan,
            signed_on=signed_on,
            signed_target_on=signed_target_on,
            stage=stage,
            started_on=started_on,
            started_target_on=started_target_on,
            town_or_park=town_or_park,
            updated_at=updated_at,
        )

        project_read.additional_properties = d
        return project_read

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

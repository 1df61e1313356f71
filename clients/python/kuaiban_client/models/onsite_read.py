from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.department import Department
from ..models.onsite_status import OnsiteStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="OnsiteRead")


@_attrs_define
class OnsiteRead:
    """
    Attributes:
        address (str):
        created_at (datetime.datetime):
        department (Department): `market`: 市场监管局 (Market regulation); `tax`: 税务局 (Taxation); `hrss`: 人社局 (Human
            resources and social security); `public_security`: 公安局 (Public security); `housing_fund`: 公积金中心 (Housing
            provident fund); `power`: 供电公司 (Power supply); `water`: 供水公司 (Water supply); `gas`: 燃气公司 (Gas supply);
            `natural_resources`: 自然资源和规划局 (Natural resources and planning); `housing`: 住建局 (Housing and construction);
            `development_reform`: 发改委 (Development and reform); `ecology`: 生态环境分局 (Ecology and environment);
            `finance_office`: 金融办 (Financial affairs office); `data_bureau`: 数据资源局 (Data resources bureau)
        enterprise_id (UUID):
        id (UUID):
        matter_code (str):
        notes (None | str):
        officer_username (None | str):
        preferred_dates (list[datetime.date]):
        requested_by (str):
        scheduled_at (datetime.datetime | None):
        scheduled_by (None | str):
        start_at (datetime.datetime | None):
        status (OnsiteStatus): `requested`: 待排期 (Requested); `scheduled`: 已排期 (Scheduled)
        updated_at (datetime.datetime):
        visit_on (datetime.date | None): The day of the visit (China Standard Time)
        reminded_at (datetime.datetime | None | Unset):
    """

    address: str
    created_at: datetime.datetime
    department: Department
    enterprise_id: UUID
    id: UUID
    matter_code: str
    notes: None | str
    officer_username: None | str
    preferred_dates: list[datetime.date]
    requested_by: str
    scheduled_at: datetime.datetime | None
    scheduled_by: None | str
    start_at: datetime.datetime | None
    status: OnsiteStatus
    updated_at: datetime.datetime
    visit_on: datetime.date | None
    reminded_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address = self.address

        created_at = self.created_at.isoformat()

        department = self.department.value

        enterprise_id = str(self.enterprise_id)

        id = str(self.id)

        matter_code = self.matter_code

        notes: None | str
        notes = self.notes

        officer_username: None | str
        officer_username = self.officer_username

        preferred_dates = []
        for preferred_dates_item_data in self.preferred_dates:
            preferred_dates_item = preferred_dates_item_data.isoformat()
            preferred_dates.append(preferred_dates_item)

        requested_by = self.requested_by

        scheduled_at: None | str
        if isinstance(self.scheduled_at, datetime.datetime):
            scheduled_at = self.scheduled_at.isoformat()
        else:
            scheduled_at = self.scheduled_at

        scheduled_by: None | str
        scheduled_by = self.scheduled_by

        start_at: None | str
        if isinstance(self.start_at, datetime.datetime):
            start_at = self.start_at.isoformat()
        else:
            start_at = self.start_at

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        visit_on: None | str
        if isinstance(self.visit_on, datetime.date):
            visit_on = self.visit_on.isoformat()
        else:
            visit_on = self.visit_on

        reminded_at: None | str | Unset
        if isinstance(self.reminded_at, Unset):
            reminded_at = UNSET
        elif isinstance(self.reminded_at, datetime.datetime):
            reminded_at = self.reminded_at.isoformat()
        else:
            reminded_at = self.reminded_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "created_at": created_at,
                "department": department,
                "enterprise_id": enterprise_id,
                "id": id,
                "matter_code": matter_code,
                "notes": notes,
                "officer_username": officer_username,
                "preferred_dates": preferred_dates,
                "requested_by": requested_by,
                "scheduled_at": scheduled_at,
                "scheduled_by": scheduled_by,
                "start_at": start_at,
                "status": status,
                "updated_at": updated_at,
                "visit_on": visit_on,
            }
        )
        if reminded_at is not UNSET:
            field_dict["reminded_at"] = reminded_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        address = d.pop("address")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        department = Department(d.pop("department"))

        enterprise_id = UUID(d.pop("enterprise_id"))

        id = UUID(d.pop("id"))

        matter_code = d.pop("matter_code")

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        def _parse_officer_username(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        officer_username = _parse_officer_username(d.pop("officer_username"))

        preferred_dates = []
        _preferred_dates = d.pop("preferred_dates")
        for preferred_dates_item_data in _preferred_dates:
            preferred_dates_item = datetime.date.fromisoformat(preferred_dates_item_data)

            preferred_dates.append(preferred_dates_item)

        requested_by = d.pop("requested_by")

        def _parse_scheduled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scheduled_at_type_0 = datetime.datetime.fromisoformat(data)

                return scheduled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        scheduled_at = _parse_scheduled_at(d.pop("scheduled_at"))

        def _parse_scheduled_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        scheduled_by = _parse_scheduled_by(d.pop("scheduled_by"))

        def _parse_start_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_at_type_0 = datetime.datetime.fromisoformat(data)

                return start_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        start_at = _parse_start_at(d.pop("start_at"))

        status = OnsiteStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_visit_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                visit_on_type_0 = datetime.date.fromisoformat(data)

                return visit_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        visit_on = _parse_visit_on(d.pop("visit_on"))

        def _parse_reminded_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reminded_at_type_0 = datetime.datetime.fromisoformat(data)

                return reminded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        reminded_at = _parse_reminded_at(d.pop("reminded_at", UNSET))

        onsite_read = cls(
            address=address,
            created_at=created_at,
            department=department,
            enterprise_id=enterprise_id,
            id=id,
            matter_code=matter_code,
            notes=notes,
            officer_username=officer_username,
            preferred_dates=preferred_dates,
            requested_by=requested_by,
            scheduled_at=scheduled_at,
            scheduled_by=scheduled_by,
            start_at=start_at,
            status=status,
            updated_at=updated_at,
            visit_on=visit_on,
            reminded_at=reminded_at,
        )

        onsite_read.additional_properties = d
        return onsite_read

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

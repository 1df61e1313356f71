from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.appointment_status import AppointmentStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="AppointmentRead")


@_attrs_define
class AppointmentRead:
    """
    Attributes:
        after_hours (bool):
        appointment_on (datetime.date): The day of the appointment (China Standard Time)
        booked_by (str):
        created_at (datetime.datetime):
        end_at (datetime.datetime):
        enterprise_id (UUID):
        hall_id (UUID):
        id (UUID):
        matter_code (str):
        rescheduled (int): How many times it was moved
        start_at (datetime.datetime):
        status (AppointmentStatus): `booked`: 已预约 (Booked); `cancelled`: 已取消 (Cancelled); `checked_in`: 已到场 (Checked
            in); `no_show`: 未到场 (No-show)
        updated_at (datetime.datetime):
        window_id (UUID):
        cancelled_at (datetime.datetime | None | Unset):
        checked_in_at (datetime.datetime | None | Unset):
        no_show_at (datetime.datetime | None | Unset):
        reminded_at (datetime.datetime | None | Unset): When the reminder went on the timeline
    """

    after_hours: bool
    appointment_on: datetime.date
    booked_by: str
    created_at: datetime.datetime
    end_at: datetime.datetime
    enterprise_id: UUID
    hall_id: UUID
    id: UUID
    matter_code: str
    rescheduled: int
    start_at: datetime.datetime
    status: AppointmentStatus
    updated_at: datetime.datetime
    window_id: UUID
    cancelled_at: datetime.datetime | None | Unset = UNSET
    checked_in_at: datetime.datetime | None | Unset = UNSET
    no_show_at: datetime.datetime | None | Unset = UNSET
    reminded_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        after_hours = self.after_hours

        appointment_on = self.appointment_on.isoformat()

        booked_by = self.booked_by

        created_at = self.created_at.isoformat()

        end_at = self.end_at.isoformat()

        enterprise_id = str(self.enterprise_id)

        hall_id = str(self.hall_id)

        id = str(self.id)

        matter_code = self.matter_code

        rescheduled = self.rescheduled

        start_at = self.start_at.isoformat()

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        window_id = str(self.window_id)

        cancelled_at: None | str | Unset
        if isinstance(self.cancelled_at, Unset):
            cancelled_at = UNSET
        elif isinstance(self.cancelled_at, datetime.datetime):
            cancelled_at = self.cancelled_at.isoformat()
        else:
            cancelled_at = self.cancelled_at

        checked_in_at: None | str | Unset
        if isinstance(self.checked_in_at, Unset):
            checked_in_at = UNSET
        elif isinstance(self.checked_in_at, datetime.datetime):
            checked_in_at = self.checked_in_at.isoformat()
        else:
            checked_in_at = self.checked_in_at

        no_show_at: None | str | Unset
        if isinstance(self.no_show_at, Unset):
            no_show_at = UNSET
        elif isinstance(self.no_show_at, datetime.datetime):
            no_show_at = self.no_show_at.isoformat()
        else:
            no_show_at = self.no_show_at

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
                "after_hours": after_hours,
                "appointment_on": appointment_on,
                "booked_by": booked_by,
                "created_at": created_at,
                "end_at": end_at,
                "enterprise_id": enterprise_id,
                "hall_id": hall_id,
                "id": id,
                "matter_code": matter_code,
                "rescheduled": rescheduled,
                "start_at": start_at,
                "status": status,
                "updated_at": updated_at,
                "window_id": window_id,
            }
        )
        if cancelled_at is not UNSET:
            field_dict["cancelled_at"] = cancelled_at
        if checked_in_at is not UNSET:
            field_dict["checked_in_at"] = checked_in_at
        if no_show_at is not UNSET:
            field_dict["no_show_at"] = no_show_at
        if reminded_at is not UNSET:
            field_dict["reminded_at"] = reminded_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        after_hours = d.pop("after_hours")

        appointment_on = datetime.date.fromisoformat(d.pop("appointment_on"))

        booked_by = d.pop("booked_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        end_at = datetime.datetime.fromisoformat(d.pop("end_at"))

        enterprise_id = UUID(d.pop("enterprise_id"))

        hall_id = UUID(d.pop("hall_id"))

        id = UUID(d.pop("id"))

        matter_code = d.pop("matter_code")

        rescheduled = d.pop("rescheduled")

        start_at = datetime.datetime.fromisoformat(d.pop("start_at"))

        status = AppointmentStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        window_id = UUID(d.pop("window_id"))

        def _parse_cancelled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancelled_at_type_0 = datetime.datetime.fromisoformat(data)

                return cancelled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        cancelled_at = _parse_cancelled_at(d.pop("cancelled_at", UNSET))

        def _parse_checked_in_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                checked_in_at_type_0 = datetime.datetime.fromisoformat(data)

                return checked_in_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        checked_in_at = _parse_checked_in_at(d.pop("checked_in_at", UNSET))

        def _parse_no_show_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                no_show_at_type_0 = datetime.datetime.fromisoformat(data)

                return no_show_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        no_show_at = _parse_no_show_at(d.pop("no_show_at", UNSET))

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

        appointment_read = cls(
            after_hours=after_hours,
            appointment_on=appointment_on,
            booked_by=booked_by,
            created_at=created_at,
            end_at=end_at,
            enterprise_id=enterprise_id,
            hall_id=hall_id,
            id=id,
            matter_code=matter_code,
            rescheduled=rescheduled,
            start_at=start_at,
            status=status,
            updated_at=updated_at,
            window_id=window_id,
            cancelled_at=cancelled_at,
            checked_in_at=checked_in_at,
            no_show_at=no_show_at,
            reminded_at=reminded_at,
        )

        appointment_read.additional_properties = d
        return appointment_read

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

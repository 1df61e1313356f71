from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProjectRecordRead")


@_attrs_define
class ProjectRecordRead:
    """The fastest project from first talk to signing (by calendar days, then working days).

    Attributes:
        calendar_days (int):
        first_talk_on (datetime.date):
        name (str):
        project_id (UUID):
        signed_on (datetime.date):
        working_days (int):
    """

    calendar_days: int
    first_talk_on: datetime.date
    name: str
    project_id: UUID
    signed_on: datetime.date
    working_days: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        calendar_days = self.calendar_days

        first_talk_on = self.first_talk_on.isoformat()

        name = self.name

        project_id = str(self.project_id)

        signed_on = self.signed_on.isoformat()

        working_days = self.working_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "calendar_days": calendar_days,
                "first_talk_on": first_talk_on,
                "name": name,
                "project_id": project_id,
                "signed_on": signed_on,
                "working_days": working_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        calendar_days = d.pop("calendar_days")

        first_talk_on = datetime.date.fromisoformat(d.pop("first_talk_on"))

        name = d.pop("name")

        project_id = UUID(d.pop("project_id"))

        signed_on = datetime.date.fromisoformat(d.pop("signed_on"))

        working_days = d.pop("working_days")

        project_record_read = cls(
            calendar_days=calendar_days,
            first_talk_on=first_talk_on,
            name=name,
            project_id=project_id,
            signed_on=signed_on,
            working_days=working_days,
        )

        project_record_read.additional_properties = d
        return project_record_read

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

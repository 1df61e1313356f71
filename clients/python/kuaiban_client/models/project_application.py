from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProjectApplication")


@_attrs_define
class ProjectApplication:
    """An open approval application naming the project (in review, or awaiting a supplement).

    Attributes:
        code (str):
        due_date (datetime.date):
        id (UUID):
        matter_code (str):
        matter_name (str):
        status (str): in_review or supplement_required (approval's application status)
        submitted_at (datetime.datetime):
    """

    code: str
    due_date: datetime.date
    id: UUID
    matter_code: str
    matter_name: str
    status: str
    submitted_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        due_date = self.due_date.isoformat()

        id = str(self.id)

        matter_code = self.matter_code

        matter_name = self.matter_name

        status = self.status

        submitted_at = self.submitted_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "due_date": due_date,
                "id": id,
                "matter_code": matter_code,
                "matter_name": matter_name,
                "status": status,
                "submitted_at": submitted_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        id = UUID(d.pop("id"))

        matter_code = d.pop("matter_code")

        matter_name = d.pop("matter_name")

        status = d.pop("status")

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        project_application = cls(
            code=code,
            due_date=due_date,
            id=id,
            matter_code=matter_code,
            matter_name=matter_name,
            status=status,
            submitted_at=submitted_at,
        )

        project_application.additional_properties = d
        return project_application

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="HallRead")


@_attrs_define
class HallRead:
    """
    Attributes:
        address (str):
        created_at (datetime.datetime):
        id (UUID):
        name (str):
        town (str):
        updated_at (datetime.datetime):
    """

    address: str
    created_at: datetime.datetime
    id: UUID
    name: str
    town: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address = self.address

        created_at = self.created_at.isoformat()

        id = str(self.id)

        name = self.name

        town = self.town

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "created_at": created_at,
                "id": id,
                "name": name,
                "town": town,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        address = d.pop("address")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        name = d.pop("name")

        town = d.pop("town")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        hall_read = cls(
            address=address,
            created_at=created_at,
            id=id,
            name=name,
            town=town,
            updated_at=updated_at,
        )

        hall_read.additional_properties = d
        return hall_read

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

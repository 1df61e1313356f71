from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="HallCreate")


@_attrs_define
class HallCreate:
    """
    Attributes:
        address (str):
        name (str):
        town (str): Town or street (乡镇/街道)
    """

    address: str
    name: str
    town: str

    def to_dict(self) -> dict[str, Any]:
        address = self.address

        name = self.name

        town = self.town

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "address": address,
                "name": name,
                "town": town,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        address = d.pop("address")

        name = d.pop("name")

        town = d.pop("town")

        hall_create = cls(
            address=address,
            name=name,
            town=town,
        )

        return hall_create

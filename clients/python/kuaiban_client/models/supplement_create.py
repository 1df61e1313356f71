from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="SupplementCreate")


@_attrs_define
class SupplementCreate:
    """
    Attributes:
        materials (list[str]):
    """

    materials: list[str]

    def to_dict(self) -> dict[str, Any]:
        materials = self.materials

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "materials": materials,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        materials = cast(list[str], d.pop("materials"))

        supplement_create = cls(
            materials=materials,
        )

        return supplement_create

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MatterMaterial")


@_attrs_define
class MatterMaterial:
    """
    Attributes:
        code (str):
        name (str):
        waivable (bool | Unset):  Default: False.
    """

    code: str
    name: str
    waivable: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        waivable = self.waivable

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name": name,
            }
        )
        if waivable is not UNSET:
            field_dict["waivable"] = waivable

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        waivable = d.pop("waivable", UNSET)

        matter_material = cls(
            code=code,
            name=name,
            waivable=waivable,
        )

        return matter_material

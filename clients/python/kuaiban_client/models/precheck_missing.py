from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PrecheckMissing")


@_attrs_define
class PrecheckMissing:
    """
    Attributes:
        material_code (str):
        name (str):
        waivable (bool): May be missing at submission against a 容缺 commitment
    """

    material_code: str
    name: str
    waivable: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        material_code = self.material_code

        name = self.name

        waivable = self.waivable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "material_code": material_code,
                "name": name,
                "waivable": waivable,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        material_code = d.pop("material_code")

        name = d.pop("name")

        waivable = d.pop("waivable")

        precheck_missing = cls(
            material_code=material_code,
            name=name,
            waivable=waivable,
        )

        precheck_missing.additional_properties = d
        return precheck_missing

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

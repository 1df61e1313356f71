from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.application_material_read import ApplicationMaterialRead


T = TypeVar("T", bound="ApplicationMaterials")


@_attrs_define
class ApplicationMaterials:
    """
    Attributes:
        application_id (UUID):
        items (list[ApplicationMaterialRead]):
    """

    application_id: UUID
    items: list[ApplicationMaterialRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id = str(self.application_id)

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_id": application_id,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.application_material_read import ApplicationMaterialRead  # noqa: PLC0415

        d = dict(src_dict)
        application_id = UUID(d.pop("application_id"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ApplicationMaterialRead.from_dict(items_item_data)

            items.append(items_item)

        application_materials = cls(
            application_id=application_id,
            items=items,
        )

        application_materials.additional_properties = d
        return application_materials

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

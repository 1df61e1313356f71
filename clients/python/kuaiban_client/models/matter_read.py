from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.matter_department import MatterDepartment
    from ..models.matter_material import MatterMaterial


T = TypeVar("T", bound="MatterRead")


@_attrs_define
class MatterRead:
    """
    Attributes:
        code (str):
        created_at (datetime.datetime):
        deemed_approval (bool):
        departments (list[MatterDepartment]):
        id (UUID):
        materials (list[MatterMaterial]):
        name (str):
        sla_working_days (int):
        updated_at (datetime.datetime):
    """

    code: str
    created_at: datetime.datetime
    deemed_approval: bool
    departments: list[MatterDepartment]
    id: UUID
    materials: list[MatterMaterial]
    name: str
    sla_working_days: int
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        created_at = self.created_at.isoformat()

        deemed_approval = self.deemed_approval

        departments = []
        for departments_item_data in self.departments:
            departments_item = departments_item_data.to_dict()
            departments.append(departments_item)

        id = str(self.id)

        materials = []
        for materials_item_data in self.materials:
            materials_item = materials_item_data.to_dict()
            materials.append(materials_item)

        name = self.name

        sla_working_days = self.sla_working_days

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "created_at": created_at,
                "deemed_approval": deemed_approval,
                "departments": departments,
                "id": id,
                "materials": materials,
                "name": name,
                "sla_working_days": sla_working_days,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.matter_department import MatterDepartment  # noqa: PLC0415
        from ..models.matter_material import MatterMaterial  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        deemed_approval = d.pop("deemed_approval")

        departments = []
        _departments = d.pop("departments")
        for departments_item_data in _departments:
            departments_item = MatterDepartment.from_dict(departments_item_data)

            departments.append(departments_item)

        id = UUID(d.pop("id"))

        materials = []
        _materials = d.pop("materials")
        for materials_item_data in _materials:
            materials_item = MatterMaterial.from_dict(materials_item_data)

            materials.append(materials_item)

        name = d.pop("name")

        sla_working_days = d.pop("sla_working_days")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        matter_read = cls(
            code=code,
            created_at=created_at,
            deemed_approval=deemed_approval,
            departments=departments,
            id=id,
            materials=materials,
            name=name,
            sla_working_days=sla_working_days,
            updated_at=updated_at,
        )

        matter_read.additional_properties = d
        return matter_read

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

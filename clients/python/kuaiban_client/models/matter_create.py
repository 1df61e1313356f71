from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.matter_department import MatterDepartment
    from ..models.matter_material import MatterMaterial


T = TypeVar("T", bound="MatterCreate")


@_attrs_define
class MatterCreate:
    """
    Attributes:
        code (str):
        departments (list[MatterDepartment]):
        name (str):
        sla_working_days (int):
        deemed_approval (bool | Unset):  Default: False.
        materials (list[MatterMaterial] | Unset):
    """

    code: str
    departments: list[MatterDepartment]
    name: str
    sla_working_days: int
    deemed_approval: bool | Unset = False
    materials: list[MatterMaterial] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        departments = []
        for departments_item_data in self.departments:
            departments_item = departments_item_data.to_dict()
            departments.append(departments_item)

        name = self.name

        sla_working_days = self.sla_working_days

        deemed_approval = self.deemed_approval

        materials: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.materials, Unset):
            materials = []
            for materials_item_data in self.materials:
                materials_item = materials_item_data.to_dict()
                materials.append(materials_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "departments": departments,
                "name": name,
                "sla_working_days": sla_working_days,
            }
        )
        if deemed_approval is not UNSET:
            field_dict["deemed_approval"] = deemed_approval
        if materials is not UNSET:
            field_dict["materials"] = materials

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.matter_department import MatterDepartment  # noqa: PLC0415
        from ..models.matter_material import MatterMaterial  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        departments = []
        _departments = d.pop("departments")
        for departments_item_data in _departments:
            departments_item = MatterDepartment.from_dict(departments_item_data)

            departments.append(departments_item)

        name = d.pop("name")

        sla_working_days = d.pop("sla_working_days")

        deemed_approval = d.pop("deemed_approval", UNSET)

        _materials = d.pop("materials", UNSET)
        materials: list[MatterMaterial] | Unset = UNSET
        if _materials is not UNSET:
            materials = []
            for materials_item_data in _materials:
                materials_item = MatterMaterial.from_dict(materials_item_data)

                materials.append(materials_item)

        matter_create = cls(
            code=code,
            departments=departments,
            name=name,
            sla_working_days=sla_working_days,
            deemed_approval=deemed_approval,
            materials=materials,
        )

        return matter_create

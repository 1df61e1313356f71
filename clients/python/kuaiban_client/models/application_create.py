from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.commitment import Commitment


T = TypeVar("T", bound="ApplicationCreate")


@_attrs_define
class ApplicationCreate:
    """
    Attributes:
        matter_code (str):
        commitments (list[Commitment] | Unset):
        enterprise_id (None | Unset | UUID): Required when an admin applies on its behalf
        materials (list[str] | Unset): Materials handed in (uploaded now or later)
        project_id (None | Unset | UUID): The investment project (招商项目) it serves: one of the same enterprise's
        use_vault (bool | Unset): Reuse the vault's documents, valid through the due date, for materials not listed
            Default: False.
    """

    matter_code: str
    commitments: list[Commitment] | Unset = UNSET
    enterprise_id: None | Unset | UUID = UNSET
    materials: list[str] | Unset = UNSET
    project_id: None | Unset | UUID = UNSET
    use_vault: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        matter_code = self.matter_code

        commitments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.commitments, Unset):
            commitments = []
            for commitments_item_data in self.commitments:
                commitments_item = commitments_item_data.to_dict()
                commitments.append(commitments_item)

        enterprise_id: None | str | Unset
        if isinstance(self.enterprise_id, Unset):
            enterprise_id = UNSET
        elif isinstance(self.enterprise_id, UUID):
            enterprise_id = str(self.enterprise_id)
        else:
            enterprise_id = self.enterprise_id

        materials: list[str] | Unset = UNSET
        if not isinstance(self.materials, Unset):
            materials = self.materials

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        elif isinstance(self.project_id, UUID):
            project_id = str(self.project_id)
        else:
            project_id = self.project_id

        use_vault = self.use_vault

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "matter_code": matter_code,
            }
        )
        if commitments is not UNSET:
            field_dict["commitments"] = commitments
        if enterprise_id is not UNSET:
            field_dict["enterprise_id"] = enterprise_id
        if materials is not UNSET:
            field_dict["materials"] = materials
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if use_vault is not UNSET:
            field_dict["use_vault"] = use_vault

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.commitment import Commitment  # noqa: PLC0415

        d = dict(src_dict)
        matter_code = d.pop("matter_code")

        _commitments = d.pop("commitments", UNSET)
        commitments: list[Commitment] | Unset = UNSET
        if _commitments is not UNSET:
            commitments = []
            for commitments_item_data in _commitments:
                commitments_item = Commitment.from_dict(commitments_item_data)

                commitments.append(commitments_item)

        def _parse_enterprise_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                enterprise_id_type_0 = UUID(data)

                return enterprise_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        enterprise_id = _parse_enterprise_id(d.pop("enterprise_id", UNSET))

        materials = cast(list[str], d.pop("materials", UNSET))

        def _parse_project_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                project_id_type_0 = UUID(data)

                return project_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))

        use_vault = d.pop("use_vault", UNSET)

        application_create = cls(
            matter_code=matter_code,
            commitments=commitments,
            enterprise_id=enterprise_id,
            materials=materials,
            project_id=project_id,
            use_vault=use_vault,
        )

        return application_create

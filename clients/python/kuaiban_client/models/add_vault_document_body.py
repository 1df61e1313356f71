from __future__ import annotations

import datetime
from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="AddVaultDocumentBody")


@_attrs_define
class AddVaultDocumentBody:
    """
    Attributes:
        file (File): PDF, JPEG, PNG or OFD
        material_code (str):
        enterprise_id (UUID | Unset): Required when an admin adds it
        issuer (str | Unset):
        valid_until (datetime.date | Unset):
    """

    file: File
    material_code: str
    enterprise_id: UUID | Unset = UNSET
    issuer: str | Unset = UNSET
    valid_until: datetime.date | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        material_code = self.material_code

        enterprise_id: str | Unset = UNSET
        if not isinstance(self.enterprise_id, Unset):
            enterprise_id = str(self.enterprise_id)

        issuer = self.issuer

        valid_until: str | Unset = UNSET
        if not isinstance(self.valid_until, Unset):
            valid_until = self.valid_until.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
                "material_code": material_code,
            }
        )
        if enterprise_id is not UNSET:
            field_dict["enterprise_id"] = enterprise_id
        if issuer is not UNSET:
            field_dict["issuer"] = issuer
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        files.append(("material_code", (None, str(self.material_code).encode(), "text/plain")))

        if not isinstance(self.enterprise_id, Unset):
            files.append(("enterprise_id", (None, str(self.enterprise_id), "text/plain")))

        if not isinstance(self.issuer, Unset):
            files.append(("issuer", (None, str(self.issuer).encode(), "text/plain")))

        if not isinstance(self.valid_until, Unset):
            files.append(("valid_until", (None, self.valid_until.isoformat().encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = File(payload=BytesIO(d.pop("file")))

        material_code = d.pop("material_code")

        _enterprise_id = d.pop("enterprise_id", UNSET)
        enterprise_id: UUID | Unset
        if isinstance(_enterprise_id, Unset):
            enterprise_id = UNSET
        else:
            enterprise_id = UUID(_enterprise_id)

        issuer = d.pop("issuer", UNSET)

        _valid_until = d.pop("valid_until", UNSET)
        valid_until: datetime.date | Unset
        if isinstance(_valid_until, Unset):
            valid_until = UNSET
        else:
            valid_until = datetime.date.fromisoformat(_valid_until)

        add_vault_document_body = cls(
            file=file,
            material_code=material_code,
            enterprise_id=enterprise_id,
            issuer=issuer,
            valid_until=valid_until,
        )

        add_vault_document_body.additional_properties = d
        return add_vault_document_body

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

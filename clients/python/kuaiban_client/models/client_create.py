from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.scope import Scope

T = TypeVar("T", bound="ClientCreate")


@_attrs_define
class ClientCreate:
    """
    Attributes:
        bank_id (UUID): The bank whose system this is; its tokens act as that bank
        name (str): 1–50 letters, digits, `_`, `.` or `-`, unique; audit entries say `client:<name>`
        scopes (list[Scope]): What its tokens may do
    """

    bank_id: UUID
    name: str
    scopes: list[Scope]

    def to_dict(self) -> dict[str, Any]:
        bank_id = str(self.bank_id)

        name = self.name

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "bank_id": bank_id,
                "name": name,
                "scopes": scopes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bank_id = UUID(d.pop("bank_id"))

        name = d.pop("name")

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = Scope(scopes_item_data)

            scopes.append(scopes_item)

        client_create = cls(
            bank_id=bank_id,
            name=name,
            scopes=scopes,
        )

        return client_create

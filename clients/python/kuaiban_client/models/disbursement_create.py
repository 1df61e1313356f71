from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="DisbursementCreate")


@_attrs_define
class DisbursementCreate:
    """
    Attributes:
        grant_ids (list[UUID]):
    """

    grant_ids: list[UUID]

    def to_dict(self) -> dict[str, Any]:
        grant_ids = []
        for grant_ids_item_data in self.grant_ids:
            grant_ids_item = str(grant_ids_item_data)
            grant_ids.append(grant_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "grant_ids": grant_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grant_ids = []
        _grant_ids = d.pop("grant_ids")
        for grant_ids_item_data in _grant_ids:
            grant_ids_item = UUID(grant_ids_item_data)

            grant_ids.append(grant_ids_item)

        disbursement_create = cls(
            grant_ids=grant_ids,
        )

        return disbursement_create

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="FinanceApplicationCreate")


@_attrs_define
class FinanceApplicationCreate:
    """
    Attributes:
        need_id (UUID):
        product_id (UUID):
    """

    need_id: UUID
    product_id: UUID

    def to_dict(self) -> dict[str, Any]:
        need_id = str(self.need_id)

        product_id = str(self.product_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "need_id": need_id,
                "product_id": product_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        need_id = UUID(d.pop("need_id"))

        product_id = UUID(d.pop("product_id"))

        finance_application_create = cls(
            need_id=need_id,
            product_id=product_id,
        )

        return finance_application_create

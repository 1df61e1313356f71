from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="FixedBenefit")


@_attrs_define
class FixedBenefit:
    """
    Attributes:
        amount_yuan (int):
        kind (Literal['fixed']):
    """

    amount_yuan: int
    kind: Literal["fixed"]

    def to_dict(self) -> dict[str, Any]:
        amount_yuan = self.amount_yuan

        kind = self.kind

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount_yuan": amount_yuan,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_yuan = d.pop("amount_yuan")

        kind = cast(Literal["fixed"], d.pop("kind"))
        if kind != "fixed":
            raise ValueError(f"kind must match const 'fixed', got '{kind}'")

        fixed_benefit = cls(
            amount_yuan=amount_yuan,
            kind=kind,
        )

        return fixed_benefit

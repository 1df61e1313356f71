from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="RateBenefit")


@_attrs_define
class RateBenefit:
    """A share of the enterprise's annual revenue, rounded half up to whole yuan, capped.

    Attributes:
        cap_yuan (int):
        kind (Literal['rate']):
        rate_pct (float):
    """

    cap_yuan: int
    kind: Literal["rate"]
    rate_pct: float

    def to_dict(self) -> dict[str, Any]:
        cap_yuan = self.cap_yuan

        kind = self.kind

        rate_pct = self.rate_pct

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cap_yuan": cap_yuan,
                "kind": kind,
                "rate_pct": rate_pct,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cap_yuan = d.pop("cap_yuan")

        kind = cast(Literal["rate"], d.pop("kind"))
        if kind != "rate":
            raise ValueError(f"kind must match const 'rate', got '{kind}'")

        rate_pct = d.pop("rate_pct")

        rate_benefit = cls(
            cap_yuan=cap_yuan,
            kind=kind,
            rate_pct=rate_pct,
        )

        return rate_benefit

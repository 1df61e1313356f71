from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Commitment")


@_attrs_define
class Commitment:
    """A signed commitment (承诺) to hand in a waivable material by `due_date` (容缺受理).

    Attributes:
        due_date (datetime.date):
        material_code (str):
    """

    due_date: datetime.date
    material_code: str

    def to_dict(self) -> dict[str, Any]:
        due_date = self.due_date.isoformat()

        material_code = self.material_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "due_date": due_date,
                "material_code": material_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        material_code = d.pop("material_code")

        commitment = cls(
            due_date=due_date,
            material_code=material_code,
        )

        return commitment

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CommitmentRead")


@_attrs_define
class CommitmentRead:
    """A commitment as the application keeps it: fulfilled when the material is handed in.

    Attributes:
        due_date (datetime.date):
        fulfilled_at (datetime.datetime | None):
        material_code (str):
    """

    due_date: datetime.date
    fulfilled_at: datetime.datetime | None
    material_code: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        due_date = self.due_date.isoformat()

        fulfilled_at: None | str
        if isinstance(self.fulfilled_at, datetime.datetime):
            fulfilled_at = self.fulfilled_at.isoformat()
        else:
            fulfilled_at = self.fulfilled_at

        material_code = self.material_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "due_date": due_date,
                "fulfilled_at": fulfilled_at,
                "material_code": material_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        def _parse_fulfilled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                fulfilled_at_type_0 = datetime.datetime.fromisoformat(data)

                return fulfilled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        fulfilled_at = _parse_fulfilled_at(d.pop("fulfilled_at"))

        material_code = d.pop("material_code")

        commitment_read = cls(
            due_date=due_date,
            fulfilled_at=fulfilled_at,
            material_code=material_code,
        )

        commitment_read.additional_properties = d
        return commitment_read

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="LiaisonAssign")


@_attrs_define
class LiaisonAssign:
    """
    Attributes:
        officer_username (str):
    """

    officer_username: str

    def to_dict(self) -> dict[str, Any]:
        officer_username = self.officer_username

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "officer_username": officer_username,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        officer_username = d.pop("officer_username")

        liaison_assign = cls(
            officer_username=officer_username,
        )

        return liaison_assign

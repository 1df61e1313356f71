from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ClientRotate")


@_attrs_define
class ClientRotate:
    """
    Attributes:
        grace_seconds (int): How long the old secret keeps working (0: it ends now; at most 30 days)
    """

    grace_seconds: int

    def to_dict(self) -> dict[str, Any]:
        grace_seconds = self.grace_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "grace_seconds": grace_seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grace_seconds = d.pop("grace_seconds")

        client_rotate = cls(
            grace_seconds=grace_seconds,
        )

        return client_rotate

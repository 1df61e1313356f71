from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProfileResync")


@_attrs_define
class ProfileResync:
    """
    Attributes:
        changed (int): Profiles that were missing or older in finance
        enterprises (int): Profiles read from intake
        granted (int): Grants made without applying, to enterprises that now fit
    """

    changed: int
    enterprises: int
    granted: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        changed = self.changed

        enterprises = self.enterprises

        granted = self.granted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changed": changed,
                "enterprises": enterprises,
                "granted": granted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        changed = d.pop("changed")

        enterprises = d.pop("enterprises")

        granted = d.pop("granted")

        profile_resync = cls(
            changed=changed,
            enterprises=enterprises,
            granted=granted,
        )

        profile_resync.additional_properties = d
        return profile_resync

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

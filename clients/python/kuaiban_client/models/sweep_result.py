from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SweepResult")


@_attrs_define
class SweepResult:
    """
    Attributes:
        deemed (int):
        terminated (int):
        overdue_commitments (int | Unset):  Default: 0.
        reminders (int | Unset):  Default: 0.
    """

    deemed: int
    terminated: int
    overdue_commitments: int | Unset = 0
    reminders: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        deemed = self.deemed

        terminated = self.terminated

        overdue_commitments = self.overdue_commitments

        reminders = self.reminders

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "deemed": deemed,
                "terminated": terminated,
            }
        )
        if overdue_commitments is not UNSET:
            field_dict["overdue_commitments"] = overdue_commitments
        if reminders is not UNSET:
            field_dict["reminders"] = reminders

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        deemed = d.pop("deemed")

        terminated = d.pop("terminated")

        overdue_commitments = d.pop("overdue_commitments", UNSET)

        reminders = d.pop("reminders", UNSET)

        sweep_result = cls(
            deemed=deemed,
            terminated=terminated,
            overdue_commitments=overdue_commitments,
            reminders=reminders,
        )

        sweep_result.additional_properties = d
        return sweep_result

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DepartmentTasks")


@_attrs_define
class DepartmentTasks:
    """A department's tasks in all, and in each status that has any (a status without tasks is left out).

    Attributes:
        tasks (int):
        approved (int | Unset):  Default: 0.
        cancelled (int | Unset):  Default: 0.
        pending (int | Unset):  Default: 0.
        rejected (int | Unset):  Default: 0.
        returned (int | Unset):  Default: 0.
    """

    tasks: int
    approved: int | Unset = 0
    cancelled: int | Unset = 0
    pending: int | Unset = 0
    rejected: int | Unset = 0
    returned: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tasks = self.tasks

        approved = self.approved

        cancelled = self.cancelled

        pending = self.pending

        rejected = self.rejected

        returned = self.returned

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tasks": tasks,
            }
        )
        if approved is not UNSET:
            field_dict["approved"] = approved
        if cancelled is not UNSET:
            field_dict["cancelled"] = cancelled
        if pending is not UNSET:
            field_dict["pending"] = pending
        if rejected is not UNSET:
            field_dict["rejected"] = rejected
        if returned is not UNSET:
            field_dict["returned"] = returned

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        tasks = d.pop("tasks")

        approved = d.pop("approved", UNSET)

        cancelled = d.pop("cancelled", UNSET)

        pending = d.pop("pending", UNSET)

        rejected = d.pop("rejected", UNSET)

        returned = d.pop("returned", UNSET)

        department_tasks = cls(
            tasks=tasks,
            approved=approved,
            cancelled=cancelled,
            pending=pending,
            rejected=rejected,
            returned=returned,
        )

        department_tasks.additional_properties = d
        return department_tasks

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.overdue_project import OverdueProject


T = TypeVar("T", bound="OverdueTargets")


@_attrs_define
class OverdueTargets:
    """Projects whose next stage's target day has passed, by that next stage.

    Attributes:
        counted (int):
        projects (list[OverdueProject]): Most overdue first
        signed (int):
        started (int):
    """

    counted: int
    projects: list[OverdueProject]
    signed: int
    started: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        counted = self.counted

        projects = []
        for projects_item_data in self.projects:
            projects_item = projects_item_data.to_dict()
            projects.append(projects_item)

        signed = self.signed

        started = self.started

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "counted": counted,
                "projects": projects,
                "signed": signed,
                "started": started,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.overdue_project import OverdueProject  # noqa: PLC0415

        d = dict(src_dict)
        counted = d.pop("counted")

        projects = []
        _projects = d.pop("projects")
        for projects_item_data in _projects:
            projects_item = OverdueProject.from_dict(projects_item_data)

            projects.append(projects_item)

        signed = d.pop("signed")

        started = d.pop("started")

        overdue_targets = cls(
            counted=counted,
            projects=projects,
            signed=signed,
            started=started,
        )

        overdue_targets.additional_properties = d
        return overdue_targets

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

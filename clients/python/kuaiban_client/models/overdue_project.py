from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.project_stage import ProjectStage

T = TypeVar("T", bound="OverdueProject")


@_attrs_define
class OverdueProject:
    """
    Attributes:
        days_overdue (int):
        liaison (None | str):
        name (str):
        next_stage (ProjectStage): negotiating → signed → started → counted (纳统), or dropped from any stage before
            counted.

            `negotiating`: 洽谈中 (Negotiating); `signed`: 已签约 (Signed); `started`: 已开工 (Started); `counted`: 已纳统 (Counted in
            the statistics); `dropped`: 已终止 (Dropped)
        project_id (UUID):
        stage (ProjectStage): negotiating → signed → started → counted (纳统), or dropped from any stage before counted.

            `negotiating`: 洽谈中 (Negotiating); `signed`: 已签约 (Signed); `started`: 已开工 (Started); `counted`: 已纳统 (Counted in
            the statistics); `dropped`: 已终止 (Dropped)
        target_on (datetime.date):
    """

    days_overdue: int
    liaison: None | str
    name: str
    next_stage: ProjectStage
    project_id: UUID
    stage: ProjectStage
    target_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        days_overdue = self.days_overdue

        liaison: None | str
        liaison = self.liaison

        name = self.name

        next_stage = self.next_stage.value

        project_id = str(self.project_id)

        stage = self.stage.value

        target_on = self.target_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "days_overdue": days_overdue,
                "liaison": liaison,
                "name": name,
                "next_stage": next_stage,
                "project_id": project_id,
                "stage": stage,
                "target_on": target_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        days_overdue = d.pop("days_overdue")

        def _parse_liaison(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        liaison = _parse_liaison(d.pop("liaison"))

        name = d.pop("name")

        next_stage = ProjectStage(d.pop("next_stage"))

        project_id = UUID(d.pop("project_id"))

        stage = ProjectStage(d.pop("stage"))

        target_on = datetime.date.fromisoformat(d.pop("target_on"))

        overdue_project = cls(
            days_overdue=days_overdue,
            liaison=liaison,
            name=name,
            next_stage=next_stage,
            project_id=project_id,
            stage=stage,
            target_on=target_on,
        )

        overdue_project.additional_properties = d
        return overdue_project

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

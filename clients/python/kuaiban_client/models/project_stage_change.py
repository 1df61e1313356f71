from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.project_stage import ProjectStage
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProjectStageChange")


@_attrs_define
class ProjectStageChange:
    """The next stage and the day it was reached; `dropped` (from any stage before counted) with a reason.

    Attributes:
        on (datetime.date): The day the stage was reached: not before the current stage's, not in the future
        stage (ProjectStage): negotiating → signed → started → counted (纳统), or dropped from any stage before counted.

            `negotiating`: 洽谈中 (Negotiating); `signed`: 已签约 (Signed); `started`: 已开工 (Started); `counted`: 已纳统 (Counted in
            the statistics); `dropped`: 已终止 (Dropped)
        reason (None | str | Unset): Why it was dropped (dropped only)
    """

    on: datetime.date
    stage: ProjectStage
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        on = self.on.isoformat()

        stage = self.stage.value

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "on": on,
                "stage": stage,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        on = datetime.date.fromisoformat(d.pop("on"))

        stage = ProjectStage(d.pop("stage"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        project_stage_change = cls(
            on=on,
            stage=stage,
            reason=reason,
        )

        return project_stage_change

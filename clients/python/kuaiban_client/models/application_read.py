from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.application_status import ApplicationStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.approval_forecast import ApprovalForecast
    from ..models.commitment_read import CommitmentRead
    from ..models.task_read import TaskRead


T = TypeVar("T", bound="ApplicationRead")


@_attrs_define
class ApplicationRead:
    """
    Attributes:
        code (str):
        commitments (list[CommitmentRead]):
        completed_at (datetime.datetime | None):
        created_at (datetime.datetime):
        due_date (datetime.date):
        elapsed_working_days (float | None):
        enterprise_id (UUID):
        id (UUID):
        materials (list[str]): Materials provided: handed in, or reused from the vault
        materials_count (int): Materials the enterprise handed in for this application
        matter_code (str):
        reused_materials (list[str]): Of those, the ones reused from the vault
        status (ApplicationStatus): `in_review`: 审批中 (In review); `supplement_required`: 待补正 (Supplement required);
            `approved`: 已通过 (Approved); `rejected`: 未通过 (Rejected); `withdrawn`: 已撤回 (Withdrawn); `terminated`: 已终止
            (Terminated)
        submitted_at (datetime.datetime):
        tasks (list[TaskRead]):
        updated_at (datetime.datetime):
        forecast (ApprovalForecast | None | Unset): Only in the answer to the submission (null on every other read)
        project_id (None | Unset | UUID): The investment project (招商项目) it serves
    """

    code: str
    commitments: list[CommitmentRead]
    completed_at: datetime.datetime | None
    created_at: datetime.datetime
    due_date: datetime.date
    elapsed_working_days: float | None
    enterprise_id: UUID
    id: UUID
    materials: list[str]
    materials_count: int
    matter_code: str
    reused_materials: list[str]
    status: ApplicationStatus
    submitted_at: datetime.datetime
    tasks: list[TaskRead]
    updated_at: datetime.datetime
    forecast: ApprovalForecast | None | Unset = UNSET
    project_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.approval_forecast import ApprovalForecast  # noqa: PLC0415

        code = self.code

        commitments = []
        for commitments_item_data in self.commitments:
            commitments_item = commitments_item_data.to_dict()
            commitments.append(commitments_item)

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        created_at = self.created_at.isoformat()

        due_date = self.due_date.isoformat()

        elapsed_working_days: float | None
        elapsed_working_days = self.elapsed_working_days

        enterprise_id = str(self.enterprise_id)

        id = str(self.id)

        materials = self.materials

        materials_count = self.materials_count

        matter_code = self.matter_code

        reused_materials = self.reused_materials

        status = self.status.value

        submitted_at = self.submitted_at.isoformat()

        tasks = []
        for tasks_item_data in self.tasks:
            tasks_item = tasks_item_data.to_dict()
            tasks.append(tasks_item)

        updated_at = self.updated_at.isoformat()

        forecast: dict[str, Any] | None | Unset
        if isinstance(self.forecast, Unset):
            forecast = UNSET
        elif isinstance(self.forecast, ApprovalForecast):
            forecast = self.forecast.to_dict()
        else:
            forecast = self.forecast

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        elif isinstance(self.project_id, UUID):
            project_id = str(self.project_id)
        else:
            project_id = self.project_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "commitments": commitments,
                "completed_at": completed_at,
                "created_at": created_at,
                "due_date": due_date,
                "elapsed_working_days": elapsed_working_days,
                "enterprise_id": enterprise_id,
                "id": id,
                "materials": materials,
                "materials_count": materials_count,
                "matter_code": matter_code,
                "reused_materials": reused_materials,
                "status": status,
                "submitted_at": submitted_at,
                "tasks": tasks,
                "updated_at": updated_at,
            }
        )
        if forecast is not UNSET:
            field_dict["forecast"] = forecast
        if project_id is not UNSET:
            field_dict["project_id"] = project_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.approval_forecast import ApprovalForecast  # noqa: PLC0415
        from ..models.commitment_read import CommitmentRead  # noqa: PLC0415
        from ..models.task_read import TaskRead  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        commitments = []
        _commitments = d.pop("commitments")
        for commitments_item_data in _commitments:
            commitments_item = CommitmentRead.from_dict(commitments_item_data)

            commitments.append(commitments_item)

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        def _parse_elapsed_working_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        elapsed_working_days = _parse_elapsed_working_days(d.pop("elapsed_working_days"))

        enterprise_id = UUID(d.pop("enterprise_id"))

        id = UUID(d.pop("id"))

        materials = cast(list[str], d.pop("materials"))

        materials_count = d.pop("materials_count")

        matter_code = d.pop("matter_code")

        reused_materials = cast(list[str], d.pop("reused_materials"))

        status = ApplicationStatus(d.pop("status"))

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        tasks = []
        _tasks = d.pop("tasks")
        for tasks_item_data in _tasks:
            tasks_item = TaskRead.from_dict(tasks_item_data)

            tasks.append(tasks_item)

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_forecast(data: object) -> ApprovalForecast | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                forecast_type_0 = ApprovalForecast.from_dict(data)

                return forecast_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ApprovalForecast | None | Unset, data)

        forecast = _parse_forecast(d.pop("forecast", UNSET))

        def _parse_project_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                project_id_type_0 = UUID(data)

                return project_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))

        application_read = cls(
            code=code,
            commitments=commitments,
            completed_at=completed_at,
            created_at=created_at,
            due_date=due_date,
            elapsed_working_days=elapsed_working_days,
            enterprise_id=enterprise_id,
            id=id,
            materials=materials,
            materials_count=materials_count,
            matter_code=matter_code,
            reused_materials=reused_materials,
            status=status,
            submitted_at=submitted_at,
            tasks=tasks,
            updated_at=updated_at,
            forecast=forecast,
            project_id=project_id,
        )

        application_read.additional_properties = d
        return application_read

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

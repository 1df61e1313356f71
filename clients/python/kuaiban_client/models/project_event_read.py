from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.project_action import ProjectAction
from ..models.role import Role

if TYPE_CHECKING:
    from ..models.project_event_read_details import ProjectEventReadDetails


T = TypeVar("T", bound="ProjectEventRead")


@_attrs_define
class ProjectEventRead:
    """
    Attributes:
        action (ProjectAction): What a project's event records.

            `recorded`: 登记项目 (Recorded); `updated`: 修改项目信息 (Updated); `linked`: 关联企业 (Linked to its enterprise);
            `stage_changed`: 变更阶段 (Stage changed)
        actor (str):
        actor_role (Role): `admin`: 管理员 (Administrator); `officer`: 部门工作人员 (Department officer); `enterprise`: 企业
            (Enterprise); `bank`: 银行 (Bank); `leader`: 县领导（只读） (County leader (read only)); `internal`: 内部服务 (Internal
            service)
        at (datetime.datetime):
        details (ProjectEventReadDetails):
    """

    action: ProjectAction
    actor: str
    actor_role: Role
    at: datetime.datetime
    details: ProjectEventReadDetails
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        actor = self.actor

        actor_role = self.actor_role.value

        at = self.at.isoformat()

        details = self.details.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "actor": actor,
                "actor_role": actor_role,
                "at": at,
                "details": details,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.project_event_read_details import ProjectEventReadDetails  # noqa: PLC0415

        d = dict(src_dict)
        action = ProjectAction(d.pop("action"))

        actor = d.pop("actor")

        actor_role = Role(d.pop("actor_role"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        details = ProjectEventReadDetails.from_dict(d.pop("details"))

        project_event_read = cls(
            action=action,
            actor=actor,
            actor_role=actor_role,
            at=at,
            details=details,
        )

        project_event_read.additional_properties = d
        return project_event_read

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.request_action import RequestAction
from ..models.role import Role

if TYPE_CHECKING:
    from ..models.request_event_read_details import RequestEventReadDetails


T = TypeVar("T", bound="RequestEventRead")


@_attrs_define
class RequestEventRead:
    """
    Attributes:
        action (RequestAction): What a request's event records: its status changes, and the notes and feedback that come
            with them.

            `received`: 受理 (Received); `assigned`: 交办 (Assigned); `replied`: 答复 (Replied); `note`: 备注 (Note); `feedback`:
            企业评价 (Feedback); `reopened`: 重新办理 (Reopened); `closed`: 办结 (Closed)
        actor (str):
        actor_role (Role): `admin`: 管理员 (Administrator); `officer`: 部门工作人员 (Department officer); `enterprise`: 企业
            (Enterprise); `bank`: 银行 (Bank); `leader`: 县领导（只读） (County leader (read only)); `internal`: 内部服务 (Internal
            service)
        at (datetime.datetime):
        details (RequestEventReadDetails):
    """

    action: RequestAction
    actor: str
    actor_role: Role
    at: datetime.datetime
    details: RequestEventReadDetails
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
        from ..models.request_event_read_details import RequestEventReadDetails  # noqa: PLC0415

        d = dict(src_dict)
        action = RequestAction(d.pop("action"))

        actor = d.pop("actor")

        actor_role = Role(d.pop("actor_role"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        details = RequestEventReadDetails.from_dict(d.pop("details"))

        request_event_read = cls(
            action=action,
            actor=actor,
            actor_role=actor_role,
            at=at,
            details=details,
        )

        request_event_read.additional_properties = d
        return request_event_read

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

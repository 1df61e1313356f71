from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.audit_entry_after_type_0 import AuditEntryAfterType0
    from ..models.audit_entry_before_type_0 import AuditEntryBeforeType0


T = TypeVar("T", bound="AuditEntry")


@_attrs_define
class AuditEntry:
    """
    Attributes:
        action (None | str):
        actor (str):
        actor_role (None | str):
        after (AuditEntryAfterType0 | None):
        at (datetime.datetime):
        before (AuditEntryBeforeType0 | None):
        change (str):
        id (UUID):
        request_id (None | str):
        resource_id (str):
        resource_type (str):
    """

    action: None | str
    actor: str
    actor_role: None | str
    after: AuditEntryAfterType0 | None
    at: datetime.datetime
    before: AuditEntryBeforeType0 | None
    change: str
    id: UUID
    request_id: None | str
    resource_id: str
    resource_type: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_entry_after_type_0 import AuditEntryAfterType0  # noqa: PLC0415
        from ..models.audit_entry_before_type_0 import AuditEntryBeforeType0  # noqa: PLC0415

        action: None | str
        action = self.action

        actor = self.actor

        actor_role: None | str
        actor_role = self.actor_role

        after: dict[str, Any] | None
        if isinstance(self.after, AuditEntryAfterType0):
            after = self.after.to_dict()
        else:
            after = self.after

        at = self.at.isoformat()

        before: dict[str, Any] | None
        if isinstance(self.before, AuditEntryBeforeType0):
            before = self.before.to_dict()
        else:
            before = self.before

        change = self.change

        id = str(self.id)

        request_id: None | str
        request_id = self.request_id

        resource_id = self.resource_id

        resource_type = self.resource_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "actor": actor,
                "actor_role": actor_role,
                "after": after,
                "at": at,
                "before": before,
                "change": change,
                "id": id,
                "request_id": request_id,
                "resource_id": resource_id,
                "resource_type": resource_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_entry_after_type_0 import AuditEntryAfterType0  # noqa: PLC0415
        from ..models.audit_entry_before_type_0 import AuditEntryBeforeType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_action(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        action = _parse_action(d.pop("action"))

        actor = d.pop("actor")

        def _parse_actor_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_role = _parse_actor_role(d.pop("actor_role"))

        def _parse_after(data: object) -> AuditEntryAfterType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                after_type_0 = AuditEntryAfterType0.from_dict(data)

                return after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEntryAfterType0 | None, data)

        after = _parse_after(d.pop("after"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_before(data: object) -> AuditEntryBeforeType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = AuditEntryBeforeType0.from_dict(data)

                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEntryBeforeType0 | None, data)

        before = _parse_before(d.pop("before"))

        change = d.pop("change")

        id = UUID(d.pop("id"))

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        resource_id = d.pop("resource_id")

        resource_type = d.pop("resource_type")

        audit_entry = cls(
            action=action,
            actor=actor,
            actor_role=actor_role,
            after=after,
            at=at,
            before=before,
            change=change,
            id=id,
            request_id=request_id,
            resource_id=resource_id,
            resource_type=resource_type,
        )

        audit_entry.additional_properties = d
        return audit_entry

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

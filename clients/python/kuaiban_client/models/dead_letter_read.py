from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.message_status import MessageStatus

if TYPE_CHECKING:
    from ..models.dead_letter_read_payload import DeadLetterReadPayload


T = TypeVar("T", bound="DeadLetterRead")


@_attrs_define
class DeadLetterRead:
    """
    Attributes:
        attempts (int):
        created_at (datetime.datetime):
        failures (int):
        id (UUID):
        last_error (None | str):
        path (str):
        payload (DeadLetterReadPayload):
        recipient (str):
        status (MessageStatus): `pending`: 待投递 (Pending); `delivered`: 已投递 (Delivered); `dead`: 死信 (Dead letter)
        updated_at (datetime.datetime):
    """

    attempts: int
    created_at: datetime.datetime
    failures: int
    id: UUID
    last_error: None | str
    path: str
    payload: DeadLetterReadPayload
    recipient: str
    status: MessageStatus
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        created_at = self.created_at.isoformat()

        failures = self.failures

        id = str(self.id)

        last_error: None | str
        last_error = self.last_error

        path = self.path

        payload = self.payload.to_dict()

        recipient = self.recipient

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempts": attempts,
                "created_at": created_at,
                "failures": failures,
                "id": id,
                "last_error": last_error,
                "path": path,
                "payload": payload,
                "recipient": recipient,
                "status": status,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dead_letter_read_payload import DeadLetterReadPayload  # noqa: PLC0415

        d = dict(src_dict)
        attempts = d.pop("attempts")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        failures = d.pop("failures")

        id = UUID(d.pop("id"))

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        path = d.pop("path")

        payload = DeadLetterReadPayload.from_dict(d.pop("payload"))

        recipient = d.pop("recipient")

        status = MessageStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        dead_letter_read = cls(
            attempts=attempts,
            created_at=created_at,
            failures=failures,
            id=id,
            last_error=last_error,
            path=path,
            payload=payload,
            recipient=recipient,
            status=status,
            updated_at=updated_at,
        )

        dead_letter_read.additional_properties = d
        return dead_letter_read

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delivery_status import DeliveryStatus

if TYPE_CHECKING:
    from ..models.delivery_attempt import DeliveryAttempt
    from ..models.delivery_read_payload import DeliveryReadPayload


T = TypeVar("T", bound="DeliveryRead")


@_attrs_define
class DeliveryRead:
    """One event for one endpoint: sent as `webhook-id: <id>` until the receiver answers 2xx.

    Attributes:
        attempts (list[DeliveryAttempt]): Every attempt, oldest first
        created_at (datetime.datetime):
        delivered_at (datetime.datetime | None):
        endpoint_id (UUID):
        event_type (str): `lead.created`, `application.submitted`, ... or `webhook.ping`
        id (UUID):
        next_attempt_at (datetime.datetime | None): While pending: when it is tried next
        payload (DeliveryReadPayload): The body sent: `{"type", "timestamp", "data"}`
        redeliveries (int):
        status (DeliveryStatus): `pending`: 待投递 (Pending); `delivered`: 已送达 (Delivered); `failed`: 投递失败 (Failed)
        tries (int): Attempts in the current round of the retry schedule
        updated_at (datetime.datetime):
    """

    attempts: list[DeliveryAttempt]
    created_at: datetime.datetime
    delivered_at: datetime.datetime | None
    endpoint_id: UUID
    event_type: str
    id: UUID
    next_attempt_at: datetime.datetime | None
    payload: DeliveryReadPayload
    redeliveries: int
    status: DeliveryStatus
    tries: int
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempts = []
        for attempts_item_data in self.attempts:
            attempts_item = attempts_item_data.to_dict()
            attempts.append(attempts_item)

        created_at = self.created_at.isoformat()

        delivered_at: None | str
        if isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        endpoint_id = str(self.endpoint_id)

        event_type = self.event_type

        id = str(self.id)

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        payload = self.payload.to_dict()

        redeliveries = self.redeliveries

        status = self.status.value

        tries = self.tries

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempts": attempts,
                "created_at": created_at,
                "delivered_at": delivered_at,
                "endpoint_id": endpoint_id,
                "event_type": event_type,
                "id": id,
                "next_attempt_at": next_attempt_at,
                "payload": payload,
                "redeliveries": redeliveries,
                "status": status,
                "tries": tries,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.delivery_attempt import DeliveryAttempt  # noqa: PLC0415
        from ..models.delivery_read_payload import DeliveryReadPayload  # noqa: PLC0415

        d = dict(src_dict)
        attempts = []
        _attempts = d.pop("attempts")
        for attempts_item_data in _attempts:
            attempts_item = DeliveryAttempt.from_dict(attempts_item_data)

            attempts.append(attempts_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_delivered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = datetime.datetime.fromisoformat(data)

                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at"))

        endpoint_id = UUID(d.pop("endpoint_id"))

        event_type = d.pop("event_type")

        id = UUID(d.pop("id"))

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))

        payload = DeliveryReadPayload.from_dict(d.pop("payload"))

        redeliveries = d.pop("redeliveries")

        status = DeliveryStatus(d.pop("status"))

        tries = d.pop("tries")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        delivery_read = cls(
            attempts=attempts,
            created_at=created_at,
            delivered_at=delivered_at,
            endpoint_id=endpoint_id,
            event_type=event_type,
            id=id,
            next_attempt_at=next_attempt_at,
            payload=payload,
            redeliveries=redeliveries,
            status=status,
            tries=tries,
            updated_at=updated_at,
        )

        delivery_read.additional_properties = d
        return delivery_read

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.webhook_event import WebhookEvent
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookCreate")


@_attrs_define
class WebhookCreate:
    """
    Attributes:
        events (list[WebhookEvent]):
        url (str):
        bank_id (None | Unset | UUID): Admin only: the bank the endpoint is for
    """

    events: list[WebhookEvent]
    url: str
    bank_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        events = []
        for events_item_data in self.events:
            events_item = events_item_data.value
            events.append(events_item)

        url = self.url

        bank_id: None | str | Unset
        if isinstance(self.bank_id, Unset):
            bank_id = UNSET
        elif isinstance(self.bank_id, UUID):
            bank_id = str(self.bank_id)
        else:
            bank_id = self.bank_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "events": events,
                "url": url,
            }
        )
        if bank_id is not UNSET:
            field_dict["bank_id"] = bank_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = WebhookEvent(events_item_data)

            events.append(events_item)

        url = d.pop("url")

        def _parse_bank_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                bank_id_type_0 = UUID(data)

                return bank_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        bank_id = _parse_bank_id(d.pop("bank_id", UNSET))

        webhook_create = cls(
            events=events,
            url=url,
            bank_id=bank_id,
        )

        return webhook_create

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.timeline_service import TimelineService

T = TypeVar("T", bound="TimelineItem")


@_attrs_define
class TimelineItem:
    """
    Attributes:
        at (datetime.datetime):
        kind (str):
        ref_id (UUID):
        service (TimelineService): `intake`: 诉求受理 (Intake); `approval`: 并联审批 (Approval); `finance`: 银企对接 (Finance)
        summary (str):
    """

    at: datetime.datetime
    kind: str
    ref_id: UUID
    service: TimelineService
    summary: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        kind = self.kind

        ref_id = str(self.ref_id)

        service = self.service.value

        summary = self.summary

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "kind": kind,
                "ref_id": ref_id,
                "service": service,
                "summary": summary,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        kind = d.pop("kind")

        ref_id = UUID(d.pop("ref_id"))

        service = TimelineService(d.pop("service"))

        summary = d.pop("summary")

        timeline_item = cls(
            at=at,
            kind=kind,
            ref_id=ref_id,
            service=service,
            summary=summary,
        )

        timeline_item.additional_properties = d
        return timeline_item

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

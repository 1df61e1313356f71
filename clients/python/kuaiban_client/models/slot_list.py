from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.slot_read import SlotRead


T = TypeVar("T", bound="SlotList")


@_attrs_define
class SlotList:
    """Every free slot of the matter's windows in the days asked for, earliest first (not paginated: at most
    31 days).

        Attributes:
            first_day (datetime.date):
            items (list[SlotRead]):
            last_day (datetime.date):
            matter_code (str):
    """

    first_day: datetime.date
    items: list[SlotRead]
    last_day: datetime.date
    matter_code: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        first_day = self.first_day.isoformat()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        last_day = self.last_day.isoformat()

        matter_code = self.matter_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "first_day": first_day,
                "items": items,
                "last_day": last_day,
                "matter_code": matter_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.slot_read import SlotRead  # noqa: PLC0415

        d = dict(src_dict)
        first_day = datetime.date.fromisoformat(d.pop("first_day"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = SlotRead.from_dict(items_item_data)

            items.append(items_item)

        last_day = datetime.date.fromisoformat(d.pop("last_day"))

        matter_code = d.pop("matter_code")

        slot_list = cls(
            first_day=first_day,
            items=items,
            last_day=last_day,
            matter_code=matter_code,
        )

        slot_list.additional_properties = d
        return slot_list

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

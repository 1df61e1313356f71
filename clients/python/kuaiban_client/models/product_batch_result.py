from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.product_sync_item import ProductSyncItem
    from ..models.sync_counts import SyncCounts


T = TypeVar("T", bound="ProductBatchResult")


@_attrs_define
class ProductBatchResult:
    """
    Attributes:
        counts (SyncCounts):
        items (list[ProductSyncItem]): One result per item, in the batch's order
    """

    counts: SyncCounts
    items: list[ProductSyncItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        counts = self.counts.to_dict()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "counts": counts,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.product_sync_item import ProductSyncItem  # noqa: PLC0415
        from ..models.sync_counts import SyncCounts  # noqa: PLC0415

        d = dict(src_dict)
        counts = SyncCounts.from_dict(d.pop("counts"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ProductSyncItem.from_dict(items_item_data)

            items.append(items_item)

        product_batch_result = cls(
            counts=counts,
            items=items,
        )

        product_batch_result.additional_properties = d
        return product_batch_result

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.product_batch_item import ProductBatchItem


T = TypeVar("T", bound="ProductBatch")


@_attrs_define
class ProductBatch:
    """Up to 500 products, each validated on its own: a bad one is answered `invalid` and the others are kept.

    Attributes:
        items (list[ProductBatchItem]):
    """

    items: list[ProductBatchItem]

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.product_batch_item import ProductBatchItem  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ProductBatchItem.from_dict(items_item_data)

            items.append(items_item)

        product_batch = cls(
            items=items,
        )

        return product_batch

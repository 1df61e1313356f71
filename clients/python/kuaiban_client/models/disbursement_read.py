from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.payment_read import PaymentRead


T = TypeVar("T", bound="DisbursementRead")


@_attrs_define
class DisbursementRead:
    """
    Attributes:
        amount_paid_yuan (int):
        batch_id (UUID):
        items (list[PaymentRead]):
        paid (int): Grants paid by this call
    """

    amount_paid_yuan: int
    batch_id: UUID
    items: list[PaymentRead]
    paid: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_paid_yuan = self.amount_paid_yuan

        batch_id = str(self.batch_id)

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        paid = self.paid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_paid_yuan": amount_paid_yuan,
                "batch_id": batch_id,
                "items": items,
                "paid": paid,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.payment_read import PaymentRead  # noqa: PLC0415

        d = dict(src_dict)
        amount_paid_yuan = d.pop("amount_paid_yuan")

        batch_id = UUID(d.pop("batch_id"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = PaymentRead.from_dict(items_item_data)

            items.append(items_item)

        paid = d.pop("paid")

        disbursement_read = cls(
            amount_paid_yuan=amount_paid_yuan,
            batch_id=batch_id,
            items=items,
            paid=paid,
        )

        disbursement_read.additional_properties = d
        return disbursement_read

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

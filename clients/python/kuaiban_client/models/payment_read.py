from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grant_status import GrantStatus
from ..models.payment_outcome import PaymentOutcome

T = TypeVar("T", bound="PaymentRead")


@_attrs_define
class PaymentRead:
    """
    Attributes:
        amount_yuan (int):
        grant_id (UUID):
        outcome (PaymentOutcome): `paid`: 已拨付 (Paid); `already_paid`: 此前已拨付 (Paid before); `not_payable`: 不可拨付 (Not
            payable)
        payment_reference (None | str):
        status (GrantStatus): `requested`: 已申请待审核 (Requested, awaiting review); `granted`: 已兑现待确认 (Granted);
            `confirmed`: 已确认 (Confirmed); `disbursed`: 已拨付 (Disbursed); `revoked`: 已撤销 (Revoked); `refused`: 未获批准 (Refused)
    """

    amount_yuan: int
    grant_id: UUID
    outcome: PaymentOutcome
    payment_reference: None | str
    status: GrantStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_yuan = self.amount_yuan

        grant_id = str(self.grant_id)

        outcome = self.outcome.value

        payment_reference: None | str
        payment_reference = self.payment_reference

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_yuan": amount_yuan,
                "grant_id": grant_id,
                "outcome": outcome,
                "payment_reference": payment_reference,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_yuan = d.pop("amount_yuan")

        grant_id = UUID(d.pop("grant_id"))

        outcome = PaymentOutcome(d.pop("outcome"))

        def _parse_payment_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payment_reference = _parse_payment_reference(d.pop("payment_reference"))

        status = GrantStatus(d.pop("status"))

        payment_read = cls(
            amount_yuan=amount_yuan,
            grant_id=grant_id,
            outcome=outcome,
            payment_reference=payment_reference,
            status=status,
        )

        payment_read.additional_properties = d
        return payment_read

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

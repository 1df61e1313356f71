from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grant_status import GrantStatus

if TYPE_CHECKING:
    from ..models.grant_confirm import GrantConfirm


T = TypeVar("T", bound="GrantRead")


@_attrs_define
class GrantRead:
    """
    Attributes:
        amount_yuan (int):
        applied (bool): false: granted without applying (免申即享)
        batch_id (None | UUID):
        confirmed_at (datetime.datetime | None):
        created_at (datetime.datetime):
        disbursed_at (datetime.datetime | None):
        due_on (datetime.date | None): A `review` claim's decision is due by this working day
        enterprise_id (UUID):
        granted_at (datetime.datetime | None): null while a `review` claim awaits its decision
        id (UUID):
        payee (GrantConfirm | None):
        payment_reference (None | str):
        policy_id (UUID):
        revoked_at (datetime.datetime | None):
        revoked_reason (None | str):
        series_id (UUID):
        status (GrantStatus): `requested`: 已申请待审核 (Requested, awaiting review); `granted`: 已兑现待确认 (Granted);
            `confirmed`: 已确认 (Confirmed); `disbursed`: 已拨付 (Disbursed); `revoked`: 已撤销 (Revoked); `refused`: 未获批准 (Refused)
        updated_at (datetime.datetime):
    """

    amount_yuan: int
    applied: bool
    batch_id: None | UUID
    confirmed_at: datetime.datetime | None
    created_at: datetime.datetime
    disbursed_at: datetime.datetime | None
    due_on: datetime.date | None
    enterprise_id: UUID
    granted_at: datetime.datetime | None
    id: UUID
    payee: GrantConfirm | None
    payment_reference: None | str
    policy_id: UUID
    revoked_at: datetime.datetime | None
    revoked_reason: None | str
    series_id: UUID
    status: GrantStatus
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.grant_confirm import GrantConfirm  # noqa: PLC0415

        amount_yuan = self.amount_yuan

        applied = self.applied

        batch_id: None | str
        if isinstance(self.batch_id, UUID):
            batch_id = str(self.batch_id)
        else:
            batch_id = self.batch_id

        confirmed_at: None | str
        if isinstance(self.confirmed_at, datetime.datetime):
            confirmed_at = self.confirmed_at.isoformat()
        else:
            confirmed_at = self.confirmed_at

        created_at = self.created_at.isoformat()

        disbursed_at: None | str
        if isinstance(self.disbursed_at, datetime.datetime):
            disbursed_at = self.disbursed_at.isoformat()
        else:
            disbursed_at = self.disbursed_at

        due_on: None | str
        if isinstance(self.due_on, datetime.date):
            due_on = self.due_on.isoformat()
        else:
            due_on = self.due_on

        enterprise_id = str(self.enterprise_id)

        granted_at: None | str
        if isinstance(self.granted_at, datetime.datetime):
            granted_at = self.granted_at.isoformat()
        else:
            granted_at = self.granted_at

        id = str(self.id)

        payee: dict[str, Any] | None
        if isinstance(self.payee, GrantConfirm):
            payee = self.payee.to_dict()
        else:
            payee = self.payee

        payment_reference: None | str
        payment_reference = self.payment_reference

        policy_id = str(self.policy_id)

        revoked_at: None | str
        if isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        revoked_reason: None | str
        revoked_reason = self.revoked_reason

        series_id = str(self.series_id)

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_yuan": amount_yuan,
                "applied": applied,
                "batch_id": batch_id,
                "confirmed_at": confirmed_at,
                "created_at": created_at,
                "disbursed_at": disbursed_at,
                "due_on": due_on,
                "enterprise_id": enterprise_id,
                "granted_at": granted_at,
                "id": id,
                "payee": payee,
                "payment_reference": payment_reference,
                "policy_id": policy_id,
                "revoked_at": revoked_at,
                "revoked_reason": revoked_reason,
                "series_id": series_id,
                "status": status,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.grant_confirm import GrantConfirm  # noqa: PLC0415

        d = dict(src_dict)
        amount_yuan = d.pop("amount_yuan")

        applied = d.pop("applied")

        def _parse_batch_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                batch_id_type_0 = UUID(data)

                return batch_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        batch_id = _parse_batch_id(d.pop("batch_id"))

        def _parse_confirmed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                confirmed_at_type_0 = datetime.datetime.fromisoformat(data)

                return confirmed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        confirmed_at = _parse_confirmed_at(d.pop("confirmed_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_disbursed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disbursed_at_type_0 = datetime.datetime.fromisoformat(data)

                return disbursed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        disbursed_at = _parse_disbursed_at(d.pop("disbursed_at"))

        def _parse_due_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_on_type_0 = datetime.date.fromisoformat(data)

                return due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        due_on = _parse_due_on(d.pop("due_on"))

        enterprise_id = UUID(d.pop("enterprise_id"))

        def _parse_granted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                granted_at_type_0 = datetime.datetime.fromisoformat(data)

                return granted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        granted_at = _parse_granted_at(d.pop("granted_at"))

        id = UUID(d.pop("id"))

        def _parse_payee(data: object) -> GrantConfirm | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payee_type_0 = GrantConfirm.from_dict(data)

                return payee_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GrantConfirm | None, data)

        payee = _parse_payee(d.pop("payee"))

        def _parse_payment_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payment_reference = _parse_payment_reference(d.pop("payment_reference"))

        policy_id = UUID(d.pop("policy_id"))

        def _parse_revoked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)

                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))

        def _parse_revoked_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        revoked_reason = _parse_revoked_reason(d.pop("revoked_reason"))

        series_id = UUID(d.pop("series_id"))

        status = GrantStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        grant_read = cls(
            amount_yuan=amount_yuan,
            applied=applied,
            batch_id=batch_id,
            confirmed_at=confirmed_at,
            created_at=created_at,
            disbursed_at=disbursed_at,
            due_on=due_on,
            enterprise_id=enterprise_id,
            granted_at=granted_at,
            id=id,
            payee=payee,
            payment_reference=payment_reference,
            policy_id=policy_id,
            revoked_at=revoked_at,
            revoked_reason=revoked_reason,
            series_id=series_id,
            status=status,
            updated_at=updated_at,
        )

        grant_read.additional_properties = d
        return grant_read

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

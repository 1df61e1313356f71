from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.loan_status import LoanStatus

if TYPE_CHECKING:
    from ..models.product_terms import ProductTerms


T = TypeVar("T", bound="LoanApplicationRead")


@_attrs_define
class LoanApplicationRead:
    """
    Attributes:
        approved_amount_yuan (int | None):
        approved_rate_pct (float | None):
        approved_term_months (int | None):
        bank_id (UUID):
        created_at (datetime.datetime):
        decided_at (datetime.datetime | None):
        enterprise_id (UUID):
        event_id (None | UUID):
        id (UUID):
        need_id (UUID):
        product_id (UUID):
        product_version (int): The version of the product's terms the enterprise applied under
        reason (None | str):
        signed_amount_yuan (int | None):
        signed_on (datetime.date | None):
        signed_rate_pct (float | None):
        signed_term_months (int | None):
        status (LoanStatus): `submitted`: 已申请 (Submitted); `approved`: 已审批通过 (Approved); `rejected`: 已拒绝 (Rejected);
            `signed`: 已签约 (Signed); `withdrawn`: 已撤回 (Withdrawn)
        terms (ProductTerms): A product's terms as one version had them.
        updated_at (datetime.datetime):
    """

    approved_amount_yuan: int | None
    approved_rate_pct: float | None
    approved_term_months: int | None
    bank_id: UUID
    created_at: datetime.datetime
    decided_at: datetime.datetime | None
    enterprise_id: UUID
    event_id: None | UUID
    id: UUID
    need_id: UUID
    product_id: UUID
    product_version: int
    reason: None | str
    signed_amount_yuan: int | None
    signed_on: datetime.date | None
    signed_rate_pct: float | None
    signed_term_months: int | None
    status: LoanStatus
    terms: ProductTerms
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approved_amount_yuan: int | None
        approved_amount_yuan = self.approved_amount_yuan

        approved_rate_pct: float | None
        approved_rate_pct = self.approved_rate_pct

        approved_term_months: int | None
        approved_term_months = self.approved_term_months

        bank_id = str(self.bank_id)

        created_at = self.created_at.isoformat()

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        enterprise_id = str(self.enterprise_id)

        event_id: None | str
        if isinstance(self.event_id, UUID):
            event_id = str(self.event_id)
        else:
            event_id = self.event_id

        id = str(self.id)

        need_id = str(self.need_id)

        product_id = str(self.product_id)

        product_version = self.product_version

        reason: None | str
        reason = self.reason

        signed_amount_yuan: int | None
        signed_amount_yuan = self.signed_amount_yuan

        signed_on: None | str
        if isinstance(self.signed_on, datetime.date):
            signed_on = self.signed_on.isoformat()
        else:
            signed_on = self.signed_on

        signed_rate_pct: float | None
        signed_rate_pct = self.signed_rate_pct

        signed_term_months: int | None
        signed_term_months = self.signed_term_months

        status = self.status.value

        terms = self.terms.to_dict()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approved_amount_yuan": approved_amount_yuan,
                "approved_rate_pct": approved_rate_pct,
                "approved_term_months": approved_term_months,
                "bank_id": bank_id,
                "created_at": created_at,
                "decided_at": decided_at,
                "enterprise_id": enterprise_id,
                "event_id": event_id,
                "id": id,
                "need_id": need_id,
                "product_id": product_id,
                "product_version": product_version,
                "reason": reason,
                "signed_amount_yuan": signed_amount_yuan,
                "signed_on": signed_on,
                "signed_rate_pct": signed_rate_pct,
                "signed_term_months": signed_term_months,
                "status": status,
                "terms": terms,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.product_terms import ProductTerms  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_approved_amount_yuan(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        approved_amount_yuan = _parse_approved_amount_yuan(d.pop("approved_amount_yuan"))

        def _parse_approved_rate_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        approved_rate_pct = _parse_approved_rate_pct(d.pop("approved_rate_pct"))

        def _parse_approved_term_months(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        approved_term_months = _parse_approved_term_months(d.pop("approved_term_months"))

        bank_id = UUID(d.pop("bank_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        enterprise_id = UUID(d.pop("enterprise_id"))

        def _parse_event_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                event_id_type_0 = UUID(data)

                return event_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        event_id = _parse_event_id(d.pop("event_id"))

        id = UUID(d.pop("id"))

        need_id = UUID(d.pop("need_id"))

        product_id = UUID(d.pop("product_id"))

        product_version = d.pop("product_version")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_signed_amount_yuan(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        signed_amount_yuan = _parse_signed_amount_yuan(d.pop("signed_amount_yuan"))

        def _parse_signed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signed_on_type_0 = datetime.date.fromisoformat(data)

                return signed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        signed_on = _parse_signed_on(d.pop("signed_on"))

        def _parse_signed_rate_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        signed_rate_pct = _parse_signed_rate_pct(d.pop("signed_rate_pct"))

        def _parse_signed_term_months(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        signed_term_months = _parse_signed_term_months(d.pop("signed_term_months"))

        status = LoanStatus(d.pop("status"))

        terms = ProductTerms.from_dict(d.pop("terms"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        loan_application_read = cls(
            approved_amount_yuan=approved_amount_yuan,
            approved_rate_pct=approved_rate_pct,
            approved_term_months=approved_term_months,
            bank_id=bank_id,
            created_at=created_at,
            decided_at=decided_at,
            enterprise_id=enterprise_id,
            event_id=event_id,
            id=id,
            need_id=need_id,
            product_id=product_id,
            product_version=product_version,
            reason=reason,
            signed_amount_yuan=signed_amount_yuan,
            signed_on=signed_on,
            signed_rate_pct=signed_rate_pct,
            signed_term_months=signed_term_months,
            status=status,
            terms=terms,
            updated_at=updated_at,
        )

        loan_application_read.additional_properties = d
        return loan_application_read

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.finance_decision import FinanceDecision
from ..types import UNSET, Unset

T = TypeVar("T", bound="FinanceDecisionCreate")


@_attrs_define
class FinanceDecisionCreate:
    """
    Attributes:
        decision (FinanceDecision): `approve`: 同意授信 (Approve); `reject`: 拒绝 (Reject)
        annual_rate_pct (float | None | Unset):
        approved_amount_yuan (int | None | Unset):
        reason (None | str | Unset):
        term_months (int | None | Unset):
    """

    decision: FinanceDecision
    annual_rate_pct: float | None | Unset = UNSET
    approved_amount_yuan: int | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    term_months: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        decision = self.decision.value

        annual_rate_pct: float | None | Unset
        if isinstance(self.annual_rate_pct, Unset):
            annual_rate_pct = UNSET
        else:
            annual_rate_pct = self.annual_rate_pct

        approved_amount_yuan: int | None | Unset
        if isinstance(self.approved_amount_yuan, Unset):
            approved_amount_yuan = UNSET
        else:
            approved_amount_yuan = self.approved_amount_yuan

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        term_months: int | None | Unset
        if isinstance(self.term_months, Unset):
            term_months = UNSET
        else:
            term_months = self.term_months

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decision": decision,
            }
        )
        if annual_rate_pct is not UNSET:
            field_dict["annual_rate_pct"] = annual_rate_pct
        if approved_amount_yuan is not UNSET:
            field_dict["approved_amount_yuan"] = approved_amount_yuan
        if reason is not UNSET:
            field_dict["reason"] = reason
        if term_months is not UNSET:
            field_dict["term_months"] = term_months

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        decision = FinanceDecision(d.pop("decision"))

        def _parse_annual_rate_pct(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        annual_rate_pct = _parse_annual_rate_pct(d.pop("annual_rate_pct", UNSET))

        def _parse_approved_amount_yuan(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        approved_amount_yuan = _parse_approved_amount_yuan(d.pop("approved_amount_yuan", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_term_months(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        term_months = _parse_term_months(d.pop("term_months", UNSET))

        finance_decision_create = cls(
            decision=decision,
            annual_rate_pct=annual_rate_pct,
            approved_amount_yuan=approved_amount_yuan,
            reason=reason,
            term_months=term_months,
        )

        return finance_decision_create

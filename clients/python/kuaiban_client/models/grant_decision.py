from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.grant_decision_decision import GrantDecisionDecision
from ..types import UNSET, Unset

T = TypeVar("T", bound="GrantDecision")


@_attrs_define
class GrantDecision:
    """
    Attributes:
        decision (GrantDecisionDecision): `approve`: 同意授信 (Approve); `reject`: 拒绝 (Reject)
        reason (None | str | Unset): Required to reject
    """

    decision: GrantDecisionDecision
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        decision = self.decision.value

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decision": decision,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        decision = GrantDecisionDecision(d.pop("decision"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        grant_decision = cls(
            decision=decision,
            reason=reason,
        )

        return grant_decision

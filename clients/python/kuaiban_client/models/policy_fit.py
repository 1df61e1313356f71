from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.policy_mode import PolicyMode

T = TypeVar("T", bound="PolicyFit")


@_attrs_define
class PolicyFit:
    """
    Attributes:
        amount_yuan (int): What the enterprise would receive, in whole yuan
        mode (PolicyMode): `auto`: 免申即享 (Granted without applying); `instant`: 即申即享 (Granted on applying); `review`:
            审核后兑现 (Granted after review)
        policy_id (UUID):
        reasons (list[str]):
        title (str):
    """

    amount_yuan: int
    mode: PolicyMode
    policy_id: UUID
    reasons: list[str]
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_yuan = self.amount_yuan

        mode = self.mode.value

        policy_id = str(self.policy_id)

        reasons = self.reasons

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_yuan": amount_yuan,
                "mode": mode,
                "policy_id": policy_id,
                "reasons": reasons,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_yuan = d.pop("amount_yuan")

        mode = PolicyMode(d.pop("mode"))

        policy_id = UUID(d.pop("policy_id"))

        reasons = cast(list[str], d.pop("reasons"))

        title = d.pop("title")

        policy_fit = cls(
            amount_yuan=amount_yuan,
            mode=mode,
            policy_id=policy_id,
            reasons=reasons,
            title=title,
        )

        policy_fit.additional_properties = d
        return policy_fit

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

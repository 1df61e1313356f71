from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.policy_mode import PolicyMode

T = TypeVar("T", bound="PolicyNearMiss")


@_attrs_define
class PolicyNearMiss:
    """A policy in force that the enterprise fails by exactly one rule, and what would make it fit.

    Attributes:
        amount_yuan (int | None): What it would receive once it fits; null when not computable
        mode (PolicyMode): `auto`: 免申即享 (Granted without applying); `instant`: 即申即享 (Granted on applying); `review`:
            审核后兑现 (Granted after review)
        policy_id (UUID):
        requirement (str): What would make it fit, with numbers (English with `Accept-Language: en`)
        rule (str): The one rule failed, a stable code: industry, town, revenue, employees, credit_rating,
            key_enterprise, tags, founded_before, founded_after, benefit_basis
        title (str):
    """

    amount_yuan: int | None
    mode: PolicyMode
    policy_id: UUID
    requirement: str
    rule: str
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_yuan: int | None
        amount_yuan = self.amount_yuan

        mode = self.mode.value

        policy_id = str(self.policy_id)

        requirement = self.requirement

        rule = self.rule

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_yuan": amount_yuan,
                "mode": mode,
                "policy_id": policy_id,
                "requirement": requirement,
                "rule": rule,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_amount_yuan(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        amount_yuan = _parse_amount_yuan(d.pop("amount_yuan"))

        mode = PolicyMode(d.pop("mode"))

        policy_id = UUID(d.pop("policy_id"))

        requirement = d.pop("requirement")

        rule = d.pop("rule")

        title = d.pop("title")

        policy_near_miss = cls(
            amount_yuan=amount_yuan,
            mode=mode,
            policy_id=policy_id,
            requirement=requirement,
            rule=rule,
            title=title,
        )

        policy_near_miss.additional_properties = d
        return policy_near_miss

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.policy_figures import PolicyFigures
    from ..models.policy_figures_of import PolicyFiguresOf


T = TypeVar("T", bound="PolicyStats")


@_attrs_define
class PolicyStats:
    """
    Attributes:
        by_policy (list[PolicyFiguresOf]):
        overall (PolicyFigures):
    """

    by_policy: list[PolicyFiguresOf]
    overall: PolicyFigures
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by_policy = []
        for by_policy_item_data in self.by_policy:
            by_policy_item = by_policy_item_data.to_dict()
            by_policy.append(by_policy_item)

        overall = self.overall.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by_policy": by_policy,
                "overall": overall,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.policy_figures import PolicyFigures  # noqa: PLC0415
        from ..models.policy_figures_of import PolicyFiguresOf  # noqa: PLC0415

        d = dict(src_dict)
        by_policy = []
        _by_policy = d.pop("by_policy")
        for by_policy_item_data in _by_policy:
            by_policy_item = PolicyFiguresOf.from_dict(by_policy_item_data)

            by_policy.append(by_policy_item)

        overall = PolicyFigures.from_dict(d.pop("overall"))

        policy_stats = cls(
            by_policy=by_policy,
            overall=overall,
        )

        policy_stats.additional_properties = d
        return policy_stats

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

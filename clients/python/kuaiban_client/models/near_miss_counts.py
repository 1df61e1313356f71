from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.rule_count import RuleCount


T = TypeVar("T", bound="NearMissCounts")


@_attrs_define
class NearMissCounts:
    """How many open needs (shown to banks) miss the product by exactly one rule, by rule: which term to relax.

    Attributes:
        by_rule (list[RuleCount]): Every rule, the most missed first
        estimated (bool): True above 100,000 needs: counts estimated from a random sample of the needs' pages
        needs (int):
        product_id (UUID):
        sample_share (float | None): The share of the needs sampled when estimated
    """

    by_rule: list[RuleCount]
    estimated: bool
    needs: int
    product_id: UUID
    sample_share: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by_rule = []
        for by_rule_item_data in self.by_rule:
            by_rule_item = by_rule_item_data.to_dict()
            by_rule.append(by_rule_item)

        estimated = self.estimated

        needs = self.needs

        product_id = str(self.product_id)

        sample_share: float | None
        sample_share = self.sample_share

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by_rule": by_rule,
                "estimated": estimated,
                "needs": needs,
                "product_id": product_id,
                "sample_share": sample_share,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rule_count import RuleCount  # noqa: PLC0415

        d = dict(src_dict)
        by_rule = []
        _by_rule = d.pop("by_rule")
        for by_rule_item_data in _by_rule:
            by_rule_item = RuleCount.from_dict(by_rule_item_data)

            by_rule.append(by_rule_item)

        estimated = d.pop("estimated")

        needs = d.pop("needs")

        product_id = UUID(d.pop("product_id"))

        def _parse_sample_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        sample_share = _parse_sample_share(d.pop("sample_share"))

        near_miss_counts = cls(
            by_rule=by_rule,
            estimated=estimated,
            needs=needs,
            product_id=product_id,
            sample_share=sample_share,
        )

        near_miss_counts.additional_properties = d
        return near_miss_counts

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

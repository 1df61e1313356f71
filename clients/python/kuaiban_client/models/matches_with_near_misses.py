from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.match import Match
    from ..models.near_miss import NearMiss


T = TypeVar("T", bound="MatchesWithNearMisses")


@_attrs_define
class MatchesWithNearMisses:
    """
    Attributes:
        items (list[Match]):
        near_misses (list[NearMiss] | None | Unset): With `include=near_misses`: products that fail exactly one rule,
            best first
    """

    items: list[Match]
    near_misses: list[NearMiss] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        near_misses: list[dict[str, Any]] | None | Unset
        if isinstance(self.near_misses, Unset):
            near_misses = UNSET
        elif isinstance(self.near_misses, list):
            near_misses = []
            for near_misses_type_0_item_data in self.near_misses:
                near_misses_type_0_item = near_misses_type_0_item_data.to_dict()
                near_misses.append(near_misses_type_0_item)

        else:
            near_misses = self.near_misses

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
            }
        )
        if near_misses is not UNSET:
            field_dict["near_misses"] = near_misses

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.match import Match  # noqa: PLC0415
        from ..models.near_miss import NearMiss  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Match.from_dict(items_item_data)

            items.append(items_item)

        def _parse_near_misses(data: object) -> list[NearMiss] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                near_misses_type_0 = []
                _near_misses_type_0 = data
                for near_misses_type_0_item_data in _near_misses_type_0:
                    near_misses_type_0_item = NearMiss.from_dict(near_misses_type_0_item_data)

                    near_misses_type_0.append(near_misses_type_0_item)

                return near_misses_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[NearMiss] | None | Unset, data)

        near_misses = _parse_near_misses(d.pop("near_misses", UNSET))

        matches_with_near_misses = cls(
            items=items,
            near_misses=near_misses,
        )

        matches_with_near_misses.additional_properties = d
        return matches_with_near_misses

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

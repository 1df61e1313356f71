from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.policy_fit import PolicyFit
    from ..models.policy_near_miss import PolicyNearMiss


T = TypeVar("T", bound="EnterprisePolicies")


@_attrs_define
class EnterprisePolicies:
    """
    Attributes:
        fits (list[PolicyFit]):
        near_misses (list[PolicyNearMiss]):
    """

    fits: list[PolicyFit]
    near_misses: list[PolicyNearMiss]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fits = []
        for fits_item_data in self.fits:
            fits_item = fits_item_data.to_dict()
            fits.append(fits_item)

        near_misses = []
        for near_misses_item_data in self.near_misses:
            near_misses_item = near_misses_item_data.to_dict()
            near_misses.append(near_misses_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fits": fits,
                "near_misses": near_misses,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.policy_fit import PolicyFit  # noqa: PLC0415
        from ..models.policy_near_miss import PolicyNearMiss  # noqa: PLC0415

        d = dict(src_dict)
        fits = []
        _fits = d.pop("fits")
        for fits_item_data in _fits:
            fits_item = PolicyFit.from_dict(fits_item_data)

            fits.append(fits_item)

        near_misses = []
        _near_misses = d.pop("near_misses")
        for near_misses_item_data in _near_misses:
            near_misses_item = PolicyNearMiss.from_dict(near_misses_item_data)

            near_misses.append(near_misses_item)

        enterprise_policies = cls(
            fits=fits,
            near_misses=near_misses,
        )

        enterprise_policies.additional_properties = d
        return enterprise_policies

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MatterFigures")


@_attrs_define
class MatterFigures:
    """
    Attributes:
        applications (int):
        approved (int):
        avg_working_days (float | None):
    """

    applications: int
    approved: int
    avg_working_days: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        applications = self.applications

        approved = self.approved

        avg_working_days: float | None
        avg_working_days = self.avg_working_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "applications": applications,
                "approved": approved,
                "avg_working_days": avg_working_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        applications = d.pop("applications")

        approved = d.pop("approved")

        def _parse_avg_working_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        avg_working_days = _parse_avg_working_days(d.pop("avg_working_days"))

        matter_figures = cls(
            applications=applications,
            approved=approved,
            avg_working_days=avg_working_days,
        )

        matter_figures.additional_properties = d
        return matter_figures

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PublicApproval")


@_attrs_define
class PublicApproval:
    """Parallel approval county-wide.

    Attributes:
        applications (int):
        approved (int):
        avg_materials (float | None): Per application (the report: 1.59)
        avg_working_days (float | None): Per approved application (the report: 1.01)
        company_opening_avg_working_days (float | None): 企业开办 (matter QYKB-001): working days per approved application
            (the report: within 1)
        on_time_rate (float | None):
    """

    applications: int
    approved: int
    avg_materials: float | None
    avg_working_days: float | None
    company_opening_avg_working_days: float | None
    on_time_rate: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        applications = self.applications

        approved = self.approved

        avg_materials: float | None
        avg_materials = self.avg_materials

        avg_working_days: float | None
        avg_working_days = self.avg_working_days

        company_opening_avg_working_days: float | None
        company_opening_avg_working_days = self.company_opening_avg_working_days

        on_time_rate: float | None
        on_time_rate = self.on_time_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "applications": applications,
                "approved": approved,
                "avg_materials": avg_materials,
                "avg_working_days": avg_working_days,
                "company_opening_avg_working_days": company_opening_avg_working_days,
                "on_time_rate": on_time_rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        applications = d.pop("applications")

        approved = d.pop("approved")

        def _parse_avg_materials(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        avg_materials = _parse_avg_materials(d.pop("avg_materials"))

        def _parse_avg_working_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        avg_working_days = _parse_avg_working_days(d.pop("avg_working_days"))

        def _parse_company_opening_avg_working_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        company_opening_avg_working_days = _parse_company_opening_avg_working_days(
            d.pop("company_opening_avg_working_days")
        )

        def _parse_on_time_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        on_time_rate = _parse_on_time_rate(d.pop("on_time_rate"))

        public_approval = cls(
            applications=applications,
            approved=approved,
            avg_materials=avg_materials,
            avg_working_days=avg_working_days,
            company_opening_avg_working_days=company_opening_avg_working_days,
            on_time_rate=on_time_rate,
        )

        public_approval.additional_properties = d
        return public_approval

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

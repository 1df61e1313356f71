from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.approval_stats_by_department import ApprovalStatsByDepartment
    from ..models.approval_stats_by_matter import ApprovalStatsByMatter
    from ..models.commitment_stats import CommitmentStats


T = TypeVar("T", bound="ApprovalStats")


@_attrs_define
class ApprovalStats:
    """
    Attributes:
        applications (int):
        approved (int):
        avg_materials (float | None):
        avg_working_days (float | None):
        by_department (ApprovalStatsByDepartment): By department (see `Department`)
        by_matter (ApprovalStatsByMatter): By matter code
        commitments (CommitmentStats):
        deemed_approvals (int):
        in_review (int):
        on_time_rate (float | None):
        rejected (int):
    """

    applications: int
    approved: int
    avg_materials: float | None
    avg_working_days: float | None
    by_department: ApprovalStatsByDepartment
    by_matter: ApprovalStatsByMatter
    commitments: CommitmentStats
    deemed_approvals: int
    in_review: int
    on_time_rate: float | None
    rejected: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        applications = self.applications

        approved = self.approved

        avg_materials: float | None
        avg_materials = self.avg_materials

        avg_working_days: float | None
        avg_working_days = self.avg_working_days

        by_department = self.by_department.to_dict()

        by_matter = self.by_matter.to_dict()

        commitments = self.commitments.to_dict()

        deemed_approvals = self.deemed_approvals

        in_review = self.in_review

        on_time_rate: float | None
        on_time_rate = self.on_time_rate

        rejected = self.rejected

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "applications": applications,
                "approved": approved,
                "avg_materials": avg_materials,
                "avg_working_days": avg_working_days,
                "by_department": by_department,
                "by_matter": by_matter,
                "commitments": commitments,
                "deemed_approvals": deemed_approvals,
                "in_review": in_review,
                "on_time_rate": on_time_rate,
                "rejected": rejected,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.approval_stats_by_department import ApprovalStatsByDepartment  # noqa: PLC0415
        from ..models.approval_stats_by_matter import ApprovalStatsByMatter  # noqa: PLC0415
        from ..models.commitment_stats import CommitmentStats  # noqa: PLC0415

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

        by_department = ApprovalStatsByDepartment.from_dict(d.pop("by_department"))

        by_matter = ApprovalStatsByMatter.from_dict(d.pop("by_matter"))

        commitments = CommitmentStats.from_dict(d.pop("commitments"))

        deemed_approvals = d.pop("deemed_approvals")

        in_review = d.pop("in_review")

        def _parse_on_time_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        on_time_rate = _parse_on_time_rate(d.pop("on_time_rate"))

        rejected = d.pop("rejected")

        approval_stats = cls(
            applications=applications,
            approved=approved,
            avg_materials=avg_materials,
            avg_working_days=avg_working_days,
            by_department=by_department,
            by_matter=by_matter,
            commitments=commitments,
            deemed_approvals=deemed_approvals,
            in_review=in_review,
            on_time_rate=on_time_rate,
            rejected=rejected,
        )

        approval_stats.additional_properties = d
        return approval_stats

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

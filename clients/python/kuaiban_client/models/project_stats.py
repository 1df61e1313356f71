from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.first_talk_to_signing import FirstTalkToSigning
    from ..models.overdue_targets import OverdueTargets
    from ..models.project_stats_by_chain import ProjectStatsByChain
    from ..models.project_stats_by_stage import ProjectStatsByStage
    from ..models.same_year_figures import SameYearFigures


T = TypeVar("T", bound="ProjectStats")


@_attrs_define
class ProjectStats:
    """
    Attributes:
        by_chain (ProjectStatsByChain): Every chain, by its code
        by_stage (ProjectStatsByStage): Every stage, by its code
        first_talk_to_signing (FirstTalkToSigning): Days from the first talk to signing of every project signed
            (nearest-rank percentiles).
        manufacturing (int):
        manufacturing_share (float | None): Manufacturing projects' share of all projects
        overdue_targets (OverdueTargets): Projects whose next stage's target day has passed, by that next stage.
        planned_investment_yuan (int):
        projects (int):
        same_year (list[SameYearFigures]): By year of signing, earliest first
        signed_over_100m (int): Projects of 100 million yuan or more that were signed (亿元以上签约)
    """

    by_chain: ProjectStatsByChain
    by_stage: ProjectStatsByStage
    first_talk_to_signing: FirstTalkToSigning
    manufacturing: int
    manufacturing_share: float | None
    overdue_targets: OverdueTargets
    planned_investment_yuan: int
    projects: int
    same_year: list[SameYearFigures]
    signed_over_100m: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by_chain = self.by_chain.to_dict()

        by_stage = self.by_stage.to_dict()

        first_talk_to_signing = self.first_talk_to_signing.to_dict()

        manufacturing = self.manufacturing

        manufacturing_share: float | None
        manufacturing_share = self.manufacturing_share

        overdue_targets = self.overdue_targets.to_dict()

        planned_investment_yuan = self.planned_investment_yuan

        projects = self.projects

        same_year = []
        for same_year_item_data in self.same_year:
            same_year_item = same_year_item_data.to_dict()
            same_year.append(same_year_item)

        signed_over_100m = self.signed_over_100m

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by_chain": by_chain,
                "by_stage": by_stage,
                "first_talk_to_signing": first_talk_to_signing,
                "manufacturing": manufacturing,
                "manufacturing_share": manufacturing_share,
                "overdue_targets": overdue_targets,
                "planned_investment_yuan": planned_investment_yuan,
                "projects": projects,
                "same_year": same_year,
                "signed_over_100m": signed_over_100m,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.first_talk_to_signing import FirstTalkToSigning  # noqa: PLC0415
        from ..models.overdue_targets import OverdueTargets  # noqa: PLC0415
        from ..models.project_stats_by_chain import ProjectStatsByChain  # noqa: PLC0415
        from ..models.project_stats_by_stage import ProjectStatsByStage  # noqa: PLC0415
        from ..models.same_year_figures import SameYearFigures  # noqa: PLC0415

        d = dict(src_dict)
        by_chain = ProjectStatsByChain.from_dict(d.pop("by_chain"))

        by_stage = ProjectStatsByStage.from_dict(d.pop("by_stage"))

        first_talk_to_signing = FirstTalkToSigning.from_dict(d.pop("first_talk_to_signing"))

        manufacturing = d.pop("manufacturing")

        def _parse_manufacturing_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        manufacturing_share = _parse_manufacturing_share(d.pop("manufacturing_share"))

        overdue_targets = OverdueTargets.from_dict(d.pop("overdue_targets"))

        planned_investment_yuan = d.pop("planned_investment_yuan")

        projects = d.pop("projects")

        same_year = []
        _same_year = d.pop("same_year")
        for same_year_item_data in _same_year:
            same_year_item = SameYearFigures.from_dict(same_year_item_data)

            same_year.append(same_year_item)

        signed_over_100m = d.pop("signed_over_100m")

        project_stats = cls(
            by_chain=by_chain,
            by_stage=by_stage,
            first_talk_to_signing=first_talk_to_signing,
            manufacturing=manufacturing,
            manufacturing_share=manufacturing_share,
            overdue_targets=overdue_targets,
            planned_investment_yuan=planned_investment_yuan,
            projects=projects,
            same_year=same_year,
            signed_over_100m=signed_over_100m,
        )

        project_stats.additional_properties = d
        return project_stats

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.intake_stats_by_category import IntakeStatsByCategory
    from ..models.intake_stats_by_department import IntakeStatsByDepartment


T = TypeVar("T", bound="IntakeStats")


@_attrs_define
class IntakeStats:
    """
    Attributes:
        avg_reply_working_days (float | None):
        by_category (IntakeStatsByCategory):
        by_department (IntakeStatsByDepartment):
        closed (int):
        completion_rate (float | None):
        on_time_rate (float | None):
        received (int):
        satisfaction_rate (float | None):
    """

    avg_reply_working_days: float | None
    by_category: IntakeStatsByCategory
    by_department: IntakeStatsByDepartment
    closed: int
    completion_rate: float | None
    on_time_rate: float | None
    received: int
    satisfaction_rate: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        avg_reply_working_days: float | None
        avg_reply_working_days = self.avg_reply_working_days

        by_category = self.by_category.to_dict()

        by_department = self.by_department.to_dict()

        closed = self.closed

        completion_rate: float | None
        completion_rate = self.completion_rate

        on_time_rate: float | None
        on_time_rate = self.on_time_rate

        received = self.received

        satisfaction_rate: float | None
        satisfaction_rate = self.satisfaction_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "avg_reply_working_days": avg_reply_working_days,
                "by_category": by_category,
                "by_department": by_department,
                "closed": closed,
                "completion_rate": completion_rate,
                "on_time_rate": on_time_rate,
                "received": received,
                "satisfaction_rate": satisfaction_rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.intake_stats_by_category import IntakeStatsByCategory  # noqa: PLC0415
        from ..models.intake_stats_by_department import IntakeStatsByDepartment  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_avg_reply_working_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        avg_reply_working_days = _parse_avg_reply_working_days(d.pop("avg_reply_working_days"))

        by_category = IntakeStatsByCategory.from_dict(d.pop("by_category"))

        by_department = IntakeStatsByDepartment.from_dict(d.pop("by_department"))

        closed = d.pop("closed")

        def _parse_completion_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        completion_rate = _parse_completion_rate(d.pop("completion_rate"))

        def _parse_on_time_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        on_time_rate = _parse_on_time_rate(d.pop("on_time_rate"))

        received = d.pop("received")

        def _parse_satisfaction_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        satisfaction_rate = _parse_satisfaction_rate(d.pop("satisfaction_rate"))

        intake_stats = cls(
            avg_reply_working_days=avg_reply_working_days,
            by_category=by_category,
            by_department=by_department,
            closed=closed,
            completion_rate=completion_rate,
            on_time_rate=on_time_rate,
            received=received,
            satisfaction_rate=satisfaction_rate,
        )

        intake_stats.additional_properties = d
        return intake_stats

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.approval_week import ApprovalWeek
    from ..models.approval_weekly_by_department import ApprovalWeeklyByDepartment


T = TypeVar("T", bound="ApprovalWeekly")


@_attrs_define
class ApprovalWeekly:
    """
    Attributes:
        by_department (ApprovalWeeklyByDepartment): Every department with a task decided in the period, by its code: the
            same weeks
        weeks (list[ApprovalWeek]): The last `weeks` ISO weeks, the current one last
    """

    by_department: ApprovalWeeklyByDepartment
    weeks: list[ApprovalWeek]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by_department = self.by_department.to_dict()

        weeks = []
        for weeks_item_data in self.weeks:
            weeks_item = weeks_item_data.to_dict()
            weeks.append(weeks_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by_department": by_department,
                "weeks": weeks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.approval_week import ApprovalWeek  # noqa: PLC0415
        from ..models.approval_weekly_by_department import ApprovalWeeklyByDepartment  # noqa: PLC0415

        d = dict(src_dict)
        by_department = ApprovalWeeklyByDepartment.from_dict(d.pop("by_department"))

        weeks = []
        _weeks = d.pop("weeks")
        for weeks_item_data in _weeks:
            weeks_item = ApprovalWeek.from_dict(weeks_item_data)

            weeks.append(weeks_item)

        approval_weekly = cls(
            by_department=by_department,
            weeks=weeks,
        )

        approval_weekly.additional_properties = d
        return approval_weekly

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

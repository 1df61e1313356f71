from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.intake_week import IntakeWeek
    from ..models.intake_weekly_by_department import IntakeWeeklyByDepartment


T = TypeVar("T", bound="IntakeWeekly")


@_attrs_define
class IntakeWeekly:
    """
    Attributes:
        by_department (IntakeWeeklyByDepartment): Every lead department with a request settled in the period, by its
            code: the same weeks
        weeks (list[IntakeWeek]): The last `weeks` ISO weeks, the current one last
    """

    by_department: IntakeWeeklyByDepartment
    weeks: list[IntakeWeek]
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
        from ..models.intake_week import IntakeWeek  # noqa: PLC0415
        from ..models.intake_weekly_by_department import IntakeWeeklyByDepartment  # noqa: PLC0415

        d = dict(src_dict)
        by_department = IntakeWeeklyByDepartment.from_dict(d.pop("by_department"))

        weeks = []
        _weeks = d.pop("weeks")
        for weeks_item_data in _weeks:
            weeks_item = IntakeWeek.from_dict(weeks_item_data)

            weeks.append(weeks_item)

        intake_weekly = cls(
            by_department=by_department,
            weeks=weeks,
        )

        intake_weekly.additional_properties = d
        return intake_weekly

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.department import Department
from ..models.weekday import Weekday

if TYPE_CHECKING:
    from ..models.hours_range_read import HoursRangeRead


T = TypeVar("T", bound="WindowRead")


@_attrs_define
class WindowRead:
    """
    Attributes:
        capacity (int):
        created_at (datetime.datetime):
        department (Department): `market`: 市场监管局 (Market regulation); `tax`: 税务局 (Taxation); `hrss`: 人社局 (Human
            resources and social security); `public_security`: 公安局 (Public security); `housing_fund`: 公积金中心 (Housing
            provident fund); `power`: 供电公司 (Power supply); `water`: 供水公司 (Water supply); `gas`: 燃气公司 (Gas supply);
            `natural_resources`: 自然资源和规划局 (Natural resources and planning); `housing`: 住建局 (Housing and construction);
            `development_reform`: 发改委 (Development and reform); `ecology`: 生态环境分局 (Ecology and environment);
            `finance_office`: 金融办 (Financial affairs office); `data_bureau`: 数据资源局 (Data resources bureau)
        hall_id (UUID):
        hours (list[HoursRangeRead]): Weekly opening hours in China Standard Time: ranges of a weekday, each cut into
            `slot_minutes` slots from its start, regular or after-hours (延时办). A holiday (a weekday off, and the weekend
            days of its break) has no slots; an ordinary weekend day has its own ranges; a make-up workday (调休上班) has the
            ranges of `makeup_day`.
        id (UUID):
        makeup_day (Weekday): Days of the week, in `date.weekday()` order (Monday first).

            `monday`: 星期一 (Monday); `tuesday`: 星期二 (Tuesday); `wednesday`: 星期三 (Wednesday); `thursday`: 星期四 (Thursday);
            `friday`: 星期五 (Friday); `saturday`: 星期六 (Saturday); `sunday`: 星期日 (Sunday)
        matter_codes (list[str]):
        name (str):
        number (str):
        slot_minutes (int):
        updated_at (datetime.datetime):
    """

    capacity: int
    created_at: datetime.datetime
    department: Department
    hall_id: UUID
    hours: list[HoursRangeRead]
    id: UUID
    makeup_day: Weekday
    matter_codes: list[str]
    name: str
    number: str
    slot_minutes: int
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        capacity = self.capacity

        created_at = self.created_at.isoformat()

        department = self.department.value

        hall_id = str(self.hall_id)

        hours = []
        for hours_item_data in self.hours:
            hours_item = hours_item_data.to_dict()
            hours.append(hours_item)

        id = str(self.id)

        makeup_day = self.makeup_day.value

        matter_codes = self.matter_codes

        name = self.name

        number = self.number

        slot_minutes = self.slot_minutes

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "capacity": capacity,
                "created_at": created_at,
                "department": department,
                "hall_id": hall_id,
                "hours": hours,
                "id": id,
                "makeup_day": makeup_day,
                "matter_codes": matter_codes,
                "name": name,
                "number": number,
                "slot_minutes": slot_minutes,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hours_range_read import HoursRangeRead  # noqa: PLC0415

        d = dict(src_dict)
        capacity = d.pop("capacity")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        department = Department(d.pop("department"))

        hall_id = UUID(d.pop("hall_id"))

        hours = []
        _hours = d.pop("hours")
        for hours_item_data in _hours:
            hours_item = HoursRangeRead.from_dict(hours_item_data)

            hours.append(hours_item)

        id = UUID(d.pop("id"))

        makeup_day = Weekday(d.pop("makeup_day"))

        matter_codes = cast(list[str], d.pop("matter_codes"))

        name = d.pop("name")

        number = d.pop("number")

        slot_minutes = d.pop("slot_minutes")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        window_read = cls(
            capacity=capacity,
            created_at=created_at,
            department=department,
            hall_id=hall_id,
            hours=hours,
            id=id,
            makeup_day=makeup_day,
            matter_codes=matter_codes,
            name=name,
            number=number,
            slot_minutes=slot_minutes,
            updated_at=updated_at,
        )

        window_read.additional_properties = d
        return window_read

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

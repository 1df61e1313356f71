from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.department import Department
from ..models.weekday import Weekday
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.hours_range_body import HoursRangeBody


T = TypeVar("T", bound="WindowBody")


@_attrs_define
class WindowBody:
    """A window as an admin sets it up (and replaces it): the whole definition.

    Attributes:
        department (Department): `market`: 市场监管局 (Market regulation); `tax`: 税务局 (Taxation); `hrss`: 人社局 (Human
            resources and social security); `public_security`: 公安局 (Public security); `housing_fund`: 公积金中心 (Housing
            provident fund); `power`: 供电公司 (Power supply); `water`: 供水公司 (Water supply); `gas`: 燃气公司 (Gas supply);
            `natural_resources`: 自然资源和规划局 (Natural resources and planning); `housing`: 住建局 (Housing and construction);
            `development_reform`: 发改委 (Development and reform); `ecology`: 生态环境分局 (Ecology and environment);
            `finance_office`: 金融办 (Financial affairs office); `data_bureau`: 数据资源局 (Data resources bureau)
        matter_codes (list[str]): The service matters it serves (approval's matter codes)
        name (str):
        number (str): The window's number in its hall, e.g. A01; unique in the hall
        capacity (int | Unset): People served at once in a slot Default: 1.
        hours (list[HoursRangeBody] | Unset): Weekly opening hours in China Standard Time: ranges of a weekday, each cut
            into `slot_minutes` slots from its start, regular or after-hours (延时办). A holiday (a weekday off, and the
            weekend days of its break) has no slots; an ordinary weekend day has its own ranges; a make-up workday (调休上班)
            has the ranges of `makeup_day`.
        makeup_day (Weekday | Unset): Days of the week, in `date.weekday()` order (Monday first).

            `monday`: 星期一 (Monday); `tuesday`: 星期二 (Tuesday); `wednesday`: 星期三 (Wednesday); `thursday`: 星期四 (Thursday);
            `friday`: 星期五 (Friday); `saturday`: 星期六 (Saturday); `sunday`: 星期日 (Sunday)
        slot_minutes (int | Unset): Length of a slot in minutes Default: 30.
    """

    department: Department
    matter_codes: list[str]
    name: str
    number: str
    capacity: int | Unset = 1
    hours: list[HoursRangeBody] | Unset = UNSET
    makeup_day: Weekday | Unset = UNSET
    slot_minutes: int | Unset = 30

    def to_dict(self) -> dict[str, Any]:
        department = self.department.value

        matter_codes = self.matter_codes

        name = self.name

        number = self.number

        capacity = self.capacity

        hours: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.hours, Unset):
            hours = []
            for hours_item_data in self.hours:
                hours_item = hours_item_data.to_dict()
                hours.append(hours_item)

        makeup_day: str | Unset = UNSET
        if not isinstance(self.makeup_day, Unset):
            makeup_day = self.makeup_day.value

        slot_minutes = self.slot_minutes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "department": department,
                "matter_codes": matter_codes,
                "name": name,
                "number": number,
            }
        )
        if capacity is not UNSET:
            field_dict["capacity"] = capacity
        if hours is not UNSET:
            field_dict["hours"] = hours
        if makeup_day is not UNSET:
            field_dict["makeup_day"] = makeup_day
        if slot_minutes is not UNSET:
            field_dict["slot_minutes"] = slot_minutes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hours_range_body import HoursRangeBody  # noqa: PLC0415

        d = dict(src_dict)
        department = Department(d.pop("department"))

        matter_codes = cast(list[str], d.pop("matter_codes"))

        name = d.pop("name")

        number = d.pop("number")

        capacity = d.pop("capacity", UNSET)

        _hours = d.pop("hours", UNSET)
        hours: list[HoursRangeBody] | Unset = UNSET
        if _hours is not UNSET:
            hours = []
            for hours_item_data in _hours:
                hours_item = HoursRangeBody.from_dict(hours_item_data)

                hours.append(hours_item)

        _makeup_day = d.pop("makeup_day", UNSET)
        makeup_day: Weekday | Unset
        if isinstance(_makeup_day, Unset):
            makeup_day = UNSET
        else:
            makeup_day = Weekday(_makeup_day)

        slot_minutes = d.pop("slot_minutes", UNSET)

        window_body = cls(
            department=department,
            matter_codes=matter_codes,
            name=name,
            number=number,
            capacity=capacity,
            hours=hours,
            makeup_day=makeup_day,
            slot_minutes=slot_minutes,
        )

        return window_body

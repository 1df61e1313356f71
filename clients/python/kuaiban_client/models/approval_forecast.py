from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ApprovalForecast")


@_attrs_define
class ApprovalForecast:
    """When an application of the matter submitted at `as_of` should finish, from the working days of the
    matter's applications approved in the last `window_days` (nearest-rank percentiles; nulls when none).

        Attributes:
            as_of (datetime.datetime): The submission the forecast is for (now, or the application's)
            based_on (int): Approved applications of the matter completed in the window
            due_date (datetime.date): The legal due date (the matter's SLA in working days)
            matter_code (str):
            p50_finish_date (datetime.date | None): The CST day p50 working days from `as_of` run out
            p50_working_days (float | None): Half of them took at most this long; null when none
            p90_finish_date (datetime.date | None): The CST day p90 working days from `as_of` run out
            p90_working_days (float | None): Nine in ten took at most this long; null when none
            window_days (int): Calendar days back from `as_of` of the applications it is based on
    """

    as_of: datetime.datetime
    based_on: int
    due_date: datetime.date
    matter_code: str
    p50_finish_date: datetime.date | None
    p50_working_days: float | None
    p90_finish_date: datetime.date | None
    p90_working_days: float | None
    window_days: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        based_on = self.based_on

        due_date = self.due_date.isoformat()

        matter_code = self.matter_code

        p50_finish_date: None | str
        if isinstance(self.p50_finish_date, datetime.date):
            p50_finish_date = self.p50_finish_date.isoformat()
        else:
            p50_finish_date = self.p50_finish_date

        p50_working_days: float | None
        p50_working_days = self.p50_working_days

        p90_finish_date: None | str
        if isinstance(self.p90_finish_date, datetime.date):
            p90_finish_date = self.p90_finish_date.isoformat()
        else:
            p90_finish_date = self.p90_finish_date

        p90_working_days: float | None
        p90_working_days = self.p90_working_days

        window_days = self.window_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "based_on": based_on,
                "due_date": due_date,
                "matter_code": matter_code,
                "p50_finish_date": p50_finish_date,
                "p50_working_days": p50_working_days,
                "p90_finish_date": p90_finish_date,
                "p90_working_days": p90_working_days,
                "window_days": window_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))

        based_on = d.pop("based_on")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        matter_code = d.pop("matter_code")

        def _parse_p50_finish_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                p50_finish_date_type_0 = datetime.date.fromisoformat(data)

                return p50_finish_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        p50_finish_date = _parse_p50_finish_date(d.pop("p50_finish_date"))

        def _parse_p50_working_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        p50_working_days = _parse_p50_working_days(d.pop("p50_working_days"))

        def _parse_p90_finish_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                p90_finish_date_type_0 = datetime.date.fromisoformat(data)

                return p90_finish_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        p90_finish_date = _parse_p90_finish_date(d.pop("p90_finish_date"))

        def _parse_p90_working_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        p90_working_days = _parse_p90_working_days(d.pop("p90_working_days"))

        window_days = d.pop("window_days")

        approval_forecast = cls(
            as_of=as_of,
            based_on=based_on,
            due_date=due_date,
            matter_code=matter_code,
            p50_finish_date=p50_finish_date,
            p50_working_days=p50_working_days,
            p90_finish_date=p90_finish_date,
            p90_working_days=p90_working_days,
            window_days=window_days,
        )

        approval_forecast.additional_properties = d
        return approval_forecast

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.appointment_stats_by_hall import AppointmentStatsByHall
    from ..models.appointment_stats_by_matter import AppointmentStatsByMatter
    from ..models.onsite_figures import OnsiteFigures


T = TypeVar("T", bound="AppointmentStats")


@_attrs_define
class AppointmentStats:
    """Window appointments and on-site service: the whole, by matter code and by hall name.

    Attributes:
        avg_wait_days (float | None): Calendar days from the day of booking to the day of the appointment (CST),
            cancelled ones left out
        bookings (int): Bookings made, cancelled ones included
        by_hall (AppointmentStatsByHall):
        by_matter (AppointmentStatsByMatter):
        cancelled (int):
        checked_in (int):
        no_show_rate (float | None): No-shows among the bookings whose attendance was recorded
        no_shows (int):
        onsite (OnsiteFigures):
    """

    avg_wait_days: float | None
    bookings: int
    by_hall: AppointmentStatsByHall
    by_matter: AppointmentStatsByMatter
    cancelled: int
    checked_in: int
    no_show_rate: float | None
    no_shows: int
    onsite: OnsiteFigures
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        avg_wait_days: float | None
        avg_wait_days = self.avg_wait_days

        bookings = self.bookings

        by_hall = self.by_hall.to_dict()

        by_matter = self.by_matter.to_dict()

        cancelled = self.cancelled

        checked_in = self.checked_in

        no_show_rate: float | None
        no_show_rate = self.no_show_rate

        no_shows = self.no_shows

        onsite = self.onsite.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "avg_wait_days": avg_wait_days,
                "bookings": bookings,
                "by_hall": by_hall,
                "by_matter": by_matter,
                "cancelled": cancelled,
                "checked_in": checked_in,
                "no_show_rate": no_show_rate,
                "no_shows": no_shows,
                "onsite": onsite,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.appointment_stats_by_hall import AppointmentStatsByHall  # noqa: PLC0415
        from ..models.appointment_stats_by_matter import AppointmentStatsByMatter  # noqa: PLC0415
        from ..models.onsite_figures import OnsiteFigures  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_avg_wait_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        avg_wait_days = _parse_avg_wait_days(d.pop("avg_wait_days"))

        bookings = d.pop("bookings")

        by_hall = AppointmentStatsByHall.from_dict(d.pop("by_hall"))

        by_matter = AppointmentStatsByMatter.from_dict(d.pop("by_matter"))

        cancelled = d.pop("cancelled")

        checked_in = d.pop("checked_in")

        def _parse_no_show_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        no_show_rate = _parse_no_show_rate(d.pop("no_show_rate"))

        no_shows = d.pop("no_shows")

        onsite = OnsiteFigures.from_dict(d.pop("onsite"))

        appointment_stats = cls(
            avg_wait_days=avg_wait_days,
            bookings=bookings,
            by_hall=by_hall,
            by_matter=by_matter,
            cancelled=cancelled,
            checked_in=checked_in,
            no_show_rate=no_show_rate,
            no_shows=no_shows,
            onsite=onsite,
        )

        appointment_stats.additional_properties = d
        return appointment_stats

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

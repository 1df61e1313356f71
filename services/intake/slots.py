"""The rules of window appointments (预约办, 延时办) and on-site service (上门办), with no I/O: which slots a
window's weekly hours give on a day of the working-day calendar, when a booking may still change, when the
reminder is due, and the vocabulary of appointments and on-site requests.

Days and times are China Standard Time (UTC+8, no daylight saving: Asia/Shanghai's offset since 1991).

Which hours a day gets:
- a working weekday: that weekday's ranges (regular and after-hours alike);
- a make-up workday (调休上班, a weekend day the official calendar makes a working day): the ranges of the
  window's `makeup_day` (Monday unless the window says otherwise); the weekend day's own ranges do not apply;
- an ordinary weekend day: its own ranges, such as Saturday morning's 延时办;
- a holiday: no slots. A holiday is a weekday off, and every day of the break it belongs to: a weekend day
  whose run of consecutive days off contains a weekday off (the Saturday inside National Day week) is a
  holiday too, so Saturday's 延时办 does not open during the break.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Protocol

from services.common.calendar import CST
from services.common.texts import Text

MAX_BREAK_DAYS = 14  # no official break is longer; the scan for a holiday's weekday stops there
MAX_SLOT_RANGE_DAYS = 31  # GET /intake/appointments/slots lists at most this many days


class Weekday(StrEnum):
    """Days of the week, in `date.weekday()` order (Monday first)."""

    monday = "monday"
    tuesday = "tuesday"
    wednesday = "wednesday"
    thursday = "thursday"
    friday = "friday"
    saturday = "saturday"
    sunday = "sunday"

    @classmethod
    def of(cls, day: date) -> "Weekday":
        return list(cls)[day.weekday()]


WORKDAYS = tuple(list(Weekday)[:5])


class DayKind(StrEnum):
    """What the calendar makes of a day, for a window's hours."""

    working = "working"  # a working weekday
    makeup = "makeup"  # a weekend day worked (调休)
    weekend = "weekend"  # an ordinary weekend day off
    holiday = "holiday"  # a weekday off, or a weekend day inside such a break


class AppointmentStatus(StrEnum):
    booked = "booked"
    cancelled = "cancelled"
    checked_in = "checked_in"
    no_show = "no_show"


class OnsiteStatus(StrEnum):
    requested = "requested"
    scheduled = "scheduled"


class Calendar(Protocol):
    """What these rules ask of the working-day calendar (`services.common.calendar.WorkCalendar`)."""

    def is_working_day(self, day: date) -> bool: ...


@dataclass(frozen=True)
class HoursRange:
    """One opening range of a weekday, `start` to `end` (CST), regular or after-hours (延时办)."""

    weekday: Weekday
    start: time
    end: time
    after_hours: bool = False


@dataclass(frozen=True)
class WindowHours:
    """A window's weekly hours: its ranges, the slot length, how many are served at once, and the weekday
    whose ranges a make-up workday takes."""

    ranges: tuple[HoursRange, ...]
    slot_minutes: int
    capacity: int
    makeup_day: Weekday = Weekday.monday


@dataclass(frozen=True)
class Slot:
    start: datetime  # aware, CST
    end: datetime
    after_hours: bool


def day_kind(calendar: Calendar, day: date) -> DayKind:
    """Working weekday, make-up workday, ordinary weekend day, or holiday (see the module's docstring)."""
    weekend = day.weekday() >= 5
    if calendar.is_working_day(day):
        return DayKind.makeup if weekend else DayKind.working
    if not weekend:
        return DayKind.holiday
    for step in (timedelta(days=-1), timedelta(days=1)):
        cursor = day + step
        for _ in range(MAX_BREAK_DAYS):
            if calendar.is_working_day(cursor):
                break
            if cursor.weekday() < 5:  # a weekday off in the same run of days off: a holiday break
                return DayKind.holiday
            cursor += step
    return DayKind.weekend


def hours_weekday(calendar: Calendar, day: date, makeup_day: Weekday) -> Weekday | None:
    """Whose ranges the day takes: its own, the make-up template's, or none on a holiday."""
    kind = day_kind(calendar, day)
    if kind is DayKind.holiday:
        return None
    return makeup_day if kind is DayKind.makeup else Weekday.of(day)


def day_slots(hours: WindowHours, calendar: Calendar, day: date) -> list[Slot]:
    """The day's slots, in time order: each range cut into `slot_minutes` from its start; a remainder
    shorter than a slot is not a slot."""
    weekday = hours_weekday(calendar, day, hours.makeup_day)
    if weekday is None:
        return []
    length = timedelta(minutes=hours.slot_minutes)
    slots: list[Slot] = []
    for opening in sorted((r for r in hours.ranges if r.weekday is weekday), key=lambda r: r.start):
        start = datetime.combine(day, opening.start, CST)
        end = datetime.combine(day, opening.end, CST)
        while start + length <= end:
            slots.append(Slot(start, start + length, opening.after_hours))
            start += length
    return slots


def slots_between(hours: WindowHours, calendar: Calendar, first: date, last: date) -> list[Slot]:
    """Every slot from `first` to `last`, both included."""
    return [slot for n in range((last - first).days + 1) for slot in day_slots(hours, calendar, first + timedelta(n))]


def find_slot(hours: WindowHours, calendar: Calendar, start: datetime) -> Slot | None:
    """The window's slot that starts at `start` (any time zone), or None when no slot starts then."""
    local = start.astimezone(CST)
    return next((slot for slot in day_slots(hours, calendar, local.date()) if slot.start == local), None)


def range_errors(ranges: Sequence[HoursRange], slot_minutes: int) -> list[tuple[int, str, Text]]:
    """What is wrong with a window's ranges: (index, field, message) for each range that ends before it
    starts, is shorter than one slot, or overlaps an earlier range of the same weekday."""
    errors: list[tuple[int, str, Text]] = []
    length = timedelta(minutes=slot_minutes)
    for index, opening in enumerate(ranges):
        start = datetime.combine(date.min, opening.start)
        end = datetime.combine(date.min, opening.end)
        if end <= start:
            errors.append((index, "end", Text("结束时间须晚于开始时间", "must be later than start")))
        elif end - start < length:
            errors.append(
                (
                    index,
                    "end",
                    Text(f"时段短于一个号（{slot_minutes} 分钟）", f"shorter than one {slot_minutes}-minute slot"),
                )
            )
        else:
            for earlier in ranges[:index]:
                if earlier.weekday is opening.weekday and earlier.start < opening.end and opening.start < earlier.end:
                    errors.append((index, "start", Text("与同一天的另一时段重叠", "overlaps another range of the day")))
                    break
    return errors


def can_change(start: datetime, now: datetime, cutoff: timedelta) -> bool:
    """A booking may be cancelled or moved until `cutoff` before it starts."""
    return now <= start - cutoff


def previous_working_day(calendar: Calendar, day: date) -> date:
    """The last working day before `day`."""
    cursor = day - timedelta(days=1)
    while not calendar.is_working_day(cursor):
        cursor -= timedelta(days=1)
    return cursor


def reminder_due(calendar: Calendar, on: date, today: date) -> bool:
    """The reminder goes out on the working day before the appointment (a later run catches up, until the
    day itself)."""
    return previous_working_day(calendar, on) <= today < on

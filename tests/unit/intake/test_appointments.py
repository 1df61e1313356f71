"""The slot rules of window appointments (services/intake/slots.py): a window's weekly hours cut into slots on
the official calendar of 2026 (National Day off 1–7 October, Saturday 10 October worked), after-hours flags,
holidays and make-up workdays, the cut-off for changes and the reminder the working day before."""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from services.common.calendar import CST, WorkCalendar, official_schedule
from services.intake.slots import (
    DayKind,
    HoursRange,
    Weekday,
    WindowHours,
    can_change,
    day_kind,
    day_slots,
    find_slot,
    previous_working_day,
    range_errors,
    reminder_due,
    slots_between,
)

CALENDAR = WorkCalendar([official_schedule(2026)])  # 2027 has no official schedule: weekends only
MONDAY = date(2026, 9, 28)
NATIONAL_DAY = date(2026, 10, 1)  # a Thursday
BREAK_SATURDAY = date(2026, 10, 3)  # inside the National Day break
MAKEUP_SATURDAY = date(2026, 10, 10)  # worked (调休)
PLAIN_SATURDAY = date(2026, 10, 17)
PLAIN_SUNDAY = date(2026, 10, 18)


def at(day: date, hh_mm: str) -> datetime:
    return datetime.combine(day, time.fromisoformat(hh_mm), CST)


def opening(weekday: str, start: str, end: str, after_hours: bool = False) -> HoursRange:
    return HoursRange(Weekday(weekday), time.fromisoformat(start), time.fromisoformat(end), after_hours)


def hours(*ranges: HoursRange, slot_minutes: int = 30, makeup_day: str = "monday") -> WindowHours:
    return WindowHours(ranges, slot_minutes=slot_minutes, capacity=2, makeup_day=Weekday(makeup_day))


OPENING = hours(  # 企业开办专窗: weekday days, Monday and Friday evenings and Saturday morning after hours
    *(opening(day, "09:00", "12:00") for day in ("monday", "tuesday", "wednesday", "thursday", "friday")),
    opening("monday", "17:30", "19:00", after_hours=True),
    opening("friday", "17:30", "18:30", after_hours=True),
    opening("saturday", "09:00", "11:00", after_hours=True),
)


def starts(slots) -> list[str]:
    return [slot.start.strftime("%H:%M") for slot in slots]


def test_weekly_hours_become_slots_with_their_after_hours_flags():
    monday = day_slots(OPENING, CALENDAR, MONDAY)
    assert starts(monday) == ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "17:30", "18:00", "18:30"]
    assert [slot.after_hours for slot in monday] == [False] * 6 + [True] * 3
    first = monday[0]
    assert (first.start, first.end) == (at(MONDAY, "09:00"), at(MONDAY, "09:30"))
    assert first.start.utcoffset() == timedelta(hours=8)  # China Standard Time
    assert starts(day_slots(OPENING, CALENDAR, MONDAY + timedelta(days=1))) == [
        "09:00",
        "09:30",
        "10:00",
        "10:30",
        "11:00",
        "11:30",
    ]


def test_a_remainder_shorter_than_a_slot_is_no_slot_and_ranges_come_in_time_order():
    window = hours(opening("monday", "14:00", "15:00"), opening("monday", "09:00", "10:50"), slot_minutes=45)
    assert starts(day_slots(window, CALENDAR, MONDAY)) == ["09:00", "09:45", "14:00"]


def test_an_ordinary_saturday_has_its_own_after_hours_slots_and_sunday_none():
    assert day_kind(CALENDAR, PLAIN_SATURDAY) is DayKind.weekend
    saturday = day_slots(OPENING, CALENDAR, PLAIN_SATURDAY)
    assert starts(saturday) == ["09:00", "09:30", "10:00", "10:30"] and all(slot.after_hours for slot in saturday)
    assert day_slots(OPENING, CALENDAR, PLAIN_SUNDAY) == []


def test_a_holiday_has_no_slots_nor_does_a_weekend_day_inside_its_break():
    assert day_kind(CALENDAR, NATIONAL_DAY) is DayKind.holiday
    assert day_kind(CALENDAR, BREAK_SATURDAY) is DayKind.holiday  # its run of days off holds weekdays off
    assert day_kind(CALENDAR, date(2026, 10, 4)) is DayKind.holiday
    for day in (NATIONAL_DAY, BREAK_SATURDAY, date(2026, 10, 7)):
        assert day_slots(OPENING, CALENDAR, day) == [], day
    week = slots_between(OPENING, CALENDAR, date(2026, 9, 30), date(2026, 10, 9))
    assert sorted({slot.start.date() for slot in week}) == [date(2026, 9, 30), date(2026, 10, 8), date(2026, 10, 9)]


def test_a_make_up_workday_takes_the_hours_of_the_make_up_day_not_its_own():
    assert day_kind(CALENDAR, MAKEUP_SATURDAY) is DayKind.makeup
    makeup = day_slots(OPENING, CALENDAR, MAKEUP_SATURDAY)
    assert starts(makeup) == starts(day_slots(OPENING, CALENDAR, MONDAY))  # Monday's, evening included
    assert [slot.after_hours for slot in makeup] == [False] * 6 + [True] * 3
    as_friday = hours(*OPENING.ranges, makeup_day="friday")
    assert starts(day_slots(as_friday, CALENDAR, MAKEUP_SATURDAY))[-2:] == ["17:30", "18:00"]  # Friday's evening
    assert day_kind(CALENDAR, date(2026, 9, 20)) is DayKind.makeup  # a Sunday worked
    assert starts(day_slots(OPENING, CALENDAR, date(2026, 9, 20)))[0] == "09:00"


def test_a_year_without_an_official_schedule_has_weekends_only():
    saturday = date(2027, 10, 2)  # would be inside National Day 2027, but no schedule is known yet
    assert CALENDAR.is_provisional(2027) and day_kind(CALENDAR, saturday) is DayKind.weekend
    assert starts(day_slots(OPENING, CALENDAR, saturday)) == ["09:00", "09:30", "10:00", "10:30"]
    assert len(day_slots(OPENING, CALENDAR, date(2027, 10, 1))) == 8  # a Friday, evening too: working until announced


def test_a_slot_is_found_by_its_start_in_any_time_zone_and_only_then():
    found = find_slot(OPENING, CALENDAR, datetime(2026, 9, 28, 9, 30, tzinfo=UTC))  # 17:30 CST
    assert found is not None and found.after_hours and found.end == at(MONDAY, "18:00")
    assert find_slot(OPENING, CALENDAR, at(MONDAY, "09:15")) is None  # between two slots
    assert find_slot(OPENING, CALENDAR, at(MONDAY, "12:00")) is None  # the range's end
    assert find_slot(OPENING, CALENDAR, at(NATIONAL_DAY, "09:00")) is None
    assert find_slot(OPENING, CALENDAR, at(BREAK_SATURDAY, "09:00")) is None
    assert find_slot(OPENING, CALENDAR, at(MAKEUP_SATURDAY, "18:30")) is not None


@pytest.mark.parametrize(
    ("ranges", "expected"),
    [
        ([opening("monday", "12:00", "09:00")], [(0, "end")]),
        ([opening("monday", "09:00", "09:20")], [(0, "end")]),  # shorter than one 30-minute slot
        ([opening("monday", "09:00", "12:00"), opening("monday", "11:30", "13:00")], [(1, "start")]),
        ([opening("monday", "09:00", "12:00"), opening("tuesday", "11:30", "13:00")], []),
        ([opening("monday", "09:00", "12:00"), opening("monday", "12:00", "13:00")], []),  # touching is fine
    ],
)
def test_ranges_that_make_no_sense_are_named(ranges, expected):
    assert [(index, field) for index, field, _ in range_errors(ranges, 30)] == expected


def test_a_booking_changes_until_the_cut_off():
    start = at(MONDAY, "09:00")
    cutoff = timedelta(hours=2)
    assert can_change(start, start - cutoff, cutoff)
    assert not can_change(start, start - cutoff + timedelta(seconds=1), cutoff)
    assert can_change(start, start, timedelta(0)) and not can_change(start, start + timedelta(seconds=1), timedelta(0))


def test_the_reminder_is_due_from_the_working_day_before():
    after_break = date(2026, 10, 8)
    assert previous_working_day(CALENDAR, after_break) == date(2026, 9, 30)
    assert not reminder_due(CALENDAR, after_break, date(2026, 9, 29))
    assert reminder_due(CALENDAR, after_break, date(2026, 9, 30))
    assert reminder_due(CALENDAR, after_break, date(2026, 10, 5))  # a missed round catches up
    assert not reminder_due(CALENDAR, after_break, after_break)  # never on the day itself
    assert previous_working_day(CALENDAR, PLAIN_SATURDAY) == date(2026, 10, 16)  # 延时办 on a Saturday
    assert previous_working_day(CALENDAR, date(2026, 10, 12)) == MAKEUP_SATURDAY

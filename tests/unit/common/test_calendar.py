"""The working-day calendar without a database: official data, due dates, elapsed time, the cached source."""

import asyncio
from datetime import UTC, date, datetime, timedelta

import chinese_calendar
import pytest

from services.approval.contract import ApprovalClient, CalendarFeed, YearScheduleBody
from services.common.calendar import (
    CST,
    CalendarCache,
    WorkCalendar,
    YearSchedule,
    official_schedule,
    official_years,
)
from services.common.internal import InternalHttp, Reply, Unreachable
from services.common.problems import Unavailable
from services.common.settings import Settings

OFFICIAL_2026 = official_schedule(2026)
CALENDAR = WorkCalendar([OFFICIAL_2026] if OFFICIAL_2026 else [])


def cst(day: str, hour: int = 0, minute: int = 0) -> datetime:
    return datetime.combine(date.fromisoformat(day), datetime.min.time(), CST).replace(hour=hour, minute=minute)


def days(start: str, end: str) -> set[date]:
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    return {first + timedelta(days=i) for i in range((last - first).days + 1)}


def test_official_2026_matches_the_state_council_notice():
    """国办发明电〔2025〕7号: 春节 2-15..2-23, 国庆 10-01..10-07; make-up days 1-4, 2-14, 2-28, 5-9, 9-20, 10-10."""
    assert OFFICIAL_2026 is not None and not OFFICIAL_2026.provisional
    assert {day for day in days("2026-02-15", "2026-02-23") if day.weekday() < 5} <= OFFICIAL_2026.holidays
    assert {day for day in days("2026-10-01", "2026-10-07") if day.weekday() < 5} <= OFFICIAL_2026.holidays
    assert date(2026, 9, 25) in OFFICIAL_2026.holidays  # 中秋节, a Friday
    assert date(2026, 10, 8) not in OFFICIAL_2026.holidays and date(2026, 2, 24) not in OFFICIAL_2026.holidays
    assert all(day.weekday() < 5 and day.year == 2026 for day in OFFICIAL_2026.holidays)
    assert OFFICIAL_2026.workdays == {
        date(2026, 1, 4),
        date(2026, 2, 14),
        date(2026, 2, 28),
        date(2026, 5, 9),
        date(2026, 9, 20),
        date(2026, 10, 10),
    }


def test_years_without_an_announced_schedule_are_not_official():
    assert {2024, 2025, 2026} <= set(official_years())
    assert official_schedule(2031) is None and official_schedule(2000) is None


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_every_day_agrees_with_chinese_calendar(year: int):
    schedule = official_schedule(year)
    assert schedule is not None
    calendar = WorkCalendar([schedule])
    disagreements = [
        day
        for day in days(f"{year}-01-01", f"{year}-12-31")
        if calendar.is_working_day(day) != chinese_calendar.is_workday(day)
    ]
    assert disagreements == []


@pytest.mark.parametrize(
    ("submitted", "n", "due"),
    [
        (cst("2026-09-29", 10), 3, date(2026, 10, 9)),  # urgent: 9-30, then 10-08 and 10-09
        (cst("2026-09-30", 10), 1, date(2026, 10, 8)),
        (cst("2026-09-30", 10), 3, date(2026, 10, 10)),  # the make-up Saturday counts
        (cst("2026-09-30", 10), 4, date(2026, 10, 12)),
        (cst("2026-09-28", 10), 10, date(2026, 10, 16)),  # normal
        (cst("2026-09-18", 10), 1, date(2026, 9, 20)),  # the make-up Sunday before National Day
        (cst("2026-02-12", 10), 2, date(2026, 2, 14)),  # Spring Festival's make-up Saturday
        (cst("2026-02-12", 10), 3, date(2026, 2, 24)),  # then nothing until 2-24
        (cst("2026-02-13", 10), 10, date(2026, 3, 5)),  # 2-28 is a workday too
        (datetime(2026, 9, 29, 16, 30, tzinfo=UTC), 1, date(2026, 10, 8)),  # already 9-30 in CST
        (datetime(2026, 9, 29, 15, 59, tzinfo=UTC), 1, date(2026, 9, 30)),  # still 9-29 in CST
    ],
)
def test_due_dates_on_the_official_2026_calendar(submitted: datetime, n: int, due: date):
    assert CALENDAR.due_date(submitted, n) == due


def test_a_year_without_a_schedule_is_provisional_weekends_only():
    assert CALENDAR.is_provisional(2031) and not CALENDAR.is_provisional(2026)
    assert CALENDAR.due_date(cst("2031-09-30", 10), 3) == date(2031, 10, 3)  # National Day not known yet
    assert CALENDAR.due_date(cst("2031-10-03", 10), 1) == date(2031, 10, 6)  # a Friday, then Monday
    assert CALENDAR.is_working_day(date(2031, 1, 1))


def test_an_admin_schedule_overrides_weekdays_and_weekends():
    schedule = YearSchedule(2031, False, frozenset({date(2031, 10, 1)}), frozenset({date(2031, 10, 4)}))
    calendar = WorkCalendar([schedule])
    assert not calendar.is_provisional(2031)
    assert calendar.add_working_days(date(2031, 9, 30), 1) == date(2031, 10, 2)
    assert calendar.add_working_days(date(2031, 10, 3), 1) == date(2031, 10, 4)


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError):
        CALENDAR.add_working_days(date(2026, 1, 5), 0)
    with pytest.raises(ValueError):
        CALENDAR.due_date(datetime(2026, 1, 5, 10), 1)  # naive: which day is it in CST?
    with pytest.raises(ValueError):
        CALENDAR.elapsed_working_days(datetime(2026, 1, 5), datetime(2026, 1, 6))


@pytest.mark.parametrize(
    ("start", "end", "pauses", "elapsed"),
    [
        (cst("2026-10-12", 9), cst("2026-10-12", 15), [], 0.25),  # within one Monday
        (cst("2026-10-12", 9), cst("2026-10-12", 10), [], 0.04),  # 1/24 rounded
        (cst("2026-10-16", 12), cst("2026-10-19", 12), [], 1.0),  # Friday noon to Monday noon
        (cst("2026-09-30", 12), cst("2026-10-08", 12), [], 1.0),  # across National Day
        (cst("2026-10-09"), cst("2026-10-12"), [], 2.0),  # Friday and the make-up Saturday
        (datetime(2026, 10, 9, 16, tzinfo=UTC), datetime(2026, 10, 10, 16, tzinfo=UTC), [], 1.0),  # 10-10 in CST
        (cst("2026-10-12"), cst("2026-10-16"), [(cst("2026-10-13", 12), cst("2026-10-14", 12))], 3.0),
        (
            cst("2026-10-12"),
            cst("2026-10-16"),
            [(cst("2026-10-13"), cst("2026-10-14")), (cst("2026-10-13", 12), cst("2026-10-14", 12))],
            2.5,  # overlapping pauses count once
        ),
        (cst("2026-10-12"), cst("2026-10-16"), [(cst("2026-10-15"), None)], 3.0),  # still paused at the end
        (cst("2026-09-30"), cst("2026-10-09"), [(cst("2026-09-30", 12), cst("2026-10-08", 12))], 1.0),
        (cst("2026-10-12"), cst("2026-10-13"), [(cst("2026-10-01"), cst("2026-10-02"))], 1.0),  # before start
        (cst("2026-10-12"), cst("2026-10-13"), [(cst("2026-10-20"), None)], 1.0),  # after end
        (cst("2026-10-13"), cst("2026-10-12"), [], 0.0),  # end before start
    ],
)
def test_elapsed_working_days(start: datetime, end: datetime, pauses: list, elapsed: float):
    assert CALENDAR.elapsed_working_days(start, end, pauses) == elapsed


def test_elapsed_over_years_is_quick():
    calendar = WorkCalendar(filter(None, map(official_schedule, official_years())))
    elapsed = calendar.elapsed_working_days(cst("2001-01-01"), cst("2027-01-01"), [(cst("2010-01-01"), None)])
    working_2001_2009 = sum(calendar.is_working_day(day) for day in days("2001-01-01", "2009-12-31"))
    assert elapsed == working_2001_2009


class FakeApprovalTransport:
    """The network to approval: answers the calendar feed, or fails like an unreachable or broken service."""

    def __init__(self) -> None:
        self.calls = 0
        self.failure: Exception | None = None
        self.status = 200
        self.body: bytes | None = None
        self.feed = CalendarFeed(years=[YearScheduleBody.of(OFFICIAL_2026)])  # type: ignore[arg-type]

    async def send(self, method: str, url: str, **_) -> Reply:
        assert (method, url) == ("GET", "http://approval.test/internal/approval/calendar")
        self.calls += 1
        await asyncio.sleep(0)  # let concurrent callers pile up, as on a real round trip
        if self.failure is not None:
            raise self.failure
        return Reply(self.status, self.body or self.feed.model_dump_json().encode())

    async def aclose(self) -> None:
        return None


def cache_over(transport: FakeApprovalTransport, **options) -> CalendarCache:
    """A calendar cache over the real approval client, the real internal client and a fake network."""
    settings = Settings(jwt_secret="s" * 40, approval_url="http://approval.test")
    internal = InternalHttp(settings, caller="test", transport=transport, retries=0)
    return CalendarCache(ApprovalClient(internal).calendar, **options)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_source_caches_for_the_ttl_then_refreshes():
    client, clock = FakeApprovalTransport(), Clock()
    source = cache_over(client, ttl_seconds=30, clock=clock)
    first = await source.get()
    assert not first.is_working_day(date(2026, 10, 7)) and client.calls == 1
    clock.now += 29
    assert await source.get() is first and client.calls == 1
    client.feed = CalendarFeed(
        years=[YearScheduleBody(year=2026, provisional=False, holidays=[date(2026, 10, 8)], workdays=[])]
    )
    clock.now += 2
    refreshed = await source.get()
    assert client.calls == 2 and not refreshed.is_working_day(date(2026, 10, 8))
    assert refreshed.is_working_day(date(2026, 10, 7))


@pytest.mark.parametrize("failure", ["unreachable", "error status", "bad body"])
async def test_source_keeps_the_last_good_calendar_when_approval_fails(failure: str, caplog):
    client, clock = FakeApprovalTransport(), Clock()
    source = cache_over(client, ttl_seconds=30, clock=clock)
    good = await source.get()
    if failure == "unreachable":
        client.failure = Unreachable("down")
    elif failure == "error status":
        client.status = 500
    else:
        client.body = b'{"years": [{"year": "soon"}]}'
    clock.now += 31
    assert await source.get() is good and client.calls == 2
    assert "serving the last one" in caplog.text
    assert await source.get() is good and client.calls == 2  # not retried on every call


async def test_source_without_any_calendar_is_unavailable():
    client = FakeApprovalTransport()
    client.failure = Unreachable("down")
    source = cache_over(client, ttl_seconds=30)
    with pytest.raises(Unavailable):
        await source.get()
    client.failure = None
    assert (await source.get()).is_working_day(date(2026, 10, 10))


async def test_concurrent_callers_share_one_fetch():
    client = FakeApprovalTransport()
    source = cache_over(client, ttl_seconds=30)
    calendars = await asyncio.gather(*(source.get() for _ in range(20)))
    assert client.calls == 1 and all(calendar is calendars[0] for calendar in calendars)

"""The one working-day calendar: official PRC holidays and make-up workdays (调休), days in CST.

The approval service holds the calendar (seeded from the `holidays` package, amended by admins);
other services read it through its contract into a `CalendarCache`, so a change there moves every due date.
"""

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import cache

import holidays

from services.common.problems import Unavailable
from services.common.texts import Text

CST = timezone(timedelta(hours=8))  # China Standard Time, no daylight saving
SECONDS_PER_DAY = 86_400
log = logging.getLogger("kuaiban.calendar")


@dataclass(frozen=True)
class YearSchedule:
    """One year's exceptions to the weekend rule."""

    year: int
    provisional: bool
    holidays: frozenset[date]  # weekdays off
    workdays: frozenset[date]  # weekend days worked (调休)


@cache
def official_years() -> tuple[int, ...]:
    """Years whose official schedule (the State Council notice) the `holidays` package carries.

    The package computes statutory days for any year, but its 调休 table only has announced years.
    """
    return tuple(sorted(holidays.China().special_public_holidays))


@cache
def official_schedule(year: int) -> YearSchedule | None:
    """`year`'s official schedule from the `holidays` package, or None when it has not been announced."""
    if year not in official_years():
        return None
    # A notice may move a workday into the previous December, so read the next year's entries too.
    china = holidays.China(years={year, year + 1})
    return YearSchedule(
        year=year,
        provisional=False,
        holidays=frozenset(day for day in china if day.year == year and day.weekday() < 5),
        workdays=frozenset(day for day in china.weekend_workdays if day.year == year),
    )


class WorkCalendar:
    """Working days: weekdays, minus holidays, plus make-up workdays; unknown years are provisional."""

    def __init__(self, schedules: Iterable[YearSchedule] = ()) -> None:
        self._years = {schedule.year: schedule for schedule in schedules}

    def is_provisional(self, year: int) -> bool:
        schedule = self._years.get(year)
        return schedule is None or schedule.provisional

    def is_working_day(self, day: date) -> bool:
        schedule = self._years.get(day.year)
        if schedule is not None:
            if day in schedule.holidays:
                return False
            if day in schedule.workdays:
                return True
        return day.weekday() < 5

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after `start` (n >= 1)."""
        if n < 1:
            raise ValueError("n must be at least 1")
        day = start
        while n:
            day += timedelta(days=1)
            n -= self.is_working_day(day)
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """How many working days come after `start`, up to and including `end` (0 when `end` is not later)."""
        return sum(self.is_working_day(start + timedelta(days=n)) for n in range(1, (end - start).days + 1))

    def due_date(self, submitted_at: datetime, n: int) -> date:
        """The n-th working day after the CST day of submission."""
        return self.add_working_days(cst_date(submitted_at), n)

    def elapsed_working_days(
        self, start: datetime, end: datetime, pauses: Sequence[tuple[datetime, datetime | None]] = ()
    ) -> float:
        """Days (24 h each) between `start` and `end` that fall on CST working days, pauses left out.

        A pause without an end is still running at `end`; overlapping pauses count once.
        """
        seconds = sum(self._working_seconds(a, b) for a, b in _running(start, end, pauses))
        return round(seconds / SECONDS_PER_DAY, 2)

    def _working_seconds(self, start: datetime, end: datetime) -> float:
        total = 0.0
        cursor = start.astimezone(CST)
        end = end.astimezone(CST)
        while cursor < end:
            midnight = datetime.combine(cursor.date() + timedelta(days=1), datetime.min.time(), CST)
            step_end = min(end, midnight)
            if self.is_working_day(cursor.date()):
                total += (step_end - cursor).total_seconds()
            cursor = step_end
        return total


def cst_date(moment: datetime) -> date:
    """The calendar day in China Standard Time of an aware instant."""
    _require_aware(moment)
    return moment.astimezone(CST).date()


def _require_aware(*moments: datetime) -> None:
    if any(moment.tzinfo is None for moment in moments):
        raise ValueError("datetimes must carry a time zone")


def _running(
    start: datetime, end: datetime, pauses: Sequence[tuple[datetime, datetime | None]]
) -> list[tuple[datetime, datetime]]:
    """[start, end] minus the union of the pauses, as ordered disjoint intervals."""
    _require_aware(start, end, *(p for pause in pauses for p in pause if p is not None))
    clipped = sorted((max(begin, start), min(finish or end, end)) for begin, finish in pauses)
    running: list[tuple[datetime, datetime]] = []
    cursor = start
    for begin, finish in clipped:
        if finish <= begin:  # outside [start, end], or empty
            continue
        if begin > cursor:
            running.append((cursor, begin))
        cursor = max(cursor, finish)
    if cursor < end:
        running.append((cursor, end))
    return running


class CalendarCache:
    """The working-day calendar of another service (approval's), fetched by `fetch` and kept `ttl_seconds`.

    If a refresh fails, the last good calendar is served (and retried after another TTL); with no calendar
    yet, `Unavailable`. Concurrent callers share one fetch.
    """

    def __init__(
        self,
        fetch: Callable[[], Awaitable[Iterable[YearSchedule]]],
        *,
        ttl_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._fetch = fetch
        self._ttl = ttl_seconds
        self._clock = clock
        self._calendar: WorkCalendar | None = None
        self._checked_at = 0.0
        self._lock = asyncio.Lock()

    async def get(self) -> WorkCalendar:
        if self._stale():
            async with self._lock:  # one refresh at a time; the others take its result
                if self._stale():
                    await self._refresh()
        if self._calendar is None:
            raise Unavailable(
                Text(
                    "工作日历暂时无法获取，请稍后再试。", "The working-day calendar is unavailable; try again shortly."
                )
            )
        return self._calendar

    def _stale(self) -> bool:
        return self._calendar is None or self._clock() - self._checked_at >= self._ttl

    async def _refresh(self) -> None:
        try:
            self._calendar = WorkCalendar(await self._fetch())
        except Unavailable as exc:
            if self._calendar is None:
                log.warning("cannot fetch the working-day calendar: %s", exc.detail)
                return
            log.warning("cannot refresh the working-day calendar, serving the last one: %s", exc.detail)
        self._checked_at = self._clock()

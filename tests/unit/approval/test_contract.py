"""Approval's contract as other services use it: the calendar feed, typed, and unavailable when absent."""

import pytest

from services.approval.contract import CALENDAR_PATH, ApprovalClient, CalendarFeed, YearScheduleBody
from services.common.calendar import official_schedule
from services.common.problems import Unavailable


class FakeInternal:
    """Answers `fetch` with a fixed feed (or None: the path was not there)."""

    def __init__(self, feed: CalendarFeed | None) -> None:
        self.feed = feed
        self.fetched: list[tuple[str, str]] = []

    async def fetch(self, service: str, path: str, model, *, what: str):
        self.fetched.append((service, path))
        assert model is CalendarFeed and what
        return self.feed


async def test_the_calendar_comes_back_as_year_schedules():
    official = official_schedule(2026)
    assert official is not None
    internal = FakeInternal(CalendarFeed(years=[YearScheduleBody.of(official)]))
    assert await ApprovalClient(internal).calendar() == [official]  # type: ignore[arg-type]
    assert internal.fetched == [("approval", CALENDAR_PATH)]


async def test_no_feed_is_unavailable():
    with pytest.raises(Unavailable):
        await ApprovalClient(FakeInternal(None)).calendar()  # type: ignore[arg-type]


def test_a_year_schedule_body_round_trips_sorted():
    official = official_schedule(2025)
    assert official is not None
    body = YearScheduleBody.of(official)
    assert body.holidays == sorted(body.holidays) and body.workdays == sorted(body.workdays)
    assert body.schedule() == official

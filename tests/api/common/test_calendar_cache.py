"""The calendar cache over the real approval app: an admin's change arrives after the TTL, approval down keeps
the last good calendar, and with none yet a route that needs it answers 503."""

from datetime import date

import pytest

from services.approval.contract import CALENDAR_PATH, ApprovalClient
from services.common.calendar import CalendarCache, official_schedule
from services.common.problems import Unavailable
from tests.api.common._support import ADMIN
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem

TTL = 30.0


class Monotonic:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def cache_of_intake(kuaiban: Kuaiban, clock: Monotonic) -> CalendarCache:
    """A cache as intake keeps one, on intake's internal client, with a clock the test moves."""
    return CalendarCache(ApprovalClient(kuaiban.runtimes["intake"].internal).calendar, ttl_seconds=TTL, clock=clock)


def calendar_fetches(kuaiban: Kuaiban) -> int:
    return kuaiban.transport.calls.count(("GET", CALENDAR_PATH))


async def test_an_admins_change_reaches_the_cache_after_its_ttl(kuaiban: Kuaiban):
    clock = Monotonic()
    cache = cache_of_intake(kuaiban, clock)
    first = await cache.get()
    assert not first.is_working_day(date(2026, 10, 7)) and first.is_working_day(date(2026, 10, 9))
    assert not first.is_provisional(2026) and calendar_fetches(kuaiban) == 1

    official = official_schedule(2026)
    holidays = sorted({*official.holidays, date(2026, 10, 9)})
    async with kuaiban.client("approval", ADMIN) as approval:
        changed = await approval.put(
            "/approval/calendar/2026",
            json={
                "holidays": [d.isoformat() for d in holidays],
                "workdays": [d.isoformat() for d in official.workdays],
            },
        )
    assert changed.status_code == 200, changed.text
    clock.now += TTL - 1
    assert await cache.get() is first and calendar_fetches(kuaiban) == 1  # still fresh
    clock.now += 1
    refreshed = await cache.get()
    assert calendar_fetches(kuaiban) == 2 and not refreshed.is_working_day(date(2026, 10, 9))


async def test_approval_down_keeps_the_last_good_calendar(kuaiban: Kuaiban, caplog: pytest.LogCaptureFixture):
    clock = Monotonic()
    cache = cache_of_intake(kuaiban, clock)
    good = await cache.get()
    kuaiban.transport.down.add("approval")
    clock.now += TTL
    assert await cache.get() is good
    assert "serving the last one" in caplog.text
    clock.now += TTL
    kuaiban.transport.down.discard("approval")
    assert await cache.get() is not good and calendar_fetches(kuaiban) == 2


async def test_without_any_calendar_yet_a_route_that_needs_it_is_503(kuaiban: Kuaiban):
    kuaiban.transport.down.add("approval")
    with pytest.raises(Unavailable):
        await cache_of_intake(kuaiban, Monotonic()).get()
    async with kuaiban.client("intake", ADMIN) as intake:
        english = await intake.get("/intake/stats", headers={"Accept-Language": "en"})
        assert "calendar is unavailable" in assert_problem(english, 503)["detail"]
        kuaiban.transport.down.discard("approval")
        assert (await intake.get("/intake/stats")).status_code == 200
        kuaiban.transport.down.add("approval")
        assert (await intake.get("/intake/stats")).status_code == 200  # the calendar it has now is kept

"""Due dates in process: working days of the one calendar approval keeps, taken in China Standard Time,
and an admin's change of that calendar reaching intake's due dates."""

from datetime import UTC, datetime

import httpx
import pytest

from services.common.calendar import cst_date
from services.intake.domain import GRADE_WORKING_DAYS
from tests.api.intake._support import ADMIN, BEFORE_NATIONAL_DAY, Cast, assign, calendar_of, raise_request
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem

MONDAY = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)  # 10:00 in China


@pytest.mark.parametrize(
    ("submitted", "grade", "due"),
    [
        (BEFORE_NATIONAL_DAY, "urgent", "2026-10-10"),  # 8, 9 October and the make-up Saturday
        (BEFORE_NATIONAL_DAY, "normal", "2026-10-20"),
        (BEFORE_NATIONAL_DAY, "major", "2026-11-03"),
        (datetime(2026, 11, 5, 17, 0, tzinfo=UTC), "urgent", "2026-11-11"),  # already Friday 6 November in China
    ],
)
async def test_due_date_is_working_days_after_the_submission(
    kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast, submitted: datetime, grade: str, due: str
):
    kuaiban.clock.now = submitted
    request = await raise_request(intake, cast.own)
    kuaiban.clock.advance(days=2)  # the due date counts from the submission, not the assignment
    assigned = (await assign(intake, request["id"], grade)).json()
    calendar = await calendar_of(kuaiban, 2026)
    assert assigned["due_date"] == due == calendar.due_date(submitted, GRADE_WORKING_DAYS[grade]).isoformat()


async def test_calendar_put_moves_due_dates(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    kuaiban.clock.now = MONDAY
    request = await raise_request(intake, cast.own)
    submitted = datetime.fromisoformat(request["created_at"])
    years = (submitted.year, submitted.year + 1)
    calendar = await calendar_of(kuaiban, *years)
    before = (await assign(intake, request["id"], grade="urgent")).json()["due_date"]  # intake has the calendar now
    assert before == calendar.due_date(submitted, GRADE_WORKING_DAYS["urgent"]).isoformat() == "2026-11-05"
    first_day = calendar.add_working_days(cst_date(submitted), 1)
    async with kuaiban.client("approval", ADMIN) as approval:
        original = (await approval.get(f"/approval/calendar/{first_day.year}")).json()
        changed = {"holidays": sorted({*original["holidays"], first_day.isoformat()}), "workdays": original["workdays"]}
        assert (await approval.put(f"/approval/calendar/{first_day.year}", json=changed)).status_code == 200
    expected = (await calendar_of(kuaiban, *years)).due_date(submitted, GRADE_WORKING_DAYS["urgent"])
    assert expected != calendar.due_date(submitted, GRADE_WORKING_DAYS["urgent"])
    due = (await assign(intake, request["id"], grade="urgent")).json()["due_date"]
    assert due == expected.isoformat() == "2026-11-06"


async def test_no_calendar_no_due_date(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    request = await raise_request(intake, cast.own)
    kuaiban.transport.down.add("approval")
    assert_problem(await assign(intake, request["id"]), 503)
    assert_problem(await intake.get("/intake/stats", headers=ADMIN), 503)
    unchanged = (await intake.get(f"/intake/requests/{request['id']}", headers=ADMIN)).json()
    assert unchanged["status"] == "received" and unchanged["due_date"] is None
    kuaiban.transport.down.discard("approval")
    assert (await assign(intake, request["id"])).json()["status"] == "assigned"

"""Requests week by week for the leader's dashboard, on the fake clock around the National Day holidays of 2026:
received and closed per ISO week (CST), the satisfaction of the ratings given, and punctuality by lead department."""

from datetime import UTC, datetime

import httpx
import pytest
from sqlalchemy import text

from tests.api.intake._support import ADMIN, BEFORE_NATIONAL_DAY, Cast, act, assign, raise_request
from tests.helpers.factories import headers_for
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem

pytestmark = pytest.mark.usefixtures("no_requests")
LEADER = headers_for("leader", username="county-leader")


@pytest.fixture
async def no_feedback(kuaiban: Kuaiban) -> None:
    """No request event yet (the ratings of requests other tests committed); rolled back with the test."""
    await kuaiban.connection.execute(text("DELETE FROM intake.request_event"))


async def weekly(intake: httpx.AsyncClient, weeks: int, headers: dict = LEADER) -> dict:
    response = await intake.get("/intake/stats/weekly", params={"weeks": weeks}, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def week(label: str, starts_on: str, **counts: int | float | None) -> dict:
    row = {"week": label, "starts_on": starts_on, "received": 0, "closed": 0, "feedback": 0, "satisfied": 0,
           "satisfaction_rate": None, "settled": 0, "on_time": 0, "on_time_rate": None}  # fmt: skip
    return row | counts


def department_week(label: str, starts_on: str, settled: int = 0, on_time: int = 0) -> dict:
    rate = round(on_time / settled, 4) if settled else None
    return {"week": label, "starts_on": starts_on, "settled": settled, "on_time": on_time, "on_time_rate": rate}


@pytest.mark.usefixtures("no_feedback")
async def test_weeks_count_requests_ratings_and_punctuality(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    kuaiban.clock.now = BEFORE_NATIONAL_DAY  # Wednesday 30 September (ISO week 40), 10:00 in China
    on_time = await raise_request(intake, cast.own, category="power")
    late = await raise_request(intake, cast.own, category="power")
    overdue = await raise_request(intake, cast.other, category="permits")
    await raise_request(intake, cast.other, category="land")  # never assigned: never due
    kuaiban.clock.advance(hours=1)
    assert (await assign(intake, on_time["id"], "urgent")).json()["due_date"] == "2026-10-10"  # a worked Saturday
    assert (await assign(intake, late["id"], "normal")).json()["due_date"] == "2026-10-20"
    assert (await assign(intake, overdue["id"], "urgent", lead="tax", cooperating=())).json()[
        "due_date"
    ] == "2026-10-10"

    kuaiban.clock.now = datetime(2026, 10, 8, 2, 0, tzinfo=UTC)  # week 41
    await act(intake, on_time["id"], "reply", cast.power, content="已办结")
    kuaiban.clock.advance(minutes=1)
    assert (await act(intake, on_time["id"], "feedback", cast.own, rating=5)).json()["status"] == "closed"
    kuaiban.clock.now = datetime(2026, 10, 21, 2, 0, tzinfo=UTC)  # week 43: a day late
    await act(intake, late["id"], "reply", cast.power, content="已办理")
    kuaiban.clock.advance(minutes=1)
    assert (await act(intake, late["id"], "feedback", cast.own, rating=2)).json()["status"] == "reopened"
    kuaiban.clock.now = datetime(2026, 10, 22, 2, 0, tzinfo=UTC)

    assert await weekly(intake, 4) == {
        "weeks": [
            week("2026-W40", "2026-09-28", received=4),
            # settled in week 41: power's answered on time, tax's past due unanswered from Sunday 11 October
            week("2026-W41", "2026-10-05", closed=1, feedback=1, satisfied=1, satisfaction_rate=1.0, settled=2,
                 on_time=1, on_time_rate=0.5),
            week("2026-W42", "2026-10-12"),
            week("2026-W43", "2026-10-19", feedback=1, satisfaction_rate=0.0, settled=1, on_time_rate=0.0),
        ],
        "by_department": {
            "power": [
                department_week("2026-W40", "2026-09-28"),
                department_week("2026-W41", "2026-10-05", settled=1, on_time=1),
                department_week("2026-W42", "2026-10-12"),
                department_week("2026-W43", "2026-10-19", settled=1),
            ],
            "tax": [
                department_week("2026-W40", "2026-09-28"),
                department_week("2026-W41", "2026-10-05", settled=1),
                department_week("2026-W42", "2026-10-12"),
                department_week("2026-W43", "2026-10-19"),
            ],
        },
    }  # fmt: skip
    admin_view = await weekly(intake, 1, headers=ADMIN)
    assert [w["week"] for w in admin_view["weeks"]] == ["2026-W43"]
    # a week boundary in China: Sunday 25 October 23:30 CST is still week 43, and 16:00 UTC that day is Monday in China
    kuaiban.clock.now = datetime(2026, 10, 25, 16, 0, tzinfo=UTC)
    assert [w["week"] for w in (await weekly(intake, 2))["weeks"]] == ["2026-W43", "2026-W44"]


async def test_a_request_not_yet_due_and_unanswered_is_not_counted(
    kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast
):
    kuaiban.clock.now = BEFORE_NATIONAL_DAY
    request = await raise_request(intake, cast.own)
    await assign(intake, request["id"], "major", lead="water", cooperating=())  # due in November
    kuaiban.clock.now = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)
    figures = await weekly(intake, 6)
    assert sum(w["settled"] for w in figures["weeks"]) == 0 and figures["by_department"] == {}


async def test_only_admin_and_leaders_read_the_series_and_weeks_are_bounded(intake: httpx.AsyncClient, cast: Cast):
    for headers in (cast.power, cast.liaison, cast.own, cast.bank):
        assert_problem(await intake.get("/intake/stats/weekly", headers=headers), 403)
        assert_problem(await intake.get("/intake/stats", headers=headers), 403)
    assert (await intake.get("/intake/stats", headers=LEADER)).status_code == 200
    assert len((await weekly(intake, 12))["weeks"]) == 12  # the default is asked for explicitly by the dashboard
    default = await intake.get("/intake/stats/weekly", headers=LEADER)
    assert len(default.json()["weeks"]) == 12
    for weeks in (0, 105, "x"):
        assert_problem(await intake.get("/intake/stats/weekly", params={"weeks": weeks}, headers=LEADER), 422)
    # read-only: a leader changes nothing
    assert_problem(await intake.post("/intake/meetings", json={"title": "x"}, headers=LEADER), 403)

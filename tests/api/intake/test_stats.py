"""The county dashboard in process: volumes, completion, satisfaction, punctuality and reply speed, on
the fake clock around the National Day holidays of 2026."""

from datetime import UTC, datetime

import httpx
import pytest

from tests.api.intake._support import ADMIN, BEFORE_NATIONAL_DAY, Cast, act, assign, raise_request
from tests.helpers.inprocess import Kuaiban

pytestmark = pytest.mark.usefixtures("no_requests")


async def stats(intake: httpx.AsyncClient) -> dict:
    response = await intake.get("/intake/stats", headers=ADMIN)
    assert response.status_code == 200, response.text
    return response.json()


async def test_an_empty_dashboard(intake: httpx.AsyncClient):
    assert await stats(intake) == {
        "received": 0,
        "closed": 0,
        "completion_rate": None,
        "satisfaction_rate": None,
        "on_time_rate": None,
        "avg_reply_working_days": None,
        "by_category": {},
        "by_department": {},
    }


async def test_the_dashboard_counts_every_request(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    kuaiban.clock.now = BEFORE_NATIONAL_DAY  # Wednesday 30 September, 10:00 in China
    on_time = await raise_request(intake, cast.own, category="power")
    late = await raise_request(intake, cast.own, category="power")
    overdue = await raise_request(intake, cast.other, category="permits")
    await raise_request(intake, cast.other, category="land")  # never assigned
    not_yet_due = await raise_request(intake, cast.other, category="permits")
    kuaiban.clock.advance(hours=1)
    due_dates = {
        "on_time": (await assign(intake, on_time["id"], "urgent")).json()["due_date"],
        "late": (await assign(intake, late["id"], "normal")).json()["due_date"],
        "overdue": (await assign(intake, overdue["id"], "urgent", lead="tax", cooperating=())).json()["due_date"],
        "not_yet_due": (await assign(intake, not_yet_due["id"], "major", lead="tax")).json()["due_date"],
    }
    assert due_dates == {
        "on_time": "2026-10-10",  # 8, 9 and the make-up Saturday 10 October
        "late": "2026-10-20",
        "overdue": "2026-10-10",
        "not_yet_due": "2026-11-03",
    }

    kuaiban.clock.now = datetime(2026, 10, 8, 2, 0, tzinfo=UTC)  # 1 working day after submission
    await act(intake, on_time["id"], "reply", cast.power, content="已办结")
    kuaiban.clock.advance(minutes=1)
    assert (await act(intake, on_time["id"], "feedback", cast.own, rating=5)).json()["status"] == "closed"
    kuaiban.clock.now = datetime(2026, 10, 21, 2, 0, tzinfo=UTC)  # 11 working days: a day late
    await act(intake, late["id"], "reply", cast.power, content="已办理")
    kuaiban.clock.advance(minutes=1)
    assert (await act(intake, late["id"], "feedback", cast.own, rating=2)).json()["status"] == "reopened"
    kuaiban.clock.now = datetime(2026, 10, 22, 2, 0, tzinfo=UTC)

    assert await stats(intake) == {
        "received": 5,
        "closed": 1,
        "completion_rate": 0.2,
        "satisfaction_rate": 0.5,  # ratings 5 and 2
        "on_time_rate": 0.3333,  # on time; late; overdue unanswered; the other two not counted
        "avg_reply_working_days": 6.0,  # (1 + 11) / 2
        "by_category": {
            "power": {"received": 2, "closed": 1},
            "permits": {"received": 2, "closed": 0},
            "land": {"received": 1, "closed": 0},
        },
        "by_department": {
            "power": {"lead": 2, "closed": 1, "on_time_rate": 0.5},
            "tax": {"lead": 2, "closed": 0, "on_time_rate": 0.0},
        },
    }

    kuaiban.clock.now = datetime(2026, 11, 4, 2, 0, tzinfo=UTC)  # the major request is overdue now
    later = await stats(intake)
    assert later["on_time_rate"] == 0.25 and later["by_department"]["tax"]["on_time_rate"] == 0.0


async def test_a_department_with_nothing_due_yet_has_no_punctuality(
    kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast
):
    kuaiban.clock.now = BEFORE_NATIONAL_DAY
    request = await raise_request(intake, cast.own)
    await assign(intake, request["id"], "major", lead="water", cooperating=())
    dashboard = await stats(intake)
    assert dashboard["by_department"] == {"water": {"lead": 1, "closed": 0, "on_time_rate": None}}
    assert dashboard["on_time_rate"] is None and dashboard["avg_reply_working_days"] is None

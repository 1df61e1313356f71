"""Meetings in process: a tea meeting (棒棒茶会) and the stats of the requests raised there."""

import uuid

import httpx

from tests.api.intake._support import ADMIN, Cast, act, assign, create_meeting, raise_request
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem


async def test_meeting_stats_count_its_own_requests(intake: httpx.AsyncClient, cast: Cast):
    meeting = await create_meeting(intake)
    assert meeting["title"] == "濉溪县第十二期“棒棒茶会”" and meeting["held_on"] == "2026-11-20"
    empty = (await intake.get(f"/intake/meetings/{meeting['id']}", headers=cast.own)).json()
    assert empty["stats"] == {"received": 0, "closed": 0, "satisfaction_rate": None}
    assert empty["location"] == "濉溪县政务服务中心"

    ratings = {}
    for rating in (5, 3, 1):
        request = await raise_request(intake, cast.own, channel="tea_meeting", meeting_id=meeting["id"])
        await assign(intake, request["id"])
        await act(intake, request["id"], "reply", cast.power, content="已办理")
        ratings[request["id"]] = (await act(intake, request["id"], "feedback", cast.own, rating=rating)).json()
    await raise_request(intake, cast.other, channel="tea_meeting", meeting_id=meeting["id"])
    await raise_request(intake, cast.other)  # not raised at the meeting
    assert [r["status"] for r in ratings.values()] == ["closed", "closed", "reopened"]

    stats = (await intake.get(f"/intake/meetings/{meeting['id']}", headers=ADMIN)).json()["stats"]
    assert stats == {"received": 4, "closed": 2, "satisfaction_rate": 0.3333}  # one 4-or-5 among three ratings


async def test_meetings_are_listed_newest_first(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    made = []
    for n in (1, 2, 3):
        kuaiban.clock.advance(days=1)
        made.append((await create_meeting(intake, title=f"政企恳谈会第{n}期"))["id"])
    listed = (await intake.get("/intake/meetings", params={"limit": 2}, headers=cast.own)).json()
    assert [item["id"] for item in listed["items"]] == made[:0:-1] and listed["next_cursor"]


async def test_bad_meetings(intake: httpx.AsyncClient):
    for body in (
        {"title": "x", "held_on": "2026-13-01", "location": "y"},
        {"title": "", "held_on": "2026-01-01", "location": "y"},
        {"title": "x", "held_on": "1999-12-31", "location": "y"},
        {"title": "x", "held_on": "2026-01-01"},
        {"title": "x", "held_on": "2026-01-01", "location": "y", "stats": {}},
    ):
        assert_problem(await intake.post("/intake/meetings", json=body, headers=ADMIN), 422)
    assert_problem(await intake.get(f"/intake/meetings/{uuid.uuid4()}", headers=ADMIN), 404)
    assert_problem(await intake.get("/intake/meetings/not-a-uuid", headers=ADMIN), 422)

"""Requests (诉求) in process: the closed loop, the order of moves, filters and bad input."""

import uuid

import httpx

from tests.api.intake._support import (
    ADMIN,
    BEFORE_NATIONAL_DAY,
    REQUEST,
    Cast,
    act,
    assign,
    calendar_of,
    create_meeting,
    ids,
    raise_request,
)
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem


async def test_full_loop_at_a_tea_meeting(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    kuaiban.clock.now = BEFORE_NATIONAL_DAY
    before = (await intake.get("/intake/stats", headers=ADMIN)).json()
    meeting = await create_meeting(intake)
    request = await raise_request(intake, cast.own, channel="tea_meeting", meeting_id=meeting["id"])
    assert request["status"] == "received" and request["code"].startswith("SQ")
    assert request["enterprise_id"] == cast.own_id and request["due_date"] is None
    assert request["meeting_id"] == meeting["id"] and request["created_at"] == "2026-09-30T02:00:00Z"

    kuaiban.clock.advance(hours=1)
    assigned = (await assign(intake, request["id"])).json()
    assert assigned["status"] == "assigned" and assigned["lead_department"] == "power"
    assert assigned["cooperating_departments"] == ["natural_resources"] and assigned["grade"] == "normal"
    calendar = await calendar_of(kuaiban, 2026)
    assert assigned["due_date"] == calendar.due_date(BEFORE_NATIONAL_DAY, 10).isoformat() == "2026-10-20"
    assert assigned["assigned_at"] == "2026-09-30T03:00:00Z"

    kuaiban.clock.advance(hours=1)
    noted = await act(intake, request["id"], "notes", cast.land, content="用地指标已落实")
    assert noted.status_code == 200 and noted.json()["status"] == "assigned"
    kuaiban.clock.advance(hours=1)
    replied = (await act(intake, request["id"], "reply", cast.power, content="已安排专线，15日内完成增容。")).json()
    assert replied["status"] == "replied" and replied["first_replied_at"] == "2026-09-30T05:00:00Z"
    assert replied["reply"] == "已安排专线，15日内完成增容。"
    kuaiban.clock.advance(hours=1)
    reopened = (await act(intake, request["id"], "feedback", cast.own, rating=2, comment="时间太长")).json()
    assert reopened["status"] == "reopened" and reopened["rating"] == 2 and reopened["closed_at"] is None
    assert_problem(await act(intake, request["id"], "feedback", cast.own, rating=5), 409)
    kuaiban.clock.advance(hours=1)
    again = (await act(intake, request["id"], "reply", cast.power, content="调整施工计划，7日内完成。")).json()
    assert again["first_replied_at"] == "2026-09-30T05:00:00Z" and again["replied_at"] == "2026-09-30T07:00:00Z"
    kuaiban.clock.advance(hours=1)
    closed = (await act(intake, request["id"], "feedback", cast.own, rating=5, comment="满意")).json()
    assert closed["status"] == "closed" and closed["rating"] == 5 and closed["closed_at"] == "2026-09-30T08:00:00Z"
    assert closed["feedback_comment"] == "满意"

    detail = (await intake.get(f"/intake/requests/{request['id']}", headers=cast.own)).json()
    actions = [event["action"] for event in detail["events"]]
    assert actions == [
        "received",
        "assigned",
        "note",
        "replied",
        "feedback",
        "reopened",
        "replied",
        "feedback",
        "closed",
    ]
    assert all(event["at"].endswith("Z") and event["actor"] for event in detail["events"])
    assert [event["actor_role"] for event in detail["events"]] == [
        "enterprise",
        "admin",
        "officer",
        "officer",
        "enterprise",
        "enterprise",
        "officer",
        "enterprise",
        "enterprise",
    ]
    assert detail["events"][0]["details"] == {"channel": "tea_meeting"}
    assert detail["events"][1]["details"] == {
        "lead_department": "power",
        "cooperating_departments": ["natural_resources"],
        "grade": "normal",
        "due_date": "2026-10-20",
    }
    assert detail["events"][4]["details"] == {"rating": 2, "comment": "时间太长"}

    stats = (await intake.get(f"/intake/meetings/{meeting['id']}", headers=ADMIN)).json()["stats"]
    assert stats == {"received": 1, "closed": 1, "satisfaction_rate": 1.0}
    after = (await intake.get("/intake/stats", headers=ADMIN)).json()
    assert after["received"] == before["received"] + 1 and after["closed"] == before["closed"] + 1
    assert after["by_category"]["power"]["closed"] >= 1
    assert after["by_department"]["power"]["lead"] >= 1
    assert after["avg_reply_working_days"] is not None and after["avg_reply_working_days"] >= 0
    assert 0 <= after["satisfaction_rate"] <= 1 and 0 < after["completion_rate"] <= 1

    timeline = (await intake.get(f"/intake/enterprises/{cast.own_id}/timeline", headers=cast.own)).json()["items"]
    kinds = [item["kind"] for item in timeline if item["ref_id"] == request["id"]]
    assert kinds[0] == "request.closed" and kinds[-1] == "request.received"
    assert kinds == [
        "request.closed",
        "request.replied",
        "request.reopened",
        "request.replied",
        "request.assigned",
        "request.received",
    ]
    assert [item["at"] for item in timeline] == sorted((item["at"] for item in timeline), reverse=True)
    assert timeline[0]["summary"] == f"{request['code']} {REQUEST['title']}：诉求已办结"
    assert all(item["service"] == "intake" for item in timeline)


async def test_wrong_order_is_409(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    request = await raise_request(intake, cast.own)
    rid = request["id"]
    assert_problem(await act(intake, rid, "feedback", cast.own, rating=5), 409)
    assert_problem(await act(intake, rid, "notes", cast.land, content="x"), 404)  # nobody leads it yet
    assert_problem(await act(intake, rid, "notes", cast.admin, content="x"), 409)
    kuaiban.clock.advance(minutes=1)  # events list in the order of their time
    await assign(intake, rid)
    assert_problem(await act(intake, rid, "feedback", cast.own, rating=5), 409)
    kuaiban.clock.advance(minutes=1)
    assert (await act(intake, rid, "reply", cast.power, content="已办理")).status_code == 200
    assert_problem(await act(intake, rid, "reply", cast.power, content="again"), 409)
    assert_problem(await assign(intake, rid), 409)
    kuaiban.clock.advance(minutes=1)
    assert (await act(intake, rid, "feedback", cast.own, rating=3)).json()["status"] == "closed"
    for response in (
        await assign(intake, rid),
        await act(intake, rid, "reply", cast.power, content="x"),
        await act(intake, rid, "feedback", cast.own, rating=1),
        await act(intake, rid, "notes", cast.land, content="x"),
    ):
        assert_problem(response, 409)
    detail = (await intake.get(f"/intake/requests/{rid}", headers=ADMIN)).json()
    assert detail["status"] == "closed" and detail["rating"] == 3 and detail["reply"] == "已办理"
    assert [e["action"] for e in detail["events"]] == ["received", "assigned", "replied", "feedback", "closed"]


async def test_reassigning_before_the_answer_moves_the_lead(intake: httpx.AsyncClient, cast: Cast):
    request = await raise_request(intake, cast.own)
    await assign(intake, request["id"])
    moved = await assign(intake, request["id"], "urgent", lead="tax", cooperating=())
    assert moved.status_code == 200, moved.text
    assert moved.json()["lead_department"] == "tax" and moved.json()["cooperating_departments"] == []
    assert_problem(await act(intake, request["id"], "reply", cast.power, content="x"), 404)  # power is out now
    assert (await act(intake, request["id"], "reply", cast.tax, content="税务已答复")).status_code == 200


async def test_reply_before_assign_is_refused(intake: httpx.AsyncClient, cast: Cast):
    request = await raise_request(intake, cast.own)
    # Nobody leads it yet, so the power officer cannot even see it.
    assert_problem(await act(intake, request["id"], "reply", cast.power, content="x"), 404)
    # The liaison officer sees it: replying before assignment is out of order.
    assert_problem(await act(intake, request["id"], "reply", cast.liaison, content="x"), 409)


async def test_list_filters(intake: httpx.AsyncClient, cast: Cast):
    meeting = await create_meeting(intake, title="企业家座谈会", held_on="2026-10-15", location="百善镇")
    talent = await raise_request(intake, cast.own, category="talent", meeting_id=meeting["id"], channel="tea_meeting")
    policy = await raise_request(intake, cast.own, category="policy")

    assert await ids(intake, ADMIN, meeting_id=meeting["id"]) == {talent["id"]}
    assert talent["id"] in await ids(intake, ADMIN, category="talent")
    assert talent["id"] not in await ids(intake, ADMIN, category="policy")
    assert policy["id"] in await ids(intake, ADMIN, category="policy")
    assert talent["id"] in await ids(intake, ADMIN, status="received")
    await assign(intake, talent["id"])
    assert talent["id"] in await ids(intake, ADMIN, department="natural_resources")
    assert talent["id"] in await ids(intake, ADMIN, department="power")
    assert talent["id"] not in await ids(intake, ADMIN, department="tax")
    assert talent["id"] not in await ids(intake, ADMIN, status="received")
    assert talent["id"] in await ids(intake, ADMIN, status="assigned")
    assert await ids(intake, cast.own, category="talent", status="assigned") == {talent["id"]}
    assert_problem(await intake.get("/intake/requests", params={"status": "lost"}, headers=ADMIN), 422)
    assert_problem(await intake.get("/intake/requests", params={"department": "police"}, headers=ADMIN), 422)


async def test_a_page_at_a_time(intake: httpx.AsyncClient, cast: Cast):
    raised = {(await raise_request(intake, cast.other, category="other"))["id"] for _ in range(3)}
    first = (await intake.get("/intake/requests", params={"limit": 2}, headers=cast.other)).json()
    assert len(first["items"]) == 2 and first["next_cursor"]
    rest = await intake.get("/intake/requests", params={"limit": 2, "cursor": first["next_cursor"]}, headers=cast.other)
    assert rest.json()["next_cursor"] is None
    assert {item["id"] for item in first["items"] + rest.json()["items"]} == raised


async def test_bad_input(intake: httpx.AsyncClient, cast: Cast):
    good = {"title": "招工难", "description": "需要技术工人50名", "category": "talent", "channel": "window"}
    cases = [
        ({**good, "category": "weather"}, cast.own, "category"),
        ({**good, "channel": "fax"}, cast.own, "channel"),
        ({**good, "title": "x" * 201}, cast.own, "title"),
        ({**good, "title": "a\x00b"}, cast.own, "title"),
        ({**good, "description": ""}, cast.own, "description"),
        ({**good, "status": "closed"}, cast.own, "status"),
        ({**good, "meeting_id": str(uuid.uuid4())}, cast.own, "meeting_id"),
        ({**good, "enterprise_id": cast.other_id}, cast.own, "enterprise_id"),
        (good, cast.admin, "enterprise_id"),  # staff must say which enterprise
        ({**good, "enterprise_id": str(uuid.uuid4())}, cast.admin, "enterprise_id"),
        ({**good, "enterprise_id": "not-a-uuid"}, cast.admin, "enterprise_id"),
    ]
    for body, headers, field in cases:
        problem = assert_problem(await intake.post("/intake/requests", json=body, headers=headers), 422)
        assert field in problem["errors"][0]["field"], (body, problem)
    on_behalf = await intake.post("/intake/requests", json={**good, "enterprise_id": cast.own_id}, headers=cast.power)
    assert on_behalf.status_code == 201 and on_behalf.json()["enterprise_id"] == cast.own_id
    own_itself = await intake.post("/intake/requests", json={**good, "enterprise_id": cast.own_id}, headers=cast.own)
    assert own_itself.status_code == 201 and own_itself.json()["enterprise_id"] == cast.own_id

    request = await raise_request(intake, cast.own)
    path = f"/intake/requests/{request['id']}"
    for body, field in (
        ({"lead_department": "police", "grade": "normal"}, "lead_department"),
        ({"lead_department": "power", "grade": "eventually"}, "grade"),
        ({"lead_department": "power", "grade": "normal", "cooperating_departments": ["power"]}, "cooperating"),
        ({"lead_department": "power", "grade": "normal", "cooperating_departments": ["tax", "tax"]}, "cooperating"),
    ):
        problem = assert_problem(await intake.post(f"{path}/assign", json=body, headers=ADMIN), 422)
        assert field in problem["errors"][0]["field"], (body, problem)
    assert (await intake.get(path, headers=ADMIN)).json()["status"] == "received"
    await assign(intake, request["id"])
    await act(intake, request["id"], "reply", cast.power, content="已答复")
    for rating in (0, 6, "five", None):
        assert_problem(await act(intake, request["id"], "feedback", cast.own, rating=rating), 422)
    assert_problem(await act(intake, request["id"], "reply", cast.power, content=""), 422)
    assert_problem(await intake.get("/intake/requests/not-a-uuid", headers=ADMIN), 422)
    assert_problem(await intake.get(f"/intake/requests/{uuid.uuid4()}", headers=ADMIN), 404)
    assert_problem(await assign(intake, str(uuid.uuid4())), 404)


async def test_no_token_is_401(intake: httpx.AsyncClient):
    assert_problem(await intake.get("/intake/requests"), 401)
    assert_problem(await intake.post("/intake/requests", json=REQUEST), 401)

"""Who sees and does what in intake: 403 for a role that never may, 404 for a row outside the caller's scope."""

import httpx

from tests.api.intake._support import Cast, assign, create_meeting, ids, raise_request
from tests.helpers.factories import headers_for
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem


async def test_visibility_matrix(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    own_request = await raise_request(intake, cast.own)
    kuaiban.clock.advance(minutes=1)  # events list in the order of their time
    await assign(intake, own_request["id"])
    other_request = await raise_request(intake, cast.other, category="land")
    meeting = await create_meeting(intake, title="政企恳谈会", held_on="2026-11-01", location="临涣镇")
    roles = {
        "admin": cast.admin,
        "lead": cast.power,
        "cooperating": cast.land,
        "uninvolved": cast.tax,
        "liaison": cast.liaison,
        "own": cast.own,
        "other": cast.other,
        "bank": cast.bank,
        "leader": headers_for("leader"),  # a county leader: reads the registry, requests and figures; changes nothing
    }
    reads = {
        f"/intake/requests/{own_request['id']}": {
            "admin": 200, "lead": 200, "cooperating": 200, "uninvolved": 404, "liaison": 200,
            "own": 200, "other": 404, "bank": 403, "leader": 200,
        },
        f"/intake/requests/{other_request['id']}": {
            "admin": 200, "lead": 404, "cooperating": 404, "uninvolved": 404, "liaison": 404,
            "own": 404, "other": 200, "bank": 403, "leader": 200,
        },
        f"/intake/enterprises/{cast.own_id}": {
            "admin": 200, "lead": 200, "cooperating": 200, "uninvolved": 200, "liaison": 200,
            "own": 200, "other": 404, "bank": 403, "leader": 200,
        },
        f"/intake/enterprises/{cast.own_id}/timeline": {
            "admin": 200, "lead": 404, "cooperating": 404, "uninvolved": 404, "liaison": 200,
            "own": 200, "other": 404, "bank": 403,
        },
        f"/intake/meetings/{meeting['id']}": {
            "admin": 200, "lead": 200, "cooperating": 200, "uninvolved": 200, "liaison": 200,
            "own": 200, "other": 200, "bank": 403,
        },
        "/intake/meetings": {
            "admin": 200, "lead": 200, "uninvolved": 200, "liaison": 200, "own": 200, "other": 200, "bank": 403,
        },
        "/intake/enterprises": {
            "admin": 200, "lead": 200, "uninvolved": 200, "liaison": 200, "own": 403, "other": 403, "bank": 403,
            "leader": 200,
        },
        "/intake/requests": {"leader": 200},  # every request of the county: the records hold no contact data
        "/intake/stats": {
            "admin": 200, "lead": 403, "cooperating": 403, "liaison": 403, "own": 403, "bank": 403, "leader": 200,
        },
        "/intake/stats/weekly": {
            "admin": 200, "lead": 403, "cooperating": 403, "liaison": 403, "own": 403, "bank": 403, "leader": 200,
        },
    }  # fmt: skip
    for path, expected in reads.items():
        for role, status in expected.items():
            response = await intake.get(path, headers=roles[role])
            assert response.status_code == status, (path, role, response.text)
            if status >= 400:
                assert_problem(response, status)

    request_path = f"/intake/requests/{own_request['id']}"
    actions = {
        ("post", f"{request_path}/assign", "assign"): {
            "lead": 403, "cooperating": 403, "uninvolved": 403, "liaison": 403, "own": 403, "other": 403, "bank": 403,
            "leader": 403,
        },
        ("post", f"{request_path}/reply", "reply"): {
            "cooperating": 403, "uninvolved": 404, "liaison": 403, "admin": 403, "own": 403, "other": 403, "bank": 403,
        },
        ("post", f"{request_path}/notes", "note"): {
            "uninvolved": 404, "own": 403, "other": 403, "bank": 403, "liaison": 403,
        },
        ("post", f"{request_path}/feedback", "feedback"): {
            "admin": 403, "lead": 403, "cooperating": 403, "liaison": 403, "other": 404, "bank": 403,
        },
        ("put", f"/intake/enterprises/{cast.own_id}/liaison", "liaison"): {
            "lead": 403, "liaison": 403, "own": 403, "other": 403, "bank": 403,
        },
        ("post", "/intake/requests", "create"): {"bank": 403, "leader": 403},
        ("post", "/intake/meetings", "meeting"): {"lead": 403, "liaison": 403, "own": 403, "bank": 403, "leader": 403},
        ("post", "/intake/enterprises", "enterprise"): {"lead": 403, "own": 403, "bank": 403, "leader": 403},
    }  # fmt: skip
    bodies = {
        "assign": {"lead_department": "tax", "grade": "urgent"},
        "reply": {"content": "答复"},
        "note": {"content": "备注"},
        "feedback": {"rating": 1},
        "liaison": {"officer_username": cast.liaison_name},
        "create": {"title": "x", "description": "y", "category": "other", "channel": "online"},
        "meeting": {"title": "x", "held_on": "2026-11-01", "location": "y"},
        "enterprise": {"name": "x"},
    }
    for (method, path, name), expected in actions.items():
        for role, status in expected.items():
            response = await intake.request(method, path, json=bodies[name], headers=roles[role])
            assert response.status_code == status, (path, role, response.text)
            assert_problem(response, status)
    untouched = (await intake.get(request_path, headers=cast.admin)).json()
    assert untouched["status"] == "assigned" and untouched["lead_department"] == "power"
    assert [e["action"] for e in untouched["events"]] == ["received", "assigned"]

    lists = {
        "lead": ({own_request["id"]}, {other_request["id"]}),
        "cooperating": ({own_request["id"]}, {other_request["id"]}),
        "uninvolved": (set(), {own_request["id"], other_request["id"]}),
        "liaison": ({own_request["id"]}, {other_request["id"]}),
        "own": ({own_request["id"]}, {other_request["id"]}),
        "other": ({other_request["id"]}, {own_request["id"]}),
        "admin": ({own_request["id"], other_request["id"]}, set()),
    }
    for role, (present, absent) in lists.items():
        seen = await ids(intake, roles[role])
        assert present <= seen and not (absent & seen), role
    assert await ids(intake, cast.own) == {own_request["id"]}  # an enterprise sees exactly its own
    assert_problem(await intake.get("/intake/requests", headers=cast.bank), 403)
    assert_problem(await intake.get("/intake/stats", headers=cast.power), 403)


async def test_cooperating_department_notes_but_does_not_reply(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    request = await raise_request(intake, cast.own)
    kuaiban.clock.advance(minutes=1)
    await assign(intake, request["id"])
    path = f"/intake/requests/{request['id']}"
    kuaiban.clock.advance(minutes=1)
    assert (await intake.post(f"{path}/notes", json={"content": "用地已协调"}, headers=cast.land)).status_code == 200
    kuaiban.clock.advance(minutes=1)
    assert (await intake.post(f"{path}/notes", json={"content": "督办"}, headers=cast.admin)).status_code == 200
    assert_problem(await intake.post(f"{path}/reply", json={"content": "x"}, headers=cast.land), 403)
    detail = (await intake.get(path, headers=cast.liaison)).json()
    assert [(e["action"], e["details"]) for e in detail["events"][2:]] == [
        ("note", {"content": "用地已协调"}),
        ("note", {"content": "督办"}),
    ]

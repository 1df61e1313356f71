"""The single window over real processes: requests closed to satisfaction, meetings, liaison, timeline."""

import time
import uuid
from dataclasses import dataclass
from datetime import datetime

import httpx
import pytest

from launcher.system import System
from services.common.auth import Principal, Role, issue_token
from services.common.calendar import CST
from tests.helpers.factories import JWT_SECRET, bearer, enterprise_payload
from tests.helpers.http import calendar_of, make_account, make_bank
from tests.helpers.problems import assert_problem

GRADE_DAYS = {"urgent": 3, "normal": 10, "major": 20}


@dataclass
class Cast:
    """Everyone who takes part: admin, officers of three departments, two enterprises, a bank."""

    admin: dict
    power: dict  # lead department officer (供电)
    land: dict  # cooperating department officer (自然资源)
    tax: dict  # uninvolved department officer
    liaison: dict  # an officer of another department, liaison of enterprise `own`
    own: dict
    other: dict
    bank: dict
    own_id: str
    other_id: str
    liaison_name: str


@pytest.fixture(scope="module")
def cast(gateway: httpx.Client, admin_headers: dict) -> Cast:
    own = gateway.post("/intake/enterprises", json=enterprise_payload(), headers=admin_headers).json()
    other = gateway.post("/intake/enterprises", json=enterprise_payload(town="韩村镇"), headers=admin_headers).json()
    liaison_account, liaison = make_account(gateway, admin_headers, "officer", department="development_reform")
    liaison_name = liaison_account["username"]
    assigned = gateway.put(
        f"/intake/enterprises/{own['id']}/liaison", json={"officer_username": liaison_name}, headers=admin_headers
    )
    assert assigned.status_code == 200, assigned.text
    assert assigned.json()["liaison_officer"] == liaison_name
    return Cast(
        admin=admin_headers,
        power=make_account(gateway, admin_headers, "officer", department="power")[1],
        land=make_account(gateway, admin_headers, "officer", department="natural_resources")[1],
        tax=make_account(gateway, admin_headers, "officer", department="tax")[1],
        liaison=liaison,
        own=make_account(gateway, admin_headers, "enterprise", enterprise_id=own["id"])[1],
        other=make_account(gateway, admin_headers, "enterprise", enterprise_id=other["id"])[1],
        bank=make_account(gateway, admin_headers, "bank", bank_id=make_bank(gateway, admin_headers))[1],
        own_id=own["id"],
        other_id=other["id"],
        liaison_name=liaison_name,
    )


def raise_request(gateway: httpx.Client, headers: dict, **fields) -> dict:
    body = {
        "title": "新建厂房需要增容用电",
        "description": "濉溪经济开发区铝基材料车间扩产，需要将用电容量由2000千伏安增至5000千伏安。",
        "category": "power",
        "channel": "online",
        **fields,
    }
    response = gateway.post("/intake/requests", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def assign(gateway: httpx.Client, cast: Cast, request_id: str, grade: str = "normal") -> httpx.Response:
    body = {"lead_department": "power", "cooperating_departments": ["natural_resources"], "grade": grade}
    return gateway.post(f"/intake/requests/{request_id}/assign", json=body, headers=cast.admin)


def test_full_loop_at_a_tea_meeting(gateway: httpx.Client, cast: Cast):
    before = gateway.get("/intake/stats", headers=cast.admin).json()
    meeting = gateway.post(
        "/intake/meetings",
        json={"title": "濉溪县第十二期“棒棒茶会”", "held_on": "2026-11-20", "location": "濉溪县政务服务中心"},
        headers=cast.admin,
    ).json()
    request = raise_request(gateway, cast.own, channel="tea_meeting", meeting_id=meeting["id"])
    assert request["status"] == "received" and request["code"].startswith("SQ")
    assert request["enterprise_id"] == cast.own_id and request["due_date"] is None

    assigned = assign(gateway, cast, request["id"]).json()
    assert assigned["status"] == "assigned" and assigned["lead_department"] == "power"
    submitted = datetime.fromisoformat(request["created_at"])
    calendar = calendar_of(gateway, cast.admin, submitted.year, submitted.year + 1)
    assert assigned["due_date"] == calendar.due_date(submitted, 10).isoformat()

    path = f"/intake/requests/{request['id']}"
    noted = gateway.post(f"{path}/notes", json={"content": "用地指标已落实"}, headers=cast.land)
    assert noted.status_code == 200 and noted.json()["status"] == "assigned"
    replied = gateway.post(f"{path}/reply", json={"content": "已安排专线，15日内完成增容。"}, headers=cast.power).json()
    assert replied["status"] == "replied" and replied["first_replied_at"]
    reopened = gateway.post(f"{path}/feedback", json={"rating": 2, "comment": "时间太长"}, headers=cast.own).json()
    assert reopened["status"] == "reopened"
    assert_problem(gateway.post(f"{path}/feedback", json={"rating": 5}, headers=cast.own), 409)
    gateway.post(f"{path}/reply", json={"content": "调整施工计划，7日内完成。"}, headers=cast.power)
    closed = gateway.post(f"{path}/feedback", json={"rating": 5, "comment": "满意"}, headers=cast.own).json()
    assert closed["status"] == "closed" and closed["rating"] == 5 and closed["closed_at"]

    detail = gateway.get(path, headers=cast.own).json()
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

    stats = gateway.get(f"/intake/meetings/{meeting['id']}", headers=cast.admin).json()["stats"]
    assert stats == {"received": 1, "closed": 1, "satisfaction_rate": 1.0}
    after = gateway.get("/intake/stats", headers=cast.admin).json()
    assert after["received"] == before["received"] + 1 and after["closed"] == before["closed"] + 1
    assert after["by_category"]["power"]["closed"] >= 1
    assert after["by_department"]["power"]["lead"] >= 1
    assert after["avg_reply_working_days"] is not None and after["avg_reply_working_days"] >= 0
    assert 0 <= after["satisfaction_rate"] <= 1 and 0 < after["completion_rate"] <= 1

    timeline = gateway.get(f"/intake/enterprises/{cast.own_id}/timeline", headers=cast.own).json()["items"]
    kinds = [item["kind"] for item in timeline if item["ref_id"] == request["id"]]
    assert kinds[0] == "request.closed" and kinds[-1] == "request.received"
    assert [item["at"] for item in timeline] == sorted((item["at"] for item in timeline), reverse=True)


def test_wrong_order_is_409(gateway: httpx.Client, cast: Cast):
    request = raise_request(gateway, cast.own)
    path = f"/intake/requests/{request['id']}"
    assert_problem(gateway.post(f"{path}/feedback", json={"rating": 5}, headers=cast.own), 409)
    assign(gateway, cast, request["id"])
    assert_problem(gateway.post(f"{path}/feedback", json={"rating": 5}, headers=cast.own), 409)
    gateway.post(f"{path}/reply", json={"content": "已办理"}, headers=cast.power)
    assert_problem(gateway.post(f"{path}/reply", json={"content": "again"}, headers=cast.power), 409)
    assert_problem(assign(gateway, cast, request["id"]), 409)
    gateway.post(f"{path}/feedback", json={"rating": 3}, headers=cast.own)
    for response in (
        assign(gateway, cast, request["id"]),
        gateway.post(f"{path}/reply", json={"content": "x"}, headers=cast.power),
        gateway.post(f"{path}/feedback", json={"rating": 1}, headers=cast.own),
        gateway.post(f"{path}/notes", json={"content": "x"}, headers=cast.land),
    ):
        assert_problem(response, 409)


def test_reply_before_assign_is_refused(gateway: httpx.Client, cast: Cast):
    request = raise_request(gateway, cast.own)
    # Nobody leads it yet, so the power officer cannot even see it.
    assert_problem(
        gateway.post(f"/intake/requests/{request['id']}/reply", json={"content": "x"}, headers=cast.power), 404
    )
    # The liaison officer sees it: replying before assignment is out of order.
    assert_problem(
        gateway.post(f"/intake/requests/{request['id']}/reply", json={"content": "x"}, headers=cast.liaison), 409
    )


def test_visibility_matrix(gateway: httpx.Client, cast: Cast):
    own_request = raise_request(gateway, cast.own)
    assign(gateway, cast, own_request["id"])
    other_request = raise_request(gateway, cast.other, category="land")
    meeting = gateway.post(
        "/intake/meetings",
        json={"title": "政企恳谈会", "held_on": "2026-11-01", "location": "临涣镇"},
        headers=cast.admin,
    ).json()
    roles = {
        "admin": cast.admin,
        "lead": cast.power,
        "cooperating": cast.land,
        "uninvolved": cast.tax,
        "liaison": cast.liaison,
        "own": cast.own,
        "other": cast.other,
        "bank": cast.bank,
    }
    reads = {
        f"/intake/requests/{own_request['id']}": {
            "admin": 200, "lead": 200, "cooperating": 200, "uninvolved": 404, "liaison": 200,
            "own": 200, "other": 404, "bank": 403,
        },
        f"/intake/requests/{other_request['id']}": {
            "admin": 200, "lead": 404, "cooperating": 404, "uninvolved": 404, "liaison": 404,
            "own": 404, "other": 200, "bank": 403,
        },
        f"/intake/enterprises/{cast.own_id}": {
            "admin": 200, "lead": 200, "cooperating": 200, "uninvolved": 200, "liaison": 200,
            "own": 200, "other": 404, "bank": 403,
        },
        f"/intake/enterprises/{cast.own_id}/timeline": {
            "admin": 200, "lead": 404, "cooperating": 404, "uninvolved": 404, "liaison": 200,
            "own": 200, "other": 404, "bank": 403,
        },
        f"/intake/meetings/{meeting['id']}": {
            "admin": 200, "lead": 200, "cooperating": 200, "uninvolved": 200, "liaison": 200,
            "own": 200, "other": 200, "bank": 403,
        },
    }  # fmt: skip
    for path, expected in reads.items():
        for role, status in expected.items():
            response = gateway.get(path, headers=roles[role])
            assert response.status_code == status, (path, role, response.text)

    request_path = f"/intake/requests/{own_request['id']}"
    actions = {
        ("post", f"{request_path}/assign", "assign"): {
            "lead": 403, "cooperating": 403, "uninvolved": 403, "liaison": 403, "own": 403, "other": 403, "bank": 403,
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
    }  # fmt: skip
    bodies = {
        "assign": {"lead_department": "tax", "grade": "urgent"},
        "reply": {"content": "答复"},
        "note": {"content": "备注"},
        "feedback": {"rating": 1},
        "liaison": {"officer_username": cast.liaison_name},
    }
    for (method, path, name), expected in actions.items():
        for role, status in expected.items():
            response = gateway.request(method, path, json=bodies[name], headers=roles[role])
            assert response.status_code == status, (path, role, response.text)
    untouched = gateway.get(request_path, headers=cast.admin).json()
    assert untouched["status"] == "assigned" and untouched["lead_department"] == "power"
    assert [e["action"] for e in untouched["events"]] == ["received", "assigned"]

    lists = {
        "lead": ({own_request["id"]}, {other_request["id"]}),
        "uninvolved": (set(), {own_request["id"], other_request["id"]}),
        "liaison": ({own_request["id"]}, {other_request["id"]}),
        "own": ({own_request["id"]}, {other_request["id"]}),
        "admin": ({own_request["id"], other_request["id"]}, set()),
    }
    for role, (present, absent) in lists.items():
        seen = {
            item["id"]
            for item in gateway.get("/intake/requests", params={"limit": 100}, headers=roles[role]).json()["items"]
        }
        assert present <= seen and not (absent & seen), role
    assert_problem(gateway.get("/intake/requests", headers=cast.bank), 403)
    assert_problem(gateway.get("/intake/stats", headers=cast.power), 403)


def test_list_filters(gateway: httpx.Client, cast: Cast):
    meeting = gateway.post(
        "/intake/meetings",
        json={"title": "企业家座谈会", "held_on": "2026-10-15", "location": "百善镇"},
        headers=cast.admin,
    ).json()
    talent = raise_request(gateway, cast.own, category="talent", meeting_id=meeting["id"], channel="tea_meeting")
    raise_request(gateway, cast.own, category="policy")

    def ids(**params) -> set[str]:
        response = gateway.get("/intake/requests", params={"limit": 100, **params}, headers=cast.admin)
        assert response.status_code == 200, response.text
        return {item["id"] for item in response.json()["items"]}

    assert ids(meeting_id=meeting["id"]) == {talent["id"]}
    assert talent["id"] in ids(category="talent") and talent["id"] not in ids(category="policy")
    assert talent["id"] in ids(status="received")
    assign(gateway, cast, talent["id"])
    assert talent["id"] in ids(department="natural_resources") and talent["id"] in ids(department="power")
    assert talent["id"] not in ids(department="tax")
    assert_problem(gateway.get("/intake/requests", params={"status": "lost"}, headers=cast.admin), 422)


def test_bad_input(gateway: httpx.Client, cast: Cast):
    good = {"title": "招工难", "description": "需要技术工人50名", "category": "talent", "channel": "window"}
    cases = [
        ({**good, "category": "weather"}, cast.own),
        ({**good, "channel": "fax"}, cast.own),
        ({**good, "title": "x" * 201}, cast.own),
        ({**good, "title": "a\x00b"}, cast.own),
        ({**good, "description": ""}, cast.own),
        ({**good, "status": "closed"}, cast.own),
        ({**good, "meeting_id": str(uuid.uuid4())}, cast.own),
        ({**good, "enterprise_id": cast.other_id}, cast.own),
        (good, cast.admin),  # staff must say which enterprise
        ({**good, "enterprise_id": str(uuid.uuid4())}, cast.admin),
        ({**good, "enterprise_id": "not-a-uuid"}, cast.admin),
    ]
    for body, headers in cases:
        assert_problem(gateway.post("/intake/requests", json=body, headers=headers), 422)
    on_behalf = gateway.post("/intake/requests", json={**good, "enterprise_id": cast.own_id}, headers=cast.power)
    assert on_behalf.status_code == 201 and on_behalf.json()["enterprise_id"] == cast.own_id

    request = raise_request(gateway, cast.own)
    path = f"/intake/requests/{request['id']}"
    for body in (
        {"lead_department": "police", "grade": "normal"},
        {"lead_department": "power", "grade": "eventually"},
        {"lead_department": "power", "grade": "normal", "cooperating_departments": ["power"]},
        {"lead_department": "power", "grade": "normal", "cooperating_departments": ["tax", "tax"]},
    ):
        assert_problem(gateway.post(f"{path}/assign", json=body, headers=cast.admin), 422)
    assign(gateway, cast, request["id"])
    gateway.post(f"{path}/reply", json={"content": "已答复"}, headers=cast.power)
    for rating in (0, 6, "five", None):
        assert_problem(gateway.post(f"{path}/feedback", json={"rating": rating}, headers=cast.own), 422)
    assert_problem(gateway.get("/intake/requests/not-a-uuid", headers=cast.admin), 422)
    for body in (
        {"title": "x", "held_on": "2026-13-01", "location": "y"},
        {"title": "", "held_on": "2026-01-01", "location": "y"},
    ):
        assert_problem(gateway.post("/intake/meetings", json=body, headers=cast.admin), 422)
    assert_problem(gateway.get(f"/intake/meetings/{uuid.uuid4()}", headers=cast.admin), 404)


def test_liaison_must_be_an_officer(gateway: httpx.Client, cast: Cast, admin_headers: dict):
    path = f"/intake/enterprises/{cast.other_id}/liaison"
    bank_name = make_account(gateway, admin_headers, "bank", bank_id=make_bank(gateway, admin_headers))[0]["username"]
    for username in ("nobody_at_all", bank_name, "admin"):
        assert_problem(gateway.put(path, json={"officer_username": username}, headers=cast.admin), 422)
    assert_problem(gateway.put(path, json={"officer_username": "bad name!"}, headers=cast.admin), 422)
    assert_problem(
        gateway.put(
            f"/intake/enterprises/{uuid.uuid4()}/liaison",
            json={"officer_username": cast.liaison_name},
            headers=cast.admin,
        ),
        404,
    )


def test_redelivered_timeline_event_is_stored_once(gateway: httpx.Client, cast: Cast, system: System):
    service_token = issue_token(
        JWT_SECRET, Principal(subject="internal:approval", username="approval", role=Role.internal), ttl_seconds=60
    )
    event = {
        "id": str(uuid.uuid4()),
        "enterprise_id": cast.own_id,
        "at": "2026-11-02T01:30:00Z",
        "service": "approval",
        "kind": "application.submitted",
        "ref_id": str(uuid.uuid4()),
        "summary": "企业开办申请已提交",
    }
    url = f"{system.url('intake')}/internal/intake/timeline-events"
    first = httpx.post(url, json=event, headers=bearer(service_token))
    again = httpx.post(url, json=event, headers=bearer(service_token))
    assert (first.status_code, again.status_code) == (201, 200)
    assert httpx.post(url, json=event, headers=cast.admin).status_code == 403
    assert httpx.post(url, json={**event, "service": "weather"}, headers=bearer(service_token)).status_code == 422
    assert_problem(gateway.post("/internal/intake/timeline-events", json=event, headers=cast.admin), 404)

    items = gateway.get(f"/intake/enterprises/{cast.own_id}/timeline", params={"limit": 100}, headers=cast.liaison)
    matching = [item for item in items.json()["items"] if item["ref_id"] == event["ref_id"]]
    assert len(matching) == 1
    assert matching[0]["service"] == "approval" and matching[0]["at"] == event["at"]


def test_calendar_put_moves_due_dates(gateway: httpx.Client, cast: Cast):
    request = raise_request(gateway, cast.own)
    submitted = datetime.fromisoformat(request["created_at"])
    years = (submitted.year, submitted.year + 1)
    calendar = calendar_of(gateway, cast.admin, *years)
    first_day = calendar.add_working_days(submitted.astimezone(CST).date(), 1)
    original = gateway.get(f"/approval/calendar/{first_day.year}", headers=cast.admin).json()
    changed = {
        "holidays": sorted({*original["holidays"], first_day.isoformat()}),
        "workdays": original["workdays"],
    }
    assert gateway.put(f"/approval/calendar/{first_day.year}", json=changed, headers=cast.admin).status_code == 200
    try:
        expected = calendar_of(gateway, cast.admin, *years).due_date(submitted, GRADE_DAYS["urgent"])
        assert expected != calendar.due_date(submitted, GRADE_DAYS["urgent"])
        deadline = time.monotonic() + 60
        while True:
            due = assign(gateway, cast, request["id"], grade="urgent").json()["due_date"]
            if due == expected.isoformat() or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert due == expected.isoformat()
    finally:
        restore = {"holidays": original["holidays"], "workdays": original["workdays"]}
        if original["provisional"]:
            restore["provisional"] = True
        gateway.put(f"/approval/calendar/{first_day.year}", json=restore, headers=cast.admin)

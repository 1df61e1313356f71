"""Parallel approval over real processes: 容缺, exactly one outcome under concurrent decisions, the stopped
clock of 补正, deemed approval and termination, the outbox across an intake restart, visibility, stats."""

import random
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import httpx
import psycopg
import pytest

from launcher.system import System
from services.common.calendar import CST
from services.common.settings import libpq_url
from tests.helpers.factories import enterprise_payload, unique_name
from tests.helpers.http import calendar_of, collect, make_account, make_bank
from tests.helpers.problems import assert_problem

DEPARTMENTS = ("market", "public_security", "tax", "hrss", "housing_fund")
TASK_NAMES = {
    "market": "营业执照核发",
    "public_security": "公章刻制备案",
    "tax": "税务登记及发票申领",
    "hrss": "社会保险登记",
    "housing_fund": "住房公积金缴存登记",
}
DEPARTMENT_SLA = {"market": 1, "public_security": 2, "tax": 1, "hrss": 2, "housing_fund": 3}
MATTER_SLA = 3
MATERIALS = [
    {"code": "business_license_application", "name": "公司登记（备案）申请书", "waivable": False},
    {"code": "lease_contract", "name": "住所（经营场所）租赁合同", "waivable": True},
    {"code": "id_card", "name": "法定代表人身份证明", "waivable": False},
]
ALL_MATERIALS = [m["code"] for m in MATERIALS]
WITHOUT_LEASE = ["business_license_application", "id_card"]


@dataclass
class Cast:
    """Admin, two officers per 企业开办 department, an uninvolved officer, a liaison, enterprises, a bank."""

    admin: dict
    officers: dict[str, list[dict]]
    uninvolved: dict  # natural_resources: no task in any matter made here
    liaison: dict  # development_reform, liaison officer of `own`
    own: dict
    other: dict
    rated_d: dict
    bank: dict
    own_id: str
    other_id: str
    rated_d_id: str

    def officer(self, department: str) -> dict:
        return self.officers[department][0]


def new_enterprise(gateway: httpx.Client, admin: dict, **fields) -> tuple[str, dict]:
    response = gateway.post("/intake/enterprises", json=enterprise_payload(**fields), headers=admin)
    assert response.status_code == 201, response.text
    enterprise_id = response.json()["id"]
    return enterprise_id, make_account(gateway, admin, "enterprise", enterprise_id=enterprise_id)[1]


@pytest.fixture(scope="module")
def cast(gateway: httpx.Client, admin_headers: dict) -> Cast:
    own_id, own = new_enterprise(gateway, admin_headers)
    other_id, other = new_enterprise(gateway, admin_headers, town="临涣镇")
    rated_d_id, rated_d = new_enterprise(gateway, admin_headers, credit_rating="D")
    liaison_account, liaison = make_account(gateway, admin_headers, "officer", department="development_reform")
    liaison_name = liaison_account["username"]
    assigned = gateway.put(
        f"/intake/enterprises/{own_id}/liaison", json={"officer_username": liaison_name}, headers=admin_headers
    )
    assert assigned.status_code == 200, assigned.text
    return Cast(
        admin=admin_headers,
        officers={
            d: [make_account(gateway, admin_headers, "officer", department=d)[1] for _ in range(2)] for d in DEPARTMENTS
        },
        uninvolved=make_account(gateway, admin_headers, "officer", department="natural_resources")[1],
        liaison=liaison,
        own=own,
        other=other,
        rated_d=rated_d,
        bank=make_account(gateway, admin_headers, "bank", bank_id=make_bank(gateway, admin_headers))[1],
        own_id=own_id,
        other_id=other_id,
        rated_d_id=rated_d_id,
    )


@pytest.fixture(scope="module")
def db(database_url: str) -> Iterator[Callable[..., list]]:
    """Plain SQL on the test database, to move the clock of stored rows (an injectable clock)."""
    with psycopg.connect(libpq_url(database_url), autocommit=True) as conn:

        def run(query: str, *params) -> list:
            cursor = conn.execute(query, params)
            return cursor.fetchall() if cursor.description else []

        yield run


def matter_body(departments=DEPARTMENTS, *, deemed: bool = False, **overrides) -> dict:
    body = {
        "code": unique_name("QYKB").replace("_", "-"),
        "name": "企业开办“一件事”",
        "departments": [
            {"department": d, "task_name": TASK_NAMES[d], "sla_working_days": DEPARTMENT_SLA[d]} for d in departments
        ],
        "materials": MATERIALS,
        "sla_working_days": MATTER_SLA,
        "deemed_approval": deemed,
    }
    body.update(overrides)
    return body


def make_matter(gateway: httpx.Client, cast: Cast, departments=DEPARTMENTS, *, deemed: bool = False) -> dict:
    response = gateway.post("/approval/matters", json=matter_body(departments, deemed=deemed), headers=cast.admin)
    assert response.status_code == 201, response.text
    return response.json()


def submit(gateway: httpx.Client, headers: dict, matter_code: str, materials=ALL_MATERIALS, **fields) -> httpx.Response:
    body = {"matter_code": matter_code, "materials": list(materials), **fields}
    return gateway.post("/approval/applications", json=body, headers=headers)


def apply(gateway: httpx.Client, headers: dict, matter_code: str, materials=ALL_MATERIALS, **fields) -> dict:
    response = submit(gateway, headers, matter_code, materials, **fields)
    assert response.status_code == 201, response.text
    return response.json()


def decide(gateway: httpx.Client, headers: dict, task_id: str, decision: str, **fields) -> httpx.Response:
    return gateway.post(f"/approval/tasks/{task_id}/decision", json={"decision": decision, **fields}, headers=headers)


def task_of(application: dict, department: str) -> dict:
    return next(t for t in application["tasks"] if t["department"] == department)


def statuses(application: dict) -> dict[str, str]:
    return {t["department"]: t["status"] for t in application["tasks"]}


def fetch(gateway: httpx.Client, cast: Cast, application_id: str) -> dict:
    response = gateway.get(f"/approval/applications/{application_id}", headers=cast.admin)
    assert response.status_code == 200, response.text
    return response.json()


def approve_all(gateway: httpx.Client, cast: Cast, application: dict) -> dict:
    for task in application["tasks"]:
        if task["status"] == "pending":
            response = decide(gateway, cast.officer(task["department"]), task["id"], "approve")
            assert response.status_code == 200, response.text
    return fetch(gateway, cast, application["id"])


def today_cst() -> date:
    return datetime.now(CST).date()


def sweep(gateway: httpx.Client, cast: Cast) -> dict:
    response = gateway.post("/approval/sweep", headers=cast.admin)
    assert response.status_code == 200, response.text
    return response.json()


def make_overdue(db: Callable, application: dict, *departments: str) -> None:
    """Move the due date of those departments' tasks to yesterday (CST)."""
    ids = [t["id"] for t in application["tasks"] if t["department"] in departments]
    db("UPDATE approval.task SET due_date = %s WHERE id = ANY(%s::uuid[])", today_cst() - timedelta(days=1), ids)


def make_commitments_overdue(db: Callable, application_id: str) -> None:
    db(
        "UPDATE approval.application SET commitments = (SELECT jsonb_agg(c || jsonb_build_object('due_date', %s::text))"
        " FROM jsonb_array_elements(commitments) c) WHERE id = %s",
        (today_cst() - timedelta(days=1)).isoformat(),
        application_id,
    )


def moment(value: str) -> datetime:
    return datetime.fromisoformat(value)


def events_of(gateway: httpx.Client, cast: Cast, enterprise_id: str, application_id: str) -> list[str]:
    """The kinds of the application's events on the enterprise timeline (all from the approval service)."""
    timeline = collect(gateway, f"/intake/enterprises/{enterprise_id}/timeline", cast.admin)
    mine = [item for item in timeline if item["ref_id"] == application_id]
    assert all(item["service"] == "approval" and item["at"].endswith("Z") for item in mine), mine
    return sorted(item["kind"] for item in mine)


def wait_for_events(
    gateway: httpx.Client, cast: Cast, enterprise_id: str, application_id: str, *kinds: str, timeout: float = 60
) -> None:
    """Until the timeline holds exactly these events of the application, each once."""
    deadline = time.monotonic() + timeout
    while (seen := events_of(gateway, cast, enterprise_id, application_id)) != sorted(kinds):
        assert set(seen) <= set(kinds) and len(seen) == len(set(seen)), seen
        assert time.monotonic() < deadline, f"not delivered within {timeout} s: {seen}"
        time.sleep(0.5)


# --- matters --------------------------------------------------------------------------------------


def test_matters_are_defined_by_admins(gateway: httpx.Client, cast: Cast):
    body = matter_body(deemed=True)
    created = gateway.post("/approval/matters", json=body, headers=cast.admin)
    assert created.status_code == 201, created.text
    matter = created.json()
    assert matter["code"] == body["code"] and matter["deemed_approval"] is True
    assert [d["department"] for d in matter["departments"]] == list(DEPARTMENTS)
    assert matter["id"] and matter["created_at"].endswith("Z") and matter["updated_at"]

    for role in (cast.officer("market"), cast.own, cast.bank):
        assert_problem(gateway.post("/approval/matters", json=matter_body(), headers=role), 403)
    assert_problem(gateway.post("/approval/matters", json=matter_body()), 401)

    market = {"department": "market", "task_name": "营业执照核发", "sla_working_days": 1}
    bad = [
        matter_body(departments=[]),
        matter_body(departments=[]) | {"departments": [market, market]},
        matter_body(sla_working_days=0),
        matter_body(sla_working_days=-3),
        matter_body(departments=[]) | {"departments": [{**market, "sla_working_days": 0}]},
        matter_body(departments=[]) | {"departments": [{**market, "department": "police"}]},
        matter_body(priority="high"),
        matter_body(departments=[]) | {"departments": [{**market, "leader": "x"}]},
        {k: v for k, v in matter_body().items() if k != "code"},
    ]
    for bad_body in bad:
        assert_problem(gateway.post("/approval/matters", json=bad_body, headers=cast.admin), 422)
    assert_problem(
        gateway.post("/approval/matters", json={**matter_body(), "code": body["code"]}, headers=cast.admin), 409
    )

    for role in (cast.admin, cast.officer("tax"), cast.own, cast.bank):
        listed = collect(gateway, "/approval/matters", role)
        assert body["code"] in {m["code"] for m in listed}


# --- submission and 容缺 ---------------------------------------------------------------------------


def test_submission_fans_out_and_the_rongque_rules(gateway: httpx.Client, cast: Cast):
    matter = make_matter(gateway, cast)
    today = today_cst()
    calendar = calendar_of(gateway, cast.admin, today.year, today.year + 1)

    full = apply(gateway, cast.own, matter["code"])
    submitted = moment(full["created_at"])
    assert full["status"] == "in_review" and full["code"] and full["matter_code"] == matter["code"]
    assert full["enterprise_id"] == cast.own_id
    assert full["materials_count"] == 3 and sorted(full["materials"]) == sorted(ALL_MATERIALS)
    assert full["due_date"] == calendar.due_date(submitted, MATTER_SLA).isoformat()
    assert full["commitments"] == [] and full["completed_at"] is None
    assert sorted(t["department"] for t in full["tasks"]) == sorted(DEPARTMENTS)
    assert len({t["id"] for t in full["tasks"]}) == len(DEPARTMENTS)
    for task in full["tasks"]:
        assert task["status"] == "pending" and task["deemed"] is False and task["decided_at"] is None
        assert task["task_name"] == TASK_NAMES[task["department"]]
        assert task["due_date"] == calendar.due_date(submitted, DEPARTMENT_SLA[task["department"]]).isoformat()
    assert statuses(fetch(gateway, cast, full["id"])) == {d: "pending" for d in DEPARTMENTS}

    due = date.fromisoformat(full["due_date"])
    promise = [{"material_code": "lease_contract", "due_date": due.isoformat()}]
    waived = apply(gateway, cast.own, matter["code"], WITHOUT_LEASE, commitments=promise)
    assert waived["status"] == "in_review" and waived["materials_count"] == 2
    assert [(c["material_code"], c["due_date"]) for c in waived["commitments"]] == [("lease_contract", due.isoformat())]
    assert len(waived["tasks"]) == len(DEPARTMENTS)

    missing_required = submit(gateway, cast.own, matter["code"], ["lease_contract", "id_card"])
    body = assert_problem(missing_required, 422)
    assert "business_license_application" in body["detail"] + str(body.get("errors", ""))
    late = [{"material_code": "lease_contract", "due_date": (due + timedelta(days=1)).isoformat()}]
    cases = {
        "容缺 without a signed commitment": submit(gateway, cast.own, matter["code"], WITHOUT_LEASE),
        "commitment after the due date": submit(gateway, cast.own, matter["code"], WITHOUT_LEASE, commitments=late),
        "unknown material": submit(gateway, cast.own, matter["code"], [*ALL_MATERIALS, "tax_clearance_certificate"]),
        "unknown matter": submit(gateway, cast.own, "QYKB-no-such-matter"),
        "D uses 容缺": submit(gateway, cast.rated_d, matter["code"], WITHOUT_LEASE, commitments=promise),
        "unknown field": submit(gateway, cast.own, matter["code"], status="approved"),
        "admin without enterprise_id": submit(gateway, cast.admin, matter["code"]),
    }
    for case, response in cases.items():
        assert response.status_code == 422, (case, response.text)
        assert_problem(response, 422)
    rated_d = apply(gateway, cast.rated_d, matter["code"])
    assert rated_d["status"] == "in_review" and rated_d["enterprise_id"] == cast.rated_d_id

    on_behalf = apply(gateway, cast.admin, matter["code"], enterprise_id=cast.other_id)
    assert on_behalf["enterprise_id"] == cast.other_id
    assert_problem(submit(gateway, cast.bank, matter["code"]), 403)
    assert_problem(submit(gateway, cast.officer("market"), matter["code"]), 403)
    stored = {
        a["id"] for a in collect(gateway, "/approval/applications", cast.admin) if a["matter_code"] == matter["code"]
    }
    assert stored == {full["id"], waived["id"], rated_d["id"], on_behalf["id"]}  # nothing of the refused ones


# --- concurrent decisions -------------------------------------------------------------------------


def race(system: System, task_ids: dict[str, str], clicks: list[tuple[str, dict, str]]) -> list[tuple]:
    """Every click at once, each from its own connection: (department, decision, status, content type, body)."""
    barrier = threading.Barrier(len(clicks))

    def click(item: tuple[str, dict, str]) -> tuple[str, str, int, str, str]:
        department, headers, decision = item
        with httpx.Client(base_url=system.gateway_url, timeout=60) as client:
            barrier.wait(timeout=60)
            response = decide(client, headers, task_ids[department], decision)
            return department, decision, response.status_code, response.headers["content-type"], response.text

    with ThreadPoolExecutor(len(clicks)) as pool:
        return list(pool.map(click, clicks))


def test_concurrent_decisions_have_exactly_one_outcome(gateway: httpx.Client, cast: Cast, system: System):
    matter = make_matter(gateway, cast)
    rng = random.Random(20261127)
    outcomes = set()
    for round_number in range(12):
        application = apply(gateway, cast.own, matter["code"])
        task_ids = {t["department"]: t["id"] for t in application["tasks"]}
        reject_share = 0.0 if round_number % 2 == 0 else 0.35
        clicks = [
            (d, rng.choice(cast.officers[d]), "reject" if rng.random() < reject_share else "approve")
            for d in DEPARTMENTS
            for _ in range(6)
        ]
        rng.shuffle(clicks)
        results = race(system, task_ids, clicks)

        assert all(status in (200, 409) for _, _, status, _, _ in results), [r for r in results if r[2] != 200]
        assert all(kind.startswith("application/problem+json") for _, _, status, kind, _ in results if status == 409)
        accepted: dict[str, str] = {}
        for department, decision, status, _, _ in results:
            if status == 200:
                assert department not in accepted, f"two decisions accepted for {department}: {results}"
                accepted[department] = decision
        final = fetch(gateway, cast, application["id"])
        rejects = [d for d, decision in accepted.items() if decision == "reject"]
        assert len(rejects) <= 1, accepted
        if rejects:
            assert final["status"] == "rejected", (final, accepted)
            outcome = {"approve": "approved", "reject": "rejected"}
            expected = {d: outcome.get(accepted.get(d), "cancelled") for d in DEPARTMENTS}
        else:
            assert final["status"] == "approved", (final, accepted)
            assert set(accepted) == set(DEPARTMENTS), accepted
            expected = {d: "approved" for d in DEPARTMENTS}
            assert final["completed_at"] and final["elapsed_working_days"] is not None
        assert statuses(final) == expected, (final, accepted)
        assert sum(status == 200 for _, _, status, _, _ in results) == len(accepted)
        outcomes.add(final["status"])
    assert outcomes == {"approved", "rejected"}


# --- 补正 with the clock stopped -------------------------------------------------------------------


def test_return_and_supplement_stop_the_clock(gateway: httpx.Client, cast: Cast, db: Callable):
    matter = make_matter(gateway, cast, ("market", "tax"))
    application = apply(gateway, cast.own, matter["code"])
    market = task_of(application, "market")
    returned = decide(gateway, cast.officer("market"), market["id"], "return", comment="租赁合同签章不清晰，请补正")
    assert returned.status_code == 200, returned.text
    assert returned.json()["status"] == "supplement_required"
    assert task_of(returned.json(), "market")["status"] == "returned"
    assert_problem(decide(gateway, cast.officer("market"), market["id"], "approve"), 409)
    assert db("SELECT paused_at FROM approval.application WHERE id = %s", application["id"])[0][0] is not None

    today = today_cst()
    calendar = calendar_of(gateway, cast.admin, today.year - 1, today.year, today.year + 1)
    day, worked = today, 0
    while worked < 3:  # the third working day before today
        day -= timedelta(days=1)
        worked += calendar.is_working_day(day)
    submitted_at = datetime(day.year, day.month, day.day, 9, tzinfo=CST)
    paused_at = datetime(day.year, day.month, day.day, 21, tzinfo=CST)
    db(
        "UPDATE approval.application SET submitted_at = %s, paused_at = %s WHERE id = %s",
        submitted_at,
        paused_at,
        application["id"],
    )

    supplemented = gateway.post(
        f"/approval/applications/{application['id']}/supplements",
        json={"materials": ["lease_contract"]},
        headers=cast.own,
    )
    assert supplemented.status_code == 200, supplemented.text
    resumed_at = moment(supplemented.json()["updated_at"])
    assert supplemented.json()["status"] == "in_review"
    assert statuses(supplemented.json()) == {"market": "pending", "tax": "pending"}
    paused, pauses = db("SELECT paused_at, pauses FROM approval.application WHERE id = %s", application["id"])[0]
    assert paused is None and len(pauses) == 1
    again = gateway.post(
        f"/approval/applications/{application['id']}/supplements", json={"materials": ["id_card"]}, headers=cast.own
    )
    assert_problem(again, 409)

    final = approve_all(gateway, cast, supplemented.json())
    assert final["status"] == "approved" and final["completed_at"]
    completed_at = moment(final["completed_at"])
    expected = calendar.elapsed_working_days(submitted_at, completed_at, [(paused_at, resumed_at)])
    assert abs(final["elapsed_working_days"] - expected) <= 0.011, (final, expected)
    assert round(final["elapsed_working_days"], 2) == final["elapsed_working_days"]
    assert 0.49 <= final["elapsed_working_days"] < 0.6
    assert calendar.elapsed_working_days(submitted_at, completed_at) > expected + 1.5  # the pause was left out


# --- veto, withdrawal ------------------------------------------------------------------------------


def test_reject_vetoes_the_application(gateway: httpx.Client, cast: Cast):
    matter = make_matter(gateway, cast)
    application = apply(gateway, cast.own, matter["code"])
    market_task = task_of(application, "market")["id"]
    for body in (
        {"decision": "maybe"},
        {},
        {"decision": "approve", "deemed": True},
        {"decision": "approve", "comment": 7},
    ):
        response = gateway.post(f"/approval/tasks/{market_task}/decision", json=body, headers=cast.officer("market"))
        assert_problem(response, 422)
    assert_problem(gateway.post("/approval/tasks/not-a-uuid/decision", json={"decision": "approve"}), 401)
    assert decide(gateway, cast.officer("market"), market_task, "approve").status_code == 200
    rejected = decide(gateway, cast.officer("tax"), task_of(application, "tax")["id"], "reject", comment="存在欠税")
    assert rejected.status_code == 200, rejected.text
    assert rejected.json()["status"] == "rejected"
    final = fetch(gateway, cast, application["id"])
    assert final["status"] == "rejected"
    assert statuses(final) == {
        "market": "approved",
        "tax": "rejected",
        "public_security": "cancelled",
        "hrss": "cancelled",
        "housing_fund": "cancelled",
    }
    for department, decision in (("public_security", "approve"), ("market", "approve"), ("tax", "reject")):
        assert_problem(decide(gateway, cast.officer(department), task_of(application, department)["id"], decision), 409)
    path = f"/approval/applications/{application['id']}"
    assert_problem(gateway.post(f"{path}/withdraw", headers=cast.own), 409)
    assert_problem(gateway.post(f"{path}/supplements", json={"materials": ["id_card"]}, headers=cast.own), 409)
    wait_for_events(gateway, cast, cast.own_id, application["id"], "application.submitted", "application.rejected")


def test_withdraw(gateway: httpx.Client, cast: Cast):
    matter = make_matter(gateway, cast)
    application = apply(gateway, cast.own, matter["code"])
    assert decide(gateway, cast.officer("market"), task_of(application, "market")["id"], "approve").status_code == 200
    path = f"/approval/applications/{application['id']}"
    withdrawn = gateway.post(f"{path}/withdraw", headers=cast.own)
    assert withdrawn.status_code == 200, withdrawn.text
    assert withdrawn.json()["status"] == "withdrawn"
    assert statuses(withdrawn.json()) == {d: "approved" if d == "market" else "cancelled" for d in DEPARTMENTS}
    assert fetch(gateway, cast, application["id"])["status"] == "withdrawn"
    assert_problem(gateway.post(f"{path}/withdraw", headers=cast.own), 409)
    assert_problem(decide(gateway, cast.officer("tax"), task_of(application, "tax")["id"], "approve"), 409)
    wait_for_events(gateway, cast, cast.own_id, application["id"], "application.submitted", "application.withdrawn")


# --- sweeps ---------------------------------------------------------------------------------------


def test_deemed_approval_and_termination(gateway: httpx.Client, cast: Cast, db: Callable):
    deemed_matter = make_matter(gateway, cast, ("market", "tax", "hrss"), deemed=True)
    strict_matter = make_matter(gateway, cast, ("market", "tax"))

    deemed_app = apply(gateway, cast.own, deemed_matter["code"])
    assert decide(gateway, cast.officer("market"), task_of(deemed_app, "market")["id"], "approve").status_code == 200
    strict_app = apply(gateway, cast.own, strict_matter["code"])
    waiting_app = apply(gateway, cast.own, deemed_matter["code"])  # returned for 补正: nothing is deemed
    returned = decide(gateway, cast.officer("hrss"), task_of(waiting_app, "hrss")["id"], "return")
    assert returned.status_code == 200, returned.text

    make_overdue(db, deemed_app, "tax")
    make_overdue(db, strict_app, "market", "tax")
    make_overdue(db, waiting_app, "market", "tax", "hrss")
    assert sweep(gateway, cast)["deemed"] >= 1
    partly = fetch(gateway, cast, deemed_app["id"])
    assert partly["status"] == "in_review"
    assert statuses(partly) == {"market": "approved", "tax": "approved", "hrss": "pending"}
    assert task_of(partly, "tax")["deemed"] is True and task_of(partly, "market")["deemed"] is False
    strict = fetch(gateway, cast, strict_app["id"])
    assert strict["status"] == "in_review" and statuses(strict) == {"market": "pending", "tax": "pending"}
    assert not any(t["deemed"] for t in strict["tasks"])
    waiting = fetch(gateway, cast, waiting_app["id"])
    assert waiting["status"] == "supplement_required" and not any(t["deemed"] for t in waiting["tasks"])

    make_overdue(db, deemed_app, "hrss")
    assert sweep(gateway, cast)["deemed"] >= 1
    done = fetch(gateway, cast, deemed_app["id"])
    assert done["status"] == "approved" and done["completed_at"] and done["elapsed_working_days"] is not None
    assert {t["department"]: t["deemed"] for t in done["tasks"]} == {"market": False, "tax": True, "hrss": True}

    promise = [{"material_code": "lease_contract", "due_date": strict_app["due_date"]}]
    broken = apply(gateway, cast.own, strict_matter["code"], WITHOUT_LEASE, commitments=promise)
    assert decide(gateway, cast.officer("market"), task_of(broken, "market")["id"], "approve").status_code == 200
    kept = apply(gateway, cast.own, strict_matter["code"], WITHOUT_LEASE, commitments=promise)
    handed_in = gateway.post(
        f"/approval/applications/{kept['id']}/supplements", json={"materials": ["lease_contract"]}, headers=cast.own
    )
    assert handed_in.status_code == 200, handed_in.text
    assert handed_in.json()["status"] == "in_review" and handed_in.json()["commitments"][0]["fulfilled_at"]
    make_commitments_overdue(db, broken["id"])
    make_commitments_overdue(db, kept["id"])
    assert sweep(gateway, cast)["terminated"] >= 1
    terminated = fetch(gateway, cast, broken["id"])
    assert terminated["status"] == "terminated"
    assert statuses(terminated) == {"market": "approved", "tax": "cancelled"}
    assert fetch(gateway, cast, kept["id"])["status"] == "in_review"
    assert_problem(decide(gateway, cast.officer("tax"), task_of(broken, "tax")["id"], "approve"), 409)
    assert_problem(gateway.post(f"/approval/applications/{broken['id']}/withdraw", headers=cast.own), 409)
    wait_for_events(gateway, cast, cast.own_id, broken["id"], "application.submitted", "application.terminated")
    wait_for_events(gateway, cast, cast.own_id, deemed_app["id"], "application.submitted", "application.approved")
    assert set(sweep(gateway, cast)) == {"deemed", "terminated"}
    assert_problem(gateway.post("/approval/sweep", headers=cast.officer("market")), 403)


# --- intake down ----------------------------------------------------------------------------------


def test_submission_fails_cleanly_while_intake_is_down(gateway: httpx.Client, cast: Cast, system: System):
    matter = make_matter(gateway, cast, ("market",))
    system.stop("intake")
    try:
        assert_problem(submit(gateway, cast.own, matter["code"]), 503)
        assert_problem(submit(gateway, cast.admin, matter["code"], enterprise_id=cast.own_id), 503)
    finally:
        system.start("intake")
        system.wait_healthy()
    stored = [a for a in collect(gateway, "/approval/applications", cast.admin) if a["matter_code"] == matter["code"]]
    assert stored == []
    assert apply(gateway, cast.own, matter["code"])["status"] == "in_review"


def test_outbox_delivers_after_intake_restarts(gateway: httpx.Client, cast: Cast, system: System):
    enterprise_id, enterprise = new_enterprise(gateway, cast.admin)
    matter = make_matter(gateway, cast, ("market", "tax", "hrss"))
    application = apply(gateway, enterprise, matter["code"])
    system.stop("intake")
    try:
        for task in application["tasks"]:
            response = decide(gateway, cast.officer(task["department"]), task["id"], "approve")
            assert response.status_code == 200, response.text
        assert response.json()["status"] == "approved"
    finally:
        system.start("intake")
        system.wait_healthy()

    kinds = ("application.submitted", "application.approved")
    wait_for_events(gateway, cast, enterprise_id, application["id"], *kinds)
    time.sleep(3)  # a redelivery would show up now
    assert events_of(gateway, cast, enterprise_id, application["id"]) == sorted(kinds)


# --- visibility -----------------------------------------------------------------------------------


def test_visibility_matrix(gateway: httpx.Client, cast: Cast):
    ours = apply(gateway, cast.own, make_matter(gateway, cast, ("market", "tax"))["code"])
    theirs = apply(gateway, cast.other, make_matter(gateway, cast, ("hrss",))["code"])
    roles = {
        "admin": cast.admin,
        "market": cast.officer("market"),
        "tax": cast.officer("tax"),
        "hrss": cast.officer("hrss"),
        "uninvolved": cast.uninvolved,
        "liaison": cast.liaison,
        "own": cast.own,
        "other": cast.other,
        "bank": cast.bank,
    }
    ours_path, theirs_path = f"/approval/applications/{ours['id']}", f"/approval/applications/{theirs['id']}"
    reads = {
        ours_path: {
            "admin": 200, "market": 200, "tax": 200, "hrss": 404, "uninvolved": 404, "liaison": 200,
            "own": 200, "other": 404, "bank": 403,
        },
        theirs_path: {
            "admin": 200, "market": 404, "tax": 404, "hrss": 200, "uninvolved": 404, "liaison": 404,
            "own": 404, "other": 200, "bank": 403,
        },
    }  # fmt: skip
    for path, expected in reads.items():
        for role, status in expected.items():
            response = gateway.get(path, headers=roles[role])
            assert response.status_code == status, (path, role, response.text)
    seen_tasks = {
        role: {t["department"] for t in gateway.get(ours_path, headers=roles[role]).json()["tasks"]}
        for role in ("admin", "market", "tax", "liaison", "own")
    }
    assert seen_tasks == {
        "admin": {"market", "tax"},
        "market": {"market"},
        "tax": {"tax"},
        "liaison": {"market", "tax"},
        "own": {"market", "tax"},
    }
    assert_problem(gateway.get(f"/approval/applications/{uuid.uuid4()}", headers=cast.admin), 404)
    assert_problem(gateway.get("/approval/applications/not-a-uuid", headers=cast.admin), 422)

    market_task = task_of(ours, "market")["id"]
    actions = {
        ("decision", f"/approval/tasks/{market_task}/decision"): {
            "admin": 403, "tax": 404, "hrss": 404, "uninvolved": 404, "liaison": 403,
            "own": 403, "other": 403, "bank": 403,
        },
        ("supplements", f"{ours_path}/supplements"): {
            "admin": 403, "market": 403, "uninvolved": 403, "liaison": 403, "own": 409, "other": 404, "bank": 403,
        },
        ("withdraw", f"{ours_path}/withdraw"): {
            "admin": 403, "market": 403, "uninvolved": 403, "liaison": 403, "other": 404, "bank": 403,
        },
    }  # fmt: skip
    bodies = {"decision": {"decision": "approve"}, "supplements": {"materials": ["id_card"]}, "withdraw": None}
    for (name, path), expected in actions.items():
        for role, status in expected.items():
            response = gateway.post(path, json=bodies[name], headers=roles[role])
            assert response.status_code == status, (name, role, response.text)
            assert_problem(response, status)
    assert_problem(decide(gateway, roles["market"], str(uuid.uuid4()), "approve"), 404)
    assert_problem(gateway.post(f"/approval/applications/{uuid.uuid4()}/withdraw", headers=cast.own), 404)
    untouched = fetch(gateway, cast, ours["id"])
    assert untouched["status"] == "in_review" and statuses(untouched) == {"market": "pending", "tax": "pending"}

    lists = {
        "admin": ({ours["id"], theirs["id"]}, set()),
        "market": ({ours["id"]}, {theirs["id"]}),
        "hrss": ({theirs["id"]}, {ours["id"]}),
        "uninvolved": (set(), {ours["id"], theirs["id"]}),
        "liaison": ({ours["id"]}, {theirs["id"]}),
        "own": ({ours["id"]}, {theirs["id"]}),
        "other": ({theirs["id"]}, {ours["id"]}),
    }
    for role, (present, absent) in lists.items():
        items = collect(gateway, "/approval/applications", roles[role])
        seen = {item["id"] for item in items}
        assert present <= seen and not (absent & seen), role
        if role in ("market", "hrss"):
            assert all(t["department"] == role for item in items for t in item["tasks"]), role
    assert_problem(gateway.get("/approval/applications", headers=cast.bank), 403)
    for path, headers in (("/approval/applications", cast.admin), ("/approval/tasks", roles["market"])):
        for limit in (0, 101):
            assert_problem(gateway.get(path, params={"limit": limit}, headers=headers), 422)

    inbox = collect(gateway, "/approval/tasks", roles["market"], status="pending")
    assert inbox and all(t["department"] == "market" and t["status"] == "pending" for t in inbox)
    inbox_ids = {t["id"] for t in inbox}
    assert market_task in inbox_ids and task_of(ours, "tax")["id"] not in inbox_ids
    for role in ("own", "bank"):
        assert_problem(gateway.get("/approval/tasks", params={"status": "pending"}, headers=roles[role]), 403)

    assert decide(gateway, roles["market"], market_task, "approve").status_code == 200
    assert market_task not in {t["id"] for t in collect(gateway, "/approval/tasks", roles["market"], status="pending")}
    withdrawn = gateway.post(f"{ours_path}/withdraw", headers=cast.own)
    assert withdrawn.status_code == 200, withdrawn.text
    assert_problem(gateway.post(f"{ours_path}/withdraw", headers=cast.own), 409)


# --- stats ----------------------------------------------------------------------------------------


def test_stats_move_with_the_work(gateway: httpx.Client, cast: Cast, db: Callable):
    before = gateway.get("/approval/stats", headers=cast.admin).json()
    matter = make_matter(gateway, cast, ("market", "tax"), deemed=True)
    approve_all(gateway, cast, apply(gateway, cast.own, matter["code"]))
    refused = apply(gateway, cast.own, matter["code"])
    assert decide(gateway, cast.officer("market"), task_of(refused, "market")["id"], "reject").status_code == 200
    apply(gateway, cast.own, matter["code"])  # stays in review
    late = apply(gateway, cast.own, matter["code"])
    assert decide(gateway, cast.officer("market"), task_of(late, "market")["id"], "approve").status_code == 200
    make_overdue(db, late, "tax")
    sweep(gateway, cast)
    assert fetch(gateway, cast, late["id"])["status"] == "approved"

    response = gateway.get("/approval/stats", headers=cast.admin)
    assert response.status_code == 200, response.text
    after = response.json()
    deltas = {key: after[key] - before[key] for key in ("applications", "approved", "rejected", "in_review")}
    assert deltas == {"applications": 4, "approved": 2, "rejected": 1, "in_review": 1}
    assert after["deemed_approvals"] - before["deemed_approvals"] == 1
    assert after["by_matter"][matter["code"]]["applications"] == 4
    for department in ("market", "tax"):
        assert department in after["by_department"]
    assert after["avg_working_days"] is not None and after["avg_working_days"] >= 0
    assert after["avg_materials"] is not None and 1 <= after["avg_materials"] <= 3
    assert after["on_time_rate"] is not None and 0 <= after["on_time_rate"] <= 1
    for role in (cast.officer("market"), cast.own, cast.bank):
        assert_problem(gateway.get("/approval/stats", headers=role), 403)

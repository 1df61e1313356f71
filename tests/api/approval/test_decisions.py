"""Decisions on parallel tasks: all approved closes the application, a reject vetoes it, a withdrawal ends it;
a decided task or a closed application takes no more decisions (409); the timeline hears of each outcome."""

import uuid
from datetime import datetime

import httpx

from tests.api.approval._support import (
    ALL_MATERIALS,
    DEPARTMENTS,
    Cast,
    apply,
    approve_all,
    decide,
    deliver,
    events_of,
    fetch,
    make_matter,
    statuses,
    supplement,
    task_of,
    withdraw,
)
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem


async def test_all_approved_closes_the_application(api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban):
    matter = await make_matter(api, ("market", "tax"))
    application = await apply(api, cast.own, matter["code"])
    kuaiban.clock.advance(hours=3)
    market = await decide(
        api, cast.officer("market"), task_of(application, "market")["id"], "approve", comment="材料齐全"
    )
    assert market.status_code == 200, market.text
    body = market.json()
    assert body["status"] == "in_review" and [t["department"] for t in body["tasks"]] == ["market"]
    decided = body["tasks"][0]
    assert decided["status"] == "approved" and decided["comment"] == "材料齐全" and decided["decided_by"]
    assert datetime.fromisoformat(decided["decided_at"]) == kuaiban.clock.now
    assert_problem(await decide(api, cast.officer("market"), decided["id"], "approve"), 409)
    assert_problem(await decide(api, cast.officer("market"), decided["id"], "reject"), 409)

    kuaiban.clock.advance(hours=3)
    tax = await decide(api, cast.officer("tax"), task_of(application, "tax")["id"], "approve")
    assert tax.status_code == 200, tax.text
    final = await fetch(api, application["id"])
    assert final["status"] == "approved" and statuses(final) == {"market": "approved", "tax": "approved"}
    assert datetime.fromisoformat(final["completed_at"]) == kuaiban.clock.now
    assert final["elapsed_working_days"] == 0.25  # 6 hours of a Monday
    await deliver(kuaiban)
    assert await events_of(kuaiban, cast.own_id, application["id"]) == ["application.approved", "application.submitted"]


async def test_reject_vetoes_the_application(api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban):
    matter = await make_matter(api)
    application = await apply(api, cast.own, matter["code"])
    market_task = task_of(application, "market")["id"]
    for body in (
        {"decision": "maybe"},
        {},
        {"decision": "approve", "deemed": True},
        {"decision": "approve", "comment": 7},
    ):
        response = await api.post(f"/approval/tasks/{market_task}/decision", json=body, headers=cast.officer("market"))
        assert_problem(response, 422)
    assert_problem(await api.post("/approval/tasks/not-a-uuid/decision", json={"decision": "approve"}), 401)
    assert_problem(
        await api.post(
            "/approval/tasks/not-a-uuid/decision", json={"decision": "approve"}, headers=cast.officer("tax")
        ),
        422,
    )
    assert (await decide(api, cast.officer("market"), market_task, "approve")).status_code == 200
    rejected = await decide(api, cast.officer("tax"), task_of(application, "tax")["id"], "reject", comment="存在欠税")
    assert rejected.status_code == 200, rejected.text
    assert rejected.json()["status"] == "rejected"
    assert task_of(rejected.json(), "tax")["comment"] == "存在欠税"
    final = await fetch(api, application["id"])
    assert final["status"] == "rejected" and final["completed_at"] and final["elapsed_working_days"] == 0.0
    assert statuses(final) == {
        "market": "approved",
        "tax": "rejected",
        "public_security": "cancelled",
        "hrss": "cancelled",
        "housing_fund": "cancelled",
    }
    for department, decision in (("public_security", "approve"), ("market", "approve"), ("tax", "reject")):
        assert_problem(
            await decide(api, cast.officer(department), task_of(application, department)["id"], decision), 409
        )
    assert_problem(await withdraw(api, cast.own, application["id"]), 409)
    assert_problem(await supplement(api, cast.own, application["id"], "id_card"), 409)
    await deliver(kuaiban)
    assert await events_of(kuaiban, cast.own_id, application["id"]) == ["application.rejected", "application.submitted"]


async def test_withdraw(api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban):
    matter = await make_matter(api)
    application = await apply(api, cast.own, matter["code"])
    assert (
        await decide(api, cast.officer("market"), task_of(application, "market")["id"], "approve")
    ).status_code == 200
    withdrawn = await withdraw(api, cast.own, application["id"])
    assert withdrawn.status_code == 200, withdrawn.text
    assert withdrawn.json()["status"] == "withdrawn" and withdrawn.json()["completed_at"]
    assert statuses(withdrawn.json()) == {d: "approved" if d == "market" else "cancelled" for d in DEPARTMENTS}
    assert (await fetch(api, application["id"]))["status"] == "withdrawn"
    assert_problem(await withdraw(api, cast.own, application["id"]), 409)
    assert_problem(await decide(api, cast.officer("tax"), task_of(application, "tax")["id"], "approve"), 409)
    await deliver(kuaiban)
    assert await events_of(kuaiban, cast.own_id, application["id"]) == [
        "application.submitted",
        "application.withdrawn",
    ]


async def test_a_withdrawal_while_waiting_for_a_supplement_closes_the_pause(
    api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban
):
    matter = await make_matter(api, ("market", "tax"))
    application = await apply(api, cast.own, matter["code"])
    kuaiban.clock.advance(hours=2)
    assert (
        await decide(api, cast.officer("market"), task_of(application, "market")["id"], "return")
    ).status_code == 200
    kuaiban.clock.advance(hours=4)
    withdrawn = await withdraw(api, cast.own, application["id"])
    assert withdrawn.status_code == 200, withdrawn.text
    assert withdrawn.json()["status"] == "withdrawn"
    assert statuses(withdrawn.json()) == {"market": "cancelled", "tax": "cancelled"}
    assert withdrawn.json()["elapsed_working_days"] == 0.08  # 2 hours before the return; the 4 waiting do not count


async def test_unknown_tasks_and_applications_are_404(api: httpx.AsyncClient, cast: Cast):
    assert_problem(await decide(api, cast.officer("market"), str(uuid.uuid4()), "approve"), 404)
    assert_problem(await withdraw(api, cast.own, str(uuid.uuid4())), 404)
    assert_problem(await supplement(api, cast.own, str(uuid.uuid4()), "id_card"), 404)
    matter = await make_matter(api, ("market",))
    application = await apply(api, cast.own, matter["code"], ALL_MATERIALS)
    assert (await approve_all(api, cast, application))["status"] == "approved"


async def test_a_decision_is_audited_with_only_what_changed(api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban):
    """Decisions are written with plain SQL, past the ORM's hooks: the trail still names the officer and the call."""
    matter = await make_matter(api, ("market", "tax"))
    application = await apply(api, cast.own, matter["code"])
    market_task = task_of(application, "market")["id"]
    decided = await decide(api, cast.officer("market"), market_task, "approve", comment="核验通过")
    assert decided.status_code == 200, decided.text
    trail = await api.get("/approval/audit", params={"resource": f"task/{market_task}"}, headers=cast.admin)
    assert trail.status_code == 200, trail.text
    [created, updated] = sorted(trail.json()["items"], key=lambda entry: entry["change"])
    assert created["change"] == "created" and updated["change"] == "updated"
    assert updated["actor_role"] == "officer" and updated["action"] == "POST /approval/tasks/{task_id}/decision"
    assert updated["request_id"] == decided.headers["x-request-id"]
    assert set(updated["after"]) == {"status", "decided_at", "decided_by", "comment"}
    assert updated["before"]["status"] == "pending" and updated["after"]["comment"] == "核验通过"

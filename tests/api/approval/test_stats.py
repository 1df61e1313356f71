"""The county's figures move with the work: volumes, working days, materials, punctuality, deemed approvals."""

import httpx
import pytest
from sqlalchemy import text

from tests.api.approval._support import (
    ADMIN,
    WITHOUT_LEASE,
    Cast,
    apply,
    approve_all,
    at_cst,
    decide,
    fetch,
    make_matter,
    sweep,
    task_of,
)
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem

EMPTY = {
    "applications": 0,
    "approved": 0,
    "rejected": 0,
    "in_review": 0,
    "avg_working_days": None,
    "avg_materials": None,
    "on_time_rate": None,
    "deemed_approvals": 0,
    "by_matter": {},
    "by_department": {},
    "commitments": {
        "commitments": 0,
        "open": 0,
        "fulfilled": 0,
        "overdue": 0,
        "revoked": 0,
        "fulfilment_rate": None,
        "by_department": {},
    },
}
REVOKED_ONE = {"commitments": 1, "open": 0, "fulfilled": 0, "overdue": 0, "revoked": 1, "fulfilment_rate": None}


@pytest.fixture
async def no_applications(kuaiban: Kuaiban) -> None:
    """No application yet: the figures count every application, and end-to-end tests of the same run commit
    theirs. The delete is rolled back with the test."""
    await kuaiban.connection.execute(text("DELETE FROM approval.commitment"))
    await kuaiban.connection.execute(text("DELETE FROM approval.task"))
    await kuaiban.connection.execute(text("DELETE FROM approval.application"))


async def stats(api: httpx.AsyncClient) -> dict:
    response = await api.get("/approval/stats", headers=ADMIN)
    assert response.status_code == 200, response.text
    return response.json()


async def test_stats_move_with_the_work(api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban, no_applications):
    assert await stats(api) == EMPTY
    deemed = await make_matter(api, ("market", "tax"), deemed=True)
    strict = await make_matter(api, ("market", "tax"))

    late = await apply(api, cast.own, deemed["code"])  # Monday 09:00; tasks due Tuesday, the application Thursday
    assert (await decide(api, cast.officer("market"), task_of(late, "market")["id"], "approve")).status_code == 200
    slow = await apply(api, cast.own, strict["code"])
    kuaiban.clock.now = at_cst(2)  # Wednesday: late's tax task is deemed approved, 2 working days in
    assert (await sweep(api))["deemed"] == 1
    assert (await fetch(api, late["id"]))["status"] == "approved"

    quick = await apply(api, cast.own, deemed["code"])
    promise = [{"material_code": "lease_contract", "due_date": "2026-03-06"}]
    refused = await apply(api, cast.own, deemed["code"], WITHOUT_LEASE, commitments=promise)
    assert (await decide(api, cast.officer("market"), task_of(refused, "market")["id"], "reject")).status_code == 200
    await apply(api, cast.own, deemed["code"])  # stays in review
    kuaiban.clock.now = at_cst(2, hour=21)
    assert (await approve_all(api, cast, quick))["elapsed_working_days"] == 0.5
    kuaiban.clock.now = at_cst(7)  # the next Monday, after slow's due date (Thursday)
    assert (await approve_all(api, cast, slow))["elapsed_working_days"] == 5.0

    after = await stats(api)
    assert after == {
        "applications": 5,
        "approved": 3,
        "rejected": 1,
        "in_review": 1,
        "avg_working_days": 2.5,  # (2 + 0.5 + 5) / 3: approved applications only
        "avg_materials": 2.8,  # (3 + 3 + 3 + 2 + 3) / 5
        "on_time_rate": 0.6667,  # slow closed after its due date
        "deemed_approvals": 1,
        "by_matter": {
            deemed["code"]: {"applications": 4, "approved": 2, "avg_working_days": 1.25},
            strict["code"]: {"applications": 1, "approved": 1, "avg_working_days": 5.0},
        },
        "by_department": {
            "market": {"tasks": 5, "approved": 3, "rejected": 1, "pending": 1},
            "tax": {"tasks": 5, "approved": 3, "cancelled": 1, "pending": 1},
        },
        "commitments": {**REVOKED_ONE, "by_department": {"market": REVOKED_ONE, "tax": REVOKED_ONE}},  # refused's
    }
    for role in (cast.officer("market"), cast.own, cast.bank):
        assert_problem(await api.get("/approval/stats", headers=role), 403)
    assert_problem(await api.get("/approval/stats"), 401)


async def test_stats_keep_counting_what_is_already_there(api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban):
    """With whatever other runs committed: the figures move by exactly this test's work."""
    before = await stats(api)
    matter = await make_matter(api, ("market", "tax"), deemed=True)
    await approve_all(api, cast, await apply(api, cast.own, matter["code"]))
    refused = await apply(api, cast.own, matter["code"])
    assert (await decide(api, cast.officer("market"), task_of(refused, "market")["id"], "reject")).status_code == 200
    late = await apply(api, cast.own, matter["code"])
    assert (await decide(api, cast.officer("market"), task_of(late, "market")["id"], "approve")).status_code == 200
    kuaiban.clock.now = at_cst(2)
    await sweep(api)
    assert (await fetch(api, late["id"]))["status"] == "approved"
    await apply(api, cast.own, matter["code"])  # stays in review

    after = await stats(api)
    deltas = {key: after[key] - before[key] for key in ("applications", "approved", "rejected", "in_review")}
    assert deltas == {"applications": 4, "approved": 2, "rejected": 1, "in_review": 1}
    assert after["deemed_approvals"] - before["deemed_approvals"] == 1
    assert after["by_matter"][matter["code"]] == {"applications": 4, "approved": 2, "avg_working_days": 1.0}
    for department in ("market", "tax"):
        assert department in after["by_department"]
        assert (
            after["by_department"][department]["tasks"] - before["by_department"].get(department, {}).get("tasks", 0)
            == 4
        )
    assert after["avg_working_days"] is not None and after["avg_working_days"] >= 0
    assert after["avg_materials"] is not None and 1 <= after["avg_materials"] <= 3
    assert after["on_time_rate"] is not None and 0 <= after["on_time_rate"] <= 1

"""The SLA sweep, with the fake clock moved past the due dates: overdue tasks of a deemed-approval matter
are approved as deemed (超时默认), overdue unfulfilled commitments terminate their application."""

import httpx

from tests.api.approval._support import (
    WITHOUT_LEASE,
    Cast,
    apply,
    at_cst,
    decide,
    deliver,
    events_of,
    fetch,
    make_matter,
    statuses,
    supplement,
    sweep,
    task_of,
    withdraw,
)
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem


async def test_deemed_approval_and_termination(api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban):
    deemed_matter = await make_matter(api, ("market", "tax", "hrss"), deemed=True)
    strict_matter = await make_matter(api, ("market", "tax"))

    # Monday: market and tax are due on Tuesday, hrss on Wednesday.
    deemed_app = await apply(api, cast.own, deemed_matter["code"])
    assert (
        await decide(api, cast.officer("market"), task_of(deemed_app, "market")["id"], "approve")
    ).status_code == 200
    strict_app = await apply(api, cast.own, strict_matter["code"])
    waiting_app = await apply(api, cast.own, deemed_matter["code"])  # returned for 补正: nothing is deemed
    returned = await decide(api, cast.officer("hrss"), task_of(waiting_app, "hrss")["id"], "return")
    assert returned.status_code == 200, returned.text

    kuaiban.clock.now = at_cst(2)  # Wednesday: Tuesday's tasks are overdue, Wednesday's are not yet
    assert await sweep(api) == {"deemed": 1, "terminated": 0, "overdue_commitments": 0, "reminders": 0}
    partly = await fetch(api, deemed_app["id"])
    assert partly["status"] == "in_review"
    assert statuses(partly) == {"market": "approved", "tax": "approved", "hrss": "pending"}
    assert task_of(partly, "tax")["deemed"] is True and task_of(partly, "market")["deemed"] is False
    assert task_of(partly, "tax")["decided_by"] == "system" and task_of(partly, "tax")["comment"] == "超时默认通过"
    strict = await fetch(api, strict_app["id"])
    assert strict["status"] == "in_review" and statuses(strict) == {"market": "pending", "tax": "pending"}
    assert not any(t["deemed"] for t in strict["tasks"])
    waiting = await fetch(api, waiting_app["id"])
    assert waiting["status"] == "supplement_required" and not any(t["deemed"] for t in waiting["tasks"])

    kuaiban.clock.now = at_cst(3)  # Thursday: hrss is overdue too
    assert await sweep(api) == {"deemed": 1, "terminated": 0, "overdue_commitments": 0, "reminders": 0}
    done = await fetch(api, deemed_app["id"])
    assert done["status"] == "approved" and done["completed_at"] and done["elapsed_working_days"] is not None
    assert done["elapsed_working_days"] == 3.0  # Monday 09:00 to Thursday 09:00
    assert {t["department"]: t["deemed"] for t in done["tasks"]} == {"market": False, "tax": True, "hrss": True}

    promise = [{"material_code": "lease_contract", "due_date": "2026-03-05"}]  # Thursday, today
    broken = await apply(api, cast.own, strict_matter["code"], WITHOUT_LEASE, commitments=promise)
    assert (await decide(api, cast.officer("market"), task_of(broken, "market")["id"], "approve")).status_code == 200
    kept = await apply(api, cast.own, strict_matter["code"], WITHOUT_LEASE, commitments=promise)
    handed_in = await supplement(api, cast.own, kept["id"], "lease_contract")
    assert handed_in.status_code == 200, handed_in.text
    assert handed_in.json()["status"] == "in_review" and handed_in.json()["commitments"][0]["fulfilled_at"]
    # due today is not overdue, but the enterprise is reminded of the one still open
    assert await sweep(api) == {"deemed": 0, "terminated": 0, "overdue_commitments": 0, "reminders": 1}

    kuaiban.clock.now = at_cst(4)  # Friday: the commitments are past due
    assert await sweep(api) == {"deemed": 0, "terminated": 1, "overdue_commitments": 1, "reminders": 0}
    terminated = await fetch(api, broken["id"])
    assert terminated["status"] == "terminated" and terminated["completed_at"]
    assert statuses(terminated) == {"market": "approved", "tax": "cancelled"}
    assert (await fetch(api, kept["id"]))["status"] == "in_review"
    assert_problem(await decide(api, cast.officer("tax"), task_of(broken, "tax")["id"], "approve"), 409)
    assert_problem(await withdraw(api, cast.own, broken["id"]), 409)
    assert (await fetch(api, strict_app["id"]))["status"] == "in_review"  # no deemed approval on a strict matter

    await deliver(kuaiban)
    assert await events_of(kuaiban, cast.own_id, broken["id"]) == [
        "application.submitted",
        "application.terminated",
        "commitment.reminder",
    ]
    assert await events_of(kuaiban, cast.own_id, deemed_app["id"]) == ["application.approved", "application.submitted"]
    assert await sweep(api) == {"deemed": 0, "terminated": 0, "overdue_commitments": 0, "reminders": 0}
    assert_problem(await api.post("/approval/sweep", headers=cast.officer("market")), 403)
    assert_problem(await api.post("/approval/sweep"), 401)


async def test_a_commitment_overdue_while_waiting_for_a_supplement_terminates(
    api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban
):
    matter = await make_matter(api, ("market", "tax"))
    promise = [{"material_code": "lease_contract", "due_date": "2026-03-03"}]
    application = await apply(api, cast.own, matter["code"], WITHOUT_LEASE, commitments=promise)
    kuaiban.clock.advance(hours=1)
    assert (await decide(api, cast.officer("tax"), task_of(application, "tax")["id"], "return")).status_code == 200
    kuaiban.clock.now = at_cst(2)
    assert await sweep(api) == {"deemed": 0, "terminated": 1, "overdue_commitments": 1, "reminders": 0}
    terminated = await fetch(api, application["id"])
    assert terminated["status"] == "terminated" and statuses(terminated) == {"market": "cancelled", "tax": "cancelled"}
    assert terminated["elapsed_working_days"] == 0.04  # one hour before the return stopped the clock

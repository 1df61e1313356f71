"""Submitting an application: every department's task opens at once, on the enterprise's behalf too, and
nothing is stored when intake cannot confirm the enterprise."""

import uuid
from datetime import date, datetime

import httpx

from tests.api.approval._support import (
    ADMIN,
    ALL_MATERIALS,
    DEPARTMENT_SLA,
    DEPARTMENTS,
    MATTER_SLA,
    TASK_NAMES,
    Cast,
    apply,
    calendar_of,
    fetch,
    make_matter,
    statuses,
    submit,
)
from tests.helpers.factories import headers_for
from tests.helpers.inprocess import Kuaiban, collect_all
from tests.helpers.problems import assert_problem

# Submitted on Monday 2 March 2026: the N-th working day after it.
DUE = {1: "2026-03-03", 2: "2026-03-04", 3: "2026-03-05"}


async def stored_for(api: httpx.AsyncClient, matter_code: str) -> set[str]:
    return {a["id"] for a in await collect_all(api, "/approval/applications", ADMIN) if a["matter_code"] == matter_code}


async def test_submission_fans_out_to_every_department(api: httpx.AsyncClient, cast: Cast):
    matter = await make_matter(api)
    calendar = await calendar_of(api, 2026, 2027)

    full = await apply(api, cast.own, matter["code"])
    submitted = datetime.fromisoformat(full["created_at"])
    assert full["status"] == "in_review" and full["code"].startswith("SP20260302-")
    assert full["matter_code"] == matter["code"] and full["enterprise_id"] == cast.own_id
    assert full["submitted_at"] == full["created_at"]
    assert full["materials_count"] == 3 and sorted(full["materials"]) == sorted(ALL_MATERIALS)
    assert full["due_date"] == calendar.due_date(submitted, MATTER_SLA).isoformat() == DUE[MATTER_SLA]
    assert full["commitments"] == [] and full["completed_at"] is None and full["elapsed_working_days"] is None
    assert sorted(t["department"] for t in full["tasks"]) == sorted(DEPARTMENTS)
    assert len({t["id"] for t in full["tasks"]}) == len(DEPARTMENTS)
    for task in full["tasks"]:
        assert task["status"] == "pending" and task["deemed"] is False and task["decided_at"] is None
        assert task["decided_by"] is None and task["comment"] is None and task["application_id"] == full["id"]
        assert task["task_name"] == TASK_NAMES[task["department"]]
        sla = DEPARTMENT_SLA[task["department"]]
        assert task["due_date"] == calendar.due_date(submitted, sla).isoformat() == DUE[sla]
    assert statuses(await fetch(api, full["id"])) == {d: "pending" for d in DEPARTMENTS}
    second = await apply(api, cast.own, matter["code"])
    assert second["code"] != full["code"] and second["code"].startswith("SP20260302-")


async def test_who_may_apply_and_on_whose_behalf(api: httpx.AsyncClient, cast: Cast):
    matter = await make_matter(api, ("market",))
    on_behalf = await apply(api, cast.admin, matter["code"], enterprise_id=cast.other_id)
    assert on_behalf["enterprise_id"] == cast.other_id and on_behalf["status"] == "in_review"
    assert_problem(await submit(api, cast.bank, matter["code"]), 403)
    assert_problem(await submit(api, cast.officer("market"), matter["code"]), 403)
    assert_problem(await submit(api, {}, matter["code"]), 401)

    unregistered = headers_for("enterprise", enterprise_id=str(uuid.uuid4()))
    refusals = [
        await submit(api, cast.admin, matter["code"]),  # staff must say for whom
        await submit(api, cast.admin, matter["code"], enterprise_id=str(uuid.uuid4())),  # not in the registry
        await submit(api, cast.own, matter["code"], enterprise_id=cast.other_id),  # for another enterprise
        await submit(api, unregistered, matter["code"]),
    ]
    for response in refusals:
        assert assert_problem(response, 422)["errors"][0]["field"] == "enterprise_id"
    assert await stored_for(api, matter["code"]) == {on_behalf["id"]}


async def test_submission_fails_cleanly_while_intake_is_down(api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban):
    matter = await make_matter(api, ("market",))
    kuaiban.transport.down.add("intake")
    try:
        assert_problem(await submit(api, cast.own, matter["code"]), 503)
        assert_problem(await submit(api, cast.admin, matter["code"], enterprise_id=cast.own_id), 503)
    finally:
        kuaiban.transport.down.discard("intake")
    assert await stored_for(api, matter["code"]) == set()
    assert (await apply(api, cast.own, matter["code"]))["status"] == "in_review"


async def test_an_idempotency_key_applies_once(api: httpx.AsyncClient, cast: Cast):
    matter = await make_matter(api, ("market", "tax"))
    key = {**cast.own, "Idempotency-Key": f"apply-{uuid.uuid4()}"}
    body = {"matter_code": matter["code"], "materials": ALL_MATERIALS}
    first = await api.post("/approval/applications", json=body, headers=key)
    again = await api.post("/approval/applications", json=body, headers=key)
    assert first.status_code == again.status_code == 201 and again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    assert_problem(
        await api.post("/approval/applications", json={**body, "materials": ALL_MATERIALS[:2]}, headers=key), 422
    )
    assert await stored_for(api, matter["code"]) == {first.json()["id"]}


async def test_unknown_matter_and_a_bad_body_are_422(api: httpx.AsyncClient, cast: Cast):
    problem = assert_problem(await submit(api, cast.own, "QYKB-no-such-matter"), 422)
    assert problem["errors"][0]["field"] == "matter_code"
    matter = await make_matter(api, ("market",))
    for body in (
        {"matter_code": matter["code"], "materials": ALL_MATERIALS, "status": "approved"},
        {"materials": ALL_MATERIALS},
        {"matter_code": matter["code"], "materials": "id_card"},
        {"matter_code": matter["code"], "materials": ["not a code!"]},
        {
            "matter_code": matter["code"],
            "commitments": [{"material_code": "lease_contract", "due_date": 1_790_000_000}],
        },
    ):
        assert_problem(await api.post("/approval/applications", json=body, headers=cast.own), 422)
    assert date.fromisoformat((await apply(api, cast.own, matter["code"]))["due_date"]) == date(2026, 3, 5)

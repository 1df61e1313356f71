"""Who sees which application and task, and who may act on them: rows outside the caller's scope are 404,
a wrong role 403; an officer sees its department's tasks only, the liaison all of its enterprises'."""

import uuid

import httpx

from tests.api.approval._support import (
    ADMIN,
    Cast,
    apply,
    decide,
    fetch,
    make_matter,
    statuses,
    task_of,
    withdraw,
)
from tests.helpers.inprocess import Kuaiban, collect_all
from tests.helpers.problems import assert_problem


def roles_of(cast: Cast) -> dict[str, dict]:
    return {
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


async def test_visibility_matrix(api: httpx.AsyncClient, cast: Cast):
    ours = await apply(api, cast.own, (await make_matter(api, ("market", "tax")))["code"])
    theirs = await apply(api, cast.other, (await make_matter(api, ("hrss",)))["code"])
    roles = roles_of(cast)
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
            response = await api.get(path, headers=roles[role])
            assert response.status_code == status, (path, role, response.text)
            if status != 200:
                assert_problem(response, status)
    seen_tasks = {
        role: {t["department"] for t in (await api.get(ours_path, headers=roles[role])).json()["tasks"]}
        for role in ("admin", "market", "tax", "liaison", "own")
    }
    assert seen_tasks == {
        "admin": {"market", "tax"},
        "market": {"market"},
        "tax": {"tax"},
        "liaison": {"market", "tax"},
        "own": {"market", "tax"},
    }
    assert_problem(await api.get(f"/approval/applications/{uuid.uuid4()}", headers=cast.admin), 404)
    assert_problem(await api.get("/approval/applications/not-a-uuid", headers=cast.admin), 422)
    assert_problem(await api.get(ours_path), 401)

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
            response = await api.post(path, json=bodies[name], headers=roles[role])
            assert response.status_code == status, (name, role, response.text)
            assert_problem(response, status)
    assert_problem(await decide(api, roles["market"], str(uuid.uuid4()), "approve"), 404)
    assert_problem(await withdraw(api, cast.own, str(uuid.uuid4())), 404)
    untouched = await fetch(api, ours["id"])
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
        items = await collect_all(api, "/approval/applications", roles[role])
        seen = {item["id"] for item in items}
        assert present <= seen and not (absent & seen), role
        if role in ("market", "hrss"):
            assert all(t["department"] == role for item in items for t in item["tasks"]), role
        if role == "liaison":
            assert {t["department"] for t in next(i for i in items if i["id"] == ours["id"])["tasks"]} == {
                "market",
                "tax",
            }
        if role in ("own", "other"):
            assert seen == present  # an enterprise sees its own and nothing else
    assert_problem(await api.get("/approval/applications", headers=cast.bank), 403)
    assert_problem(await api.get("/approval/applications"), 401)
    for path, headers in (("/approval/applications", cast.admin), ("/approval/tasks", roles["market"])):
        for limit in (0, 101):
            assert_problem(await api.get(path, params={"limit": limit}, headers=headers), 422)

    inbox = await collect_all(api, "/approval/tasks", roles["market"], status="pending")
    assert inbox and all(t["department"] == "market" and t["status"] == "pending" for t in inbox)
    inbox_ids = {t["id"] for t in inbox}
    assert market_task in inbox_ids and task_of(ours, "tax")["id"] not in inbox_ids
    for role in ("own", "bank", "admin"):
        assert_problem(await api.get("/approval/tasks", params={"status": "pending"}, headers=roles[role]), 403)
    assert_problem(await api.get("/approval/tasks", params={"status": "maybe"}, headers=roles["market"]), 422)

    assert (await decide(api, roles["market"], market_task, "approve")).status_code == 200
    pending_ids = {t["id"] for t in await collect_all(api, "/approval/tasks", roles["market"], status="pending")}
    assert market_task not in pending_ids
    approved = await collect_all(api, "/approval/tasks", roles["market"], status="approved")
    assert market_task in {t["id"] for t in approved} and all(t["status"] == "approved" for t in approved)
    assert market_task in {t["id"] for t in await collect_all(api, "/approval/tasks", roles["market"])}
    withdrawn = await withdraw(api, cast.own, ours["id"])
    assert withdrawn.status_code == 200, withdrawn.text
    assert_problem(await withdraw(api, cast.own, ours["id"]), 409)


async def test_applications_filter_by_status_and_page(api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban):
    matter = await make_matter(api, ("market",))
    made = []
    for _ in range(3):
        kuaiban.clock.advance(minutes=1)
        made.append(await apply(api, cast.own, matter["code"]))
    assert (await decide(api, cast.officer("market"), task_of(made[0], "market")["id"], "approve")).status_code == 200
    approved = await collect_all(api, "/approval/applications", cast.own, status="approved")
    assert [a["id"] for a in approved if a["matter_code"] == matter["code"]] == [made[0]["id"]]
    first = (await api.get("/approval/applications", params={"limit": 2}, headers=cast.own)).json()
    assert [a["id"] for a in first["items"]] == [made[2]["id"], made[1]["id"]] and first["next_cursor"]
    rest = await api.get(
        "/approval/applications", params={"limit": 2, "cursor": first["next_cursor"]}, headers=cast.own
    )
    assert [a["id"] for a in rest.json()["items"]] == [made[0]["id"]] and rest.json()["next_cursor"] is None
    assert_problem(await api.get("/approval/applications", params={"status": "lost"}, headers=ADMIN), 422)


async def test_reads_fail_cleanly_while_intake_is_down(api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban):
    """An officer's scope needs intake's liaison list; an enterprise's and the admin's do not."""
    ours = await apply(api, cast.own, (await make_matter(api, ("market",)))["code"])
    kuaiban.transport.down.add("intake")
    try:
        assert_problem(await api.get(f"/approval/applications/{ours['id']}", headers=cast.officer("market")), 503)
        assert_problem(await api.get("/approval/applications", headers=cast.liaison), 503)
        assert (await api.get(f"/approval/applications/{ours['id']}", headers=cast.own)).status_code == 200
        assert (await api.get(f"/approval/applications/{ours['id']}", headers=ADMIN)).status_code == 200
        decided = await decide(api, cast.officer("market"), task_of(ours, "market")["id"], "approve")
        assert decided.status_code == 200, decided.text  # its own department's task: no need to ask intake
    finally:
        kuaiban.transport.down.discard("intake")

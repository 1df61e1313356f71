"""The leader's analytics on real applications: the critical path of a parallel approval (a 补正 pause left out),
the departments' delays added up, forecasts of a new application's finish (and in the create answer), the weekly
series of the dashboard, and who may read them."""

import re
from dataclasses import dataclass
from datetime import datetime

import httpx
import pytest
from sqlalchemy import text

from services.approval.app import app as approval_app
from tests.api.approval._support import (
    ADMIN,
    WITHOUT_LEASE,
    Cast,
    apply,
    at_cst,
    decide,
    fetch,
    make_matter,
    supplement,
    task_of,
)
from tests.helpers.factories import headers_for
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem

LEADER = headers_for("leader", username="county-leader")
DEPARTMENTS = ("market", "public_security", "tax")


@dataclass
class Scenario:
    """Four applications of one 企业开办 matter, all submitted on Monday 2 March 2026 at 09:00 CST."""

    matter: dict
    slow: dict  # approved the next Monday: public_security returned it for 补正 and decided last
    quick: dict  # approved on Tuesday: market decided last
    vetoed: dict  # rejected by market on Monday
    waiting: dict  # still in review, one material missing against a 容缺 commitment


async def ok(response: httpx.Response) -> dict:
    assert response.status_code == 200, response.text
    return response.json()


async def run_scenario(api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban) -> Scenario:
    """Working days from the submission (24 h of a working day make one), the pause excluded:

    slow: market Monday 15:00 (0.25); public_security returns it Monday 21:00, the enterprise supplements online
    Tuesday 03:00 (a pause of 3 + 3 working hours); tax Tuesday 09:00 (24 h - 6 h: 0.75); public_security the
    next Monday 09:00, after the weekend (120 h - 6 h: 4.75, 1 working day past its due date, Wednesday).
    quick: tax and public_security Monday 15:00 (0.25), market Tuesday 15:00 (1.25)."""
    matter = await make_matter(api, DEPARTMENTS)
    code = matter["code"]
    slow = await apply(api, cast.own, code)
    quick = await apply(api, cast.own, code)
    vetoed = await apply(api, cast.own, code)
    promise = [{"material_code": "lease_contract", "due_date": "2026-03-05"}]
    waiting = await apply(api, cast.own, code, WITHOUT_LEASE, commitments=promise)
    officer = cast.officer

    kuaiban.clock.now = at_cst(0, hour=12)
    await ok(await decide(api, officer("market"), task_of(vetoed, "market")["id"], "reject"))
    kuaiban.clock.now = at_cst(0, hour=15)
    await ok(await decide(api, officer("market"), task_of(slow, "market")["id"], "approve"))
    await ok(await decide(api, officer("tax"), task_of(quick, "tax")["id"], "approve"))
    await ok(await decide(api, officer("public_security"), task_of(quick, "public_security")["id"], "approve"))
    kuaiban.clock.now = at_cst(0, hour=21)
    await ok(await decide(api, officer("public_security"), task_of(slow, "public_security")["id"], "return"))
    kuaiban.clock.now = at_cst(1, hour=3)
    await ok(await supplement(api, cast.own, slow["id"], "id_card"))
    kuaiban.clock.now = at_cst(1, hour=9)
    await ok(await decide(api, officer("tax"), task_of(slow, "tax")["id"], "approve"))
    kuaiban.clock.now = at_cst(1, hour=15)
    quick = await ok(await decide(api, officer("market"), task_of(quick, "market")["id"], "approve"))
    assert quick["status"] == "approved" and quick["elapsed_working_days"] == 1.25
    kuaiban.clock.now = at_cst(7)
    await ok(await decide(api, officer("public_security"), task_of(slow, "public_security")["id"], "approve"))
    slow = await fetch(api, slow["id"])
    assert slow["status"] == "approved" and slow["elapsed_working_days"] == 4.75
    return Scenario(matter, slow, quick, await fetch(api, vetoed["id"]), await fetch(api, waiting["id"]))


@pytest.fixture
async def no_applications(kuaiban: Kuaiban) -> None:
    """No application yet: the weekly series counts every application, and end-to-end tests of the same run commit
    theirs. The delete is rolled back with the test."""
    for table in ("commitment", "application_material", "task", "application"):
        await kuaiban.connection.execute(text(f"DELETE FROM approval.{table}"))


def moments(rows: list[dict]) -> list[tuple[str, datetime | None]]:
    return [(r["department"], r["decided_at"] and datetime.fromisoformat(r["decided_at"])) for r in rows]


async def test_critical_path_names_the_department_that_set_the_finish(
    api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban
):
    done = await run_scenario(api, cast, kuaiban)
    path = await ok(await api.get(f"/approval/applications/{done.slow['id']}/critical-path", headers=ADMIN))
    decided = {key: path.pop(key) for key in ("submitted_at", "completed_at")}
    assert datetime.fromisoformat(decided["completed_at"]) == at_cst(7)
    assert moments(path["departments"]) == [
        ("public_security", at_cst(7)),
        ("tax", at_cst(1, hour=9)),
        ("market", at_cst(0, hour=15)),
    ]
    for row in path["departments"]:
        del row["decided_at"]
    assert path == {
        "application_id": done.slow["id"],
        "code": done.slow["code"],
        "matter_code": done.matter["code"],
        "status": "approved",
        "elapsed_working_days": 4.75,
        "department": "public_security",
        "fastest_working_days": 0.25,
        "departments": [
            {
                "department": "public_security",
                "task_status": "approved",
                "working_days": 4.75,  # 补正 pause excluded: 6 working hours
                "added_working_days": 4.5,
                "critical": True,
            },
            {
                "department": "tax",
                "task_status": "approved",
                "working_days": 0.75,
                "added_working_days": 0.5,
                "critical": False,
            },
            {
                "department": "market",
                "task_status": "approved",
                "working_days": 0.25,
                "added_working_days": 0.0,
                "critical": False,
            },
        ],
    }

    quick = await ok(await api.get(f"/approval/applications/{done.quick['id']}/critical-path", headers=ADMIN))
    assert quick["department"] == "market" and quick["fastest_working_days"] == 0.25
    assert [(r["department"], r["working_days"], r["added_working_days"]) for r in quick["departments"]] == [
        ("market", 1.25, 1.0),
        ("public_security", 0.25, 0.0),
        ("tax", 0.25, 0.0),
    ]
    vetoed = await ok(await api.get(f"/approval/applications/{done.vetoed['id']}/critical-path", headers=ADMIN))
    assert vetoed["department"] == "market" and vetoed["status"] == "rejected"
    assert [(r["department"], r["task_status"], r["working_days"]) for r in vetoed["departments"]] == [
        ("market", "rejected", 0.12),  # 3 h
        ("public_security", "cancelled", None),
        ("tax", "cancelled", None),
    ]
    waiting = await ok(await api.get(f"/approval/applications/{done.waiting['id']}/critical-path", headers=ADMIN))
    assert waiting["department"] is None and waiting["fastest_working_days"] is None
    assert {(r["task_status"], r["working_days"], r["critical"]) for r in waiting["departments"]} == {
        ("pending", None, False)
    }


async def test_critical_path_is_seen_as_the_application_is(api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban):
    done = await run_scenario(api, cast, kuaiban)
    path = f"/approval/applications/{done.slow['id']}/critical-path"
    roles = {
        "admin": (ADMIN, 200),
        "market": (cast.officer("market"), 200),
        "hrss": (cast.officer("hrss"), 404),  # no task in this application
        "uninvolved": (cast.uninvolved, 404),
        "liaison": (cast.liaison, 200),
        "own": (cast.own, 200),
        "other": (cast.other, 404),
        "bank": (cast.bank, 403),
        "leader": (LEADER, 200),  # a county leader reads every application, and changes none
    }
    seen = {}
    for role, (headers, status) in roles.items():
        response = await api.get(path, headers=headers)
        assert response.status_code == status, (role, response.text)
        if status == 200:
            body = response.json()
            assert body["department"] == "public_security", role
            seen[role] = [row["department"] for row in body["departments"]]
        else:
            assert_problem(response, status)
    everyone = ["public_security", "tax", "market"]
    assert seen == {"admin": everyone, "market": ["market"], "liaison": everyone, "own": everyone, "leader": everyone}
    assert_problem(await api.get(path), 401)
    assert_problem(await api.get("/approval/applications/not-a-uuid/critical-path", headers=ADMIN), 422)


def delay(department: str, applications: int, last: int, added: float, when_last: float) -> dict:
    return {
        "department": department,
        "applications": applications,
        "last": last,
        "last_rate": round(last / applications, 4),
        "added_working_days": added,
        "avg_added_working_days": round(added / applications, 2),
        "added_working_days_when_last": when_last,
    }


async def test_critical_paths_add_up_per_department(api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban):
    done = await run_scenario(api, cast, kuaiban)
    code = done.matter["code"]

    async def stats(**params) -> dict:
        return await ok(await api.get("/approval/stats/critical-path", params=params, headers=LEADER))

    assert await stats(matter_code=code) == {
        "matter_code": code,
        "since": None,
        "applications": 2,  # the approved ones: slow and quick
        "departments": [
            delay("public_security", 2, 1, 4.5, 4.5),
            delay("market", 2, 1, 1.0, 1.0),
            delay("tax", 2, 0, 0.5, 0.0),
        ],
    }
    assert await stats(matter_code=code, since="2026-03-09") == {
        "matter_code": code,
        "since": "2026-03-09",
        "applications": 1,  # slow, completed on Monday 9 March
        "departments": [
            delay("public_security", 1, 1, 4.5, 4.5),
            delay("tax", 1, 0, 0.5, 0.0),
            delay("market", 1, 0, 0.0, 0.0),
        ],
    }
    assert await stats(matter_code=code, since="2026-03-10") == {
        "matter_code": code,
        "since": "2026-03-10",
        "applications": 0,
        "departments": [],
    }
    everything = await ok(await api.get("/approval/stats/critical-path", headers=ADMIN))
    assert everything["applications"] >= 2 and everything["matter_code"] is None
    assert {"public_security", "market", "tax"} <= {d["department"] for d in everything["departments"]}
    for bad in ({"since": "9 March"}, {"since": "2026-02-30"}, {"matter_code": "no spaces"}):
        assert_problem(await api.get("/approval/stats/critical-path", params=bad, headers=ADMIN), 422)


async def test_forecast_from_the_last_90_days(api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban):
    done = await run_scenario(api, cast, kuaiban)  # it is Monday 9 March, 09:00
    code = done.matter["code"]
    forecast = await ok(await api.get(f"/approval/matters/{code}/forecast", headers=cast.own))
    assert datetime.fromisoformat(forecast.pop("as_of")) == at_cst(7)
    expected = {
        "matter_code": code,
        "window_days": 90,
        "based_on": 2,
        "due_date": "2026-03-12",  # 3 working days
        "p50_working_days": 1.25,  # nearest rank of [1.25, 4.75]
        "p90_working_days": 4.75,
        "p50_finish_date": "2026-03-10",  # 15 h of Monday, 15 of Tuesday
        "p90_finish_date": "2026-03-16",  # 111 h to Friday's end, the weekend, 3 h of the next Monday
    }
    assert forecast == expected

    created = await apply(api, cast.own, code)  # the create answer carries the same forecast
    assert datetime.fromisoformat(created["forecast"].pop("as_of")) == at_cst(7)
    assert created["forecast"] == expected and created["due_date"] == expected["due_date"]
    assert (await fetch(api, created["id"]))["forecast"] is None  # other reads do not compute it

    kuaiban.clock.now = at_cst(95)  # Friday 5 June: quick (3 March) is out of the window, slow (9 March) is in
    later = await ok(await api.get(f"/approval/matters/{code}/forecast", headers=ADMIN))
    assert (later["based_on"], later["p50_working_days"], later["p90_working_days"]) == (1, 4.75, 4.75)
    assert later["p50_finish_date"] == later["p90_finish_date"] == "2026-06-12"
    assert later["due_date"] == "2026-06-10"


async def test_forecast_without_history_says_so(api: httpx.AsyncClient, cast: Cast):
    fresh = await make_matter(api, ("market",))
    forecast = await ok(await api.get(f"/approval/matters/{fresh['code']}/forecast", headers=cast.officer("tax")))
    assert forecast | {"as_of": None} == {
        "matter_code": fresh["code"],
        "as_of": None,
        "window_days": 90,
        "based_on": 0,
        "due_date": "2026-03-05",
        "p50_working_days": None,
        "p90_working_days": None,
        "p50_finish_date": None,
        "p90_finish_date": None,
    }
    created = await apply(api, cast.own, fresh["code"])
    assert created["forecast"]["based_on"] == 0 and created["forecast"]["p90_finish_date"] is None
    assert_problem(await api.get("/approval/matters/no-such-matter/forecast", headers=ADMIN), 404)
    assert_problem(await api.get(f"/approval/matters/{fresh['code']}/forecast"), 401)


async def test_weekly_series_and_department_heatmap(
    api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban, no_applications
):
    await run_scenario(api, cast, kuaiban)  # it is Monday 9 March (ISO week 11)
    weekly = await ok(await api.get("/approval/stats/weekly", params={"weeks": 2}, headers=LEADER))

    def cell(week: str, starts_on: str, decided: int, on_time: int) -> dict:
        rate = round(on_time / decided, 4) if decided else None
        return {"week": week, "starts_on": starts_on, "decided": decided, "on_time": on_time, "on_time_rate": rate}

    assert weekly == {
        "weeks": [
            {
                "week": "2026-W10",
                "starts_on": "2026-03-02",
                "received": 4,
                "completed": 2,  # quick approved, vetoed rejected
                "approved": 1,
                "avg_working_days": 1.25,
                "avg_materials": 2.75,  # (3 + 3 + 3 + 2) / 4
            },
            {
                "week": "2026-W11",
                "starts_on": "2026-03-09",
                "received": 0,
                "completed": 1,  # slow
                "approved": 1,
                "avg_working_days": 4.75,
                "avg_materials": None,
            },
        ],
        "by_department": {
            "market": [cell("2026-W10", "2026-03-02", 3, 3), cell("2026-W11", "2026-03-09", 0, 0)],
            "public_security": [cell("2026-W10", "2026-03-02", 1, 1), cell("2026-W11", "2026-03-09", 1, 0)],
            "tax": [cell("2026-W10", "2026-03-02", 2, 2), cell("2026-W11", "2026-03-09", 0, 0)],
        },
    }
    default = await ok(await api.get("/approval/stats/weekly", headers=ADMIN))
    assert [w["week"] for w in default["weeks"]] == ["2025-W52", *(f"2026-W{n:02d}" for n in range(1, 12))]
    assert default["weeks"][0]["starts_on"] == "2025-12-22" and default["weeks"][-2:] == weekly["weeks"]
    assert all(len(cells) == 12 for cells in default["by_department"].values())
    for weeks in (0, 105, "many"):
        assert_problem(await api.get("/approval/stats/weekly", params={"weeks": weeks}, headers=ADMIN), 422)


async def test_stats_are_for_admin_and_leaders(api: httpx.AsyncClient, cast: Cast):
    paths = ("/approval/stats", "/approval/stats/critical-path", "/approval/stats/weekly")
    for path in paths:
        for headers in (ADMIN, LEADER):
            assert (await api.get(path, headers=headers)).status_code == 200, path
        for headers in (cast.officer("market"), cast.liaison, cast.own, cast.bank):
            assert_problem(await api.get(path, headers=headers), 403)
        assert_problem(await api.get(path), 401)


def write_routes() -> list[tuple[str, str]]:
    """Every write of approval's public API, as its OpenAPI document lists them (method, path filled in)."""
    writes = []
    for path, operations in approval_app.openapi()["paths"].items():
        concrete = re.sub(r"\{[^}]+\}", "3f6d2a9e-8b1c-4e57-9f0a-2c4b6d8e1a37", path.replace("{year}", "2026"))
        writes += [(method.upper(), concrete) for method in operations if method in ("post", "put", "patch", "delete")]
    return writes


async def test_a_leader_changes_nothing(api: httpx.AsyncClient, cast: Cast):
    """Read-only: every write route answers a leader 403, before it looks at the body or the row."""
    writes = write_routes()
    assert ("POST", "/approval/applications") in writes and ("PUT", "/approval/calendar/2026") in writes
    assert len(writes) >= 12
    for method, path in writes:
        response = await api.request(method, path, json={}, headers=LEADER)
        assert response.status_code == 403, (method, path, response.text)
        assert_problem(response, 403)
    matter = await make_matter(api, ("market",))
    application = await apply(api, cast.own, matter["code"])
    for method, path in (
        ("POST", f"/approval/tasks/{task_of(application, 'market')['id']}/decision"),
        ("POST", f"/approval/applications/{application['id']}/withdraw"),
        ("POST", f"/approval/applications/{application['id']}/supplements"),
    ):
        assert_problem(await api.request(method, path, json={"decision": "approve"}, headers=LEADER), 403)
    assert (await fetch(api, application["id"]))["status"] == "in_review"

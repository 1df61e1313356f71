"""The working-day calendar in process: seeded official years, provisional ones, admin amendments, the
internal feed the other services load, and seeding that never overwrites an admin's year."""

import dataclasses
import logging
from datetime import date

import httpx
import pytest
from sqlalchemy import text

from services.approval import app as approval_app
from services.approval.contract import CALENDAR_PATH, YearScheduleBody
from services.approval.service import calendar
from services.common.calendar import official_schedule, official_years
from tests.api.approval._support import ADMIN, INTERNAL
from tests.helpers.factories import enterprise_payload, headers_for
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem

AMENDABLE_YEAR = 2044
PACKAGE_YEAR = 2001  # official in the package
OFFICER = headers_for("officer", department="data_bureau")


def schedule_body(holidays: list, workdays: list, **extra) -> dict:
    return {"holidays": holidays, "workdays": workdays, **extra}


async def internal_feed(api: httpx.AsyncClient) -> list[dict]:
    response = await api.get(CALENDAR_PATH, headers=INTERNAL)
    assert response.status_code == 200, response.text
    return response.json()["years"]


async def test_official_2026_is_seeded(api: httpx.AsyncClient):
    response = await api.get("/approval/calendar/2026", headers=ADMIN)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["year"] == 2026 and body["provisional"] is False
    assert {"2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"} <= set(body["holidays"])
    assert "2026-10-08" not in body["holidays"]
    assert {"2026-09-20", "2026-10-10", "2026-02-14", "2026-02-28"} <= set(body["workdays"])
    assert body["holidays"] == sorted(body["holidays"]) and body["workdays"] == sorted(body["workdays"])
    assert body == YearScheduleBody.of(official_schedule(2026)).model_dump(mode="json")  # type: ignore[arg-type]


async def test_a_year_not_announced_is_provisional(api: httpx.AsyncClient):
    response = await api.get("/approval/calendar/2031", headers=OFFICER)
    assert response.status_code == 200, response.text
    assert response.json() == {"year": 2031, "provisional": True, "holidays": [], "workdays": []}


async def test_admin_replaces_a_year(api: httpx.AsyncClient):
    url = f"/approval/calendar/{AMENDABLE_YEAR}"
    first = schedule_body(["2044-10-03", "2044-10-04"], ["2044-10-08"], year=AMENDABLE_YEAR)
    response = await api.put(url, json=first, headers=ADMIN)
    assert response.status_code == 200, response.text
    assert response.json() == {
        "year": AMENDABLE_YEAR,
        "provisional": False,
        "holidays": ["2044-10-03", "2044-10-04"],
        "workdays": ["2044-10-08"],
    }
    assert (await api.get(url, headers=OFFICER)).json() == response.json()
    second = schedule_body(["2044-10-05", "2044-10-03"], [], provisional=True)
    assert (await api.put(url, json=second, headers=ADMIN)).status_code == 200
    replaced = {"year": AMENDABLE_YEAR, "provisional": True, "holidays": ["2044-10-03", "2044-10-05"], "workdays": []}
    assert (await api.get(url, headers=ADMIN)).json() == replaced
    assert replaced in await internal_feed(api)  # what the other services' calendars load next


async def test_an_amended_year_moves_due_dates(api: httpx.AsyncClient, kuaiban: Kuaiban):
    """Tuesday 3 March 2026 made a holiday: a task due one working day after Monday is due on Wednesday."""
    original = (await api.get("/approval/calendar/2026", headers=ADMIN)).json()
    amended = schedule_body([*original["holidays"], "2026-03-03"], original["workdays"])
    assert (await api.put("/approval/calendar/2026", json=amended, headers=ADMIN)).status_code == 200
    matter = {
        "code": "CAL-TEST-1",
        "name": "日历测试事项",
        "departments": [{"department": "market", "task_name": "核发", "sla_working_days": 1}],
        "materials": [],
        "sla_working_days": 1,
    }
    assert (await api.post("/approval/matters", json=matter, headers=ADMIN)).status_code == 201
    async with kuaiban.client("intake", ADMIN) as intake:
        enterprise = (await intake.post("/intake/enterprises", json=enterprise_payload())).json()
    owner = headers_for("enterprise", enterprise_id=enterprise["id"])
    applied = await api.post("/approval/applications", json={"matter_code": "CAL-TEST-1"}, headers=owner)
    assert applied.status_code == 201, applied.text
    assert applied.json()["due_date"] == "2026-03-04" and applied.json()["tasks"][0]["due_date"] == "2026-03-04"


async def test_only_an_admin_may_replace_a_year(api: httpx.AsyncClient):
    body = schedule_body([], [])
    for role in (OFFICER, headers_for("enterprise", enterprise_id="6f1c2b4e-0000-4000-8000-000000000000"), INTERNAL):
        assert_problem(await api.put(f"/approval/calendar/{AMENDABLE_YEAR}", json=body, headers=role), 403)
    assert_problem(await api.put(f"/approval/calendar/{AMENDABLE_YEAR}", json=body), 401)
    assert_problem(await api.get("/approval/calendar/2026"), 401)
    assert (await api.get(f"/approval/calendar/{AMENDABLE_YEAR}", headers=ADMIN)).json()["provisional"] is True


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (schedule_body(["2045-01-02"], []), "holidays.0"),  # another year
        (schedule_body(["2044-10-01"], []), "holidays.0"),  # a Saturday is off anyway
        (schedule_body([], ["2044-10-03"]), "workdays.0"),  # a Monday is worked anyway
        (schedule_body([], ["2043-10-08"]), "workdays.0"),  # another year's Saturday
        (schedule_body(["2044-10-03"], ["2044-10-08", "2044-10-03"]), "workdays.1"),  # in both lists
        (schedule_body([], [], year=2043), "year"),
        (schedule_body([], [], region="濉溪县"), "region"),  # unknown field
        (schedule_body([1_790_000_000], []), "holidays.0"),  # not a date
        ({"holidays": []}, "workdays"),
    ],
)
async def test_bad_schedules_are_422(api: httpx.AsyncClient, body: dict, field: str):
    response = await api.put(f"/approval/calendar/{AMENDABLE_YEAR}", json=body, headers=ADMIN)
    problem = assert_problem(response, 422)
    assert field in {error["field"] for error in problem["errors"]}, problem


async def test_every_problem_of_a_schedule_at_once(api: httpx.AsyncClient):
    body = schedule_body(["2044-10-01", "2045-01-02"], ["2044-10-03"], year=2043)
    problem = assert_problem(await api.put(f"/approval/calendar/{AMENDABLE_YEAR}", json=body, headers=ADMIN), 422)
    assert [error["field"] for error in problem["errors"]] == ["year", "holidays.0", "holidays.1", "workdays.0"]
    assert problem["code"] == "validation_failed"
    assert problem["detail"].startswith(f"{AMENDABLE_YEAR} 年的日程无效：2043 与路径中的年份 {AMENDABLE_YEAR} 不一致")


@pytest.mark.parametrize("year", [1999, 2101, "next"])
async def test_years_outside_the_range_are_422(api: httpx.AsyncClient, year):
    assert_problem(await api.get(f"/approval/calendar/{year}", headers=ADMIN), 422)
    assert_problem(await api.put(f"/approval/calendar/{year}", json=schedule_body([], []), headers=ADMIN), 422)


async def test_internal_feed_is_for_services_only(api: httpx.AsyncClient):
    assert_problem(await api.get(CALENDAR_PATH, headers=ADMIN), 403)
    assert_problem(await api.get(CALENDAR_PATH, headers=OFFICER), 403)
    assert_problem(await api.get(CALENDAR_PATH), 401)
    years = {item["year"]: item for item in await internal_feed(api)}
    assert years[2025] == YearScheduleBody.of(official_schedule(2025)).model_dump(mode="json")  # type: ignore[arg-type]
    assert {2024, 2025, 2026} <= set(years) and list(years) == sorted(years)
    assert CALENDAR_PATH not in (await api.get("/openapi.json")).json()["paths"]


async def test_seeding_again_keeps_the_admin_year(api: httpx.AsyncClient, kuaiban: Kuaiban):
    """What a replica does at start-up: add missing years, leave an admin's year alone."""
    url = f"/approval/calendar/{PACKAGE_YEAR}"
    original = (await api.get(url, headers=ADMIN)).json()
    assert original["provisional"] is False and original["workdays"]
    amended = schedule_body(["2001-01-02"], [])
    assert (await api.put(url, json=amended, headers=ADMIN)).status_code == 200
    runtime = kuaiban.runtimes["approval"]
    async with runtime.sessions.begin() as session:
        assert await calendar.seed(session, now=kuaiban.clock.now) == 0
    async with approval_app.seed(runtime):
        pass
    replica = (await api.get(url, headers=ADMIN)).json()
    assert replica["holidays"] == [date(2001, 1, 2).isoformat()] and replica["workdays"] == []


async def test_start_up_seeds_the_demo_catalog_once(
    api: httpx.AsyncClient, kuaiban: Kuaiban, caplog: pytest.LogCaptureFixture
):
    runtime = kuaiban.runtimes["approval"]
    demo = dataclasses.replace(runtime, settings=runtime.settings.model_copy(update={"seed_demo": True}))
    with caplog.at_level(logging.INFO, logger="kuaiban.approval"):
        for _ in range(2):  # a second replica starting adds nothing
            async with approval_app.seed(demo):
                pass
    seeded = [r.getMessage() for r in caplog.records if r.name == "kuaiban.approval"]
    assert seeded == [
        "calendar seeded from the holidays package: 0 new years",
        "demo catalog seeded: 3 new matters",
        "calendar seeded from the holidays package: 0 new years",
        "demo catalog seeded: 0 new matters",
    ]
    listed = (await api.get("/approval/matters", params={"limit": 100}, headers=ADMIN)).json()["items"]
    codes = [m["code"] for m in listed]
    assert {"QYKB-001", "SGXK-001", "YDBZ-001"} <= set(codes) and codes.count("QYKB-001") == 1
    company = next(m for m in listed if m["code"] == "QYKB-001")
    assert company["sla_working_days"] == 1 and len(company["departments"]) == 5
    assert company["created_at"] == "2026-03-02T01:00:00Z"  # the runtime's clock, not the wall clock


async def test_seeding_an_empty_table_stores_every_official_year(kuaiban: Kuaiban):
    await kuaiban.connection.execute(text("DELETE FROM approval.calendar_year"))  # rolled back with the test
    async with kuaiban.runtimes["approval"].sessions.begin() as session:
        assert await calendar.seed(session, now=kuaiban.clock.now) == len(official_years())
        assert [year.year for year in await calendar.all_years(session)] == list(official_years())

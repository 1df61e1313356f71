"""The working-day calendar over real processes: seeded official years, admin amendments, the internal feed."""

from datetime import date

import httpx
import pytest

from launcher.system import System, free_port_block
from services.approval.contract import CALENDAR_PATH, YearScheduleBody
from services.common.auth import Principal, Role, issue_token
from services.common.calendar import official_schedule
from tests.helpers.factories import JWT_SECRET, bearer
from tests.helpers.http import make_account
from tests.helpers.problems import assert_problem

AMENDABLE_YEAR = 2044  # no other test reads it
PACKAGE_YEAR = 2001  # official in the package, and no other test reads it


def schedule_body(holidays: list[str], workdays: list[str], **extra) -> dict:
    return {"holidays": holidays, "workdays": workdays, **extra}


def test_official_2026_is_seeded(gateway: httpx.Client, admin_headers: dict):
    response = gateway.get("/approval/calendar/2026", headers=admin_headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["year"] == 2026 and body["provisional"] is False
    assert {"2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"} <= set(body["holidays"])
    assert "2026-10-08" not in body["holidays"]
    assert {"2026-09-20", "2026-10-10", "2026-02-14", "2026-02-28"} <= set(body["workdays"])
    assert body["holidays"] == sorted(body["holidays"]) and body["workdays"] == sorted(body["workdays"])


def test_a_year_not_announced_is_provisional(gateway: httpx.Client, admin_headers: dict):
    _, officer = make_account(gateway, admin_headers, "officer", department="data_bureau")
    response = gateway.get("/approval/calendar/2031", headers=officer)
    assert response.status_code == 200, response.text
    assert response.json() == {"year": 2031, "provisional": True, "holidays": [], "workdays": []}


def test_admin_replaces_a_year(gateway: httpx.Client, admin_headers: dict, system: System):
    url = f"/approval/calendar/{AMENDABLE_YEAR}"
    first = schedule_body(["2044-10-03", "2044-10-04"], ["2044-10-08"], year=AMENDABLE_YEAR)
    response = gateway.put(url, json=first, headers=admin_headers)
    assert response.status_code == 200, response.text
    assert response.json() == {
        "year": AMENDABLE_YEAR,
        "provisional": False,
        "holidays": ["2044-10-03", "2044-10-04"],
        "workdays": ["2044-10-08"],
    }
    second = schedule_body(["2044-10-05", "2044-10-03"], [], provisional=True)
    assert gateway.put(url, json=second, headers=admin_headers).status_code == 200
    replaced = {"year": AMENDABLE_YEAR, "provisional": True, "holidays": ["2044-10-03", "2044-10-05"], "workdays": []}
    assert gateway.get(url, headers=admin_headers).json() == replaced
    assert replaced in internal_feed(system)  # what the other services' calendars load next


def test_only_an_admin_may_replace_a_year(gateway: httpx.Client, admin_headers: dict):
    _, officer = make_account(gateway, admin_headers, "officer", department="data_bureau")
    body = schedule_body([], [])
    assert_problem(gateway.put(f"/approval/calendar/{AMENDABLE_YEAR}", json=body, headers=officer), 403)
    assert_problem(gateway.put(f"/approval/calendar/{AMENDABLE_YEAR}", json=body), 401)
    assert_problem(gateway.get("/approval/calendar/2026"), 401)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (schedule_body(["2045-01-02"], []), "holidays.0"),  # another year
        (schedule_body(["2044-10-01"], []), "holidays.0"),  # a Saturday is off anyway
        (schedule_body([], ["2044-10-03"]), "workdays.0"),  # a Monday is worked anyway
        (schedule_body(["2044-10-03"], ["2044-10-08", "2044-10-03"]), "workdays.1"),  # in both lists
        (schedule_body([], [], year=2043), "year"),
        (schedule_body([], [], region="濉溪县"), "region"),  # unknown field
        (schedule_body([1_790_000_000], []), "holidays.0"),  # not a date
        ({"holidays": []}, "workdays"),
    ],
)
def test_bad_schedules_are_422(gateway: httpx.Client, admin_headers: dict, body: dict, field: str):
    response = gateway.put(f"/approval/calendar/{AMENDABLE_YEAR}", json=body, headers=admin_headers)
    problem = assert_problem(response, 422)
    assert field in {error["field"] for error in problem["errors"]}, problem


@pytest.mark.parametrize("year", [1999, 2101, "next"])
def test_years_outside_the_range_are_422(gateway: httpx.Client, admin_headers: dict, year):
    assert_problem(gateway.get(f"/approval/calendar/{year}", headers=admin_headers), 422)
    assert_problem(gateway.put(f"/approval/calendar/{year}", json=schedule_body([], []), headers=admin_headers), 422)


def service_headers() -> dict[str, str]:
    principal = Principal(subject="internal:test", username="test", role=Role.internal)
    return bearer(issue_token(JWT_SECRET, principal, ttl_seconds=60))


def internal_feed(system: System) -> list[dict]:
    response = httpx.get(f"{system.url('approval')}{CALENDAR_PATH}", headers=service_headers())
    assert response.status_code == 200, response.text
    return response.json()["years"]


def test_internal_feed_is_for_services_on_the_approval_port_only(
    gateway: httpx.Client, admin_headers: dict, system: System
):
    assert_problem(gateway.get(CALENDAR_PATH, headers=admin_headers), 404)
    assert_problem(gateway.get(CALENDAR_PATH, headers=service_headers()), 404)
    assert_problem(httpx.get(f"{system.url('approval')}{CALENDAR_PATH}", headers=admin_headers), 403)
    years = {item["year"]: item for item in internal_feed(system)}
    assert years[2025] == YearScheduleBody.of(official_schedule(2025)).model_dump(mode="json")  # type: ignore[arg-type]
    assert {2024, 2025, 2026} <= set(years) and list(years) == sorted(years)
    assert CALENDAR_PATH not in gateway.get("/openapi.json").json()["paths"]


def test_another_replica_starting_keeps_the_admin_year(gateway: httpx.Client, admin_headers: dict, system: System):
    """Seeding runs at every start-up; it must add missing years and leave an admin's year alone."""
    url = f"/approval/calendar/{PACKAGE_YEAR}"
    original = gateway.get(url, headers=admin_headers).json()
    assert original["provisional"] is False and original["workdays"]
    amended = schedule_body(["2001-01-02"], [])
    assert gateway.put(url, json=amended, headers=admin_headers).status_code == 200
    port = free_port_block(1)
    system.start("approval", port=port)
    try:
        system.wait_up("approval", port=port)
        assert httpx.get(f"http://127.0.0.1:{port}/healthz").status_code == 200
        replica = httpx.get(f"http://127.0.0.1:{port}{url}", headers=admin_headers).json()
        assert replica["holidays"] == [date(2001, 1, 2).isoformat()] and replica["workdays"] == []
    finally:
        system.stop("approval", port=port)
        restore = schedule_body(original["holidays"], original["workdays"])
        assert gateway.put(url, json=restore, headers=admin_headers).status_code == 200

"""The working-day calendar where real processes matter: the internal feed is never reachable through the
gateway, and a replica starting (and seeding) keeps an admin's year.

Everything else of the calendar runs in process (tests/api/approval/test_calendar.py)."""

from datetime import date

import httpx

from launcher.system import System, free_port_block
from services.approval.contract import CALENDAR_PATH
from services.common.auth import Principal, Role, issue_token
from tests.helpers.factories import JWT_SECRET, bearer
from tests.helpers.problems import assert_problem

PACKAGE_YEAR = 2001  # official in the package, and no other test reads it


def schedule_body(holidays: list[str], workdays: list[str], **extra) -> dict:
    return {"holidays": holidays, "workdays": workdays, **extra}


def service_headers() -> dict[str, str]:
    principal = Principal(subject="internal:test", username="test", role=Role.internal)
    return bearer(issue_token(JWT_SECRET, principal, ttl_seconds=60))


def test_internal_feed_is_not_reachable_through_the_gateway(gateway: httpx.Client, admin_headers: dict, system: System):
    assert_problem(gateway.get(CALENDAR_PATH, headers=admin_headers), 404)
    assert_problem(gateway.get(CALENDAR_PATH, headers=service_headers()), 404)
    assert CALENDAR_PATH not in gateway.get("/openapi.json").json()["paths"]
    direct = httpx.get(f"{system.url('approval')}{CALENDAR_PATH}", headers=service_headers())
    assert direct.status_code == 200 and direct.json()["years"], direct.text  # it is there, on approval's own port
    assert_problem(httpx.get(f"{system.url('approval')}{CALENDAR_PATH}", headers=admin_headers), 403)


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

"""Window appointments over real processes (issue 17's "done means"): fifty enterprises clicking at once on one
slot through the gateway get exactly its capacity of bookings and the rest a clear 409, as the database shows
too; one enterprise double-clicking gets one booking; the reminders' periodic job puts the reminder on the
enterprise's timeline the working day before, once. CI runs this file again with two replicas of every service
(KUAIBAN_TEST_REPLICAS=2), so the slot's row, not a process, keeps the count, and one replica reminds."""

import secrets
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

import httpx
import pytest

from launcher.system import System
from services.common.calendar import CST
from tests.helpers.approval_flows import new_enterprise, sql
from tests.helpers.factories import ADMIN_PASSWORD, bearer, unique_name
from tests.helpers.http import collect, login
from tests.helpers.problems import assert_problem
from tests.helpers.systems import running_system, system_env
from tests.helpers.waiting import wait_until

CLICKERS = 50
CAPACITY = 3
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")


def open_window(gateway: httpx.Client, admin: dict, *, capacity: int) -> tuple[str, dict]:
    """A hall with one window of `capacity` serving a matter of this test's own: (the matter's code, the window)."""
    code = f"QYKB-{secrets.token_hex(4)}"
    hall = gateway.post(
        "/intake/halls",
        json={"name": unique_name("濉溪县政务服务中心"), "town": "濉溪镇", "address": "濉溪县政务服务中心二楼大厅"},
        headers=admin,
    )
    assert hall.status_code == 201, hall.text
    hours = [{"weekday": day, "start": "09:00", "end": "12:00"} for day in WEEKDAYS]
    hours.append({"weekday": "saturday", "start": "09:00", "end": "11:00", "after_hours": True})
    body = {
        "number": "A01",
        "name": "企业开办专窗",
        "department": "market",
        "matter_codes": [code],
        "hours": hours,
        "slot_minutes": 30,
        "capacity": capacity,
    }
    window = gateway.post(f"/intake/halls/{hall.json()['id']}/windows", json=body, headers=admin)
    assert window.status_code == 201, window.text
    return code, window.json()


def first_free_slot(gateway: httpx.Client, headers: dict, code: str) -> dict:
    """The earliest free slot from tomorrow on (CST), as an enterprise lists them."""
    tomorrow = datetime.now(CST).date() + timedelta(days=1)
    query = {"matter_code": code, "from": tomorrow.isoformat(), "to": (tomorrow + timedelta(days=13)).isoformat()}
    listed = gateway.get("/intake/appointments/slots", params=query, headers=headers)
    assert listed.status_code == 200, listed.text
    return listed.json()["items"][0]


def slot_listing(gateway: httpx.Client, headers: dict, code: str, slot: dict) -> dict | None:
    day = slot["start"][:10]
    query = {"matter_code": code, "from": day, "to": day}
    items = gateway.get("/intake/appointments/slots", params=query, headers=headers).json()["items"]
    return next((item for item in items if item["start"] == slot["start"]), None)


def all_at_once(system: System, calls: list[tuple[dict, dict]]) -> list[httpx.Response]:
    """POST each (headers, body) to /intake/appointments from its own thread and client, released together."""
    barrier = threading.Barrier(len(calls))

    def click(call: tuple[dict, dict]) -> httpx.Response:
        headers, body = call
        with httpx.Client(base_url=system.gateway_url, timeout=30) as client:
            barrier.wait(timeout=60)
            return client.post("/intake/appointments", json=body, headers=headers)

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(click, calls))


def test_fifty_enterprises_clicking_at_once_book_exactly_the_capacity(
    gateway: httpx.Client, admin_headers: dict, system: System, database_url: str
):
    code, window = open_window(gateway, admin_headers, capacity=CAPACITY)
    enterprises = [new_enterprise(gateway, admin_headers) for _ in range(CLICKERS)]
    slot = first_free_slot(gateway, enterprises[0][1], code)
    assert (slot["window_id"], slot["capacity"], slot["remaining"]) == (window["id"], CAPACITY, CAPACITY)
    body = {"start": slot["start"], "window_id": window["id"], "matter_code": code}

    answers = all_at_once(system, [(headers, body) for _, headers in enterprises])
    assert sorted({answer.status_code for answer in answers}) == [201, 409], [a.text for a in answers]
    won = [
        (enterprise, answer.json())
        for enterprise, answer in zip(enterprises, answers, strict=True)
        if answer.status_code == 201
    ]
    assert len(won) == CAPACITY
    for answer in answers:
        if answer.status_code == 409:
            assert assert_problem(answer, 409)["code"] == "slot_full"
    start = datetime.fromisoformat(slot["start"])
    [(stored,)] = sql(
        database_url,
        "SELECT count(*) FROM intake.appointment WHERE window_id = %s AND start_at = %s AND status = 'booked'",
        window["id"],
        start,
    )
    [(counted,)] = sql(
        database_url,
        "SELECT booked FROM intake.appointment_slot WHERE window_id = %s AND start_at = %s",
        window["id"],
        start,
    )
    assert stored == counted == CAPACITY
    holders = {
        row[0]
        for row in sql(
            database_url, "SELECT enterprise_id::text FROM intake.appointment WHERE window_id = %s", window["id"]
        )
    }
    assert holders == {enterprise_id for (enterprise_id, _), _ in won}
    assert slot_listing(gateway, admin_headers, code, slot) is None  # full: no longer offered

    (winner_id, winner), appointment = won[0]
    timeline = collect(gateway, f"/intake/enterprises/{winner_id}/timeline", winner)
    assert ("appointment.booked", appointment["id"]) in {(item["kind"], item["ref_id"]) for item in timeline}
    cancelled = gateway.post(f"/intake/appointments/{appointment['id']}/cancel", headers=winner)
    assert cancelled.status_code == 200, cancelled.text
    assert slot_listing(gateway, admin_headers, code, slot)["remaining"] == 1
    loser = next(headers for enterprise_id, headers in enterprises if enterprise_id not in holders)
    assert gateway.post("/intake/appointments", json=body, headers=loser).status_code == 201
    [(counted,)] = sql(
        database_url,
        "SELECT booked FROM intake.appointment_slot WHERE window_id = %s AND start_at = %s",
        window["id"],
        start,
    )
    assert counted == CAPACITY


def test_one_enterprise_double_clicking_gets_one_booking(
    gateway: httpx.Client, admin_headers: dict, system: System, database_url: str
):
    code, window = open_window(gateway, admin_headers, capacity=5)
    enterprise_id, headers = new_enterprise(gateway, admin_headers)
    slot = first_free_slot(gateway, headers, code)
    body = {"start": slot["start"], "window_id": window["id"], "matter_code": code}
    answers = all_at_once(system, [(headers, body)] * 10)
    assert sorted(answer.status_code for answer in answers) == [201] + [409] * 9, [a.text for a in answers]
    assert {assert_problem(a, 409)["code"] for a in answers if a.status_code == 409} == {"duplicate_booking"}
    [(stored, counted)] = sql(
        database_url,
        "SELECT (SELECT count(*) FROM intake.appointment WHERE enterprise_id = %s AND status = 'booked'),"
        " (SELECT booked FROM intake.appointment_slot WHERE window_id = %s)",
        enterprise_id,
        window["id"],
    )
    assert stored == counted == 1
    assert slot_listing(gateway, headers, code, slot)["remaining"] == 4


@pytest.fixture(scope="module")
def reminding(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[System]:
    """A system of its own whose reminders' job runs every second (the default is a minute)."""
    env = system_env(database_url, KUAIBAN_APPOINTMENT_REMINDER_SECONDS="1")
    with running_system(env, tmp_path_factory.mktemp("appointments-logs")) as running:
        yield running


def test_the_periodic_job_reminds_the_working_day_before_once(reminding: System, database_url: str):
    with httpx.Client(base_url=reminding.gateway_url, timeout=30) as http:
        admin = bearer(login(http, "admin", ADMIN_PASSWORD))
        code, window = open_window(http, admin, capacity=1)
        enterprise_id, headers = new_enterprise(http, admin)
        slot = first_free_slot(http, headers, code)  # the first day with slots: its working day before is today
        body = {"start": slot["start"], "window_id": window["id"], "matter_code": code}
        booking = http.post("/intake/appointments", json=body, headers=headers)
        assert booking.status_code == 201, booking.text
        appointment_id = booking.json()["id"]

        def reminders() -> list[dict]:
            timeline = collect(http, f"/intake/enterprises/{enterprise_id}/timeline", headers)
            return [item for item in timeline if item["kind"] == "appointment.reminder"]

        [reminder] = wait_until(reminders, "the reminder on the timeline", timeout=15)
        assert reminder["ref_id"] == appointment_id and reminder["service"] == "intake"
        assert http.get(f"/intake/appointments/{appointment_id}", headers=headers).json()["reminded_at"]
        assert http.post("/intake/appointments/reminders", headers=admin).json()["appointments"] == 0
        [(stored,)] = sql(
            database_url,
            "SELECT count(*) FROM intake.timeline_event WHERE ref_id = %s AND kind = 'appointment.reminder'",
            appointment_id,
        )
        assert stored == 1

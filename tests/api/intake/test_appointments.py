"""Window services by appointment in process (预约办, 延时办, 上门办): halls and windows an admin sets up, free slots
on the calendar of 2026 (National Day off 1–7 October, Saturday 10 October worked), bookings with their refusals,
cancellation and rescheduling up to the cut-off, attendance, the reminder the working day before, on-site service,
who sees what, and the figures. The clock stands on Monday 28 September 2026, 10:00 in China."""

import dataclasses
import secrets
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time

import httpx
import pytest
from sqlalchemy import text

from services.common.calendar import CST
from services.common.periodic import run_once
from services.intake import app as intake_app
from services.intake import appointments, halls
from tests.api.intake._support import Cast
from tests.helpers.factories import ADMIN, headers_for, unique_name
from tests.helpers.inprocess import Kuaiban, collect_all, gateway_account
from tests.helpers.problems import assert_problem

NOW = datetime(2026, 9, 28, 2, 0, tzinfo=UTC)  # Monday 10:00 CST
MONDAY, TUESDAY, WEDNESDAY = date(2026, 9, 28), date(2026, 9, 29), date(2026, 9, 30)
NATIONAL_DAY, BREAK_SATURDAY, AFTER_BREAK = date(2026, 10, 1), date(2026, 10, 3), date(2026, 10, 8)
MAKEUP_SATURDAY, PLAIN_SATURDAY = date(2026, 10, 10), date(2026, 10, 17)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")
HOURS = [
    *({"weekday": day, "start": "09:00", "end": "12:00"} for day in WEEKDAYS),
    *({"weekday": day, "start": "17:30", "end": "19:00", "after_hours": True} for day in WEEKDAYS),
    {"weekday": "saturday", "start": "09:00", "end": "11:00", "after_hours": True},
]
MARKET = headers_for("officer", department="market")
TAX = headers_for("officer", department="tax")
LEADER = headers_for("leader")


def at(day: date, hh_mm: str) -> str:
    return datetime.combine(day, time.fromisoformat(hh_mm), CST).isoformat()


def matter() -> str:
    return f"QYKB-{secrets.token_hex(3)}"


async def make_hall(intake: httpx.AsyncClient, **fields) -> dict:
    body = {
        "name": unique_name("濉溪县政务服务中心"),
        "town": "濉溪镇",
        "address": "濉溪县政务服务中心二楼大厅",
        **fields,
    }
    response = await intake.post("/intake/halls", json=body, headers=ADMIN)
    assert response.status_code == 201, response.text
    return response.json()


def window_body(*codes: str, **fields) -> dict:
    return {
        "number": "A01",
        "name": "企业开办专窗",
        "department": "market",
        "matter_codes": list(codes),
        "hours": HOURS,
        "slot_minutes": 30,
        "capacity": 2,
        **fields,
    }


async def make_window(intake: httpx.AsyncClient, hall_id: str, *codes: str, **fields) -> dict:
    response = await intake.post(f"/intake/halls/{hall_id}/windows", json=window_body(*codes, **fields), headers=ADMIN)
    assert response.status_code == 201, response.text
    return response.json()


async def counter(intake: httpx.AsyncClient, code: str, **fields) -> dict:
    """A hall with one window serving `code`."""
    hall = await make_hall(intake)
    return await make_window(intake, hall["id"], code, **fields)


async def book(intake: httpx.AsyncClient, headers: dict, window: dict, start: str, code: str, **extra):
    body = {"start": start, "window_id": window["id"], "matter_code": code, **extra}
    return await intake.post("/intake/appointments", json=body, headers=headers)


async def booked(intake: httpx.AsyncClient, headers: dict, window: dict, start: str, code: str, **extra) -> dict:
    response = await book(intake, headers, window, start, code, **extra)
    assert response.status_code == 201, response.text
    return response.json()


async def free(intake: httpx.AsyncClient, code: str, first: date, last: date, **params) -> list[dict]:
    query = {"matter_code": code, "from": first.isoformat(), "to": last.isoformat(), **params}
    response = await intake.get("/intake/appointments/slots", params=query, headers=LEADER)
    assert response.status_code == 200, response.text
    return response.json()["items"]


async def timeline(intake: httpx.AsyncClient, enterprise_id: str) -> list[tuple[str, str]]:
    items = await collect_all(intake, f"/intake/enterprises/{enterprise_id}/timeline", ADMIN)
    return [(item["kind"], item["ref_id"]) for item in items if item["kind"].startswith(("appointment.", "onsite."))]


def field_of(response: httpx.Response, status: int = 422) -> list[str]:
    return [error["field"] for error in assert_problem(response, status).get("errors") or []]


@pytest.fixture(autouse=True)
def monday(kuaiban: Kuaiban) -> None:
    kuaiban.clock.now = NOW


@pytest.fixture
async def no_bookings(kuaiban: Kuaiban) -> AsyncIterator[None]:
    """No appointment or on-site request yet (end-to-end tests of the same run commit theirs); rolled back."""
    await kuaiban.connection.execute(text("DELETE FROM intake.appointment"))
    await kuaiban.connection.execute(text("DELETE FROM intake.onsite_request"))
    yield


# --- halls and windows --------------------------------------------------------------------------


async def test_an_admin_sets_up_halls_and_windows_everyone_reads_them(intake: httpx.AsyncClient, cast: Cast):
    hall = await make_hall(intake)
    same = {"name": hall["name"], "town": "濉溪镇", "address": "另一处"}
    assert field_of(await intake.post("/intake/halls", json={**same, "id": hall["id"]}, headers=ADMIN)) == ["id"]
    assert assert_problem(await intake.post("/intake/halls", json=same, headers=ADMIN), 409)["code"] == "conflict"
    assert_problem(await intake.post("/intake/halls", json=same | {"name": "新大厅"}, headers=cast.own), 403)
    created = await intake.post(f"/intake/halls/{hall['id']}/windows", json=window_body("QYKB-001"), headers=ADMIN)
    assert created.status_code == 201, created.text
    window = created.json()
    assert created.headers["location"] == f"/intake/halls/{hall['id']}/windows/{window['id']}"
    assert window["makeup_day"] == "monday" and window["hours"][-1] == {**HOURS[-1]}
    second = await make_window(intake, hall["id"], "SGXK-001", number="B01", name="工程建设项目审批窗口")
    again = await intake.post(f"/intake/halls/{hall['id']}/windows", json=window_body("X-1"), headers=ADMIN)
    assert_problem(again, 409)
    for headers in (cast.own, cast.tax, LEADER, cast.bank):
        listed = await intake.get(f"/intake/halls/{hall['id']}", headers=headers)
        assert listed.status_code == 200 and [w["number"] for w in listed.json()["windows"]] == ["A01", "B01"]
        assert (await intake.get(created.headers["location"], headers=headers)).json() == window
    assert hall["id"] in {h["id"] for h in await collect_all(intake, "/intake/halls", cast.own)}
    assert_problem(await intake.get("/intake/halls"), 401)
    assert_problem(await intake.get(f"/intake/halls/{second['hall_id']}/windows/{hall['id']}", headers=ADMIN), 404)
    replaced = await intake.put(
        f"/intake/halls/{hall['id']}/windows/{second['id']}",
        json=window_body("SGXK-001", number="B01", name="工程建设项目审批窗口", capacity=3, makeup_day="friday"),
        headers=ADMIN,
    )
    assert replaced.status_code == 200 and (replaced.json()["capacity"], replaced.json()["makeup_day"]) == (3, "friday")
    renumbered = window_body("SGXK-001", number="A01")
    clash = await intake.put(f"/intake/halls/{hall['id']}/windows/{second['id']}", json=renumbered, headers=ADMIN)
    assert_problem(clash, 409)
    assert_problem(await intake.put(f"/intake/halls/{hall['id']}/windows/{second['id']}", json=renumbered), 401)


@pytest.mark.parametrize(
    ("change", "fields"),
    [
        ({"hours": [{"weekday": "monday", "start": "12:00", "end": "09:00"}]}, ["hours.0.end"]),
        ({"hours": [{"weekday": "monday", "start": "09:00", "end": "09:20"}]}, ["hours.0.end"]),  # under a slot
        (
            {
                "hours": [
                    {"weekday": "monday", "start": "09:00", "end": "12:00"},
                    {"weekday": "monday", "start": "11:00", "end": "13:00"},
                ]
            },
            ["hours.1.start"],
        ),
        ({"hours": [{"weekday": "monday", "start": "9:00", "end": "12:00"}]}, ["hours.0.start"]),
        ({"hours": [{"weekday": "funday", "start": "09:00", "end": "12:00"}]}, ["hours.0.weekday"]),
        ({"makeup_day": "saturday"}, ["makeup_day"]),
        ({"matter_codes": []}, ["matter_codes"]),
        ({"matter_codes": ["QYKB-001", "QYKB-001"]}, ["matter_codes"]),
        ({"capacity": 0, "slot_minutes": 1}, ["slot_minutes", "capacity"]),
        ({"department": "bakery"}, ["department"]),
    ],
)
async def test_a_window_that_makes_no_sense_is_refused_naming_its_fields(
    intake: httpx.AsyncClient, change: dict, fields: list[str]
):
    hall = await make_hall(intake)
    refused = await intake.post(
        f"/intake/halls/{hall['id']}/windows", json=window_body("QYKB-001") | change, headers=ADMIN
    )
    assert sorted(field_of(refused)) == sorted(fields)


async def test_a_window_of_no_hall_is_not_found(intake: httpx.AsyncClient):
    missing = "3f6d2a9e-8b1c-4e57-9f0a-2c4b6d8e1a37"
    assert_problem(await intake.post(f"/intake/halls/{missing}/windows", json=window_body("Q-1"), headers=ADMIN), 404)
    assert_problem(await intake.get(f"/intake/halls/{missing}", headers=ADMIN), 404)


# --- free slots ---------------------------------------------------------------------------------


async def test_free_slots_follow_the_hours_the_calendar_and_the_bookings(intake: httpx.AsyncClient, cast: Cast):
    code = matter()
    window = await counter(intake, code)
    single = await counter(intake, code, number="C01", capacity=1)
    await counter(intake, matter())  # serves another matter: never listed
    slots = await free(intake, code, MONDAY, PLAIN_SATURDAY)
    days = sorted({datetime.fromisoformat(slot["start"]).date() for slot in slots})
    assert days == [
        MONDAY,
        TUESDAY,
        WEDNESDAY,
        AFTER_BREAK,
        date(2026, 10, 9),
        MAKEUP_SATURDAY,
        date(2026, 10, 12),
        date(2026, 10, 13),
        date(2026, 10, 14),
        date(2026, 10, 15),
        date(2026, 10, 16),
        PLAIN_SATURDAY,
    ]
    mine = [slot for slot in slots if slot["window_id"] == window["id"]]
    monday = [slot["start"] for slot in mine if slot["start"].startswith("2026-09-28")]
    assert monday == [at(MONDAY, t) for t in ("10:30", "11:00", "11:30", "17:30", "18:00", "18:30")]  # 10:00 began
    first = mine[0]
    assert (first["hall_name"], first["window_number"], first["end"]) == (
        (await intake.get(f"/intake/halls/{window['hall_id']}", headers=ADMIN)).json()["name"],
        "A01",
        at(MONDAY, "11:00"),
    )
    assert (first["capacity"], first["remaining"], first["after_hours"]) == (2, 2, False)
    makeup = [slot for slot in mine if slot["start"].startswith("2026-10-10")]  # Monday's hours, evening included
    assert [s["start"][11:16] for s in makeup] == [
        "09:00",
        "09:30",
        "10:00",
        "10:30",
        "11:00",
        "11:30",
        "17:30",
        "18:00",
        "18:30",
    ]
    saturday = [slot for slot in mine if slot["start"].startswith("2026-10-17")]
    assert [s["start"][11:16] for s in saturday] == ["09:00", "09:30", "10:00", "10:30"]
    assert all(slot["after_hours"] for slot in saturday)
    assert [s["start"] for s in slots] == sorted(s["start"] for s in slots)

    await booked(intake, cast.own, window, at(TUESDAY, "09:00"), code)
    await booked(intake, cast.other, single, at(TUESDAY, "09:30"), code)
    tuesday = {(s["window_id"], s["start"]): s["remaining"] for s in await free(intake, code, TUESDAY, TUESDAY)}
    assert tuesday[(window["id"], at(TUESDAY, "09:00"))] == 1
    assert (single["id"], at(TUESDAY, "09:30")) not in tuesday  # full: not free
    only = await free(intake, code, TUESDAY, TUESDAY, hall_id=single["hall_id"])
    assert {slot["window_id"] for slot in only} == {single["id"]}
    assert await free(intake, matter(), MONDAY, PLAIN_SATURDAY) == []  # a matter no window serves


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2026-09-28", "to": "2026-10-29"}, "to"),  # 32 days
        ({"from": "2026-10-02", "to": "2026-10-01"}, "to"),
        ({"from": "2026-9-28", "to": "2026-10-01"}, "from"),
        ({"from": "2026-09-28"}, "to"),
        ({"to": "2026-09-28", "from": "2026-09-28", "matter_code": ""}, "matter_code"),
    ],
)
async def test_a_bad_range_of_days_is_refused_naming_it(intake: httpx.AsyncClient, params: dict, field: str):
    query = {"matter_code": "QYKB-001", **params}
    assert field in field_of(await intake.get("/intake/appointments/slots", params=query, headers=ADMIN))


async def test_31_days_is_the_longest_range(intake: httpx.AsyncClient):
    query = {"matter_code": "QYKB-001", "from": "2026-09-28", "to": "2026-10-28"}
    assert (await intake.get("/intake/appointments/slots", params=query, headers=ADMIN)).status_code == 200


# --- booking ------------------------------------------------------------------------------------


async def test_an_enterprise_books_and_its_liaison_books_for_it(intake: httpx.AsyncClient, cast: Cast):
    code = matter()
    window = await counter(intake, code)
    response = await book(intake, cast.own, window, at(PLAIN_SATURDAY, "09:30"), code)
    assert response.status_code == 201, response.text
    mine = response.json()
    assert response.headers["location"] == f"/intake/appointments/{mine['id']}"
    assert (mine["enterprise_id"], mine["status"], mine["after_hours"], mine["appointment_on"]) == (
        cast.own_id,
        "booked",
        True,
        "2026-10-17",
    )
    assert datetime.fromisoformat(mine["start_at"]) == datetime.fromisoformat(at(PLAIN_SATURDAY, "09:30"))
    assert datetime.fromisoformat(mine["end_at"]) == datetime.fromisoformat(at(PLAIN_SATURDAY, "10:00"))
    by_liaison = await booked(intake, cast.liaison, window, at(TUESDAY, "17:30"), code, enterprise_id=cast.own_id)
    assert (by_liaison["booked_by"], by_liaison["enterprise_id"]) == (cast.liaison_name, cast.own_id)
    by_admin = await booked(intake, ADMIN, window, at(TUESDAY, "09:00"), code, enterprise_id=cast.other_id)
    assert by_admin["enterprise_id"] == cast.other_id
    assert ("appointment.booked", mine["id"]) in await timeline(intake, cast.own_id)
    assert ("appointment.booked", by_admin["id"]) in await timeline(intake, cast.other_id)


async def test_bookings_that_break_the_rules_are_refused(intake: httpx.AsyncClient, cast: Cast):
    code = matter()
    window = await counter(intake, code)
    other_matter = await counter(intake, matter())
    unknown = "3f6d2a9e-8b1c-4e57-9f0a-2c4b6d8e1a37"
    refusals = [
        (cast.own, window, at(TUESDAY, "09:15"), code, {}, "start"),  # between two slots
        (cast.own, window, at(NATIONAL_DAY, "09:00"), code, {}, "start"),  # a holiday
        (cast.own, window, at(BREAK_SATURDAY, "09:00"), code, {}, "start"),  # a Saturday inside the break
        (cast.own, window, at(MONDAY, "09:30"), code, {}, "start"),  # past
        (cast.own, window, at(MONDAY, "10:00"), code, {}, "start"),  # begun
        (cast.own, window, "2026-09-29T09:00:00", code, {}, "start"),  # no time zone
        (cast.own, other_matter, at(TUESDAY, "09:00"), code, {}, "matter_code"),
        (cast.own, {"id": unknown}, at(TUESDAY, "09:00"), code, {}, "window_id"),
        (cast.own, window, at(TUESDAY, "09:00"), code, {"enterprise_id": cast.other_id}, "enterprise_id"),
        (ADMIN, window, at(TUESDAY, "09:00"), code, {}, "enterprise_id"),
        (ADMIN, window, at(TUESDAY, "09:00"), code, {"enterprise_id": unknown}, "enterprise_id"),
        (cast.own, window, at(TUESDAY, "09:00"), code, {"note": "x"}, "note"),
    ]
    for headers, target, start, matter_code, extra, field in refusals:
        response = await book(intake, headers, target, start, matter_code, **extra)
        assert field in field_of(response), (start, field, response.text)
    unknown_window = await book(intake, cast.own, {"id": unknown}, at(TUESDAY, "09:00"), code)
    assert assert_problem(unknown_window, 422)["errors"][0]["code"] == "unknown_reference"
    for headers in (cast.tax, LEADER, cast.bank):  # an officer who is not its liaison; read-only roles
        assert_problem(await book(intake, headers, window, at(TUESDAY, "09:00"), code, enterprise_id=cast.own_id), 403)
    assert await timeline(intake, cast.own_id) == []


async def test_a_full_slot_and_a_second_booking_are_conflicts(intake: httpx.AsyncClient, cast: Cast):
    code = matter()
    window = await counter(intake, code, capacity=1)
    pair = await counter(intake, code, capacity=2)
    first = await booked(intake, cast.own, window, at(TUESDAY, "09:00"), code)
    full = assert_problem(await book(intake, cast.other, window, at(TUESDAY, "09:00"), code), 409)
    assert full["code"] == "slot_full" and full["type"].endswith("/slot-full")
    twice = await book(intake, cast.own, pair, at(TUESDAY, "09:00"), code)  # same matter, same day, another window
    assert assert_problem(twice, 409)["code"] == "duplicate_booking"
    again = await book(intake, cast.own, window, at(TUESDAY, "09:00"), code)  # the same slot
    assert assert_problem(again, 409)["code"] in ("slot_full", "duplicate_booking")
    assert (await book(intake, cast.own, pair, at(WEDNESDAY, "09:00"), code)).status_code == 201  # another day
    assert (await book(intake, cast.other, pair, at(TUESDAY, "09:00"), code)).status_code == 201
    rows = await collect_all(intake, "/intake/appointments", ADMIN, window_id=window["id"])
    assert [row["id"] for row in rows] == [first["id"]]


# --- cancelling and moving ----------------------------------------------------------------------


async def test_a_booking_is_cancelled_or_moved_until_the_cut_off(
    kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast
):
    code = matter()
    window = await counter(intake, code)
    elsewhere = await counter(intake, code, number="B02", capacity=1)
    unrelated = await counter(intake, matter())
    mine = await booked(intake, cast.own, window, at(TUESDAY, "09:00"), code)
    path = f"/intake/appointments/{mine['id']}"
    moved = await intake.post(f"{path}/reschedule", json={"start": at(WEDNESDAY, "17:30")}, headers=cast.own)
    assert moved.status_code == 200, moved.text
    assert (moved.json()["rescheduled"], moved.json()["after_hours"], moved.json()["appointment_on"]) == (
        1,
        True,
        "2026-09-30",
    )
    tuesday = {
        s["start"]: s["remaining"] for s in await free(intake, code, TUESDAY, TUESDAY) if s["window_id"] == window["id"]
    }
    assert tuesday[at(TUESDAY, "09:00")] == 2  # its old place is free again
    await booked(intake, cast.other, elsewhere, at(AFTER_BREAK, "09:00"), code)
    full = await intake.post(
        f"{path}/reschedule", json={"start": at(AFTER_BREAK, "09:00"), "window_id": elsewhere["id"]}, headers=cast.own
    )
    assert assert_problem(full, 409)["code"] == "slot_full"
    assert (await intake.get(path, headers=cast.own)).json()["appointment_on"] == "2026-09-30"  # unchanged
    wrong = await intake.post(
        f"{path}/reschedule", json={"start": at(AFTER_BREAK, "09:00"), "window_id": unrelated["id"]}, headers=cast.own
    )
    assert field_of(wrong) == ["window_id"]
    same = await intake.post(f"{path}/reschedule", json={"start": at(WEDNESDAY, "17:30")}, headers=cast.own)
    assert field_of(same) == ["start"]
    holiday = await intake.post(f"{path}/reschedule", json={"start": at(NATIONAL_DAY, "09:00")}, headers=cast.own)
    assert field_of(holiday) == ["start"]
    across = await intake.post(
        f"{path}/reschedule",
        json={"start": at(AFTER_BREAK, "09:30"), "window_id": elsewhere["id"]},
        headers=cast.liaison,
    )
    assert across.status_code == 200 and across.json()["window_id"] == elsewhere["id"]
    assert across.json()["hall_id"] == elsewhere["hall_id"]

    assert_problem(await intake.post(f"{path}/cancel", headers=cast.other), 404)
    assert_problem(await intake.post(f"{path}/cancel", headers=cast.tax), 403)  # staff, but not its liaison
    kuaiban.clock.now = datetime(2026, 10, 8, 7, 30, 1, tzinfo=CST)  # 1 h 59 min 59 s before 09:30
    late = assert_problem(await intake.post(f"{path}/cancel", headers=cast.own), 409)
    assert late["code"] == "past_cutoff" and late["type"].endswith("/past-cutoff")
    too_late = await intake.post(f"{path}/reschedule", json={"start": at(AFTER_BREAK, "17:30")}, headers=cast.own)
    assert assert_problem(too_late, 409)["code"] == "past_cutoff"
    kuaiban.clock.now = datetime(2026, 10, 8, 7, 30, tzinfo=CST)  # exactly the cut-off
    cancelled = await intake.post(f"{path}/cancel", headers=cast.own)
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    assert assert_problem(await intake.post(f"{path}/cancel", headers=cast.own), 409)["code"] == "invalid_transition"
    assert (await book(intake, cast.own, elsewhere, at(AFTER_BREAK, "10:00"), code)).status_code == 201  # day free
    kinds = [kind for kind, ref in await timeline(intake, cast.own_id) if ref == mine["id"]]
    assert sorted(kinds) == sorted(
        ["appointment.booked", "appointment.rescheduled", "appointment.rescheduled", "appointment.cancelled"]
    )


# --- attendance ---------------------------------------------------------------------------------


async def test_window_staff_record_check_ins_and_no_shows(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    code = matter()
    window = await counter(intake, code)
    came = await booked(intake, cast.own, window, at(MONDAY, "10:30"), code)
    missed = await booked(intake, cast.other, window, at(MONDAY, "11:00"), code)
    later = await booked(intake, cast.own, window, at(TUESDAY, "09:00"), code)
    assert_problem(await intake.post(f"/intake/appointments/{came['id']}/check-in", headers=TAX), 403)
    assert_problem(await intake.post(f"/intake/appointments/{came['id']}/check-in", headers=cast.own), 403)
    checked = await intake.post(f"/intake/appointments/{came['id']}/check-in", headers=MARKET)
    assert checked.status_code == 200 and checked.json()["status"] == "checked_in" and checked.json()["checked_in_at"]
    early = await intake.post(f"/intake/appointments/{missed['id']}/no-show", headers=MARKET)
    assert assert_problem(early, 409)["code"] == "invalid_transition"
    not_today = await intake.post(f"/intake/appointments/{later['id']}/check-in", headers=ADMIN)
    assert assert_problem(not_today, 409)["code"] == "invalid_transition"
    kuaiban.clock.advance(hours=1, minutes=30)  # 11:30, the slot has ended
    noted = await intake.post(f"/intake/appointments/{missed['id']}/no-show", headers=ADMIN)
    assert noted.status_code == 200 and noted.json()["status"] == "no_show"
    assert_problem(await intake.post(f"/intake/appointments/{missed['id']}/check-in", headers=MARKET), 409)
    assert_problem(await intake.post(f"/intake/appointments/{came['id']}/cancel", headers=cast.own), 409)
    assert ("appointment.no_show", missed["id"]) in await timeline(intake, cast.other_id)
    assert not [kind for kind, ref in await timeline(intake, cast.own_id) if kind == "appointment.no_show"]


# --- reminders ----------------------------------------------------------------------------------


async def test_the_reminder_goes_on_the_timeline_the_working_day_before_once(
    kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast
):
    code = matter()
    window = await counter(intake, code)
    tomorrow = await booked(intake, cast.own, window, at(TUESDAY, "09:00"), code)
    after_break = await booked(intake, cast.other, window, at(AFTER_BREAK, "09:00"), code)
    makeup = await booked(intake, cast.own, window, at(MAKEUP_SATURDAY, "17:30"), code)

    async def run(headers: dict = ADMIN) -> httpx.Response:
        return await intake.post("/intake/appointments/reminders", headers=headers)

    assert_problem(await run(cast.own), 403)
    assert_problem(await run(MARKET), 403)
    first = await run()
    assert first.status_code == 200 and first.json()["appointments"] >= 1
    assert ("appointment.reminder", tomorrow["id"]) in await timeline(intake, cast.own_id)
    assert (await run()).json()["appointments"] == 0  # never twice
    reminded = [(kind, ref) for kind, ref in await timeline(intake, cast.own_id) if kind == "appointment.reminder"]
    assert reminded == [("appointment.reminder", tomorrow["id"])]

    kuaiban.clock.now = datetime(2026, 9, 30, 18, 0, tzinfo=CST)  # Wednesday: the working day before 8 October
    await run()
    assert ("appointment.reminder", after_break["id"]) in await timeline(intake, cast.other_id)
    assert ("appointment.reminder", makeup["id"]) not in await timeline(intake, cast.own_id)  # due Friday 9 October
    got = (await intake.get(f"/intake/appointments/{after_break['id']}", headers=cast.other)).json()
    assert got["reminded_at"] is not None
    moved = await intake.post(
        f"/intake/appointments/{after_break['id']}/reschedule",
        json={"start": at(PLAIN_SATURDAY, "09:00")},
        headers=ADMIN,
    )
    assert moved.status_code == 200 and moved.json()["reminded_at"] is None  # a moved booking is reminded again

    kuaiban.clock.now = datetime(2026, 10, 9, 9, 0, tzinfo=CST)  # the job itself, as the periodic hook runs it
    runtime = kuaiban.runtimes["intake"]
    assert await run_once(runtime, "appointment-reminders", appointments.reminders_job)
    assert ("appointment.reminder", makeup["id"]) in await timeline(intake, cast.own_id)
    kuaiban.clock.now = datetime(2026, 10, 16, 9, 0, tzinfo=CST)
    await run()
    other_reminders = [ref for kind, ref in await timeline(intake, cast.other_id) if kind == "appointment.reminder"]
    assert other_reminders == [after_break["id"], after_break["id"]]


# --- on-site service ----------------------------------------------------------------------------


async def test_on_site_service_is_routed_scheduled_with_an_officer_and_reminded(
    kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast
):
    code, shared, nobody = matter(), matter(), matter()
    await counter(intake, code)  # served by 市场监管 (market)
    await counter(intake, shared)
    await counter(intake, shared, department="tax", number="T01")
    body = {"matter_code": code, "address": "濉溪经济开发区凤栖路 18 号", "preferred_dates": ["2026-10-09"]}
    created = await intake.post("/intake/onsite-requests", json=body, headers=cast.own)
    assert created.status_code == 201, created.text
    visit = created.json()
    assert (visit["department"], visit["status"], visit["enterprise_id"]) == ("market", "requested", cast.own_id)
    assert created.headers["location"] == f"/intake/onsite-requests/{visit['id']}"
    for change, field in (
        ({"matter_code": nobody}, "department"),  # no window serves it
        ({"matter_code": shared}, "department"),  # two departments do
        ({"preferred_dates": ["2026-09-27"]}, "preferred_dates"),
        ({"address": ""}, "address"),
        ({"enterprise_id": cast.other_id}, "enterprise_id"),
    ):
        assert field in field_of(
            await intake.post("/intake/onsite-requests", json={**body, **change}, headers=cast.own)
        )
    named = await intake.post(
        "/intake/onsite-requests",
        json={**body, "matter_code": nobody, "department": "power", "enterprise_id": cast.own_id},
        headers=cast.liaison,
    )
    assert named.status_code == 201 and named.json()["department"] == "power"
    assert_problem(
        await intake.post("/intake/onsite-requests", json={**body, "enterprise_id": cast.own_id}, headers=TAX), 403
    )

    officer = await gateway_account(kuaiban, "officer", department="market")
    clerk = await gateway_account(kuaiban, "officer", department="tax")
    path = f"/intake/onsite-requests/{visit['id']}/schedule"
    plan = {"officer_username": officer, "start": at(date(2026, 10, 9), "09:30")}
    assert_problem(await intake.post(path, json=plan, headers=TAX), 403)
    assert_problem(await intake.post(path, json=plan, headers=cast.own), 403)
    for change, field in (
        ({"officer_username": clerk}, "officer_username"),  # another department's officer
        ({"officer_username": "nobody-here"}, "officer_username"),
        ({"start": at(NATIONAL_DAY, "09:30")}, "start"),
        ({"start": at(MONDAY, "09:30")}, "start"),
    ):
        assert field_of(await intake.post(path, json={**plan, **change}, headers=MARKET)) == [field]
    scheduled = await intake.post(path, json=plan, headers=MARKET)
    assert scheduled.status_code == 200, scheduled.text
    assert (scheduled.json()["status"], scheduled.json()["officer_username"], scheduled.json()["visit_on"]) == (
        "scheduled",
        officer,
        "2026-10-09",
    )
    second = await intake.post("/intake/onsite-requests", json=body, headers=cast.other)
    busy = await intake.post(f"/intake/onsite-requests/{second.json()['id']}/schedule", json=plan, headers=ADMIN)
    assert assert_problem(busy, 409)["code"] == "slot_full"

    assert_problem(await intake.get(f"/intake/onsite-requests/{visit['id']}", headers=cast.other), 404)
    assert (await intake.get(f"/intake/onsite-requests/{visit['id']}", headers=TAX)).status_code == 200
    own_list = {item["id"] for item in await collect_all(intake, "/intake/onsite-requests", cast.own)}
    assert own_list == {visit["id"], named.json()["id"]}
    assert_problem(await intake.get("/intake/onsite-requests", headers=LEADER), 403)
    market = await collect_all(
        intake, "/intake/onsite-requests", ADMIN, department="market", status="scheduled", enterprise_id=cast.own_id
    )
    assert [item["id"] for item in market] == [visit["id"]]

    kuaiban.clock.now = datetime(2026, 10, 8, 9, 0, tzinfo=CST)
    assert (await intake.post("/intake/appointments/reminders", headers=ADMIN)).json()["onsite_requests"] == 1
    kinds = [kind for kind, ref in await timeline(intake, cast.own_id) if ref == visit["id"]]
    assert sorted(kinds) == ["appointment.reminder", "onsite.requested", "onsite.scheduled"]


# --- visibility ---------------------------------------------------------------------------------


async def test_each_sees_the_appointments_it_may(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    code = matter()
    window = await counter(intake, code)
    mine = await booked(intake, cast.own, window, at(TUESDAY, "09:00"), code)
    kuaiban.clock.advance(seconds=1)
    theirs = await booked(intake, cast.other, window, at(WEDNESDAY, "09:00"), code)
    path = f"/intake/appointments/{mine['id']}"
    assert (await intake.get(path, headers=cast.own)).json() == mine
    assert_problem(await intake.get(path, headers=cast.other), 404)  # BOLA: another enterprise's is not there
    for headers in (cast.liaison, cast.tax, ADMIN):
        assert (await intake.get(path, headers=headers)).status_code == 200
    for headers in (LEADER, cast.bank):
        assert_problem(await intake.get(path, headers=headers), 403)
        assert_problem(await intake.get("/intake/appointments", headers=headers), 403)
    assert_problem(await intake.get(path), 401)
    own_ids = {item["id"] for item in await collect_all(intake, "/intake/appointments", cast.own)}
    assert mine["id"] in own_ids and theirs["id"] not in own_ids
    staff = await collect_all(intake, "/intake/appointments", cast.tax, window_id=window["id"])
    assert [item["id"] for item in staff] == [theirs["id"], mine["id"]]  # newest booking first
    on_tuesday = await collect_all(intake, "/intake/appointments", ADMIN, hall_id=window["hall_id"], on="2026-09-29")
    assert [item["id"] for item in on_tuesday] == [mine["id"]]
    assert await collect_all(intake, "/intake/appointments", ADMIN, window_id=window["id"], status="cancelled") == []
    page = await intake.get("/intake/appointments", params={"window_id": window["id"], "limit": 1}, headers=ADMIN)
    assert len(page.json()["items"]) == 1 and page.json()["next_cursor"]
    assert_problem(await intake.get("/intake/appointments", params={"status": "lost"}, headers=ADMIN), 422)


# --- figures ------------------------------------------------------------------------------------


async def test_the_figures_by_matter_and_hall(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast, no_bookings):
    opening, permit = matter(), matter()
    window = await counter(intake, opening)
    other = await counter(intake, permit, department="housing")
    came = await booked(intake, cast.own, window, at(MONDAY, "10:30"), opening)  # same day: waits 0
    missed = await booked(intake, cast.other, window, at(MONDAY, "11:00"), opening)  # 0
    dropped = await booked(intake, cast.own, window, at(TUESDAY, "09:00"), opening)  # 1, cancelled
    await booked(intake, cast.own, other, at(AFTER_BREAK, "09:00"), permit)  # 10
    await booked(intake, cast.other, other, at(WEDNESDAY, "09:00"), permit)  # 2
    assert (await intake.post(f"/intake/appointments/{dropped['id']}/cancel", headers=cast.own)).status_code == 200
    assert (await intake.post(f"/intake/appointments/{came['id']}/check-in", headers=MARKET)).status_code == 200
    kuaiban.clock.advance(hours=2)
    assert (await intake.post(f"/intake/appointments/{missed['id']}/no-show", headers=MARKET)).status_code == 200
    onsite = {"matter_code": opening, "address": "濉溪经济开发区凤栖路 18 号"}
    first = (await intake.post("/intake/onsite-requests", json=onsite, headers=cast.own)).json()
    await intake.post("/intake/onsite-requests", json={**onsite, "department": "power"}, headers=cast.other)
    officer = await gateway_account(kuaiban, "officer", department="market")
    plan = {"officer_username": officer, "start": at(WEDNESDAY, "15:00")}
    assert (
        await intake.post(f"/intake/onsite-requests/{first['id']}/schedule", json=plan, headers=MARKET)
    ).status_code == 200

    response = await intake.get("/intake/appointments/stats", headers=LEADER)
    assert response.status_code == 200, response.text
    figures = response.json()
    hall_names = {
        w["hall_id"]: (await intake.get(f"/intake/halls/{w['hall_id']}", headers=ADMIN)).json()["name"]
        for w in (window, other)
    }
    opening_figures = {
        "bookings": 3,
        "cancelled": 1,
        "checked_in": 1,
        "no_shows": 1,
        "no_show_rate": 0.5,
        "avg_wait_days": 0.0,
    }
    permit_figures = {
        "bookings": 2,
        "cancelled": 0,
        "checked_in": 0,
        "no_shows": 0,
        "no_show_rate": None,
        "avg_wait_days": 6.0,
    }
    assert figures == {
        "bookings": 5,
        "cancelled": 1,
        "checked_in": 1,
        "no_shows": 1,
        "no_show_rate": 0.5,
        "avg_wait_days": 3.0,  # (0 + 0 + 10 + 2) / 4, the cancelled one left out
        "by_matter": {opening: opening_figures, permit: permit_figures},
        "by_hall": {hall_names[window["hall_id"]]: opening_figures, hall_names[other["hall_id"]]: permit_figures},
        "onsite": {
            "requested": 2,
            "scheduled": 1,
            "by_department": {"market": {"requested": 1, "scheduled": 1}, "power": {"requested": 1, "scheduled": 0}},
        },
    }
    assert (await intake.get("/intake/appointments/stats", headers=ADMIN)).json() == figures
    later = await intake.get("/intake/appointments/stats", params={"from": "2026-09-30"}, headers=ADMIN)
    assert (later.json()["bookings"], later.json()["avg_wait_days"], list(later.json()["by_matter"])) == (
        2,
        6.0,
        [permit],
    )
    for headers in (cast.own, cast.tax, cast.bank):
        assert_problem(await intake.get("/intake/appointments/stats", headers=headers), 403)


# --- the demo hall ------------------------------------------------------------------------------


async def test_make_run_seeds_the_county_hall_once_with_its_after_hours(kuaiban: Kuaiban, intake: httpx.AsyncClient):
    runtime = kuaiban.runtimes["intake"]
    seeded = dataclasses.replace(runtime, settings=runtime.settings.model_copy(update={"seed_demo": True}))
    async with intake_app.seed_demo(seeded):
        pass
    async with runtime.sessions.begin() as session:
        assert await halls.seed_demo(session, now=kuaiban.clock.now) == 0  # replicas seed safely
    [hall] = [h for h in await collect_all(intake, "/intake/halls", ADMIN) if h["name"] == halls.DEMO_HALL["name"]]
    windows = (await intake.get(f"/intake/halls/{hall['id']}", headers=ADMIN)).json()["windows"]
    assert [(w["number"], w["department"], w["matter_codes"]) for w in windows] == [
        ("A01", "market", ["QYKB-001"]),
        ("A02", "tax", ["QYKB-001"]),
        ("B01", "housing", ["SGXK-001"]),
        ("C01", "power", ["YDBZ-001"]),
    ]
    opening = await free(intake, "QYKB-001", MONDAY, PLAIN_SATURDAY, hall_id=hall["id"])
    evening = [s for s in opening if s["start"].startswith("2026-09-29") and s["after_hours"]]
    assert [s["start"][11:16] for s in evening if s["window_number"] == "A01"] == ["17:30", "18:00", "18:30"]
    saturday = [s for s in opening if s["start"].startswith("2026-10-17")]
    assert {s["window_number"] for s in saturday} == {"A01", "A02"} and all(s["after_hours"] for s in saturday)
    assert not [s for s in opening if s["start"].startswith("2026-10-03")]  # inside the National Day break

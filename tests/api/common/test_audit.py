"""The audit trail: a committed change always has its record (who, which call, before/after), a rolled-back
change has none, and `GET /{service}/audit` lists them for the admin only."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from fastapi import APIRouter
from sqlalchemy import text

from migrations.metadata import SCHEMAS, metadata
from services.common.audit import UNAUDITED, bind_actor
from services.common.db import SessionDep
from services.common.problems import Invalid
from services.intake.models import Meeting
from tests.api.common._support import ADMIN, count, probe_app, probe_client
from tests.helpers.factories import enterprise_payload, headers_for
from tests.helpers.inprocess import Kuaiban, collect_all
from tests.helpers.problems import assert_problem

router = APIRouter(prefix="/probe")
CLERK = headers_for("officer", username="clerk-li", department="data_bureau")


@router.post("/meetings", status_code=201)
async def record_meeting(body: dict, session: SessionDep, then: str = "ok") -> dict:
    """Writes a meeting, flushed to the database, then fails if asked to: the record must go with it."""
    meeting = Meeting(title=body["title"], held_on=datetime(2026, 11, 20).date(), location="临涣镇")
    session.add(meeting)
    await session.flush()
    if then == "invalid":
        raise Invalid("Refused after writing.", field="title")
    if then == "crash":
        raise RuntimeError("a bug after the write")
    return {"id": str(meeting.id)}


async def records_of(kuaiban: Kuaiban, schema: str, resource_id: str) -> int:
    return await count(kuaiban, f"SELECT count(*) FROM {schema}.audit_log WHERE resource_id = :id", id=resource_id)


async def test_a_create_is_recorded_with_its_caller_and_request(kuaiban: Kuaiban):
    async with kuaiban.client("intake") as intake:
        created = await intake.post(
            "/intake/enterprises", json=enterprise_payload(name="淮北濉溪测试机械有限公司"), headers=ADMIN
        )
        assert created.status_code == 201, created.text
        enterprise_id = created.json()["id"]
        listed = await intake.get("/intake/audit", params={"resource": f"enterprise/{enterprise_id}"}, headers=ADMIN)
    assert listed.status_code == 200, listed.text
    [entry] = listed.json()["items"]
    assert entry["actor"] == "admin" and entry["actor_role"] == "admin" and entry["change"] == "created"
    assert entry["action"] == "POST /intake/enterprises" and entry["resource_type"] == "enterprise"
    assert entry["request_id"] == created.headers["x-request-id"]
    assert entry["before"] is None and entry["after"]["name"] == "淮北濉溪测试机械有限公司"
    assert not {"id", "created_at", "updated_at"} & set(entry["after"])


async def test_an_update_keeps_only_the_fields_that_changed(kuaiban: Kuaiban):
    officer = {"username": "liaison-wang", "password": "long-enough-pw", "role": "officer", "department": "market"}
    async with kuaiban.client("gateway", ADMIN) as gateway:
        assert (await gateway.post("/auth/accounts", json=officer)).status_code == 201
    async with kuaiban.client("intake", ADMIN) as intake:
        enterprise_id = (await intake.post("/intake/enterprises", json=enterprise_payload())).json()["id"]
        path = f"/intake/enterprises/{enterprise_id}/liaison"
        assigned = await intake.put(path, json={"officer_username": "liaison-wang"})
        assert assigned.status_code == 200, assigned.text
        trail = await collect_all(intake, "/intake/audit", ADMIN, resource=f"enterprise/{enterprise_id}")
    update = next(entry for entry in trail if entry["change"] == "updated")
    assert update["action"] == "PUT /intake/enterprises/{enterprise_id}/liaison"
    assert set(update["after"]) == set(update["before"]) and update["before"]["liaison_officer"] is None
    assert update["after"]["liaison_officer"] is not None and "name" not in update["after"]


async def test_a_password_hash_never_reaches_the_trail(kuaiban: Kuaiban):
    async with kuaiban.client("gateway", ADMIN) as gateway:
        body = {"username": "audit-pw-owner", "password": "long-enough-pw", "role": "officer", "department": "market"}
        account = (await gateway.post("/auth/accounts", json=body)).json()
        changed = await gateway.patch(f"/auth/accounts/{account['id']}", json={"department": "tax"})
        assert changed.status_code == 200, changed.text
        trail = await collect_all(gateway, "/auth/audit", ADMIN, resource=f"account/{account['id']}")
    assert [entry["change"] for entry in trail] == ["updated", "created"]
    assert trail[0]["before"]["department"] == "market" and trail[0]["after"]["department"] == "tax"
    assert all("password_hash" not in (entry["after"] or {}) for entry in trail)
    assert trail[1]["after"]["username"] == "audit-pw-owner"


async def test_a_core_statement_is_recorded_too(kuaiban: Kuaiban):
    """The calendar is written by an INSERT … ON CONFLICT statement, not by the ORM: the trigger sees it."""
    async with kuaiban.client("approval", ADMIN) as approval:
        replaced = await approval.put("/approval/calendar/2045", json={"holidays": ["2045-10-02"], "workdays": []})
        assert replaced.status_code == 200, replaced.text
        trail = await collect_all(approval, "/approval/audit", ADMIN, resource="calendar_year", actor="admin")
    assert any(entry["after"].get("year") == 2045 for entry in trail if entry["after"])
    assert {entry["action"] for entry in trail} == {"PUT /approval/calendar/{year}"}


@pytest.mark.parametrize(("then", "status"), [("invalid", 422), ("crash", 500)])
async def test_a_rolled_back_change_leaves_no_record(kuaiban: Kuaiban, then: str, status: int):
    async with probe_client(probe_app(kuaiban, router), CLERK) as probe:
        kept = await probe.post("/probe/meetings", json={"title": "kept"})
        failed = await probe.post("/probe/meetings", params={"then": then}, json={"title": "lost"})
    assert kept.status_code == 201 and failed.status_code == status
    trail = (await kuaiban.connection.execute(text("SELECT after->>'title', actor FROM intake.audit_log"))).all()
    assert ("kept", "clerk-li") in trail and not any(title == "lost" for title, _ in trail)


async def test_a_job_names_itself_and_a_change_without_a_call_is_the_systems(kuaiban: Kuaiban):
    sessions = kuaiban.runtimes["intake"].sessions
    async with sessions.begin() as session:
        bind_actor(session, "sla-sweep", "sweep")
        session.add(by_job := Meeting(title="by a job", held_on=datetime(2026, 11, 20).date(), location="刘桥镇"))
    # The test's one transaction still holds the job's setting; a new transaction in production would not.
    await kuaiban.connection.execute(text("SELECT set_config('kuaiban.call', '', true)"))
    async with sessions.begin() as session:
        session.add(unbound := Meeting(title="by nobody", held_on=datetime(2026, 11, 20).date(), location="刘桥镇"))
    rows = (
        await kuaiban.connection.execute(
            text("SELECT resource_id, actor, actor_role, action FROM intake.audit_log WHERE resource_id = ANY(:ids)"),
            {"ids": [str(by_job.id), str(unbound.id)]},
        )
    ).all()
    assert set(rows) == {(str(by_job.id), "sla-sweep", "system", "sweep"), (str(unbound.id), "system", None, None)}


async def test_filters_and_pages(kuaiban: Kuaiban):
    async with kuaiban.client("intake", ADMIN) as intake:
        before = datetime.now(UTC) - timedelta(seconds=1)
        made = [(await intake.post("/intake/enterprises", json=enterprise_payload())).json()["id"] for _ in range(3)]
        by_clerk = await intake.get("/intake/audit", params={"actor": "nobody-made-this"})
        assert by_clerk.status_code == 200 and by_clerk.json()["items"] == []
        recent = await collect_all(
            intake, "/intake/audit", None, since=before.isoformat(), resource="enterprise", limit=1
        )
        future = await intake.get(
            "/intake/audit", params={"since": (datetime.now(UTC) + timedelta(hours=1)).isoformat()}
        )
    assert [entry["resource_id"] for entry in recent] == made[::-1]  # newest first, one page at a time
    assert future.json()["items"] == []


@pytest.mark.parametrize(
    "params", [{"resource": "/x"}, {"resource": "enterprise/a/b"}, {"since": "1767225600"}, {"limit": "0"}]
)
async def test_bad_filters_are_422(kuaiban: Kuaiban, params: dict):
    async with kuaiban.client("intake", ADMIN) as intake:
        assert_problem(await intake.get("/intake/audit", params=params), 422)


@pytest.mark.parametrize(
    ("service", "path"),
    [
        ("intake", "/intake/audit"),
        ("approval", "/approval/audit"),
        ("finance", "/finance/audit"),
        ("gateway", "/auth/audit"),
    ],
)
async def test_only_the_admin_reads_the_trail(kuaiban: Kuaiban, service: str, path: str):
    async with kuaiban.client(service) as client:
        assert (await client.get(path, headers=ADMIN)).status_code == 200
        assert_problem(await client.get(path, headers=CLERK), 403)
        assert_problem(await client.get(path, headers=headers_for("enterprise", enterprise_id=str(uuid.uuid4()))), 403)
        assert_problem(await client.get(path), 401)


async def test_every_table_a_call_can_change_has_the_trigger(kuaiban: Kuaiban):
    expected = {
        (table.schema, table.name)
        for table in metadata.sorted_tables
        if table.schema in SCHEMAS and table.name not in UNAUDITED
    }
    triggered = (
        await kuaiban.connection.execute(
            text(
                "SELECT n.nspname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE t.tgname = 'audit'"
            )
        )
    ).all()
    assert set(map(tuple, triggered)) == expected
    assert await records_of(kuaiban, "intake", "none") == 0

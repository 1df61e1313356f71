"""One unit of work per request: kept only when the answer is a success, and never answered 2xx unless kept."""

import uuid
from datetime import date

import pytest
from fastapi import APIRouter
from sqlalchemy import text

from services.common.db import SessionDep, create_sessionmaker
from services.common.problems import Invalid, Unavailable
from services.intake.models import Enterprise, Meeting
from tests.api.common._support import ADMIN, count, new_enterprise, probe_app, probe_client
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem

router = APIRouter(prefix="/probe")
answered_by_route: list[str] = []  # the routes below note their success here before the commit runs


@router.post("/meetings", status_code=201)
async def record_meeting(body: dict, session: SessionDep, then: str = "ok") -> dict:
    """Writes a meeting (flushed: the row is in the database), then answers as `then` says."""
    meeting = Meeting(title=body["title"], held_on=date(2026, 11, 20), location="临涣镇")
    session.add(meeting)
    await session.flush()
    if then == "invalid":
        raise Invalid("Refused after writing.", field="title")
    if then == "unavailable":
        raise Unavailable("A dependency is down.")
    if then == "crash":
        raise RuntimeError("a bug after the write")
    return {"id": str(meeting.id)}


@router.post("/enterprises", status_code=201)
async def register_unflushed(body: dict, session: SessionDep) -> dict:
    """Adds an enterprise without flushing: its INSERT (and its unique check) happens at commit."""
    session.add(Enterprise.model_validate(body))
    answered_by_route.append(body["uscc"])
    return {"registered": body["uscc"]}


@router.post("/deferred", status_code=201)
async def break_a_deferred_constraint(session: SessionDep) -> dict:
    """Two equal rows under a unique constraint checked only at COMMIT."""
    await session.exec(
        text(
            "CREATE TEMP TABLE probe_once (n int, CONSTRAINT probe_once_n UNIQUE (n) DEFERRABLE INITIALLY DEFERRED)"
            " ON COMMIT DROP"
        )
    )
    await session.exec(text("INSERT INTO probe_once VALUES (1), (1)"))
    answered_by_route.append("deferred")
    return {"inserted": 2}


@router.post("/bad-value", status_code=201)
async def cast_garbage(session: SessionDep) -> dict:
    await session.exec(text("SELECT 'not a number'::int"))
    return {}


async def meetings_titled(kuaiban: Kuaiban, title: str) -> int:
    return await count(kuaiban, "SELECT count(*) FROM intake.meeting WHERE title = :title", title=title)


async def test_a_success_is_kept(kuaiban: Kuaiban):
    async with probe_client(probe_app(kuaiban, router)) as probe:
        kept = await probe.post("/probe/meetings", json={"title": "kept"})
    assert kept.status_code == 201, kept.text
    assert await meetings_titled(kuaiban, "kept") == 1


@pytest.mark.parametrize(("then", "status"), [("invalid", 422), ("unavailable", 503), ("crash", 500)])
async def test_a_failing_answer_keeps_nothing(kuaiban: Kuaiban, then: str, status: int):
    title = f"lost-{then}"
    async with probe_client(probe_app(kuaiban, router)) as probe:
        failed = await probe.post("/probe/meetings", params={"then": then}, json={"title": title})
        body = assert_problem(failed, status)
        assert "a bug after the write" not in failed.text  # a crash is logged, not told
        assert await meetings_titled(kuaiban, title) == 0
        if then == "invalid":
            assert body["errors"] == [
                {"field": "title", "message": "Refused after writing.", "code": "validation_failed"}
            ]
        # The request after a failure starts clean on the same database connection.
        assert (await probe.post("/probe/meetings", json={"title": title})).status_code == 201
    assert await meetings_titled(kuaiban, title) == 1


async def test_a_commit_that_fails_is_answered_with_a_problem_not_the_routes_success(kuaiban: Kuaiban):
    enterprise_id, _ = await new_enterprise(kuaiban)
    async with kuaiban.client("intake", ADMIN) as intake:
        existing = (await intake.get(f"/intake/enterprises/{enterprise_id}")).json()
    duplicate = {
        key: existing[key]
        for key in ("uscc", "name", "industry", "town", "established_on", "employees", "credit_rating")
    }
    async with probe_client(probe_app(kuaiban, router)) as probe:
        answered = await probe.post("/probe/enterprises", json=duplicate)
    body = assert_problem(answered, 409)
    assert answered_by_route[-1] == existing["uscc"]  # the route succeeded; its commit did not
    assert "registered" not in answered.text and body["detail"] == "请求与已有数据冲突。"
    assert body["code"] == "conflict"
    assert await count(kuaiban, "SELECT count(*) FROM intake.enterprise WHERE uscc = :u", u=existing["uscc"]) == 1


async def test_a_commit_refused_by_the_database_is_not_answered_2xx_and_not_remembered(kuaiban: Kuaiban):
    """A deferred constraint fails at the real COMMIT: the client hears 409, and a retry with the key runs again."""
    engine = kuaiban.runtimes["intake"].engine
    async with engine.connect() as own_connection:  # a real transaction of its own, committed for real
        app = probe_app(kuaiban, router, sessions=create_sessionmaker(own_connection))
        async with probe_client(app, ADMIN) as probe:
            answered_by_route.clear()
            assert_problem(await probe.post("/probe/deferred"), 409)
            assert answered_by_route == ["deferred"]  # the route succeeded; the COMMIT did not
            keyed = {"Idempotency-Key": str(uuid.uuid4())}
            for _ in range(2):  # nothing was kept, not even the answer: the retry runs again
                retried = await probe.post("/probe/deferred", headers=keyed)
                assert_problem(retried, 409)
                assert "idempotent-replayed" not in retried.headers
            assert answered_by_route == ["deferred"] * 3
        await own_connection.rollback()
        stored = await own_connection.execute(
            text("SELECT count(*) FROM intake.idempotency_key WHERE key = :key"), {"key": keyed["Idempotency-Key"]}
        )
        assert stored.scalar_one() == 0


async def test_a_value_the_database_refuses_is_422(kuaiban: Kuaiban):
    async with probe_client(probe_app(kuaiban, router)) as probe:
        refused = await probe.post("/probe/bad-value")
        problem = assert_problem(refused, 422)
        assert problem["detail"] == "有取值不被数据库接受。" and problem["code"] == "invalid_value"
        assert (await probe.post("/probe/meetings", json={"title": "after"})).status_code == 201


async def test_a_crash_under_an_idempotency_key_keeps_neither_the_work_nor_the_key(kuaiban: Kuaiban):
    key = str(uuid.uuid4())
    async with probe_client(probe_app(kuaiban, router), {**ADMIN, "Idempotency-Key": key}) as probe:
        crashed = await probe.post("/probe/meetings", params={"then": "crash"}, json={"title": "once"})
        assert_problem(crashed, 500)
        assert await count(kuaiban, "SELECT count(*) FROM intake.idempotency_key WHERE key = :key", key=key) == 0
        retried = await probe.post("/probe/meetings", json={"title": "once"})  # the same path and body
        assert retried.status_code == 201 and "idempotent-replayed" not in retried.headers
        replayed = await probe.post("/probe/meetings", params={"then": "crash"}, json={"title": "once"})
        assert replayed.status_code == 201 and replayed.json() == retried.json()  # answered, not rerun
    assert await meetings_titled(kuaiban, "once") == 1

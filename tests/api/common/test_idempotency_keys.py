"""Idempotency-Key on every POST, in process: replays, refusals, a key still running, expiry, what is kept."""

import uuid

import httpx
import pytest
from sqlalchemy import text

from services.common import idempotency
from services.intake.models import IntakeIdempotency
from tests.api.common._support import ADMIN, application_body, count, new_enterprise, new_matter, submit
from tests.helpers.factories import headers_for, unique_name
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem

KEYS = IntakeIdempotency.__table__


def request_body(title: str) -> dict:
    return {"title": title, "description": "厂区道路需要修缮", "category": "infrastructure", "channel": "online"}


async def titles(intake: httpx.AsyncClient) -> list[str]:
    listed = await intake.get("/intake/requests", params={"limit": 100})
    assert listed.status_code == 200, listed.text
    return [item["title"] for item in listed.json()["items"]]


async def stored_keys(kuaiban: Kuaiban, key: str, table: str = "intake") -> int:
    return await count(kuaiban, f"SELECT count(*) FROM {table}.idempotency_key WHERE key = :key", key=key)


async def test_same_key_and_body_replays_the_first_response(kuaiban: Kuaiban):
    _, enterprise = await new_enterprise(kuaiban)
    title = unique_name("修路")
    headers = {"Idempotency-Key": str(uuid.uuid4())}
    async with kuaiban.client("intake", enterprise) as intake:
        first = await intake.post("/intake/requests", json=request_body(title), headers=headers)
        second = await intake.post("/intake/requests", json=request_body(title), headers=headers)
        assert first.status_code == second.status_code == 201
        assert first.json() == second.json()
        assert second.headers["idempotent-replayed"] == "true" and "idempotent-replayed" not in first.headers
        assert second.headers["content-type"] == first.headers["content-type"] == "application/json"
        assert (await titles(intake)).count(title) == 1
        different = await intake.post("/intake/requests", json=request_body(title + "!"), headers=headers)
        assert_problem(different, 422)
        assert (await titles(intake)).count(title + "!") == 0


async def test_the_same_key_and_body_on_another_path_is_a_different_request(kuaiban: Kuaiban):
    headers = {"Idempotency-Key": str(uuid.uuid4())}
    body = {"title": "棒棒茶会", "held_on": "2026-11-20", "location": "临涣镇"}
    async with kuaiban.client("intake", ADMIN) as intake:
        assert (await intake.post("/intake/meetings", json=body, headers=headers)).status_code == 201
        refused = await intake.post("/intake/requests", json=body, headers=headers)
    assert assert_problem(refused, 422)["code"] == "idempotency_key_reused"


async def test_keys_are_per_caller_and_checked(kuaiban: Kuaiban):
    _, enterprise = await new_enterprise(kuaiban)
    key = str(uuid.uuid4())
    async with kuaiban.client("intake") as intake:
        mine = await intake.post(
            "/intake/requests", json=request_body(unique_name("a")), headers={**enterprise, "Idempotency-Key": key}
        )
        meeting = await intake.post(
            "/intake/meetings",
            json={"title": "棒棒茶会", "held_on": "2026-11-20", "location": "临涣镇"},
            headers={**ADMIN, "Idempotency-Key": key},
        )
        assert mine.status_code == meeting.status_code == 201
        assert "idempotent-replayed" not in meeting.headers
        too_long = {**enterprise, "Idempotency-Key": "k" * 256}
        assert_problem(await intake.post("/intake/requests", json=request_body("x"), headers=too_long), 422)
        empty = {**enterprise, "Idempotency-Key": ""}
        assert_problem(await intake.post("/intake/requests", json=request_body("x"), headers=empty), 422)
        longest = {**enterprise, "Idempotency-Key": "k" * 255}
        assert (await intake.post("/intake/requests", json=request_body("y"), headers=longest)).status_code == 201
    async with kuaiban.client("intake", enterprise) as intake:
        assert "x" not in await titles(intake)  # the refused keys ran nothing


async def test_failed_validation_is_replayed_not_rerun(kuaiban: Kuaiban):
    _, enterprise = await new_enterprise(kuaiban)
    headers = {**enterprise, "Idempotency-Key": str(uuid.uuid4())}
    bad = {**request_body("x"), "category": "weather"}
    async with kuaiban.client("intake") as intake:
        first = await intake.post("/intake/requests", json=bad, headers=headers)
        second = await intake.post("/intake/requests", json=bad, headers=headers)
    assert first.status_code == second.status_code == 422
    assert first.json() == second.json()
    assert second.headers["idempotent-replayed"] == "true" and "idempotent-replayed" not in first.headers
    assert second.headers["content-type"] == "application/problem+json"


async def test_a_4xx_is_stored_and_replayed_even_when_a_rerun_would_now_succeed(kuaiban: Kuaiban):
    """Submitted before the matter was published: 422. Once it is published, the key still answers 422."""
    _, enterprise = await new_enterprise(kuaiban)
    code = unique_name("later").replace("_", "-")
    key = {"Idempotency-Key": str(uuid.uuid4())}
    async with kuaiban.client("approval", enterprise) as approval:
        early = await approval.post("/approval/applications", json=application_body(code), headers=key)
        assert assert_problem(early, 422)["errors"][0]["field"] == "matter_code"
        await new_matter(kuaiban, code)
        replayed = await approval.post("/approval/applications", json=application_body(code), headers=key)
        assert replayed.status_code == 422 and replayed.json() == early.json()
        assert replayed.headers["idempotent-replayed"] == "true"
        fresh = await approval.post(
            "/approval/applications", json=application_body(code), headers={"Idempotency-Key": str(uuid.uuid4())}
        )
        assert fresh.status_code == 201, fresh.text


async def test_a_5xx_stores_nothing_so_the_retry_runs(kuaiban: Kuaiban):
    _, enterprise = await new_enterprise(kuaiban)
    matter = await new_matter(kuaiban)
    key = str(uuid.uuid4())
    async with kuaiban.client("approval", {**enterprise, "Idempotency-Key": key}) as approval:
        kuaiban.transport.down.add("intake")
        down = await approval.post("/approval/applications", json=application_body(matter["code"]))
        assert_problem(down, 503)
        assert await stored_keys(kuaiban, key, "approval") == 0
        kuaiban.transport.down.discard("intake")
        retried = await approval.post("/approval/applications", json=application_body(matter["code"]))
        assert retried.status_code == 201, retried.text
        assert "idempotent-replayed" not in retried.headers
        again = await approval.post("/approval/applications", json=application_body(matter["code"]))
        assert again.headers["idempotent-replayed"] == "true" and again.json()["id"] == retried.json()["id"]
    assert await stored_keys(kuaiban, key, "approval") == 1


async def test_a_key_still_running_elsewhere_is_409_until_that_attempt_ends(kuaiban: Kuaiban):
    subject = str(uuid.uuid4())  # the caller a key belongs to
    enterprise_id, _ = await new_enterprise(kuaiban)
    enterprise = headers_for("enterprise", subject=subject, enterprise_id=enterprise_id)
    key = str(uuid.uuid4())
    title = unique_name("并发")
    lock = text("SELECT pg_advisory_xact_lock(hashtextextended(:name, 0))")
    async with (
        kuaiban.client("intake", {**enterprise, "Idempotency-Key": key}) as intake,
        kuaiban.runtimes["intake"].engine.connect() as first_attempt,
    ):
        await first_attempt.execute(lock, {"name": f"{KEYS.fullname}:{subject}:{key}"})  # running, not finished
        running = await intake.post("/intake/requests", json=request_body(title))
        assert assert_problem(running, 409)["code"] == "idempotency_key_in_use"
        assert "idempotent-replayed" not in running.headers
        await first_attempt.rollback()  # it crashed: its transaction ends without a commit, and the lock with it
        retried = await intake.post("/intake/requests", json=request_body(title))
        assert retried.status_code == 201, retried.text
        assert "idempotent-replayed" not in retried.headers
        assert (await titles(intake)).count(title) == 1


async def test_an_expired_key_runs_afresh(kuaiban: Kuaiban):
    _, enterprise = await new_enterprise(kuaiban)
    title = unique_name("过期")
    async with kuaiban.client("intake", {**enterprise, "Idempotency-Key": str(uuid.uuid4())}) as intake:
        first = await intake.post("/intake/requests", json=request_body(title))
        kuaiban.clock.advance(hours=23, minutes=59)
        kept = await intake.post("/intake/requests", json=request_body(title))
        assert kept.headers["idempotent-replayed"] == "true" and kept.json()["id"] == first.json()["id"]
        kuaiban.clock.advance(minutes=2)  # past 24 h
        afresh = await intake.post("/intake/requests", json=request_body(title))
        assert afresh.status_code == 201 and "idempotent-replayed" not in afresh.headers
        assert afresh.json()["id"] != first.json()["id"]
        replayed = await intake.post("/intake/requests", json=request_body(title))  # the new use is remembered
        assert replayed.headers["idempotent-replayed"] == "true" and replayed.json()["id"] == afresh.json()["id"]
        assert (await titles(intake)).count(title) == 2


async def test_an_expired_key_may_be_reused_for_another_request(kuaiban: Kuaiban):
    _, enterprise = await new_enterprise(kuaiban)
    async with kuaiban.client("intake", {**enterprise, "Idempotency-Key": str(uuid.uuid4())}) as intake:
        assert (await intake.post("/intake/requests", json=request_body("一"))).status_code == 201
        kuaiban.clock.advance(hours=25)
        assert (await intake.post("/intake/requests", json=request_body("二"))).status_code == 201


async def test_claims_now_and_then_clear_every_expired_key(kuaiban: Kuaiban, monkeypatch: pytest.MonkeyPatch):
    _, enterprise = await new_enterprise(kuaiban)
    old, new = str(uuid.uuid4()), str(uuid.uuid4())
    async with kuaiban.client("intake", enterprise) as intake:
        await intake.post("/intake/requests", json=request_body("旧"), headers={"Idempotency-Key": old})
        kuaiban.clock.advance(hours=25)
        assert await stored_keys(kuaiban, old) == 1  # expired, but nobody cleared it yet
        monkeypatch.setattr(idempotency.random, "random", lambda: 0.0)  # this claim is one that clears
        await intake.post("/intake/requests", json=request_body("新"), headers={"Idempotency-Key": new})
    assert await stored_keys(kuaiban, old) == 0 and await stored_keys(kuaiban, new) == 1


async def test_without_a_valid_token_the_key_is_ignored_and_the_route_answers_401(kuaiban: Kuaiban):
    key = str(uuid.uuid4())
    async with kuaiban.client("intake", {"Idempotency-Key": key, "Authorization": "Bearer forged"}) as intake:
        for _ in range(2):
            refused = await intake.post("/intake/requests", json=request_body("x"))
            assert_problem(refused, 401)
            assert "idempotent-replayed" not in refused.headers
    assert await stored_keys(kuaiban, key) == 0


async def test_a_submitted_application_is_replayed_with_its_tasks(kuaiban: Kuaiban):
    """Replays are byte for byte: the approval service's nested answer comes back whole."""
    _, enterprise = await new_enterprise(kuaiban)
    matter = await new_matter(kuaiban)
    headers = {**enterprise, "Idempotency-Key": str(uuid.uuid4())}
    first = await submit(kuaiban, headers, matter["code"])
    async with kuaiban.client("approval", headers) as approval:
        again = await approval.post("/approval/applications", json=application_body(matter["code"]))
    assert again.status_code == 201 and again.json() == first and again.headers["idempotent-replayed"] == "true"

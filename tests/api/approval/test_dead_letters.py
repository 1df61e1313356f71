"""Dead letters of approval's outbox: a message intake refuses for good (a 4xx) or too often (5xx past the
attempts allowed) stops being retried; an admin lists it, redrives it, and it is delivered."""

import uuid

import httpx
import pytest

from services.approval.models import ApprovalOutbox
from services.common.internal import Reply
from services.intake.contract import TIMELINE_PATH
from tests.api.approval._support import ADMIN, Cast, apply, events_of, make_matter
from tests.helpers.inprocess import Kuaiban, collect_all
from tests.helpers.problems import assert_problem

DEAD_LETTERS = "/approval/admin/dead-letters"


def refuse_timeline_once(kuaiban: Kuaiban, monkeypatch: pytest.MonkeyPatch, status: int = 500) -> list[str]:
    """Intake answers the next timeline event with `status`, then as usual; returns the paths refused."""
    send = kuaiban.transport.send
    refused: list[str] = []

    async def flaky(method: str, url: str, **options) -> Reply:
        if httpx.URL(url).path == TIMELINE_PATH and not refused:
            refused.append(url)
            return Reply(status, b'{"detail": "intake is having a bad day"}')
        return await send(method, url, **options)

    monkeypatch.setattr(kuaiban.transport, "send", flaky)
    return refused


async def dead_letters(api: httpx.AsyncClient) -> dict[str, dict]:
    return {item["id"]: item for item in await collect_all(api, DEAD_LETTERS, ADMIN)}


async def test_a_dead_letter_is_redriven_and_delivered(
    api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban, monkeypatch: pytest.MonkeyPatch
):
    application = await apply(api, cast.own, (await make_matter(api, ("market",)))["code"])
    refused = refuse_timeline_once(kuaiban, monkeypatch)
    relay = kuaiban.relay("approval", ApprovalOutbox, max_attempts=1)
    assert await relay.deliver_once() == 0 and len(refused) == 1
    [letter] = [item for item in (await dead_letters(api)).values() if item["payload"]["ref_id"] == application["id"]]
    assert letter["status"] == "dead" and letter["attempts"] == 1 and letter["recipient"] == "intake"
    assert letter["path"] == TIMELINE_PATH and letter["last_error"].startswith("500: ")
    assert letter["payload"]["kind"] == "application.submitted"
    assert await relay.deliver_once() == 0  # a dead letter is not retried
    assert await events_of(kuaiban, cast.own_id, application["id"]) == []

    for role in (cast.officer("market"), cast.own, cast.bank):
        assert_problem(await api.get(DEAD_LETTERS, headers=role), 403)
        assert_problem(await api.post(f"{DEAD_LETTERS}/{letter['id']}/redrive", headers=role), 403)
    assert_problem(await api.get(DEAD_LETTERS), 401)

    kuaiban.clock.advance(minutes=5)
    redriven = await api.post(f"{DEAD_LETTERS}/{letter['id']}/redrive", headers=ADMIN)
    assert redriven.status_code == 200, redriven.text
    assert redriven.json()["status"] == "pending" and redriven.json()["attempts"] == 0
    assert letter["id"] not in await dead_letters(api)
    assert_problem(await api.post(f"{DEAD_LETTERS}/{letter['id']}/redrive", headers=ADMIN), 404)  # not dead now
    assert await relay.deliver_once() == 1
    assert await events_of(kuaiban, cast.own_id, application["id"]) == ["application.submitted"]
    trail = (await api.get("/approval/audit", params={"resource": f"outbox/{letter['id']}"}, headers=ADMIN)).json()
    [redrive] = trail["items"]  # the relay's own updates (sent, dead, delivered) are not an audited call
    assert redrive["actor"] == "admin" and redrive["before"]["status"] == "dead"
    assert redrive["after"]["status"] == "pending" and redrive["action"].endswith("/redrive")
    assert_problem(await api.post(f"{DEAD_LETTERS}/{uuid.uuid4()}/redrive", headers=ADMIN), 404)
    assert_problem(await api.post(f"{DEAD_LETTERS}/not-a-uuid/redrive", headers=ADMIN), 422)


async def test_a_4xx_is_a_dead_letter_at_once(
    api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban, monkeypatch: pytest.MonkeyPatch
):
    application = await apply(api, cast.own, (await make_matter(api, ("market",)))["code"])
    refuse_timeline_once(kuaiban, monkeypatch, status=422)
    relay = kuaiban.relay("approval", ApprovalOutbox)  # ten attempts allowed: a 422 will not change its mind
    assert await relay.deliver_once() == 0
    letters = [item for item in (await dead_letters(api)).values() if item["payload"]["ref_id"] == application["id"]]
    assert [(item["attempts"], item["last_error"][:4]) for item in letters] == [(1, "422:")]


async def test_a_5xx_is_retried_until_the_attempts_run_out(
    api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban, monkeypatch: pytest.MonkeyPatch
):
    application = await apply(api, cast.own, (await make_matter(api, ("market",)))["code"])
    refuse_timeline_once(kuaiban, monkeypatch, status=503)
    relay = kuaiban.relay("approval", ApprovalOutbox, max_attempts=2)
    assert await relay.deliver_once() == 0
    assert not [item for item in (await dead_letters(api)).values() if item["payload"]["ref_id"] == application["id"]]
    kuaiban.clock.advance(minutes=1)
    assert await relay.deliver_once() == 1  # the second attempt finds intake well again
    assert await events_of(kuaiban, cast.own_id, application["id"]) == ["application.submitted"]


async def test_dead_letters_page_newest_first(api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban):
    """Messages intake will never take: events for a kind its contract refuses (422)."""
    runtime = kuaiban.runtimes["approval"]
    ids = []
    for minute in range(3):
        kuaiban.clock.now = kuaiban.clock.now.replace(minute=minute)
        bad = ApprovalOutbox(
            recipient="intake",
            path=TIMELINE_PATH,
            payload={"id": str(uuid.uuid4()), "kind": "Not A Kind!"},
            created_at=kuaiban.clock.now,
            updated_at=kuaiban.clock.now,
            next_attempt_at=kuaiban.clock.now,
        )
        async with runtime.sessions.begin() as session:
            session.add(bad)
        ids.append(str(bad.id))
        assert await kuaiban.relay("approval", ApprovalOutbox).deliver_once() == 0
    first = (await api.get(DEAD_LETTERS, params={"limit": 2}, headers=ADMIN)).json()
    assert [item["id"] for item in first["items"]] == ids[:0:-1] and first["next_cursor"]
    rest = await api.get(DEAD_LETTERS, params={"limit": 2, "cursor": first["next_cursor"]}, headers=ADMIN)
    assert rest.json()["items"][0]["id"] == ids[0]
    assert all(item["last_error"].startswith("422: ") for item in first["items"])
    assert_problem(await api.get(DEAD_LETTERS, params={"limit": 0}, headers=ADMIN), 422)

"""The outbox relay over in-process intake: delivery, backoff, a recipient down or failing, dead letters, the
claim lease, redrive by an admin, and the wake-up after a commit that wrote a message."""

import asyncio
import logging
import uuid
from datetime import timedelta
from types import SimpleNamespace

import httpx
import orjson
import pytest

from services.approval.models import ApprovalOutbox
from services.common import outbox
from services.common.db import on_commit
from services.common.outbox import CLAIM_LEASE, MessageStatus, OutboxMessage, OutboxRelay, outbox_hook
from services.intake.contract import BATCH_PATHS, TIMELINE_BATCH_PATH, TIMELINE_PATH, timeline_message
from tests.api.common._support import (
    ADMIN,
    ObservedSessions,
    message_about,
    new_enterprise,
    new_matter,
    outbox_row,
    submit,
    timeline_ids,
)
from tests.helpers.factories import headers_for
from tests.helpers.inprocess import Kuaiban, collect_all
from tests.helpers.problems import assert_problem


def answering(status: int, body: bytes = b"the receiver is broken"):
    """A receiver standing in for intake that answers every call with `status` (a broken or busy intake)."""

    async def app(scope, receive, send) -> None:
        await send({"type": "http.response.start", "status": status, "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": body})

    return httpx.ASGITransport(app=app)


class RelayDied(Exception):
    """The relay's process ends between sending a message and recording that it was sent."""


class DiesAfterSending:
    """Intake's real transport, and then the relay dies before it can record the answer."""

    def __init__(self, intake: httpx.ASGITransport) -> None:
        self.intake = intake

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await self.intake.handle_async_request(request)
        raise RelayDied


async def submitted_message(kuaiban: Kuaiban) -> tuple[str, uuid.UUID]:
    """An application submitted through approval: (the enterprise id, the id of its outbox message)."""
    enterprise_id, enterprise = await new_enterprise(kuaiban)
    application = await submit(kuaiban, enterprise, (await new_matter(kuaiban))["code"])
    return enterprise_id, (await message_about(kuaiban, application["id"])).id


def timeline_row(
    kuaiban: Kuaiban, enterprise_id: str, summary: str = "SP20261012-00001 营业执照核发申请已提交"
) -> OutboxMessage:
    """A row of approval's outbox telling intake's timeline of a submitted application, as `service.py` makes it."""
    return timeline_message(
        ApprovalOutbox,
        sender="approval",
        enterprise_id=uuid.UUID(enterprise_id),
        kind="application.submitted",
        ref_id=uuid.uuid4(),
        summary=summary,
        at=kuaiban.clock(),
    )


async def direct_message(kuaiban: Kuaiban, enterprise_id: str, **payload_changes) -> uuid.UUID:
    """A timeline message put into approval's outbox as `service.py` does, its payload changed as given."""
    row = timeline_row(kuaiban, enterprise_id)
    row.payload = {**row.payload, **payload_changes}
    async with kuaiban.runtimes["approval"].sessions.begin() as session:
        session.add(row)
    return row.id


def assert_backoff(row, *, attempts: int, now) -> None:
    """The next attempt is 2^(attempts-1) seconds after the failure, give or take a fifth."""
    delay = (row.next_attempt_at - now).total_seconds()
    assert row.attempts == attempts
    assert 0.8 * 2 ** (attempts - 1) <= delay <= 1.2 * 2 ** (attempts - 1), (attempts, delay)


async def test_a_message_is_delivered_once_and_a_redelivery_is_stored_once(kuaiban: Kuaiban):
    enterprise_id, message_id = await submitted_message(kuaiban)
    relay = kuaiban.relay("approval", ApprovalOutbox)
    assert await relay.deliver_once() >= 1
    row = await outbox_row(kuaiban, message_id)
    assert (row.status, row.attempts, row.last_error) == (MessageStatus.delivered, 0, None)
    assert row.delivered_at == row.updated_at == kuaiban.clock.now
    assert await timeline_ids(kuaiban, enterprise_id) == [message_id]
    sent = len(kuaiban.transport.calls)
    assert await relay.deliver_once() == 0 and len(kuaiban.transport.calls) == sent  # nothing is sent twice

    again = await kuaiban.runtimes["approval"].internal.call(
        "intake", "POST", TIMELINE_PATH, body=orjson.dumps(row.payload)
    )  # what a relay that died before recording would send again
    assert again.status == 200 and orjson.loads(again.body) == {"id": str(message_id), "stored": True}
    assert await timeline_ids(kuaiban, enterprise_id) == [message_id]
    async with kuaiban.client("intake", headers_for("enterprise", enterprise_id=enterprise_id)) as intake:
        timeline = (await intake.get(f"/intake/enterprises/{enterprise_id}/timeline")).json()["items"]
    assert [(item["ref_id"], item["kind"], item["service"]) for item in timeline] == [
        (row.payload["ref_id"], "application.submitted", "approval")
    ]


async def test_messages_for_a_path_with_a_batch_path_go_in_one_call_and_are_stored_once(kuaiban: Kuaiban):
    """As approval and finance run it: a round's timeline events reach intake in one call and one insert."""
    first, _ = await new_enterprise(kuaiban)
    second, _ = await new_enterprise(kuaiban)
    message_ids = [await direct_message(kuaiban, enterprise) for enterprise in (first, second, second)]
    relay = kuaiban.relay("approval", ApprovalOutbox, batch_paths=BATCH_PATHS)
    calls = len(kuaiban.transport.calls)
    assert await relay.deliver_once() == 3
    assert kuaiban.transport.calls[calls:] == [("POST", TIMELINE_BATCH_PATH)]
    rows = [await outbox_row(kuaiban, message_id) for message_id in message_ids]
    assert all(row.status == MessageStatus.delivered and row.attempts == 0 for row in rows)
    assert await timeline_ids(kuaiban, first) == message_ids[:1]
    assert sorted(await timeline_ids(kuaiban, second)) == sorted(message_ids[1:])

    again = await kuaiban.runtimes["approval"].internal.call(
        "intake", "POST", TIMELINE_BATCH_PATH, body=orjson.dumps({"items": [row.payload for row in rows]})
    )  # what a relay that died before recording would send again
    assert again.status == 200 and orjson.loads(again.body) == {"received": 3, "stored": 0}
    assert len(await timeline_ids(kuaiban, second)) == 2


async def test_a_refused_batch_is_sent_one_by_one_so_only_the_bad_message_is_a_dead_letter(kuaiban: Kuaiban):
    enterprise_id, _ = await new_enterprise(kuaiban)
    good = [await direct_message(kuaiban, enterprise_id) for _ in range(2)]
    bad = await direct_message(kuaiban, enterprise_id, kind="Not A Kind!")
    relay = kuaiban.relay("approval", ApprovalOutbox, batch_paths=BATCH_PATHS)
    calls = len(kuaiban.transport.calls)
    assert await relay.deliver_once() == 2
    assert kuaiban.transport.calls[calls:] == [("POST", TIMELINE_BATCH_PATH)] + [("POST", TIMELINE_PATH)] * 3
    assert [(await outbox_row(kuaiban, i)).status for i in good] == [MessageStatus.delivered] * 2
    dead = await outbox_row(kuaiban, bad)
    assert dead.status == MessageStatus.dead and '"field":"kind"' in dead.last_error
    assert sorted(await timeline_ids(kuaiban, enterprise_id)) == sorted(good)


async def test_a_batch_that_fails_on_the_recipient_is_retried_whole(kuaiban: Kuaiban):
    enterprise_id, _ = await new_enterprise(kuaiban)
    message_ids = [await direct_message(kuaiban, enterprise_id) for _ in range(2)]
    kuaiban.transport._transports["intake"] = answering(503, b"busy")
    relay = kuaiban.relay("approval", ApprovalOutbox, batch_paths=BATCH_PATHS)
    assert await relay.deliver_once() == 0
    rows = [await outbox_row(kuaiban, message_id) for message_id in message_ids]
    assert all((row.status, row.attempts, row.last_error) == (MessageStatus.pending, 1, "503: busy") for row in rows)


async def test_answered_failures_back_off_then_become_a_dead_letter_with_the_last_error(kuaiban: Kuaiban):
    enterprise_id, message_id = await submitted_message(kuaiban)
    kuaiban.transport._transports["intake"] = answering(500, b"database on fire")
    relay = kuaiban.relay("approval", ApprovalOutbox, max_attempts=4)
    for attempts in (1, 2, 3):
        failed_at = kuaiban.clock.now
        assert await relay.deliver_once() == 0
        row = await outbox_row(kuaiban, message_id)
        assert row.status == MessageStatus.pending and row.last_error == "500: database on fire"
        assert_backoff(row, attempts=attempts, now=failed_at)
        assert await relay.deliver_once() == 0  # not due again before its backoff ends
        assert (await outbox_row(kuaiban, message_id)).attempts == attempts
        kuaiban.clock.now = row.next_attempt_at
    assert await relay.deliver_once() == 0
    dead = await outbox_row(kuaiban, message_id)
    assert (dead.status, dead.attempts, dead.last_error) == (MessageStatus.dead, 4, "500: database on fire")
    assert dead.delivered_at is None and dead.updated_at == kuaiban.clock.now
    kuaiban.clock.advance(days=1)
    assert await relay.deliver_once() == 0  # a dead letter is not retried
    assert (await outbox_row(kuaiban, message_id)).attempts == 4
    assert await timeline_ids(kuaiban, enterprise_id) == []


async def test_a_long_error_is_cut_to_fit(kuaiban: Kuaiban):
    _, message_id = await submitted_message(kuaiban)
    kuaiban.transport._transports["intake"] = answering(502, "故障".encode() * 400)
    await kuaiban.relay("approval", ApprovalOutbox).deliver_once()
    error = (await outbox_row(kuaiban, message_id)).last_error
    assert error.startswith("502: 故障") and len(error) <= 500


async def test_a_payload_the_recipient_refuses_is_a_dead_letter_at_once(kuaiban: Kuaiban):
    enterprise_id, _ = await new_enterprise(kuaiban)
    message_id = await direct_message(kuaiban, enterprise_id, kind="Not A Kind!")
    relay = kuaiban.relay("approval", ApprovalOutbox)
    assert await relay.deliver_once() == 0
    row = await outbox_row(kuaiban, message_id)
    assert (row.status, row.attempts) == (MessageStatus.dead, 1)
    assert row.last_error.startswith("422: ") and '"field":"kind"' in row.last_error
    assert await timeline_ids(kuaiban, enterprise_id) == []


@pytest.mark.parametrize("status", [408, 409, 429])
async def test_timeouts_conflicts_and_rate_limits_are_retried(kuaiban: Kuaiban, status: int):
    _, message_id = await submitted_message(kuaiban)
    kuaiban.transport._transports["intake"] = answering(status, b"later")
    relay = kuaiban.relay("approval", ApprovalOutbox, max_attempts=3)
    for attempts in (1, 2):
        await relay.deliver_once()
        row = await outbox_row(kuaiban, message_id)
        assert (row.status, row.attempts, row.last_error) == (MessageStatus.pending, attempts, f"{status}: later")
        kuaiban.clock.now = row.next_attempt_at
    await relay.deliver_once()
    assert (await outbox_row(kuaiban, message_id)).status == MessageStatus.dead  # still counted: not forever


async def test_a_recipient_that_is_down_delays_the_whole_batch_and_never_makes_a_dead_letter(kuaiban: Kuaiban):
    enterprise_id, _ = await new_enterprise(kuaiban)
    message_ids = [await direct_message(kuaiban, enterprise_id) for _ in range(3)]
    relay = kuaiban.relay("approval", ApprovalOutbox, max_attempts=2)
    kuaiban.transport.down.add("intake")
    calls = len(kuaiban.transport.calls)
    for rounds in range(1, 5):  # twice as many rounds as attempts allowed for answered failures
        tried_at = kuaiban.clock.now
        assert await relay.deliver_once() == 0
        rows = [await outbox_row(kuaiban, message_id) for message_id in message_ids]
        assert all(row.status == MessageStatus.pending for row in rows)
        tried = [row for row in rows if row.last_error is not None]
        assert all("intake service is unavailable" in row.last_error for row in tried)
        if rounds == 1:  # the first message found intake down; the others were not even tried
            assert len(tried) == 1 and all(row.attempts == 0 for row in rows if row.last_error is None)
        assert len({row.next_attempt_at for row in rows}) == 1 and rows[0].next_attempt_at > tried_at
        kuaiban.clock.now = rows[0].next_attempt_at
    assert len(kuaiban.transport.calls) == calls  # nothing reached intake; the batch stopped at the first
    kuaiban.transport.down.discard("intake")
    assert await relay.deliver_once() >= 3
    rows = [await outbox_row(kuaiban, message_id) for message_id in message_ids]
    assert all(row.status == MessageStatus.delivered for row in rows)
    assert sorted(await timeline_ids(kuaiban, enterprise_id)) == sorted(message_ids)


async def test_rounds_while_the_recipient_was_down_do_not_count_toward_a_dead_letter(kuaiban: Kuaiban):
    enterprise_id, _ = await new_enterprise(kuaiban)
    message_id = await direct_message(kuaiban, enterprise_id)
    relay = kuaiban.relay("approval", ApprovalOutbox, max_attempts=3)
    kuaiban.transport.down.add("intake")
    for _ in range(5):
        await relay.deliver_once()
        kuaiban.clock.now = (await outbox_row(kuaiban, message_id)).next_attempt_at
    kuaiban.transport.down.discard("intake")
    kuaiban.transport._transports["intake"] = answering(500)
    await relay.deliver_once()  # the first answered failure of three allowed
    assert (await outbox_row(kuaiban, message_id)).status == MessageStatus.pending


async def test_a_claimed_message_waits_for_its_lease_when_the_relay_died_after_sending(kuaiban: Kuaiban):
    enterprise_id, message_id = await submitted_message(kuaiban)
    intake = kuaiban.transport._transports["intake"]
    kuaiban.transport._transports["intake"] = DiesAfterSending(intake)
    with pytest.raises(RelayDied):
        await kuaiban.relay("approval", ApprovalOutbox).deliver_once()
    claimed_at = kuaiban.clock.now
    assert await timeline_ids(kuaiban, enterprise_id) == [message_id]  # sent, but not recorded as sent
    row = await outbox_row(kuaiban, message_id)
    assert (row.status, row.attempts, row.next_attempt_at) == (MessageStatus.pending, 0, claimed_at + CLAIM_LEASE)

    kuaiban.transport._transports["intake"] = intake
    restarted = kuaiban.relay("approval", ApprovalOutbox)
    kuaiban.clock.now = claimed_at + CLAIM_LEASE - timedelta(seconds=1)
    assert await restarted.deliver_once() == 0  # still leased to the relay that died
    assert (await outbox_row(kuaiban, message_id)).status == MessageStatus.pending
    kuaiban.clock.now = claimed_at + CLAIM_LEASE
    assert await restarted.deliver_once() == 1
    row = await outbox_row(kuaiban, message_id)
    assert (row.status, row.delivered_at) == (MessageStatus.delivered, kuaiban.clock.now)
    assert await timeline_ids(kuaiban, enterprise_id) == [message_id]  # sent twice, stored once


async def test_a_batch_claims_only_what_is_due_and_only_up_to_its_size(kuaiban: Kuaiban):
    enterprise_id, _ = await new_enterprise(kuaiban)
    due = [await direct_message(kuaiban, enterprise_id) for _ in range(3)]
    kuaiban.clock.advance(minutes=5)
    later = await direct_message(kuaiban, enterprise_id)
    kuaiban.clock.advance(minutes=-5)
    relay = kuaiban.relay("approval", ApprovalOutbox, batch_size=2)
    assert await relay.deliver_once() == 2
    assert await relay.deliver_once() >= 1
    assert [(await outbox_row(kuaiban, m)).status for m in due] == [MessageStatus.delivered] * 3
    assert (await outbox_row(kuaiban, later)).status == MessageStatus.pending
    kuaiban.clock.advance(minutes=5)
    assert await relay.deliver_once() >= 1
    assert (await outbox_row(kuaiban, later)).status == MessageStatus.delivered


async def dead_letter(kuaiban: Kuaiban, enterprise_id: str) -> uuid.UUID:
    """A message intake refused (it was down for maintenance and answered 404), now a dead letter."""
    message_id = await direct_message(kuaiban, enterprise_id)
    intake = kuaiban.transport._transports["intake"]
    kuaiban.transport._transports["intake"] = answering(404, b"no such path")
    try:
        await kuaiban.relay("approval", ApprovalOutbox).deliver_once()
    finally:
        kuaiban.transport._transports["intake"] = intake
    assert (await outbox_row(kuaiban, message_id)).status == MessageStatus.dead
    return message_id


async def test_admin_lists_dead_letters_page_by_page(kuaiban: Kuaiban):
    enterprise_id, _ = await new_enterprise(kuaiban)
    dead = []
    for _ in range(3):
        dead.append(await dead_letter(kuaiban, enterprise_id))
        kuaiban.clock.advance(seconds=1)
    pending = await direct_message(kuaiban, enterprise_id)
    async with kuaiban.client("approval", ADMIN) as approval:
        listed = await collect_all(approval, "/approval/admin/dead-letters", None, limit=1)
        for role in (
            headers_for("officer", department="market"),
            headers_for("enterprise", enterprise_id=enterprise_id),
        ):
            assert_problem(await approval.get("/approval/admin/dead-letters", headers=role), 403)
        assert_problem(await approval.get("/approval/admin/dead-letters", headers={"Authorization": ""}), 401)
    mine = [item for item in listed if item["id"] in {str(m) for m in dead}]
    assert [item["id"] for item in mine] == [str(m) for m in reversed(dead)]  # the latest failure first
    assert str(pending) not in {item["id"] for item in listed}
    first = mine[-1]
    assert (first["status"], first["attempts"], first["last_error"]) == ("dead", 1, "404: no such path")
    assert (first["recipient"], first["path"]) == ("intake", TIMELINE_PATH)
    assert first["payload"]["enterprise_id"] == enterprise_id and first["created_at"] and first["updated_at"]


async def test_redrive_sends_a_dead_letter_again_from_its_first_attempt(kuaiban: Kuaiban):
    enterprise_id, _ = await new_enterprise(kuaiban)
    message_id = await dead_letter(kuaiban, enterprise_id)
    kuaiban.clock.advance(minutes=10)
    woken: list[str] = []
    on_commit(kuaiban.runtimes["approval"].sessions, ApprovalOutbox, lambda: woken.append("redrive"))
    async with kuaiban.client("approval", ADMIN) as approval:
        redriven = await approval.post(f"/approval/admin/dead-letters/{message_id}/redrive")
        assert redriven.status_code == 200, redriven.text
        assert (redriven.json()["status"], redriven.json()["attempts"]) == ("pending", 0)
        assert woken == ["redrive"]  # the relay is woken, not left to its next poll
        row = await outbox_row(kuaiban, message_id)
        assert (row.status, row.attempts, row.next_attempt_at) == (MessageStatus.pending, 0, kuaiban.clock.now)
        assert await kuaiban.relay("approval", ApprovalOutbox).deliver_once() >= 1
        assert (await outbox_row(kuaiban, message_id)).status == MessageStatus.delivered
        assert await timeline_ids(kuaiban, enterprise_id) == [message_id]

        again = await approval.post(
            f"/approval/admin/dead-letters/{message_id}/redrive", headers={"Accept-Language": "en"}
        )
        assert assert_problem(again, 404)["detail"] == "No such dead letter."  # delivered, not dead
        assert_problem(await approval.post(f"/approval/admin/dead-letters/{uuid.uuid4()}/redrive"), 404)
        officer = headers_for("officer", department="market")
        other = await dead_letter(kuaiban, enterprise_id)
        assert_problem(await approval.post(f"/approval/admin/dead-letters/{other}/redrive", headers=officer), 403)
        assert (await outbox_row(kuaiban, other)).status == MessageStatus.dead


async def test_a_commit_that_wrote_a_message_wakes_the_relay_and_nothing_else_does(kuaiban: Kuaiban):
    woken: list[str] = []
    sessions = kuaiban.runtimes["approval"].sessions
    on_commit(sessions, ApprovalOutbox, lambda: woken.append("wake"))
    enterprise_id, enterprise = await new_enterprise(kuaiban)
    matter = await new_matter(kuaiban)  # a commit without a message
    assert woken == []
    await submit(kuaiban, enterprise, matter["code"])
    assert woken == ["wake"]
    async with kuaiban.client("approval", enterprise) as approval:  # a refused submit writes nothing
        assert_problem(await approval.post("/approval/applications", json={"matter_code": "none"}), 422)
    assert woken == ["wake"]

    async with sessions() as session:
        session.add(timeline_row(kuaiban, enterprise_id, summary="rolled back"))
        await session.flush()  # written, then rolled back
        await session.rollback()
        await session.commit()  # a later commit of that session wrote no message
    assert woken == ["wake"]
    await direct_message(kuaiban, enterprise_id)
    assert woken == ["wake", "wake"]


@pytest.fixture
def hourly_poll(monkeypatch: pytest.MonkeyPatch) -> None:
    """The relay `outbox_hook` starts polls once an hour: between rounds it runs only when woken, so it never
    touches the test's database connection while the test does."""
    monkeypatch.setattr(
        outbox, "OutboxRelay", lambda *args, **options: OutboxRelay(*args, poll_seconds=3600, **options)
    )


def hook_runtime(kuaiban: Kuaiban, sessions: ObservedSessions) -> SimpleNamespace:
    """What `outbox_hook` reads of approval's runtime, with sessions the test observes."""
    return SimpleNamespace(sessions=sessions, internal=kuaiban.runtimes["approval"].internal, settings=kuaiban.settings)


@pytest.mark.usefixtures("hourly_poll")
async def test_the_relay_beside_an_app_is_woken_by_a_submit_and_survives_a_lost_database(
    kuaiban: Kuaiban, caplog: pytest.LogCaptureFixture
):
    """`outbox_hook` runs the relay beside the app. Polling hourly, only the wake-up after the submit's commit
    can deliver the message within the test; its first round finds the database away."""
    sessions = ObservedSessions(kuaiban.runtimes["approval"].sessions, failures=1)
    runtime = hook_runtime(kuaiban, sessions)
    enterprise_id, enterprise = await new_enterprise(kuaiban)
    matter = await new_matter(kuaiban)
    with caplog.at_level(logging.WARNING, logger="kuaiban.outbox"):
        async with outbox_hook(ApprovalOutbox)(runtime):
            await sessions.wait(failed=1)  # the first round failed and the relay lived on, waiting
            assert "outbox relay round failed, the database is unavailable" in caplog.text
            assert "Traceback" not in caplog.text  # one line a round while the database is away
            application = await submit(kuaiban, enterprise, matter["code"])
            await sessions.wait(finished=2)  # woken: one round claimed, sent and recorded
    message = await message_about(kuaiban, application["id"])
    assert message.status == MessageStatus.delivered
    assert await timeline_ids(kuaiban, enterprise_id) == [message.id]


def relay_tasks() -> list[asyncio.Task]:
    return [task for task in asyncio.all_tasks() if task.get_name() == "outbox-outbox" and not task.done()]


@pytest.mark.usefixtures("hourly_poll")
async def test_the_relay_stops_with_the_app(kuaiban: Kuaiban):
    sessions = ObservedSessions(kuaiban.runtimes["approval"].sessions)
    async with outbox_hook(ApprovalOutbox)(hook_runtime(kuaiban, sessions)):
        await sessions.wait(finished=2)  # one idle round
        assert len(relay_tasks()) == 1
    assert relay_tasks() == []
    enterprise_id, _ = await new_enterprise(kuaiban)
    message_id = await direct_message(kuaiban, enterprise_id)  # its wake-up reaches no running relay
    assert (await outbox_row(kuaiban, message_id)).status == MessageStatus.pending

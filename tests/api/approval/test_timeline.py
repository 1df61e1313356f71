"""Timeline events leave through approval's outbox: written with the change, delivered by the relay to
intake, stored there once, and only delayed (never lost) while intake is down."""

from datetime import datetime

import httpx
from sqlalchemy import text

from services.approval.models import ApprovalOutbox
from tests.api.approval._support import Cast, apply, approve_all, deliver, events_of, make_matter
from tests.helpers.inprocess import Kuaiban


async def outbox_of(kuaiban: Kuaiban, application_id: str) -> list:
    query = text(
        "SELECT status, attempts, payload->>'kind' AS kind, next_attempt_at FROM approval.outbox"
        " WHERE payload->>'ref_id' = :ref ORDER BY created_at, payload->>'kind'"
    )
    return list((await kuaiban.connection.execute(query, {"ref": application_id})).all())


async def test_events_reach_the_timeline_once(api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban):
    matter = await make_matter(api, ("market", "tax"))
    application = await apply(api, cast.own, matter["code"])
    assert [(row.status, row.kind) for row in await outbox_of(kuaiban, application["id"])] == [
        ("pending", "application.submitted")
    ]
    assert await events_of(kuaiban, cast.own_id, application["id"]) == []  # nothing sent inside the request

    kuaiban.clock.advance(hours=1)
    await approve_all(api, cast, application)
    assert await deliver(kuaiban) >= 2
    assert await events_of(kuaiban, cast.own_id, application["id"]) == ["application.approved", "application.submitted"]
    assert {row.status for row in await outbox_of(kuaiban, application["id"])} == {"delivered"}
    assert await deliver(kuaiban) == 0  # nothing is sent twice

    async with kuaiban.client("intake", cast.own) as intake:
        timeline = (await intake.get(f"/intake/enterprises/{cast.own_id}/timeline")).json()["items"]
    approved = next(item for item in timeline if item["kind"] == "application.approved")
    assert approved["service"] == "approval" and approved["ref_id"] == application["id"]
    assert approved["summary"] == f"{application['code']} 全部部门审批通过，申请已办结"
    assert datetime.fromisoformat(approved["at"]) == kuaiban.clock.now
    submitted = next(item for item in timeline if item["kind"] == "application.submitted")
    assert submitted["summary"] == f"{application['code']} 企业开办“一件事”申请已提交，2个部门并联审批"
    assert [item["kind"] for item in timeline[:2]] == ["application.approved", "application.submitted"]  # newest first


async def test_intake_down_only_delays_delivery(api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban):
    matter = await make_matter(api, ("market",))
    application = await apply(api, cast.own, matter["code"])
    await approve_all(api, cast, application)
    kuaiban.transport.down.add("intake")
    try:
        assert await deliver(kuaiban) == 0
        rows = await outbox_of(kuaiban, application["id"])
        assert {row.status for row in rows} == {"pending"}  # never a dead letter for a receiver that is away
        assert max(row.attempts for row in rows) == 1
        assert all(row.next_attempt_at > kuaiban.clock.now for row in rows)  # waits for a later round
    finally:
        kuaiban.transport.down.discard("intake")
    assert await deliver(kuaiban) == 0  # not due again yet
    kuaiban.clock.advance(minutes=2)
    assert await deliver(kuaiban) == 2
    assert await events_of(kuaiban, cast.own_id, application["id"]) == ["application.approved", "application.submitted"]


async def test_a_redelivered_event_is_stored_once(api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban):
    """A relay that died between sending and recording sends again: intake keeps one copy."""
    application = await apply(api, cast.own, (await make_matter(api, ("market",)))["code"])
    assert await deliver(kuaiban) == 1
    message_id = (
        await kuaiban.connection.execute(
            text("SELECT id FROM approval.outbox WHERE payload->>'ref_id' = :ref"), {"ref": application["id"]}
        )
    ).scalar_one()
    await kuaiban.connection.execute(
        text("UPDATE approval.outbox SET status = 'pending', next_attempt_at = :now WHERE id = :id"),
        {"now": kuaiban.clock.now, "id": message_id},
    )
    assert await kuaiban.relay("approval", ApprovalOutbox).deliver_once() == 1  # intake answers 200: already stored
    assert await events_of(kuaiban, cast.own_id, application["id"]) == ["application.submitted"]

"""Intake's contract as the other services use it, against intake's real internal routes: the typed
client (profiles, liaisons) and a timeline message sent through a sender's outbox."""

import uuid
from datetime import UTC, datetime

import httpx
import pytest

from services.approval.models import ApprovalOutbox
from services.common.problems import Invalid, Unavailable
from services.intake.contract import EnterpriseProfile, IntakeClient, timeline_message
from tests.api.intake._support import Cast
from tests.helpers.inprocess import Kuaiban


async def test_client_reads_profiles_and_liaisons(kuaiban: Kuaiban, cast: Cast):
    client = IntakeClient(kuaiban.runtimes["finance"].internal)
    profile = await client.enterprise(uuid.UUID(cast.own_id))
    assert isinstance(profile, EnterpriseProfile) and str(profile.id) == cast.own_id and profile.credit_rating == "A"
    with pytest.raises(Invalid) as unknown:
        await client.enterprise(uuid.uuid4())
    assert unknown.value.errors[0]["field"] == "enterprise_id"
    assert await client.liaison_enterprises(cast.liaison_name) == {uuid.UUID(cast.own_id)}
    assert await client.liaison_enterprises("nobody_at_all") == set()

    kuaiban.transport.down.add("intake")
    with pytest.raises(Unavailable):
        await client.enterprise(uuid.UUID(cast.own_id))
    with pytest.raises(Unavailable):
        await client.liaison_enterprises(cast.liaison_name)


async def test_a_sent_timeline_message_reaches_the_timeline(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    at = datetime(2026, 11, 2, 1, 30, tzinfo=UTC)
    ref_id = uuid.uuid4()
    row = timeline_message(
        ApprovalOutbox,
        sender="approval",
        enterprise_id=uuid.UUID(cast.own_id),
        kind="application.submitted",
        ref_id=ref_id,
        summary="QY2026110200001 企业开办申请已提交",
        at=at,
    )
    kuaiban.clock.now = at
    async with kuaiban.runtimes["approval"].sessions.begin() as session:
        session.add(row)
    assert await kuaiban.relay("approval", ApprovalOutbox).deliver_once() >= 1
    timeline = await intake.get(f"/intake/enterprises/{cast.own_id}/timeline", headers=cast.own)
    assert [(item["service"], item["kind"], item["at"]) for item in timeline.json()["items"]] == [
        ("approval", "application.submitted", "2026-11-02T01:30:00Z")
    ]
    assert timeline.json()["items"][0]["ref_id"] == str(ref_id)

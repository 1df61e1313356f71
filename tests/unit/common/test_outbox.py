"""The outbox's pure rules: backoff with jitter, which answers are permanent, the message row."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from services.common import outbox
from services.common.outbox import MAX_BACKOFF_SECONDS, MessageStatus, OutboxMessage, backoff, message, permanent
from services.intake.contract import TimelineEvent

NOW = datetime(2026, 10, 12, 9, 0, tzinfo=UTC)


class Outbox(OutboxMessage):
    """The columns without a table: the rules need no database."""


@pytest.mark.parametrize(("attempts", "seconds"), [(0, 1), (1, 1), (2, 2), (3, 4), (9, 256), (10, 300), (50, 300)])
@pytest.mark.parametrize("jitter", [0.8, 1.0, 1.2])
def test_backoff_doubles_up_to_five_minutes_with_jitter(
    monkeypatch: pytest.MonkeyPatch, attempts: int, seconds: int, jitter: float
):
    monkeypatch.setattr(outbox.random, "uniform", lambda _low, _high: jitter)
    assert backoff(attempts) == timedelta(seconds=seconds * jitter)


def test_backoff_jitter_stays_within_a_fifth_either_way():
    delays = [backoff(3).total_seconds() for _ in range(200)]
    assert all(4 * 0.8 <= delay <= 4 * 1.2 for delay in delays)
    assert len(set(delays)) > 1  # jittered, so relays do not retry in lockstep
    assert backoff(1_000) <= timedelta(seconds=MAX_BACKOFF_SECONDS * 1.2)


@pytest.mark.parametrize("status", [400, 404, 410, 422, 499])
def test_a_4xx_is_permanent(status: int):
    assert permanent(status)


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 200, 301])
def test_timeouts_conflicts_rate_limits_and_5xx_are_worth_retrying(status: int):
    assert not permanent(status)


def test_a_message_carries_its_body_as_json_and_is_due_at_once():
    event_id, enterprise_id = uuid.uuid4(), uuid.uuid4()
    body = TimelineEvent(
        id=event_id,
        enterprise_id=enterprise_id,
        at=NOW,
        service="approval",
        kind="application.submitted",
        ref_id=event_id,
        summary="s",
    )
    row = message(Outbox, message_id=event_id, recipient="intake", path="/internal/x", body=body, now=NOW)
    assert (row.id, row.recipient, row.path, row.status, row.attempts) == (
        event_id,
        "intake",
        "/internal/x",
        MessageStatus.pending,
        0,
    )
    assert row.created_at == row.updated_at == row.next_attempt_at == NOW
    assert row.payload["enterprise_id"] == str(enterprise_id) and row.payload["at"] == "2026-10-12T09:00:00Z"
    assert row.delivered_at is None and row.last_error is None

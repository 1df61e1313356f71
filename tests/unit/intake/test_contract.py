"""Intake's contract without a database: the outbox row a sender writes for the enterprise's timeline."""

import uuid
from datetime import UTC, datetime

from services.approval.models import ApprovalOutbox
from services.intake.contract import TIMELINE_PATH, timeline_message


def test_timeline_message_is_an_outbox_row_for_intake():
    at = datetime(2026, 11, 2, 1, 30, tzinfo=UTC)
    enterprise_id, ref_id = uuid.uuid4(), uuid.uuid4()
    row = timeline_message(
        ApprovalOutbox,
        sender="approval",
        enterprise_id=enterprise_id,
        kind="application.approved",
        ref_id=ref_id,
        summary="审" * 600,
        at=at,
    )
    assert (row.recipient, row.path, row.created_at, row.next_attempt_at) == ("intake", TIMELINE_PATH, at, at)
    assert row.payload["id"] == str(row.id) and row.payload["enterprise_id"] == str(enterprise_id)
    assert row.payload["at"] == "2026-11-02T01:30:00Z" and row.payload["service"] == "approval"
    assert row.payload["summary"] == "审" * 500  # cut to what the timeline keeps

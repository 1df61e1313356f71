"""trace context: every outbox message and webhook delivery keeps the traceparent (and the outbox the request id)
of the request that wrote it, so its delivery continues that trace

Revision ID: 0022
Revises: 0021
Created: 2026-11-30 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OUTBOXES = ("intake", "approval", "finance")


def upgrade() -> None:
    for schema in OUTBOXES:
        op.add_column("outbox", sa.Column("traceparent", sa.String(length=64), nullable=True), schema=schema)
        op.add_column("outbox", sa.Column("request_id", sa.String(length=200), nullable=True), schema=schema)
    op.add_column("webhook_delivery", sa.Column("traceparent", sa.String(length=64), nullable=True), schema="finance")


def downgrade() -> None:
    op.drop_column("webhook_delivery", "traceparent", schema="finance")
    for schema in OUTBOXES:
        op.drop_column("outbox", "request_id", schema=schema)
        op.drop_column("outbox", "traceparent", schema=schema)

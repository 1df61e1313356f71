"""unit of work: idempotency answers stored with the work; outbox recipients, statuses and dead letters

Revision ID: 0010
Revises: 0009
Created: 2026-11-29 16:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY_SCHEMAS = ("approval", "finance", "identity", "intake")
OUTBOX_SCHEMAS = ("approval", "finance")


def upgrade() -> None:
    for schema in KEY_SCHEMAS:
        # A key now exists only once answered; uses still running when this runs were cut short anyway.
        op.execute(f"DELETE FROM {schema}.idempotency_key WHERE state <> 'done' OR response_status IS NULL")
        op.drop_column("idempotency_key", "state", schema=schema)
        op.alter_column("idempotency_key", "response_status", nullable=False, schema=schema)
        op.alter_column("idempotency_key", "response_body", nullable=False, schema=schema)
    for schema in OUTBOX_SCHEMAS:
        op.alter_column("outbox", "service", new_column_name="recipient", schema=schema)
        op.add_column(
            "outbox",
            sa.Column("status", sa.String(length=16), nullable=False, server_default="pending"),
            schema=schema,
        )
        op.execute(f"UPDATE {schema}.outbox SET status = 'delivered' WHERE delivered_at IS NOT NULL")
        op.add_column("outbox", sa.Column("failures", sa.Integer(), nullable=False, server_default="0"), schema=schema)
        op.alter_column("outbox", "failures", server_default=None, schema=schema)
        op.alter_column("outbox", "status", server_default=None, schema=schema)
        op.drop_index("ix_outbox_pending", table_name="outbox", schema=schema)
        op.create_index(
            "ix_outbox_pending",
            "outbox",
            ["next_attempt_at"],
            schema=schema,
            postgresql_where=sa.text("status = 'pending'"),
        )
        op.create_index(
            "ix_outbox_dead", "outbox", ["updated_at"], schema=schema, postgresql_where=sa.text("status = 'dead'")
        )


def downgrade() -> None:
    for schema in OUTBOX_SCHEMAS:
        op.drop_index("ix_outbox_dead", table_name="outbox", schema=schema)
        op.drop_index("ix_outbox_pending", table_name="outbox", schema=schema)
        op.create_index(
            "ix_outbox_pending",
            "outbox",
            ["next_attempt_at"],
            schema=schema,
            postgresql_where=sa.text("delivered_at IS NULL"),
        )
        op.drop_column("outbox", "failures", schema=schema)
        op.drop_column("outbox", "status", schema=schema)
        op.alter_column("outbox", "recipient", new_column_name="service", schema=schema)
    for schema in KEY_SCHEMAS:
        op.alter_column("idempotency_key", "response_body", nullable=True, schema=schema)
        op.alter_column("idempotency_key", "response_status", nullable=True, schema=schema)
        op.add_column(
            "idempotency_key",
            sa.Column("state", sa.String(length=8), nullable=False, server_default="done"),
            schema=schema,
        )
        op.alter_column("idempotency_key", "state", server_default=None, schema=schema)

"""webhooks: banks' endpoints and the webhook outbox (one delivery per endpoint and event, with its attempts)

Revision ID: 0014
Revises: 0013
Created: 2026-11-29 20:00:00

Audit: every change to an endpoint is recorded except its signing secret. Deliveries are written with the
change they announce and then updated by the relay on every attempt (plumbing, like the outbox); only a
bank's redelivery (`redeliveries` goes up) is recorded.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "finance"


def upgrade() -> None:
    op.create_table(
        "webhook_endpoint",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("bank_id", sa.Uuid(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("events", postgresql.ARRAY(sa.String(length=32)), server_default="{}", nullable=False),
        sa.Column("secret", sa.String(length=100), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("disabled_reason", sa.String(length=500), nullable=True),
        sa.Column("disabled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("failed_in_a_row", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_webhook_endpoint"),
        schema=SCHEMA,
    )
    op.create_index("ix_webhook_endpoint_created_at_id", "webhook_endpoint", ["created_at", "id"], schema=SCHEMA)
    op.create_index("ix_webhook_endpoint_bank_id", "webhook_endpoint", ["bank_id"], schema=SCHEMA)
    op.create_table(
        "webhook_delivery",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seq", sa.BigInteger(), sa.Identity(), nullable=False),
        sa.Column("endpoint_id", sa.Uuid(), nullable=False),
        sa.Column("event_type", sa.String(length=40), nullable=False),
        sa.Column("payload", postgresql.JSONB(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("tries", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("redeliveries", sa.Integer(), nullable=False),
        sa.Column("attempts", postgresql.JSONB(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_webhook_delivery"),
        schema=SCHEMA,
    )
    op.create_index(
        "ix_webhook_delivery_endpoint_created",
        "webhook_delivery",
        ["endpoint_id", "created_at", "id"],
        schema=SCHEMA,
    )
    op.create_index(
        "ix_webhook_delivery_queue",
        "webhook_delivery",
        ["endpoint_id", "seq"],
        schema=SCHEMA,
        postgresql_where=sa.text("status = 'pending'"),
    )
    op.create_index(
        "ix_webhook_delivery_due",
        "webhook_delivery",
        ["next_attempt_at"],
        schema=SCHEMA,
        postgresql_where=sa.text("status = 'pending'"),
    )
    op.execute(
        f"CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON {SCHEMA}.webhook_endpoint "
        f"FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.record_change('secret')"
    )
    op.execute(
        f"CREATE TRIGGER audit AFTER UPDATE ON {SCHEMA}.webhook_delivery FOR EACH ROW "
        f"WHEN (OLD.redeliveries IS DISTINCT FROM NEW.redeliveries) EXECUTE FUNCTION {SCHEMA}.record_change('payload')"
    )


def downgrade() -> None:
    op.execute(f"DROP TRIGGER audit ON {SCHEMA}.webhook_delivery")
    op.execute(f"DROP TRIGGER audit ON {SCHEMA}.webhook_endpoint")
    op.drop_table("webhook_delivery", schema=SCHEMA)
    op.drop_table("webhook_endpoint", schema=SCHEMA)

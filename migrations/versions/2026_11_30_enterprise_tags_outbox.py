"""enterprise tags and revision; intake's outbox, for the profile changes finance keeps a read model of

Revision ID: 0020
Revises: 0019
Created: 2026-11-30 09:00:00

`enterprise.tags` (qualifications such as 专精特新) and `enterprise.revision` (1, and one more with every profile
change: a subscriber keeps the highest). Intake now sends messages too, so it gets an `outbox` table shaped as
approval's and finance's, with their audit trigger: only a dead letter's redrive (an admin's call) is recorded.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "intake"


def upgrade() -> None:
    op.add_column(
        "enterprise",
        sa.Column("tags", postgresql.ARRAY(sa.String(length=32)), server_default="{}", nullable=False),
        schema=SCHEMA,
    )
    op.add_column("enterprise", sa.Column("revision", sa.Integer(), server_default="1", nullable=False), schema=SCHEMA)
    op.create_table(
        "outbox",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recipient", sa.String(length=16), nullable=False),
        sa.Column("path", sa.String(length=200), nullable=False),
        sa.Column("payload", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.String(length=500), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_outbox"),
        schema=SCHEMA,
    )
    op.create_index(
        "ix_outbox_pending",
        "outbox",
        ["next_attempt_at"],
        schema=SCHEMA,
        postgresql_where=sa.text("status = 'pending'"),
    )
    op.create_index(
        "ix_outbox_dead", "outbox", ["updated_at"], schema=SCHEMA, postgresql_where=sa.text("status = 'dead'")
    )
    op.execute(
        f"CREATE TRIGGER audit AFTER UPDATE ON {SCHEMA}.outbox FOR EACH ROW WHEN (OLD.status = 'dead') "
        f"EXECUTE FUNCTION {SCHEMA}.record_change()"
    )


def downgrade() -> None:
    op.drop_table("outbox", schema=SCHEMA)  # its indexes and trigger go with it
    op.drop_column("enterprise", "revision", schema=SCHEMA)
    op.drop_column("enterprise", "tags", schema=SCHEMA)

"""intake requests meetings timeline

Revision ID: 0003
Revises: 0002
Created: 2026-11-27 17:51:19.133315
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("CREATE SEQUENCE IF NOT EXISTS intake.request_code_seq")
    op.create_table(
        "meeting",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("location", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
        schema="intake",
    )
    op.create_index("ix_meeting_created_at_id", "meeting", ["created_at", "id"], unique=False, schema="intake")
    op.create_table(
        "request",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=True),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(length=5000), nullable=False),
        sa.Column("category", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("channel", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("grade", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column("lead_department", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column(
            "cooperating_departments", postgresql.ARRAY(sa.String(length=32)), server_default="{}", nullable=False
        ),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("first_replied_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("replied_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reply", sqlmodel.sql.sqltypes.AutoString(length=5000), nullable=True),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("feedback_comment", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request")),
        sa.UniqueConstraint("code", name=op.f("uq_request_code")),
        schema="intake",
    )
    op.create_index(
        "ix_request_cooperating_departments",
        "request",
        ["cooperating_departments"],
        unique=False,
        schema="intake",
        postgresql_using="gin",
    )
    op.create_index("ix_request_created_at_id", "request", ["created_at", "id"], unique=False, schema="intake")
    op.create_index(op.f("ix_request_enterprise_id"), "request", ["enterprise_id"], unique=False, schema="intake")
    op.create_index(op.f("ix_request_lead_department"), "request", ["lead_department"], unique=False, schema="intake")
    op.create_index(op.f("ix_request_meeting_id"), "request", ["meeting_id"], unique=False, schema="intake")
    op.create_index(op.f("ix_request_status"), "request", ["status"], unique=False, schema="intake")
    op.create_table(
        "request_event",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("request_id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("actor_role", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("details", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_event")),
        schema="intake",
    )
    op.create_index(
        "ix_request_event_request_id_at", "request_event", ["request_id", "at"], unique=False, schema="intake"
    )
    op.create_table(
        "timeline_event",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("service", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("ref_id", sa.Uuid(), nullable=False),
        sa.Column("summary", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timeline_event")),
        schema="intake",
    )
    op.create_index(
        "ix_timeline_event_enterprise_id_at",
        "timeline_event",
        ["enterprise_id", "at", "id"],
        unique=False,
        schema="intake",
    )
    op.add_column(
        "enterprise",
        sa.Column("liaison_officer", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        schema="intake",
    )
    op.create_index(
        op.f("ix_enterprise_liaison_officer"), "enterprise", ["liaison_officer"], unique=False, schema="intake"
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_enterprise_liaison_officer"), table_name="enterprise", schema="intake")
    op.drop_column("enterprise", "liaison_officer", schema="intake")
    op.drop_index("ix_timeline_event_enterprise_id_at", table_name="timeline_event", schema="intake")
    op.drop_table("timeline_event", schema="intake")
    op.drop_index("ix_request_event_request_id_at", table_name="request_event", schema="intake")
    op.drop_table("request_event", schema="intake")
    op.drop_index(op.f("ix_request_status"), table_name="request", schema="intake")
    op.drop_index(op.f("ix_request_meeting_id"), table_name="request", schema="intake")
    op.drop_index(op.f("ix_request_lead_department"), table_name="request", schema="intake")
    op.drop_index(op.f("ix_request_enterprise_id"), table_name="request", schema="intake")
    op.drop_index("ix_request_created_at_id", table_name="request", schema="intake")
    op.drop_index("ix_request_cooperating_departments", table_name="request", schema="intake", postgresql_using="gin")
    op.drop_table("request", schema="intake")
    op.drop_index("ix_meeting_created_at_id", table_name="meeting", schema="intake")
    op.drop_table("meeting", schema="intake")
    op.execute("DROP SEQUENCE IF EXISTS intake.request_code_seq")

"""approval applications tasks outbox

Revision ID: 0004
Revises: 0003
Created: 2026-11-27 18:01:39.371757
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("CREATE SEQUENCE IF NOT EXISTS approval.application_code_seq")
    op.create_table(
        "application",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("matter_id", sa.Uuid(), nullable=False),
        sa.Column("matter_code", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("materials", sa.ARRAY(sa.String(length=64)), nullable=False),
        sa.Column("materials_count", sa.Integer(), nullable=False),
        sa.Column("commitments", postgresql.JSONB(astext_type=sa.Text()), server_default="[]", nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("elapsed_working_days", sa.Float(), nullable=True),
        sa.Column("paused_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("pauses", postgresql.JSONB(astext_type=sa.Text()), server_default="[]", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application")),
        sa.UniqueConstraint("code", name=op.f("uq_application_code")),
        schema="approval",
    )
    op.create_index(
        "ix_application_created_at_id", "application", ["created_at", "id"], unique=False, schema="approval"
    )
    op.create_index(
        op.f("ix_application_enterprise_id"), "application", ["enterprise_id"], unique=False, schema="approval"
    )
    op.create_index(op.f("ix_application_matter_id"), "application", ["matter_id"], unique=False, schema="approval")
    op.create_index(
        "ix_application_open",
        "application",
        ["status"],
        unique=False,
        schema="approval",
        postgresql_where="status IN ('in_review', 'supplement_required')",
    )
    op.create_table(
        "matter",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("departments", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("materials", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("sla_working_days", sa.Integer(), nullable=False),
        sa.Column("deemed_approval", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_matter")),
        sa.UniqueConstraint("code", name=op.f("uq_matter_code")),
        schema="approval",
    )
    op.create_index("ix_matter_created_at_id", "matter", ["created_at", "id"], unique=False, schema="approval")
    op.create_table(
        "outbox",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("service", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("path", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("payload", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        schema="approval",
    )
    op.create_index(
        "ix_outbox_pending",
        "outbox",
        ["next_attempt_at"],
        unique=False,
        schema="approval",
        postgresql_where="delivered_at IS NULL",
    )
    op.create_table(
        "task",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("department", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("task_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_by", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("comment", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
        sa.Column("deemed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task")),
        schema="approval",
    )
    op.create_index(op.f("ix_task_application_id"), "task", ["application_id"], unique=False, schema="approval")
    op.create_index("ix_task_department_status", "task", ["department", "status"], unique=False, schema="approval")
    op.create_index(
        "ix_task_pending_due",
        "task",
        ["due_date"],
        unique=False,
        schema="approval",
        postgresql_where="status = 'pending'",
    )


def downgrade() -> None:
    op.drop_index("ix_task_pending_due", table_name="task", schema="approval", postgresql_where="status = 'pending'")
    op.drop_index("ix_task_department_status", table_name="task", schema="approval")
    op.drop_index(op.f("ix_task_application_id"), table_name="task", schema="approval")
    op.drop_table("task", schema="approval")
    op.drop_index("ix_outbox_pending", table_name="outbox", schema="approval", postgresql_where="delivered_at IS NULL")
    op.drop_table("outbox", schema="approval")
    op.drop_index("ix_matter_created_at_id", table_name="matter", schema="approval")
    op.drop_table("matter", schema="approval")
    op.drop_index(
        "ix_application_open",
        table_name="application",
        schema="approval",
        postgresql_where="status IN ('in_review', 'supplement_required')",
    )
    op.drop_index(op.f("ix_application_matter_id"), table_name="application", schema="approval")
    op.drop_index(op.f("ix_application_enterprise_id"), table_name="application", schema="approval")
    op.drop_index("ix_application_created_at_id", table_name="application", schema="approval")
    op.drop_table("application", schema="approval")
    op.execute("DROP SEQUENCE IF EXISTS approval.application_code_seq")

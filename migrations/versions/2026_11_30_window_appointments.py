"""window appointments (预约办, 延时办) and on-site service (上门办): halls, windows, slots, bookings, visits

Revision ID: 0026
Revises: 0025
Created: 2026-11-30 16:00:00

`intake.hall` is a service hall; `intake.hall_window` one of its windows, with its department, the matters it serves
(approval's codes, no foreign key across schemas) and its weekly hours (JSON ranges in CST, regular or after-hours),
slot length and capacity. `intake.appointment_slot` counts the places taken of one slot of a window: a booking
counts up with one conditional upsert that holds the row until commit, so a slot is never overbooked.
`intake.appointment` is a booking; partial unique indexes keep an enterprise from holding a slot twice or two active
bookings of one matter on one day. `intake.onsite_request` is a request for service at the enterprise's site,
routed to a department and scheduled with one of its officers (one scheduled visit per officer and start). Partial
indexes find what is due a reminder. Every table carries the audit trigger.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0026"
down_revision: str | None = "0025"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "intake"
TABLES = ("hall", "hall_window", "appointment_slot", "appointment", "onsite_request")


def _resource() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "hall",
        *_resource(),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("town", sa.String(length=50), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_hall"),
        sa.UniqueConstraint("name", name="uq_hall_name"),
        schema=SCHEMA,
    )
    op.create_index("ix_hall_created_at_id", "hall", ["created_at", "id"], schema=SCHEMA)
    op.create_table(
        "hall_window",
        *_resource(),
        sa.Column("hall_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("department", sa.String(length=32), nullable=False),
        sa.Column("matter_codes", postgresql.ARRAY(sa.String(length=32)), nullable=False),
        sa.Column("hours", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("slot_minutes", sa.Integer(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("makeup_day", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_hall_window"),
        sa.UniqueConstraint("hall_id", "number", name="uq_hall_window_hall_id_number"),
        schema=SCHEMA,
    )
    op.create_index(
        "ix_hall_window_matter_codes", "hall_window", ["matter_codes"], schema=SCHEMA, postgresql_using="gin"
    )
    op.create_table(
        "appointment_slot",
        *_resource(),
        sa.Column("window_id", sa.Uuid(), nullable=False),
        sa.Column("start_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("booked", sa.Integer(), nullable=False),
        sa.CheckConstraint("booked >= 0", name="ck_appointment_slot_booked_not_negative"),
        sa.PrimaryKeyConstraint("id", name="pk_appointment_slot"),
        sa.UniqueConstraint("window_id", "start_at", name="uq_appointment_slot_window_id_start_at"),
        schema=SCHEMA,
    )
    op.create_table(
        "appointment",
        *_resource(),
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("hall_id", sa.Uuid(), nullable=False),
        sa.Column("window_id", sa.Uuid(), nullable=False),
        sa.Column("matter_code", sa.String(length=32), nullable=False),
        sa.Column("start_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("end_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("appointment_on", sa.Date(), nullable=False),
        sa.Column("after_hours", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("booked_by", sa.String(length=64), nullable=False),
        sa.Column("rescheduled", sa.Integer(), nullable=False),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("checked_in_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("no_show_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reminded_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_appointment"),
        schema=SCHEMA,
    )
    op.create_index("ix_appointment_created_at_id", "appointment", ["created_at", "id"], schema=SCHEMA)
    op.create_index("ix_appointment_enterprise_id", "appointment", ["enterprise_id"], schema=SCHEMA)
    op.create_index(
        "ix_appointment_enterprise_slot",
        "appointment",
        ["enterprise_id", "window_id", "start_at"],
        unique=True,
        schema=SCHEMA,
        postgresql_where=sa.text("status = 'booked'"),
    )
    op.create_index(
        "ix_appointment_enterprise_matter_day",
        "appointment",
        ["enterprise_id", "matter_code", "appointment_on"],
        unique=True,
        schema=SCHEMA,
        postgresql_where=sa.text("status = 'booked'"),
    )
    op.create_index(
        "ix_appointment_hall_id_appointment_on", "appointment", ["hall_id", "appointment_on"], schema=SCHEMA
    )
    op.create_index(
        "ix_appointment_reminder_due",
        "appointment",
        ["appointment_on"],
        schema=SCHEMA,
        postgresql_where=sa.text("status = 'booked' AND reminded_at IS NULL"),
    )
    op.create_table(
        "onsite_request",
        *_resource(),
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("matter_code", sa.String(length=32), nullable=False),
        sa.Column("department", sa.String(length=32), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("preferred_dates", postgresql.ARRAY(sa.Date()), server_default="{}", nullable=False),
        sa.Column("notes", sa.String(length=2000), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("requested_by", sa.String(length=64), nullable=False),
        sa.Column("officer_username", sa.String(length=64), nullable=True),
        sa.Column("start_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("visit_on", sa.Date(), nullable=True),
        sa.Column("scheduled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("scheduled_by", sa.String(length=64), nullable=True),
        sa.Column("reminded_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_onsite_request"),
        schema=SCHEMA,
    )
    op.create_index("ix_onsite_request_created_at_id", "onsite_request", ["created_at", "id"], schema=SCHEMA)
    op.create_index("ix_onsite_request_enterprise_id", "onsite_request", ["enterprise_id"], schema=SCHEMA)
    op.create_index("ix_onsite_request_department", "onsite_request", ["department"], schema=SCHEMA)
    op.create_index(
        "ix_onsite_request_officer_start",
        "onsite_request",
        ["officer_username", "start_at"],
        unique=True,
        schema=SCHEMA,
        postgresql_where=sa.text("status = 'scheduled'"),
    )
    op.create_index(
        "ix_onsite_request_reminder_due",
        "onsite_request",
        ["visit_on"],
        schema=SCHEMA,
        postgresql_where=sa.text("status = 'scheduled' AND reminded_at IS NULL"),
    )
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON {SCHEMA}.{table} "
            f"FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.record_change()"
        )


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table, schema=SCHEMA)

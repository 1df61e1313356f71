"""approval calendar

Revision ID: 0002
Revises: 0001
Created: 2026-11-27 17:49:50.441075
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "calendar_year",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("provisional", sa.Boolean(), nullable=False),
        sa.Column("holidays", sa.ARRAY(sa.Date()), nullable=False),
        sa.Column("workdays", sa.ARRAY(sa.Date()), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.CheckConstraint("source IN ('package', 'admin')", name=op.f("ck_calendar_year_source")),
        sa.CheckConstraint("year BETWEEN 2000 AND 2100", name=op.f("ck_calendar_year_year_range")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_year")),
        sa.UniqueConstraint("year", name=op.f("uq_calendar_year_year")),
        schema="approval",
    )


def downgrade() -> None:
    op.drop_table("calendar_year", schema="approval")

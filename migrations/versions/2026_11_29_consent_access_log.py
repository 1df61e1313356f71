"""consent and access log: a need is a lead only while its enterprise consents; banks' reads are logged

Revision ID: 0016
Revises: 0015
Created: 2026-11-29 20:00:00

`need.consent` (default true) and the profile index of open needs narrowed to consenting ones, so leads
and near-miss counts never see a withdrawn need and still read only the index. `access_log` has no audit
trigger: it is itself a log, written once per read and never changed (see services.common.audit.UNAUDITED).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PROFILE = ["town", "industry", "credit_rating", "amount_yuan", "term_months", "annual_revenue_yuan", "established_on"]
INCLUDE = ["created_at", "id", "collateral_available", "max_annual_rate_pct"]


def _profile_index(where: str) -> None:
    op.create_index(
        "ix_need_open_profile",
        "need",
        PROFILE,
        unique=False,
        schema="finance",
        postgresql_where=where,
        postgresql_include=INCLUDE,
    )


def upgrade() -> None:
    op.add_column(
        "need", sa.Column("consent", sa.Boolean(), nullable=False, server_default=sa.text("true")), schema="finance"
    )
    op.drop_index("ix_need_open_profile", table_name="need", schema="finance")
    _profile_index("status = 'open' AND consent")
    op.create_table(
        "access_log",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("bank_id", sa.Uuid(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("actor_kind", sa.String(length=16), nullable=False),
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("what", sa.String(length=16), nullable=False),
        sa.Column("resource_id", sa.Uuid(), nullable=False),
        sa.Column("request_id", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_access_log"),
        schema="finance",
    )
    op.create_index("ix_access_log_at_id", "access_log", ["at", "id"], schema="finance")
    op.create_index("ix_access_log_enterprise_id_at_id", "access_log", ["enterprise_id", "at", "id"], schema="finance")
    op.create_index("ix_access_log_bank_id_at_id", "access_log", ["bank_id", "at", "id"], schema="finance")


def downgrade() -> None:
    op.drop_table("access_log", schema="finance")
    op.drop_index("ix_need_open_profile", table_name="need", schema="finance")
    _profile_index("status = 'open'")
    op.drop_column("need", "consent", schema="finance")

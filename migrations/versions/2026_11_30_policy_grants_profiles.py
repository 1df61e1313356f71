"""policy grants paid in one step, and finance's copy of enterprise profiles

Revision ID: 0021
Revises: 0020
Created: 2026-11-30 09:00:00

A grant gains its payee, payment reference (unique: a grant is paid once), disbursement batch, review due day and
revocation time; `granted_at` is empty while a `review` claim waits. `enterprise_profile` is a read model that
intake's events keep (not audited: intake audits the profile itself).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "finance"


def upgrade() -> None:
    op.alter_column("policy_grant", "granted_at", nullable=True, schema=SCHEMA)
    op.add_column("policy_grant", sa.Column("due_on", sa.Date(), nullable=True), schema=SCHEMA)
    op.add_column(
        "policy_grant", sa.Column("payee", postgresql.JSONB(astext_type=sa.Text()), nullable=True), schema=SCHEMA
    )
    op.add_column("policy_grant", sa.Column("payment_reference", sa.String(length=32), nullable=True), schema=SCHEMA)
    op.add_column("policy_grant", sa.Column("batch_id", sa.Uuid(), nullable=True), schema=SCHEMA)
    op.add_column("policy_grant", sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True), schema=SCHEMA)
    op.create_unique_constraint(
        "uq_policy_grant_payment_reference", "policy_grant", ["payment_reference"], schema=SCHEMA
    )
    op.create_table(
        "enterprise_profile",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("uscc", sa.String(length=18), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("industry", sa.String(length=1), nullable=False),
        sa.Column("town", sa.String(length=50), nullable=False),
        sa.Column("established_on", sa.Date(), nullable=False),
        sa.Column("employees", sa.Integer(), nullable=True),
        sa.Column("annual_revenue_yuan", sa.BigInteger(), nullable=True),
        sa.Column("credit_rating", sa.String(length=1), nullable=False),
        sa.Column("key_enterprise", sa.Boolean(), nullable=False),
        sa.Column("tags", postgresql.ARRAY(sa.String(length=32)), server_default="{}", nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=True),
        sa.Column("synced_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_enterprise_profile"),
        schema=SCHEMA,
    )


def downgrade() -> None:
    op.drop_table("enterprise_profile", schema=SCHEMA)
    op.drop_constraint("uq_policy_grant_payment_reference", "policy_grant", schema=SCHEMA)
    for column in ("revoked_at", "batch_id", "payment_reference", "payee", "due_on"):
        op.drop_column("policy_grant", column, schema=SCHEMA)
    op.execute(f"UPDATE {SCHEMA}.policy_grant SET granted_at = created_at WHERE granted_at IS NULL")
    op.alter_column("policy_grant", "granted_at", nullable=False, schema=SCHEMA)

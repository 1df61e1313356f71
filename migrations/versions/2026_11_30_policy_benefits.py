"""policy benefits: policies (drafts, published versions) and the grants they give enterprises

Revision ID: 0019
Revises: 0018
Created: 2026-11-30 00:20:00

A grant is unique per policy series and enterprise, so no enterprise is granted twice under one policy, whichever
version or path (without applying, on a claim) grants it. Both tables carry the audit trigger.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "finance"


def _resource() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "policy",
        *_resource(),
        sa.Column("series_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("department", sa.String(length=32), nullable=False),
        sa.Column("legal_basis", sa.String(length=500), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("review_working_days", sa.Integer(), nullable=True),
        sa.Column("eligibility", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("benefit", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_policy"),
        sa.UniqueConstraint("series_id", "version", name="uq_policy_series_id_version"),
        schema=SCHEMA,
    )
    op.create_index("ix_policy_created_at_id", "policy", ["created_at", "id"], schema=SCHEMA)
    op.create_table(
        "policy_grant",
        *_resource(),
        sa.Column("policy_id", sa.Uuid(), nullable=False),
        sa.Column("series_id", sa.Uuid(), nullable=False),
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("amount_yuan", sa.BigInteger(), nullable=False),
        sa.Column("applied", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("disbursed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_reason", sa.String(length=500), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_policy_grant"),
        sa.UniqueConstraint("series_id", "enterprise_id", name="uq_policy_grant_series_id_enterprise_id"),
        schema=SCHEMA,
    )
    op.create_index("ix_policy_grant_created_at_id", "policy_grant", ["created_at", "id"], schema=SCHEMA)
    op.create_index("ix_policy_grant_enterprise_id", "policy_grant", ["enterprise_id"], schema=SCHEMA)
    op.create_index("ix_policy_grant_policy_id", "policy_grant", ["policy_id"], schema=SCHEMA)
    for table in ("policy", "policy_grant"):
        op.execute(
            f"CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON {SCHEMA}.{table} "
            f"FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.record_change()"
        )


def downgrade() -> None:
    op.drop_table("policy_grant", schema=SCHEMA)
    op.drop_table("policy", schema=SCHEMA)

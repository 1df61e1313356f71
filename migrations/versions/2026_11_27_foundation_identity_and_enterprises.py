"""foundation identity and enterprises

Revision ID: 0001
Revises:
Created: 2026-11-27 17:24:36.932723
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


SCHEMAS = ("identity", "intake", "approval", "finance")


def upgrade() -> None:
    for schema in SCHEMAS:
        op.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    op.create_table(
        "account",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("username", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("password_hash", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("department", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("enterprise_id", sa.Uuid(), nullable=True),
        sa.Column("bank_id", sa.Uuid(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account")),
        sa.UniqueConstraint("username", name=op.f("uq_account_username")),
        schema="identity",
    )
    op.create_table(
        "enterprise",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("uscc", sqlmodel.sql.sqltypes.AutoString(length=18), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("industry", sqlmodel.sql.sqltypes.AutoString(length=1), nullable=False),
        sa.Column("town", sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
        sa.Column("established_on", sa.Date(), nullable=False),
        sa.Column("employees", sa.Integer(), nullable=True),
        sa.Column("annual_revenue_yuan", sa.BigInteger(), nullable=True),
        sa.Column("credit_rating", sqlmodel.sql.sqltypes.AutoString(length=1), nullable=False),
        sa.Column("key_enterprise", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enterprise")),
        sa.UniqueConstraint("uscc", name=op.f("uq_enterprise_uscc")),
        schema="intake",
    )
    op.create_index("ix_enterprise_created_at_id", "enterprise", ["created_at", "id"], unique=False, schema="intake")


def downgrade() -> None:
    op.drop_index("ix_enterprise_created_at_id", table_name="enterprise", schema="intake")
    op.drop_table("enterprise", schema="intake")
    op.drop_table("account", schema="identity")
    for schema in reversed(SCHEMAS):
        op.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")

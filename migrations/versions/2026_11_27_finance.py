"""finance banks products needs applications events

Revision ID: 0007
Revises: 0006
Created: 2026-11-27 18:21:22.321908
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "application",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("need_id", sa.Uuid(), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("bank_id", sa.Uuid(), nullable=False),
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("approved_amount_yuan", sa.BigInteger(), nullable=True),
        sa.Column("approved_rate_pct", sa.Numeric(precision=5, scale=2, asdecimal=False), nullable=True),
        sa.Column("approved_term_months", sa.Integer(), nullable=True),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("signed_amount_yuan", sa.BigInteger(), nullable=True),
        sa.Column("signed_rate_pct", sa.Numeric(precision=5, scale=2, asdecimal=False), nullable=True),
        sa.Column("signed_term_months", sa.Integer(), nullable=True),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("event_id", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application")),
        sa.UniqueConstraint("need_id", "product_id", name="uq_application_need_id_product_id"),
        schema="finance",
    )
    op.create_index("ix_application_bank_id", "application", ["bank_id"], unique=False, schema="finance")
    op.create_index("ix_application_created_at_id", "application", ["created_at", "id"], unique=False, schema="finance")
    op.create_index("ix_application_enterprise_id", "application", ["enterprise_id"], unique=False, schema="finance")
    op.create_index("ix_application_event_id", "application", ["event_id"], unique=False, schema="finance")
    op.create_table(
        "bank",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bank")),
        sa.UniqueConstraint("code", name=op.f("uq_bank_code")),
        schema="finance",
    )
    op.create_index("ix_bank_created_at_id", "bank", ["created_at", "id"], unique=False, schema="finance")
    op.create_table(
        "event",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("location", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
        schema="finance",
    )
    op.create_index("ix_event_created_at_id", "event", ["created_at", "id"], unique=False, schema="finance")
    op.create_table(
        "idempotency_key",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("caller", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("method", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("path", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("request_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("state", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("response_status", sa.Integer(), nullable=True),
        sa.Column("response_type", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("response_body", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idempotency_key")),
        sa.UniqueConstraint("caller", "key", name="uq_idempotency_key_caller_key"),
        schema="finance",
    )
    op.create_table(
        "need",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("amount_yuan", sa.BigInteger(), nullable=False),
        sa.Column("term_months", sa.Integer(), nullable=False),
        sa.Column("purpose", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("collateral_available", postgresql.ARRAY(sa.String(length=32)), server_default="{}", nullable=False),
        sa.Column("max_annual_rate_pct", sa.Numeric(precision=5, scale=2, asdecimal=False), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("enterprise_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("industry", sqlmodel.sql.sqltypes.AutoString(length=1), nullable=False),
        sa.Column("town", sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
        sa.Column("established_on", sa.Date(), nullable=False),
        sa.Column("annual_revenue_yuan", sa.BigInteger(), nullable=False),
        sa.Column("credit_rating", sqlmodel.sql.sqltypes.AutoString(length=1), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_need")),
        schema="finance",
    )
    op.create_index("ix_need_created_at_id", "need", ["created_at", "id"], unique=False, schema="finance")
    op.create_index("ix_need_enterprise_id", "need", ["enterprise_id"], unique=False, schema="finance")
    op.create_index(
        "ix_need_open_amount",
        "need",
        ["amount_yuan", "term_months"],
        unique=False,
        schema="finance",
        postgresql_where="status = 'open'",
    )
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
        schema="finance",
    )
    op.create_index(
        "ix_outbox_pending",
        "outbox",
        ["next_attempt_at"],
        unique=False,
        schema="finance",
        postgresql_where="delivered_at IS NULL",
    )
    op.create_table(
        "product",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("bank_id", sa.Uuid(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("min_amount_yuan", sa.BigInteger(), nullable=False),
        sa.Column("max_amount_yuan", sa.BigInteger(), nullable=False),
        sa.Column("annual_rate_pct_min", sa.Numeric(precision=5, scale=2, asdecimal=False), nullable=False),
        sa.Column("annual_rate_pct_max", sa.Numeric(precision=5, scale=2, asdecimal=False), nullable=False),
        sa.Column("term_months_min", sa.Integer(), nullable=False),
        sa.Column("term_months_max", sa.Integer(), nullable=False),
        sa.Column("collateral_types", postgresql.ARRAY(sa.String(length=32)), server_default="{}", nullable=False),
        sa.Column("industries", postgresql.ARRAY(sa.String(length=32)), server_default="{}", nullable=False),
        sa.Column("towns", postgresql.ARRAY(sa.String(length=50)), server_default="{}", nullable=False),
        sa.Column("min_years_in_business", sa.Integer(), nullable=False),
        sa.Column("min_annual_revenue_yuan", sa.BigInteger(), nullable=False),
        sa.Column(
            "accepted_credit_ratings", postgresql.ARRAY(sa.String(length=32)), server_default="{}", nullable=False
        ),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column(
            "amount_range",
            postgresql.INT8RANGE(),
            sa.Computed(
                "int8range(min_amount_yuan, max_amount_yuan, '[]')",
                persisted=True,
            ),
            nullable=True,
        ),
        sa.Column(
            "term_range",
            postgresql.INT4RANGE(),
            sa.Computed(
                "int4range(term_months_min, term_months_max, '[]')",
                persisted=True,
            ),
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product")),
        schema="finance",
    )
    op.create_index(
        "ix_product_active_ranges",
        "product",
        ["amount_range", "term_range"],
        unique=False,
        schema="finance",
        postgresql_using="gist",
        postgresql_where="status = 'active'",
    )
    op.create_index("ix_product_bank_id", "product", ["bank_id"], unique=False, schema="finance")
    op.create_index("ix_product_created_at_id", "product", ["created_at", "id"], unique=False, schema="finance")


def downgrade() -> None:
    op.drop_index("ix_product_created_at_id", table_name="product", schema="finance")
    op.drop_index("ix_product_bank_id", table_name="product", schema="finance")
    op.drop_index(
        "ix_product_active_ranges",
        table_name="product",
        schema="finance",
        postgresql_using="gist",
        postgresql_where="status = 'active'",
    )
    op.drop_table("product", schema="finance")
    op.drop_index("ix_outbox_pending", table_name="outbox", schema="finance", postgresql_where="delivered_at IS NULL")
    op.drop_table("outbox", schema="finance")
    op.drop_index("ix_need_open_amount", table_name="need", schema="finance", postgresql_where="status = 'open'")
    op.drop_index("ix_need_enterprise_id", table_name="need", schema="finance")
    op.drop_index("ix_need_created_at_id", table_name="need", schema="finance")
    op.drop_table("need", schema="finance")
    op.drop_table("idempotency_key", schema="finance")
    op.drop_index("ix_event_created_at_id", table_name="event", schema="finance")
    op.drop_table("event", schema="finance")
    op.drop_index("ix_bank_created_at_id", table_name="bank", schema="finance")
    op.drop_table("bank", schema="finance")
    op.drop_index("ix_application_event_id", table_name="application", schema="finance")
    op.drop_index("ix_application_enterprise_id", table_name="application", schema="finance")
    op.drop_index("ix_application_created_at_id", table_name="application", schema="finance")
    op.drop_index("ix_application_bank_id", table_name="application", schema="finance")
    op.drop_table("application", schema="finance")

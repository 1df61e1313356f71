"""cache tokens: finance's products held in memory for matching, kept exact by a token a statement trigger renews

Revision ID: 0017
Revises: 0016
Created: 2026-11-29 21:30:00

`finance.cache_token` holds one row per in-process snapshot (`products`). A BEFORE STATEMENT trigger on
`finance.product` renews its token in the writing transaction, before the statement takes any row lock (see
services.common.cache). No audit trigger: the product change itself is audited on `product`.

Matching no longer asks PostgreSQL which products' ranges hold an amount and a term, so the GiST index and the
range columns generated for it go.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RENEW = """
CREATE FUNCTION finance.renew_cache_token() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE finance.cache_token SET token = gen_random_uuid(), writer = pg_current_xact_id()::text::bigint
    WHERE name = TG_ARGV[0];
    RETURN NULL;
END
$$
"""


def upgrade() -> None:
    op.drop_index("ix_product_active_ranges", table_name="product", schema="finance")
    op.drop_column("product", "term_range", schema="finance")
    op.drop_column("product", "amount_range", schema="finance")
    op.create_table(
        "cache_token",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("token", sa.Uuid(), nullable=False),
        sa.Column("writer", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("name", name="pk_cache_token"),
        schema="finance",
    )
    op.execute("INSERT INTO finance.cache_token (name, token) VALUES ('products', gen_random_uuid())")
    op.execute(RENEW)
    op.execute(
        "CREATE TRIGGER renew_products_token BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON finance.product "
        "FOR EACH STATEMENT EXECUTE FUNCTION finance.renew_cache_token('products')"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER renew_products_token ON finance.product")
    op.execute("DROP FUNCTION finance.renew_cache_token()")
    op.drop_table("cache_token", schema="finance")
    op.add_column(
        "product",
        sa.Column(
            "amount_range",
            postgresql.INT8RANGE(),
            sa.Computed("int8range(min_amount_yuan, max_amount_yuan, '[]')", persisted=True),
        ),
        schema="finance",
    )
    op.add_column(
        "product",
        sa.Column(
            "term_range",
            postgresql.INT4RANGE(),
            sa.Computed("int4range(term_months_min, term_months_max, '[]')", persisted=True),
        ),
        schema="finance",
    )
    op.create_index(
        "ix_product_active_ranges",
        "product",
        ["amount_range", "term_range"],
        schema="finance",
        postgresql_using="gist",
        postgresql_where="status = 'active'",
    )

"""catalogue sync: products by the bank's own id, versioned terms, the terms each loan application applied under

Revision ID: 0015
Revises: 0014
Created: 2026-11-29 20:00:00

Existing products get version 1 (a snapshot of their terms as they stand), and existing loan applications
that version and its terms: the best record there is of what they applied under.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _sorted(column: str) -> str:
    # Sorted by code point (COLLATE "C"), as services.finance.domain.canonical_terms sorts in Python.
    return f"""(SELECT coalesce(jsonb_agg(x ORDER BY x COLLATE "C"), '[]'::jsonb) FROM unnest(p.{column}) AS x)"""


# The snapshot services.finance.domain.terms_of takes, in SQL.
TERMS = f"""jsonb_build_object(
    'name', p.name,
    'min_amount_yuan', p.min_amount_yuan,
    'max_amount_yuan', p.max_amount_yuan,
    'annual_rate_pct_min', p.annual_rate_pct_min,
    'annual_rate_pct_max', p.annual_rate_pct_max,
    'term_months_min', p.term_months_min,
    'term_months_max', p.term_months_max,
    'collateral_types', {_sorted("collateral_types")},
    'industries', {_sorted("industries")},
    'towns', {_sorted("towns")},
    'min_years_in_business', p.min_years_in_business,
    'min_annual_revenue_yuan', p.min_annual_revenue_yuan,
    'accepted_credit_ratings', {_sorted("accepted_credit_ratings")},
    'valid_until', to_char(p.valid_until, 'YYYY-MM-DD')
)"""


def trigger(schema: str, table: str, hidden: Sequence[str]) -> str:
    """The audit trigger of migration 0012 (2026_11_29_audit_trail.py) on a new table."""
    arguments = ", ".join(f"'{column}'" for column in hidden)
    return (
        f"CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON {schema}.{table} "
        f"FOR EACH ROW EXECUTE FUNCTION {schema}.record_change({arguments})"
    )


def upgrade() -> None:
    op.add_column("product", sa.Column("external_ref", sa.String(length=64), nullable=True), schema="finance")
    op.add_column("product", sa.Column("version", sa.Integer(), nullable=False, server_default="1"), schema="finance")
    op.create_unique_constraint(
        "uq_product_bank_id_external_ref", "product", ["bank_id", "external_ref"], schema="finance"
    )
    op.create_table(
        "product_version",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("terms", postgresql.JSONB(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_product_version"),
        sa.UniqueConstraint("product_id", "version", name="uq_product_version_product_id_version"),
        schema="finance",
    )
    op.execute(
        "INSERT INTO finance.product_version (id, created_at, updated_at, product_id, version, terms) "
        f"SELECT gen_random_uuid(), p.created_at, p.created_at, p.id, 1, {TERMS} FROM finance.product AS p"
    )
    op.execute(trigger("finance", "product_version", ()))

    op.add_column("application", sa.Column("product_version", sa.Integer(), nullable=True), schema="finance")
    op.add_column("application", sa.Column("terms", postgresql.JSONB(), nullable=True), schema="finance")
    op.execute(
        "UPDATE finance.application AS a SET product_version = v.version, terms = v.terms "
        "FROM finance.product_version AS v WHERE v.product_id = a.product_id AND v.version = 1"
    )
    op.alter_column("application", "product_version", nullable=False, schema="finance")
    op.alter_column("application", "terms", nullable=False, schema="finance")


def downgrade() -> None:
    op.drop_column("application", "terms", schema="finance")
    op.drop_column("application", "product_version", schema="finance")
    op.execute("DROP TRIGGER audit ON finance.product_version")
    op.drop_table("product_version", schema="finance")
    op.drop_constraint("uq_product_bank_id_external_ref", "product", schema="finance")
    op.drop_column("product", "version", schema="finance")
    op.drop_column("product", "external_ref", schema="finance")

"""finance matching indexes: open needs by town, industry, rating, amount, term, revenue, founding date

Revision ID: 0008
Revises: 0007
Created: 2026-11-27 18:40:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Superseded: the planner chose it and then read the heap for every candidate.
    op.drop_index("ix_need_open_amount", table_name="need", schema="finance", postgresql_where="status = 'open'")
    op.create_index(
        "ix_need_open_profile",
        "need",
        [
            "town",
            "industry",
            "credit_rating",
            "amount_yuan",
            "term_months",
            "annual_revenue_yuan",
            "established_on",
        ],
        unique=False,
        schema="finance",
        postgresql_where="status = 'open'",
        postgresql_include=["created_at", "id", "collateral_available", "max_annual_rate_pct"],
    )


def downgrade() -> None:
    op.drop_index("ix_need_open_profile", table_name="need", schema="finance", postgresql_where="status = 'open'")
    op.create_index(
        "ix_need_open_amount",
        "need",
        ["amount_yuan", "term_months"],
        unique=False,
        schema="finance",
        postgresql_where="status = 'open'",
    )

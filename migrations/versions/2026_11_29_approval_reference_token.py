"""approval reference token: matters and the working-day calendar held in memory, kept exact by a token

Revision ID: 0018
Revises: 0017
Created: 2026-11-29 22:00:00

`approval.cache_token` (row `reference`), renewed by a BEFORE STATEMENT trigger on `approval.matter` and
`approval.calendar_year` in the writing transaction (see services.common.cache). No audit trigger: the changes
themselves are audited on those tables.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RENEW = """
CREATE FUNCTION approval.renew_cache_token() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE approval.cache_token SET token = gen_random_uuid(), writer = pg_current_xact_id()::text::bigint
    WHERE name = TG_ARGV[0];
    RETURN NULL;
END
$$
"""
WATCHED = ("matter", "calendar_year")


def upgrade() -> None:
    op.create_table(
        "cache_token",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("token", sa.Uuid(), nullable=False),
        sa.Column("writer", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("name", name="pk_cache_token"),
        schema="approval",
    )
    op.execute("INSERT INTO approval.cache_token (name, token) VALUES ('reference', gen_random_uuid())")
    op.execute(RENEW)
    for table in WATCHED:
        op.execute(
            f"CREATE TRIGGER renew_reference_token BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON approval.{table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION approval.renew_cache_token('reference')"
        )


def downgrade() -> None:
    for table in WATCHED:
        op.execute(f"DROP TRIGGER renew_reference_token ON approval.{table}")
    op.execute("DROP FUNCTION approval.renew_cache_token()")
    op.drop_table("cache_token", schema="approval")

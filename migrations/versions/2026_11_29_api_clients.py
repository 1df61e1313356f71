"""api clients: banks' systems get tokens with client credentials; only secret hashes are kept

Revision ID: 0013
Revises: 0012
Created: 2026-11-29 20:00:00

The audit trigger (the `identity.record_change()` of 0012) leaves the secret hashes out of the trail.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

HIDDEN = ("secret_hash", "previous_secret_hash")


def trigger(schema: str, table: str, hidden: Sequence[str]) -> str:
    arguments = ", ".join(f"'{column}'" for column in hidden)
    return (
        f"CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON {schema}.{table} "
        f"FOR EACH ROW EXECUTE FUNCTION {schema}.record_change({arguments})"
    )


def upgrade() -> None:
    op.create_table(
        "api_client",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("bank_id", sa.Uuid(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
        sa.Column("scopes", postgresql.ARRAY(sa.String(length=32)), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("secret_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("previous_secret_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("previous_secret_expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("rotated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("token_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_client")),
        sa.UniqueConstraint("name", name=op.f("uq_api_client_name")),
        schema="identity",
    )
    op.create_index("ix_api_client_created_at_id", "api_client", ["created_at", "id"], schema="identity")
    op.execute(trigger("identity", "api_client", HIDDEN))


def downgrade() -> None:
    op.execute("DROP TRIGGER audit ON identity.api_client")
    op.drop_index("ix_api_client_created_at_id", table_name="api_client", schema="identity")
    op.drop_table("api_client", schema="identity")

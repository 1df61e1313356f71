"""account token version: a change, a new password or a logout revokes the account's older tokens

Revision ID: 0011
Revises: 0010
Created: 2026-11-29 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "account", sa.Column("token_version", sa.Integer(), nullable=False, server_default="0"), schema="identity"
    )
    op.alter_column("account", "token_version", server_default=None, schema="identity")


def downgrade() -> None:
    op.drop_column("account", "token_version", schema="identity")

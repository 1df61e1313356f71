"""idempotency key expiry index

Revision ID: 0009
Revises: 0008
Created: 2026-11-27 18:57:31.850227
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_idempotency_key_created_at", "idempotency_key", ["created_at"], unique=False, schema="approval")
    op.create_index("ix_idempotency_key_created_at", "idempotency_key", ["created_at"], unique=False, schema="finance")
    op.create_index("ix_idempotency_key_created_at", "idempotency_key", ["created_at"], unique=False, schema="identity")
    op.create_index("ix_idempotency_key_created_at", "idempotency_key", ["created_at"], unique=False, schema="intake")


def downgrade() -> None:
    op.drop_index("ix_idempotency_key_created_at", table_name="idempotency_key", schema="intake")
    op.drop_index("ix_idempotency_key_created_at", table_name="idempotency_key", schema="identity")
    op.drop_index("ix_idempotency_key_created_at", table_name="idempotency_key", schema="finance")
    op.drop_index("ix_idempotency_key_created_at", table_name="idempotency_key", schema="approval")

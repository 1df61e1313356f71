"""request attachments: photos and documents attached to a request (诉求), by the enterprise or with the reply

Revision ID: 0023
Revises: 0022
Created: 2026-11-30 14:00:00

The bytes live in the document store under `intake/`; a row names them by `key`. A file is kept once per request
and part (its SHA-256), so attaching the same file again answers the attachment already there. The list of a
request's attachments, oldest first, reads the (request_id, created_at) index. The table carries the audit trigger.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "intake"


def upgrade() -> None:
    op.create_table(
        "attachment",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("media_type", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("scan", sa.String(length=16), nullable=False),
        sa.Column("uploaded_by", sa.String(length=64), nullable=False),
        sa.Column("request_id", sa.Uuid(), nullable=False),
        sa.Column("part", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_attachment"),
        sa.UniqueConstraint("key", name="uq_attachment_key"),
        sa.UniqueConstraint("request_id", "part", "sha256", name="uq_attachment_request_id_part_sha256"),
        schema=SCHEMA,
    )
    op.create_index("ix_attachment_request_id_created_at", "attachment", ["request_id", "created_at"], schema=SCHEMA)
    op.execute(
        f"CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON {SCHEMA}.attachment "
        f"FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.record_change()"
    )


def downgrade() -> None:
    op.drop_table("attachment", schema=SCHEMA)

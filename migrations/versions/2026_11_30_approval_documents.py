"""approval documents: materials as files, the enterprise's materials vault, and the 容缺 commitment ledger

Revision ID: 0024
Revises: 0023
Created: 2026-11-30 14:00:00

An application's commitments move from a JSON column to rows of their own (`commitment`), each with its state:
fulfilled ones stay fulfilled, unfulfilled ones of a terminated application become overdue, of another closed
application revoked, the rest open. `reused` lists an application's materials taken from the vault.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "approval"
TABLES = ("document", "application_material", "commitment")


def _resource() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "document",
        *_resource(),
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("media_type", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("scan", sa.String(length=16), nullable=False),
        sa.Column("uploaded_by", sa.String(length=64), nullable=False),
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("material_code", sa.String(length=64), nullable=False),
        sa.Column("in_vault", sa.Boolean(), nullable=False),
        sa.Column("issuer", sa.String(length=200), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_document"),
        sa.UniqueConstraint("key", name="uq_document_key"),
        schema=SCHEMA,
    )
    op.create_index("ix_document_created_at_id", "document", ["created_at", "id"], schema=SCHEMA)
    op.create_index("ix_document_enterprise_id", "document", ["enterprise_id"], schema=SCHEMA)
    op.create_index(
        "ix_document_vault",
        "document",
        ["enterprise_id", "material_code"],
        schema=SCHEMA,
        postgresql_where=sa.text("in_vault"),
    )
    op.create_table(
        "application_material",
        *_resource(),
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("material_code", sa.String(length=64), nullable=False),
        sa.Column("document_id", sa.Uuid(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_application_material"),
        sa.UniqueConstraint(
            "application_id", "material_code", name="uq_application_material_application_id_material_code"
        ),
        schema=SCHEMA,
    )
    op.create_index("ix_application_material_document_id", "application_material", ["document_id"], schema=SCHEMA)
    op.create_table(
        "commitment",
        *_resource(),
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("material_code", sa.String(length=64), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("fulfilled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reminded_days", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_commitment"),
        sa.UniqueConstraint("application_id", "material_code", name="uq_commitment_application_id_material_code"),
        schema=SCHEMA,
    )
    op.create_index("ix_commitment_created_at_id", "commitment", ["created_at", "id"], schema=SCHEMA)
    op.create_index("ix_commitment_enterprise_id", "commitment", ["enterprise_id"], schema=SCHEMA)
    op.create_index(
        "ix_commitment_open_due", "commitment", ["due_date"], schema=SCHEMA, postgresql_where=sa.text("state = 'open'")
    )
    op.execute(
        f"""
        INSERT INTO {SCHEMA}.commitment (id, created_at, updated_at, application_id, enterprise_id, material_code,
                                         due_date, state, fulfilled_at, closed_at)
        SELECT gen_random_uuid(), a.submitted_at, a.updated_at, a.id, a.enterprise_id, c->>'material_code',
               (c->>'due_date')::date,
               CASE WHEN c->>'fulfilled_at' IS NOT NULL THEN 'fulfilled'
                    WHEN a.status = 'terminated' THEN 'overdue'
                    WHEN a.status IN ('rejected', 'withdrawn') THEN 'revoked'
                    ELSE 'open' END,
               (c->>'fulfilled_at')::timestamptz,
               CASE WHEN c->>'fulfilled_at' IS NULL AND a.status IN ('terminated', 'rejected', 'withdrawn')
                    THEN a.completed_at END
        FROM {SCHEMA}.application a, jsonb_array_elements(a.commitments) c
        """
    )
    op.drop_column("application", "commitments", schema=SCHEMA)
    op.add_column(
        "application",
        sa.Column("reused", postgresql.ARRAY(sa.String(length=64)), server_default="{}", nullable=False),
        schema=SCHEMA,
    )
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON {SCHEMA}.{table} "
            f"FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.record_change()"
        )


def downgrade() -> None:
    op.drop_column("application", "reused", schema=SCHEMA)
    op.add_column(
        "application",
        sa.Column("commitments", postgresql.JSONB(astext_type=sa.Text()), server_default="[]", nullable=False),
        schema=SCHEMA,
    )
    op.execute(
        f"""
        UPDATE {SCHEMA}.application a SET commitments = c.items
        FROM (SELECT application_id, jsonb_agg(jsonb_build_object('material_code', material_code,
                     'due_date', due_date, 'fulfilled_at', fulfilled_at) ORDER BY material_code) AS items
              FROM {SCHEMA}.commitment GROUP BY application_id) c
        WHERE c.application_id = a.id
        """
    )
    for table in reversed(TABLES):
        op.drop_table(table, schema=SCHEMA)

"""audit trail: an audit_log per schema, written by a trigger on every table a person's call can change

Revision ID: 0012
Revises: 0011
Created: 2026-11-29 19:00:00

The trigger records the call from the transaction-local setting `kuaiban.call` (services.common.audit);
updates keep only the fields that changed (an update of `updated_at` alone is not recorded), and
columns named in the trigger's arguments (password hashes) never reach the log. Outbox rows change on
every delivery; only a dead letter's redrive (an admin's call) is recorded.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AUDITED = {
    "identity": {"account": ("password_hash",)},
    "intake": {"enterprise": (), "meeting": (), "request": (), "request_event": (), "timeline_event": ()},
    "approval": {"matter": (), "calendar_year": (), "application": (), "task": ()},
    "finance": {"bank": (), "product": (), "need": (), "application": (), "event": ()},
}
OUTBOXES = ("approval", "finance")

FUNCTION = """
CREATE FUNCTION {schema}.record_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    call jsonb := nullif(current_setting('kuaiban.call', true), '')::jsonb;
    quiet text[] := TG_ARGV || ARRAY['id', 'created_at', 'updated_at'];
    old_row jsonb;
    new_row jsonb;
    key text;
BEGIN
    IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD); END IF;
    IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW); END IF;
    key := coalesce(new_row, old_row) ->> 'id';
    old_row := old_row - quiet;
    new_row := new_row - quiet;
    IF TG_OP = 'UPDATE' THEN
        SELECT jsonb_object_agg(o.key, o.value), jsonb_object_agg(o.key, new_row -> o.key)
          INTO old_row, new_row
          FROM jsonb_each(old_row) AS o
         WHERE o.value IS DISTINCT FROM new_row -> o.key;
        IF old_row IS NULL THEN RETURN NULL; END IF;
    END IF;
    INSERT INTO {schema}.audit_log
        (id, at, request_id, actor, actor_role, action, resource_type, resource_id, change, before, after)
    VALUES (
        gen_random_uuid(), clock_timestamp(), call ->> 'request_id', coalesce(call ->> 'actor', 'system'),
        call ->> 'role', call ->> 'action', TG_TABLE_NAME, key,
        CASE TG_OP WHEN 'INSERT' THEN 'created' WHEN 'UPDATE' THEN 'updated' ELSE 'deleted' END,
        old_row, new_row
    );
    RETURN NULL;
END
$$
"""


def trigger(schema: str, table: str, hidden: Sequence[str]) -> str:
    arguments = ", ".join(f"'{column}'" for column in hidden)
    return (
        f"CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON {schema}.{table} "
        f"FOR EACH ROW EXECUTE FUNCTION {schema}.record_change({arguments})"
    )


def upgrade() -> None:
    for schema, tables in AUDITED.items():
        op.create_table(
            "audit_log",
            sa.Column("id", sa.Uuid(), nullable=False),
            sa.Column("at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("request_id", sa.String(length=200), nullable=True),
            sa.Column("actor", sa.String(length=64), nullable=False),
            sa.Column("actor_role", sa.String(length=16), nullable=True),
            sa.Column("action", sa.String(length=300), nullable=True),
            sa.Column("resource_type", sa.String(length=64), nullable=False),
            sa.Column("resource_id", sa.String(length=64), nullable=False),
            sa.Column("change", sa.String(length=8), nullable=False),
            sa.Column("before", postgresql.JSONB(), nullable=True),
            sa.Column("after", postgresql.JSONB(), nullable=True),
            sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
            schema=schema,
        )
        op.create_index("ix_audit_log_at_id", "audit_log", ["at", "id"], schema=schema)
        op.create_index("ix_audit_log_resource", "audit_log", ["resource_type", "resource_id", "at"], schema=schema)
        op.create_index("ix_audit_log_actor_at", "audit_log", ["actor", "at"], schema=schema)
        op.execute(FUNCTION.format(schema=schema))
        for table, hidden in tables.items():
            op.execute(trigger(schema, table, hidden))
        if schema in OUTBOXES:
            op.execute(
                f"CREATE TRIGGER audit AFTER UPDATE ON {schema}.outbox FOR EACH ROW WHEN (OLD.status = 'dead') "
                f"EXECUTE FUNCTION {schema}.record_change()"
            )


def downgrade() -> None:
    for schema, tables in AUDITED.items():
        for table in [*tables, *(["outbox"] if schema in OUTBOXES else [])]:
            op.execute(f"DROP TRIGGER audit ON {schema}.{table}")
        op.execute(f"DROP FUNCTION {schema}.record_change()")
        op.drop_table("audit_log", schema=schema)

"""procrastinate jobs

The tables, types and functions of the procrastinate job library, in their own schema `procrastinate`
(its SQL names nothing by schema, so it runs with that schema first on the search path, and its
connections are opened with `-c search_path=procrastinate`; see services/approval/jobs.py).
They are not SQLModel tables: autogenerate ignores the schema (migrations/metadata.py).

The schema's comment records the procrastinate version whose schema.sql was applied. A later
upgrade of the library applies the files of `procrastinate/sql/migrations/` newer than that version
in a new revision, and updates the comment.

Revision ID: 0005
Revises: 0004
Created: 2026-11-27 21:00:00
"""

from collections.abc import Sequence
from importlib.metadata import version

from alembic import op
from procrastinate.schema import SchemaManager

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "procrastinate"


def upgrade() -> None:
    op.execute(f"CREATE SCHEMA {SCHEMA}")
    op.execute(f"SET LOCAL search_path TO {SCHEMA}")
    # On the driver's cursor without parameters: nothing parses its `%` and `:` characters as placeholders.
    with op.get_bind().connection.dbapi_connection.cursor() as cursor:
        cursor.execute(SchemaManager.get_schema())
    op.execute("SET LOCAL search_path TO DEFAULT")  # later revisions in this transaction see the usual path
    op.execute(f"COMMENT ON SCHEMA {SCHEMA} IS 'procrastinate {version('procrastinate')}'")


def downgrade() -> None:
    op.execute(f"DROP SCHEMA {SCHEMA} CASCADE")

"""investment projects (招商项目): projects from first talk to statistics, and the requests and applications naming one

Revision ID: 0025
Revises: 0024
Created: 2026-11-30 15:00:00

`intake.project` is a project of an enterprise, or of a prospective investor not yet registered (`investor_name`,
linked to the enterprise later): its planned investment, industry chain, town or park, liaison officer, and its
stage (negotiating → signed → started → counted, or dropped) with the date of each and optional target dates.
`intake.project_event` is every change of a project. A request (`intake.request`) and an approval application
(`approval.application`) may name the project they serve (`project_id`, no foreign key: approval's is checked
through intake's internal API).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "intake"
TABLES = ("project", "project_event")


def _resource() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "project",
        *_resource(),
        sa.Column("enterprise_id", sa.Uuid(), nullable=True),
        sa.Column("investor_name", sa.String(length=200), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("planned_investment_yuan", sa.BigInteger(), nullable=False),
        sa.Column("chain", sa.String(length=32), nullable=False),
        sa.Column("town_or_park", sa.String(length=100), nullable=False),
        sa.Column("manufacturing", sa.Boolean(), nullable=False),
        sa.Column("liaison", sa.String(length=64), nullable=True),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("first_talk_on", sa.Date(), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("counted_on", sa.Date(), nullable=True),
        sa.Column("dropped_on", sa.Date(), nullable=True),
        sa.Column("drop_reason", sa.String(length=500), nullable=True),
        sa.Column("signed_target_on", sa.Date(), nullable=True),
        sa.Column("started_target_on", sa.Date(), nullable=True),
        sa.Column("counted_target_on", sa.Date(), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.CheckConstraint(
            "enterprise_id IS NOT NULL OR investor_name IS NOT NULL", name=op.f("ck_project_enterprise_or_investor")
        ),
        sa.PrimaryKeyConstraint("id", name="pk_project"),
        schema=SCHEMA,
    )
    op.create_index("ix_project_created_at_id", "project", ["created_at", "id"], schema=SCHEMA)
    op.create_index("ix_project_enterprise_id", "project", ["enterprise_id"], schema=SCHEMA)
    op.create_index("ix_project_liaison", "project", ["liaison"], schema=SCHEMA)
    op.create_table(
        "project_event",
        *_resource(),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("actor_role", sa.String(length=16), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("details", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_project_event"),
        schema=SCHEMA,
    )
    op.create_index("ix_project_event_project_id_at", "project_event", ["project_id", "at"], schema=SCHEMA)
    op.add_column("request", sa.Column("project_id", sa.Uuid(), nullable=True), schema=SCHEMA)
    op.create_index("ix_request_project_id", "request", ["project_id"], schema=SCHEMA)
    op.add_column("application", sa.Column("project_id", sa.Uuid(), nullable=True), schema="approval")
    op.create_index("ix_application_project_id", "application", ["project_id"], schema="approval")
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON {SCHEMA}.{table} "
            f"FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.record_change()"
        )


def downgrade() -> None:
    op.drop_index("ix_application_project_id", table_name="application", schema="approval")
    op.drop_column("application", "project_id", schema="approval")
    op.drop_index("ix_request_project_id", table_name="request", schema=SCHEMA)
    op.drop_column("request", "project_id", schema=SCHEMA)
    for table in reversed(TABLES):
        op.drop_table(table, schema=SCHEMA)

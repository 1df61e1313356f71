"""Tables of the `approval` schema."""

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ARRAY, CheckConstraint, Column, Date, DateTime, Index, Sequence, String, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field

from services.approval.config import MAX_YEAR, MIN_YEAR
from services.approval.domain import ApplicationStatus, CommitmentState, MaterialSource, TaskStatus
from services.common.audit import AuditRecord, audit_table_args
from services.common.cache import CacheTokenRecord
from services.common.documents import DocumentRecord
from services.common.idempotency import IdempotencyRecord, idempotency_table_args
from services.common.models import EnumText, Resource, utcnow
from services.common.outbox import OutboxMessage, outbox_table_args

SCHEMA = "approval"
APPLICATION_CODE_SEQUENCE = Sequence("application_code_seq", schema=SCHEMA)


class YearSource(StrEnum):
    package = "package"  # seeded from the `holidays` package at start-up
    admin = "admin"  # loaded by `PUT /approval/calendar/{year}`; seeding never overwrites it


class CalendarYear(Resource, table=True):
    """One year of the working-day calendar: weekday holidays and weekend make-up workdays."""

    __tablename__ = "calendar_year"
    __table_args__ = (
        CheckConstraint(f"year BETWEEN {MIN_YEAR} AND {MAX_YEAR}", name="year_range"),
        CheckConstraint("source IN ('package', 'admin')", name="source"),
        {"schema": SCHEMA},
    )

    year: int = Field(unique=True)
    provisional: bool
    holidays: list[date] = Field(sa_type=ARRAY(Date), nullable=False)
    workdays: list[date] = Field(sa_type=ARRAY(Date), nullable=False)
    source: YearSource = Field(sa_type=EnumText(YearSource, 16))


class Matter(Resource, table=True):
    """A service matter (事项): which departments approve it in parallel and which materials it needs."""

    __tablename__ = "matter"
    __table_args__ = (Index("ix_matter_created_at_id", "created_at", "id"), {"schema": SCHEMA})

    code: str = Field(max_length=32, unique=True)
    name: str = Field(max_length=200)
    departments: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))
    materials: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))
    sla_working_days: int
    deemed_approval: bool


class Application(Resource, table=True):
    """One enterprise's application for a matter; its tasks run in parallel."""

    __tablename__ = "application"
    __table_args__ = (
        Index("ix_application_created_at_id", "created_at", "id"),
        Index("ix_application_open", "status", postgresql_where="status IN ('in_review', 'supplement_required')"),
        {"schema": SCHEMA},
    )

    code: str = Field(max_length=32, unique=True)
    enterprise_id: uuid.UUID = Field(index=True)
    matter_id: uuid.UUID = Field(index=True)
    matter_code: str = Field(max_length=32)
    project_id: uuid.UUID | None = Field(default=None, index=True)  # the investment project it serves (intake's)
    status: ApplicationStatus = Field(sa_type=EnumText(ApplicationStatus, 24))
    due_date: date
    materials: list[str] = Field(sa_column=Column(ARRAY(String(64)), nullable=False))  # provided, however
    # of those, the ones reused from the enterprise's vault
    reused: list[str] = Field(sa_column=Column(ARRAY(String(64)), nullable=False, server_default="{}"))
    materials_count: int  # what the enterprise handed in for this application: `materials` less `reused`
    submitted_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True), nullable=False)
    completed_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    elapsed_working_days: float | None = None
    paused_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    pauses: list[list[str]] = Field(sa_column=Column(JSONB, nullable=False, server_default="[]"))


class Task(Resource, table=True):
    """One department's part of an application."""

    __tablename__ = "task"
    __table_args__ = (
        Index("ix_task_department_status", "department", "status"),
        Index("ix_task_pending_due", "due_date", postgresql_where="status = 'pending'"),
        {"schema": SCHEMA},
    )

    application_id: uuid.UUID = Field(index=True)
    department: str = Field(max_length=32)
    task_name: str = Field(max_length=200)
    status: TaskStatus = Field(sa_type=EnumText(TaskStatus, 16))
    due_date: date
    decided_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    decided_by: str | None = Field(default=None, max_length=64)
    comment: str | None = Field(default=None, max_length=2000)
    deemed: bool = False


class ApprovalDocument(DocumentRecord, table=True):
    """An enterprise's file for a material: uploaded to an application, or kept in its vault for reuse."""

    __tablename__ = "document"
    __table_args__ = (
        Index("ix_document_created_at_id", "created_at", "id"),
        Index("ix_document_vault", "enterprise_id", "material_code", postgresql_where="in_vault"),
        {"schema": SCHEMA},
    )

    enterprise_id: uuid.UUID = Field(index=True)
    material_code: str = Field(max_length=64)
    in_vault: bool = False  # offered for reuse by later applications (`use_vault`)
    issuer: str | None = Field(default=None, max_length=200)
    valid_until: date | None = None


class ApplicationMaterial(Resource, table=True):
    """Which document provides a material of an application: uploaded for it, or reused from the vault."""

    __tablename__ = "application_material"
    __table_args__ = (
        UniqueConstraint(
            "application_id", "material_code", name="uq_application_material_application_id_material_code"
        ),
        {"schema": SCHEMA},
    )

    application_id: uuid.UUID
    material_code: str = Field(max_length=64)
    document_id: uuid.UUID = Field(index=True)
    source: MaterialSource = Field(sa_type=EnumText(MaterialSource, 16))


class MaterialCommitment(Resource, table=True):
    """A signed 容缺 commitment: the material, its due date, and its state in the ledger."""

    __tablename__ = "commitment"
    __table_args__ = (
        UniqueConstraint("application_id", "material_code", name="uq_commitment_application_id_material_code"),
        Index("ix_commitment_created_at_id", "created_at", "id"),
        Index("ix_commitment_open_due", "due_date", postgresql_where="state = 'open'"),
        {"schema": SCHEMA},
    )

    application_id: uuid.UUID
    enterprise_id: uuid.UUID = Field(index=True)
    material_code: str = Field(max_length=64)
    due_date: date
    state: CommitmentState = Field(sa_type=EnumText(CommitmentState, 16))
    fulfilled_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    closed_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))  # overdue or revoked
    reminded_days: int | None = None  # the working days before the due date of the last reminder sent (3, 1)


class ApprovalOutbox(OutboxMessage, table=True):
    __tablename__ = "outbox"
    __table_args__ = outbox_table_args(SCHEMA)


class ApprovalIdempotency(IdempotencyRecord, table=True):
    __tablename__ = "idempotency_key"
    __table_args__ = idempotency_table_args(SCHEMA)


class ApprovalCacheToken(CacheTokenRecord, table=True):
    """Tokens of the in-process snapshots (`reference`: see services.approval.service.reference)."""

    __tablename__ = "cache_token"
    __table_args__ = ({"schema": SCHEMA},)


class ApprovalAudit(AuditRecord, table=True):
    __tablename__ = "audit_log"
    __table_args__ = audit_table_args(SCHEMA)

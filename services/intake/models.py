"""Tables of the `intake` schema."""

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, Column, DateTime, Index, Sequence, String, UniqueConstraint
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlmodel import Field

from services.common.audit import AuditRecord, audit_table_args
from services.common.documents import DocumentRecord
from services.common.idempotency import IdempotencyRecord, idempotency_table_args
from services.common.models import EnumText, Resource
from services.common.outbox import OutboxMessage, outbox_table_args
from services.common.schemas import CreditRating, IndustrySection
from services.intake.domain import AttachmentPart, Category, Channel, Grade, RequestStatus

SCHEMA = "intake"
REQUEST_CODE_SEQUENCE = Sequence("request_code_seq", schema=SCHEMA)


class Enterprise(Resource, table=True):
    __tablename__ = "enterprise"
    __table_args__ = (
        Index("ix_enterprise_created_at_id", "created_at", "id"),
        {"schema": SCHEMA},
    )

    uscc: str = Field(max_length=18, unique=True)
    name: str = Field(max_length=200)
    industry: IndustrySection = Field(sa_type=EnumText(IndustrySection, 1))
    town: str = Field(max_length=50)
    established_on: date
    employees: int | None = None
    annual_revenue_yuan: int | None = Field(default=None, sa_type=BigInteger)
    credit_rating: CreditRating = Field(default=CreditRating.B, sa_type=EnumText(CreditRating, 1))
    key_enterprise: bool = False
    liaison_officer: str | None = Field(default=None, max_length=64, index=True)
    tags: list[str] = Field(
        default_factory=list, sa_column=Column(ARRAY(String(32)), nullable=False, server_default="{}")
    )
    revision: int = Field(default=1, sa_column_kwargs={"server_default": "1"})  # +1 with every profile change


class Meeting(Resource, table=True):
    """A tea meeting (棒棒茶会) or other event where enterprises raise requests."""

    __tablename__ = "meeting"
    __table_args__ = (Index("ix_meeting_created_at_id", "created_at", "id"), {"schema": SCHEMA})

    title: str = Field(max_length=200)
    held_on: date
    location: str = Field(max_length=200)


class EnterpriseRequest(Resource, table=True):
    """A request (诉求) raised by an enterprise, followed until it is closed to its satisfaction."""

    __tablename__ = "request"
    __table_args__ = (
        Index("ix_request_created_at_id", "created_at", "id"),
        Index("ix_request_cooperating_departments", "cooperating_departments", postgresql_using="gin"),
        {"schema": SCHEMA},
    )

    code: str = Field(max_length=32, unique=True)
    enterprise_id: uuid.UUID = Field(index=True)
    meeting_id: uuid.UUID | None = Field(default=None, index=True)
    title: str = Field(max_length=200)
    description: str = Field(max_length=5000)
    category: Category = Field(sa_type=EnumText(Category, 32))
    channel: Channel = Field(sa_type=EnumText(Channel, 32))
    status: RequestStatus = Field(sa_type=EnumText(RequestStatus, 16), index=True)
    grade: Grade | None = Field(default=None, sa_type=EnumText(Grade, 16))
    lead_department: str | None = Field(default=None, max_length=32, index=True)
    cooperating_departments: list[str] = Field(
        default_factory=list, sa_column=Column(ARRAY(String(32)), nullable=False, server_default="{}")
    )
    due_date: date | None = None
    assigned_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    first_replied_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    replied_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    closed_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    reply: str | None = Field(default=None, max_length=5000)
    rating: int | None = None
    feedback_comment: str | None = Field(default=None, max_length=2000)


class RequestEvent(Resource, table=True):
    """One state change or note on a request: who did what, when."""

    __tablename__ = "request_event"
    __table_args__ = (Index("ix_request_event_request_id_at", "request_id", "at"), {"schema": SCHEMA})

    request_id: uuid.UUID
    at: datetime = Field(sa_type=DateTime(timezone=True))
    actor: str = Field(max_length=64)
    actor_role: str = Field(max_length=16)
    action: str = Field(max_length=32)
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONB, nullable=False))


class RequestAttachment(DocumentRecord, table=True):
    """A photo or document attached to a request (诉求): by the enterprise with its request, or by the lead
    department with its reply. One file is kept once per request and part (its SHA-256)."""

    __tablename__ = "attachment"
    __table_args__ = (
        Index("ix_attachment_request_id_created_at", "request_id", "created_at"),  # also serves request_id alone
        UniqueConstraint("request_id", "part", "sha256"),
        {"schema": SCHEMA},
    )

    request_id: uuid.UUID
    part: AttachmentPart = Field(sa_type=EnumText(AttachmentPart, 16))


class TimelineEntry(Resource, table=True):
    """An event on an enterprise's timeline; `id` is the event's own id, so a redelivery is stored once."""

    __tablename__ = "timeline_event"
    __table_args__ = (Index("ix_timeline_event_enterprise_id_at", "enterprise_id", "at", "id"), {"schema": SCHEMA})

    enterprise_id: uuid.UUID
    at: datetime = Field(sa_type=DateTime(timezone=True))
    service: str = Field(max_length=16)
    kind: str = Field(max_length=64)
    ref_id: uuid.UUID
    summary: str = Field(max_length=500)


class IntakeIdempotency(IdempotencyRecord, table=True):
    __tablename__ = "idempotency_key"
    __table_args__ = idempotency_table_args(SCHEMA)


class IntakeOutbox(OutboxMessage, table=True):
    __tablename__ = "outbox"
    __table_args__ = outbox_table_args(SCHEMA)


class IntakeAudit(AuditRecord, table=True):
    __tablename__ = "audit_log"
    __table_args__ = audit_table_args(SCHEMA)

"""Tables of the `intake` schema."""

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, Column, Date, DateTime, Index, Sequence, String, UniqueConstraint
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlmodel import Field

from services.common.audit import AuditRecord, audit_table_args
from services.common.documents import DocumentRecord
from services.common.idempotency import IdempotencyRecord, idempotency_table_args
from services.common.models import EnumText, Resource
from services.common.outbox import OutboxMessage, outbox_table_args
from services.common.schemas import CreditRating, IndustrySection
from services.intake.domain import AttachmentPart, Category, Chain, Channel, Grade, ProjectStage, RequestStatus
from services.intake.slots import AppointmentStatus, OnsiteStatus, Weekday

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
    project_id: uuid.UUID | None = Field(default=None, index=True)  # the investment project it serves
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


# --- window appointments (预约办, 延时办, 上门办) --------------------------------------------------


class Hall(Resource, table=True):
    """A service hall (政务服务大厅) whose windows take appointments."""

    __tablename__ = "hall"
    __table_args__ = (Index("ix_hall_created_at_id", "created_at", "id"), {"schema": SCHEMA})

    name: str = Field(max_length=200, unique=True)
    town: str = Field(max_length=50)
    address: str = Field(max_length=200)


class HallWindow(Resource, table=True):
    """A window of a hall: its department, the matters it serves (approval's codes) and its weekly hours, each
    range `{"weekday", "start", "end", "after_hours"}` in CST, cut into `slot_minutes` slots of `capacity`."""

    __tablename__ = "hall_window"
    __table_args__ = (
        UniqueConstraint("hall_id", "number"),
        Index("ix_hall_window_matter_codes", "matter_codes", postgresql_using="gin"),
        {"schema": SCHEMA},
    )

    hall_id: uuid.UUID
    number: str = Field(max_length=16)
    name: str = Field(max_length=100)
    department: str = Field(max_length=32)
    matter_codes: list[str] = Field(sa_column=Column(ARRAY(String(32)), nullable=False))
    hours: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))
    slot_minutes: int
    capacity: int
    makeup_day: Weekday = Field(sa_type=EnumText(Weekday, 16))


class AppointmentSlot(Resource, table=True):
    """How many places of one slot of a window are taken. Booking counts up with one conditional upsert that
    holds the row until commit, so concurrent bookings queue on it and a full slot refuses the rest."""

    __tablename__ = "appointment_slot"
    __table_args__ = (
        UniqueConstraint("window_id", "start_at"),
        CheckConstraint("booked >= 0", name="booked_not_negative"),
        {"schema": SCHEMA},
    )

    window_id: uuid.UUID
    start_at: datetime = Field(sa_type=DateTime(timezone=True))
    booked: int


class Appointment(Resource, table=True):
    """An enterprise's booking of a window's slot for a matter. One enterprise holds a slot once, and one active
    booking per matter and day (partial unique indexes on the booked ones)."""

    __tablename__ = "appointment"
    __table_args__ = (
        Index("ix_appointment_created_at_id", "created_at", "id"),
        Index(
            "ix_appointment_enterprise_slot",
            "enterprise_id",
            "window_id",
            "start_at",
            unique=True,
            postgresql_where="status = 'booked'",
        ),
        Index(
            "ix_appointment_enterprise_matter_day",
            "enterprise_id",
            "matter_code",
            "appointment_on",
            unique=True,
            postgresql_where="status = 'booked'",
        ),
        Index("ix_appointment_hall_id_appointment_on", "hall_id", "appointment_on"),
        Index(
            "ix_appointment_reminder_due",
            "appointment_on",
            postgresql_where="status = 'booked' AND reminded_at IS NULL",
        ),
        {"schema": SCHEMA},
    )

    enterprise_id: uuid.UUID = Field(index=True)
    hall_id: uuid.UUID
    window_id: uuid.UUID
    matter_code: str = Field(max_length=32)
    start_at: datetime = Field(sa_type=DateTime(timezone=True))
    end_at: datetime = Field(sa_type=DateTime(timezone=True))
    appointment_on: date  # the CST day of `start_at`
    after_hours: bool
    status: AppointmentStatus = Field(sa_type=EnumText(AppointmentStatus, 16))
    booked_by: str = Field(max_length=64)
    rescheduled: int = 0  # how many times it was moved
    cancelled_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    checked_in_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    no_show_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    reminded_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


class OnsiteRequest(Resource, table=True):
    """A request for service at the enterprise's site (上门办), routed to a department and scheduled with an
    officer of it. An officer has one scheduled visit at a time (a partial unique index)."""

    __tablename__ = "onsite_request"
    __table_args__ = (
        Index("ix_onsite_request_created_at_id", "created_at", "id"),
        Index(
            "ix_onsite_request_officer_start",
            "officer_username",
            "start_at",
            unique=True,
            postgresql_where="status = 'scheduled'",
        ),
        Index(
            "ix_onsite_request_reminder_due",
            "visit_on",
            postgresql_where="status = 'scheduled' AND reminded_at IS NULL",
        ),
        {"schema": SCHEMA},
    )

    enterprise_id: uuid.UUID = Field(index=True)
    matter_code: str = Field(max_length=32)
    department: str = Field(max_length=32, index=True)
    address: str = Field(max_length=200)
    preferred_dates: list[date] = Field(
        default_factory=list, sa_column=Column(ARRAY(Date), nullable=False, server_default="{}")
    )
    notes: str | None = Field(default=None, max_length=2000)
    status: OnsiteStatus = Field(sa_type=EnumText(OnsiteStatus, 16))
    requested_by: str = Field(max_length=64)
    officer_username: str | None = Field(default=None, max_length=64)
    start_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    visit_on: date | None = None  # the CST day of `start_at`
    scheduled_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    scheduled_by: str | None = Field(default=None, max_length=64)
    reminded_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


# --- investment projects (招商项目) --------------------------------------------------------------


class Project(Resource, table=True):
    """An investment project (招商项目) from first talk to the statistics: an enterprise's, or a prospective
    investor's before it is registered (`investor_name`; `enterprise_id` set once it is)."""

    __tablename__ = "project"
    __table_args__ = (
        Index("ix_project_created_at_id", "created_at", "id"),
        CheckConstraint("enterprise_id IS NOT NULL OR investor_name IS NOT NULL", name="enterprise_or_investor"),
        {"schema": SCHEMA},
    )

    enterprise_id: uuid.UUID | None = Field(default=None, index=True)
    investor_name: str | None = Field(default=None, max_length=200)
    name: str = Field(max_length=200)
    planned_investment_yuan: int = Field(sa_type=BigInteger)
    chain: Chain = Field(sa_type=EnumText(Chain, 32))
    town_or_park: str = Field(max_length=100)
    manufacturing: bool
    liaison: str | None = Field(default=None, max_length=64, index=True)  # the liaison officer's username
    stage: ProjectStage = Field(sa_type=EnumText(ProjectStage, 16))
    first_talk_on: date
    signed_on: date | None = None
    started_on: date | None = None
    counted_on: date | None = None
    dropped_on: date | None = None
    drop_reason: str | None = Field(default=None, max_length=500)
    signed_target_on: date | None = None
    started_target_on: date | None = None
    counted_target_on: date | None = None
    created_by: str = Field(max_length=64)


class ProjectEvent(Resource, table=True):
    """One change of a project: recorded, fields changed, linked to its enterprise, a stage reached."""

    __tablename__ = "project_event"
    __table_args__ = (Index("ix_project_event_project_id_at", "project_id", "at"), {"schema": SCHEMA})

    project_id: uuid.UUID
    at: datetime = Field(sa_type=DateTime(timezone=True))
    actor: str = Field(max_length=64)
    actor_role: str = Field(max_length=16)
    action: str = Field(max_length=32)
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONB, nullable=False))

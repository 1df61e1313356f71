"""Tables of the `finance` schema."""

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, Column, DateTime, Identity, Index, Numeric, String, UniqueConstraint
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlmodel import Field, SQLModel

from services.common.audit import AuditRecord, audit_table_args
from services.common.cache import CacheTokenRecord
from services.common.idempotency import IdempotencyRecord, idempotency_table_args
from services.common.models import EnumText, Resource
from services.common.outbox import OutboxMessage, outbox_table_args
from services.common.schemas import CreditRating, IndustrySection
from services.finance.domain import (
    DeliveryStatus,
    GrantStatus,
    LoanStatus,
    NeedStatus,
    PolicyMode,
    PolicyStatus,
    ProductStatus,
)

SCHEMA = "finance"


def _text_array() -> Column:
    return Column(ARRAY(String(32)), nullable=False, server_default="{}")


class Bank(Resource, table=True):
    __tablename__ = "bank"
    __table_args__ = (Index("ix_bank_created_at_id", "created_at", "id"), {"schema": SCHEMA})

    code: str = Field(max_length=32, unique=True)
    name: str = Field(max_length=200)


class Product(Resource, table=True):
    """A loan product a bank offers; a need is matched against the active ones held in memory (service/offers.py)."""

    __tablename__ = "product"
    __table_args__ = (
        Index("ix_product_created_at_id", "created_at", "id"),
        Index("ix_product_bank_id", "bank_id"),
        # A bank's own id for the product (catalogue sync); also how a sync loads the bank's products at once.
        UniqueConstraint("bank_id", "external_ref", name="uq_product_bank_id_external_ref"),
        {"schema": SCHEMA},
    )

    bank_id: uuid.UUID
    name: str = Field(max_length=200)
    min_amount_yuan: int = Field(sa_type=BigInteger)
    max_amount_yuan: int = Field(sa_type=BigInteger)
    annual_rate_pct_min: float = Field(sa_type=Numeric(5, 2, asdecimal=False))
    annual_rate_pct_max: float = Field(sa_type=Numeric(5, 2, asdecimal=False))
    term_months_min: int
    term_months_max: int
    collateral_types: list[str] = Field(sa_column=_text_array())
    industries: list[str] = Field(sa_column=_text_array())
    towns: list[str] = Field(sa_column=Column(ARRAY(String(50)), nullable=False, server_default="{}"))
    min_years_in_business: int = 0
    min_annual_revenue_yuan: int = Field(default=0, sa_type=BigInteger)
    accepted_credit_ratings: list[str] = Field(sa_column=_text_array())
    valid_until: date | None = None
    status: ProductStatus = Field(sa_type=EnumText(ProductStatus, 16))
    external_ref: str | None = Field(default=None, max_length=64)
    # The current version of the terms (see ProductVersion); the server default serves raw inserts (bench).
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})


class Need(Resource, table=True):
    """An enterprise's financing need, with the profile facts matching needs (a snapshot from intake)."""

    __tablename__ = "need"
    __table_args__ = (
        Index("ix_need_created_at_id", "created_at", "id"),
        Index("ix_need_enterprise_id", "enterprise_id"),
        # Leads of a product restricted to towns and/or industries: the IN lists and the rating position the
        # scan (PostgreSQL 18 skips over an unrestricted town or industry), the other columns filter inside the
        # index, so only candidates reach the heap (see bench/matching.py).
        Index(
            "ix_need_open_profile",
            "town",
            "industry",
            "credit_rating",
            "amount_yuan",
            "term_months",
            "annual_revenue_yuan",
            "established_on",
            # Only needs shown to banks (open, with the enterprise's consent) are in it: leads and near-miss counts.
            postgresql_where="status = 'open' AND consent",
            # With these, collecting candidates is an index-only scan: no heap page is read.
            postgresql_include=["created_at", "id", "collateral_available", "max_annual_rate_pct"],
        ),
        {"schema": SCHEMA},
    )

    enterprise_id: uuid.UUID
    amount_yuan: int = Field(sa_type=BigInteger)
    term_months: int
    purpose: str = Field(max_length=500)
    collateral_available: list[str] = Field(sa_column=_text_array())
    max_annual_rate_pct: float | None = Field(default=None, sa_type=Numeric(5, 2, asdecimal=False))
    status: NeedStatus = Field(sa_type=EnumText(NeedStatus, 16))
    enterprise_name: str = Field(max_length=200)
    industry: IndustrySection = Field(sa_type=EnumText(IndustrySection, 1))
    town: str = Field(max_length=50)
    established_on: date
    annual_revenue_yuan: int = Field(default=0, sa_type=BigInteger)
    credit_rating: CreditRating = Field(sa_type=EnumText(CreditRating, 1))
    # Shown to banks as a lead only while true; the enterprise withdraws it (DELETE /finance/needs/{id}/consent).
    consent: bool = Field(default=True, sa_column_kwargs={"server_default": "true"})


class LoanApplication(Resource, table=True):
    """An enterprise's application for a product against one of its needs; signed, it is a deal."""

    __tablename__ = "application"
    __table_args__ = (
        UniqueConstraint("need_id", "product_id", name="uq_application_need_id_product_id"),
        Index("ix_application_created_at_id", "created_at", "id"),
        Index("ix_application_bank_id", "bank_id"),
        Index("ix_application_enterprise_id", "enterprise_id"),
        Index("ix_application_event_id", "event_id"),
        {"schema": SCHEMA},
    )

    need_id: uuid.UUID
    product_id: uuid.UUID
    bank_id: uuid.UUID
    enterprise_id: uuid.UUID
    status: LoanStatus = Field(sa_type=EnumText(LoanStatus, 16))
    approved_amount_yuan: int | None = Field(default=None, sa_type=BigInteger)
    approved_rate_pct: float | None = Field(default=None, sa_type=Numeric(5, 2, asdecimal=False))
    approved_term_months: int | None = None
    reason: str | None = Field(default=None, max_length=500)
    decided_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    signed_amount_yuan: int | None = Field(default=None, sa_type=BigInteger)
    signed_rate_pct: float | None = Field(default=None, sa_type=Numeric(5, 2, asdecimal=False))
    signed_term_months: int | None = None
    signed_on: date | None = None
    event_id: uuid.UUID | None = None
    # The terms the enterprise applied under, kept when the bank later edits the product.
    product_version: int
    terms: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))


class MatchmakingEvent(Resource, table=True):
    """A bank-enterprise matchmaking event (银企对接活动)."""

    __tablename__ = "event"
    __table_args__ = (Index("ix_event_created_at_id", "created_at", "id"), {"schema": SCHEMA})

    title: str = Field(max_length=200)
    held_on: date
    location: str = Field(max_length=200)


class ProductVersion(Resource, table=True):
    """One version of a product's terms (catalogue sync): written when a product is created and each time
    its terms change; a loan application names the version it applied under."""

    __tablename__ = "product_version"
    __table_args__ = (UniqueConstraint("product_id", "version"), {"schema": SCHEMA})

    product_id: uuid.UUID
    version: int
    terms: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))


class FinanceOutbox(OutboxMessage, table=True):
    __tablename__ = "outbox"
    __table_args__ = outbox_table_args(SCHEMA)


class FinanceIdempotency(IdempotencyRecord, table=True):
    __tablename__ = "idempotency_key"
    __table_args__ = idempotency_table_args(SCHEMA)


class FinanceCacheToken(CacheTokenRecord, table=True):
    """Tokens of the in-process snapshots (`products`: see services.finance.service.offers)."""

    __tablename__ = "cache_token"
    __table_args__ = ({"schema": SCHEMA},)


class FinanceAudit(AuditRecord, table=True):
    __tablename__ = "audit_log"
    __table_args__ = audit_table_args(SCHEMA)


# --- webhooks ---------------------------------------------------------------------------------------


class WebhookEndpoint(Resource, table=True):
    """A bank's receiver of signed events; disabled by hand or after too many failed events in a row."""

    __tablename__ = "webhook_endpoint"
    __table_args__ = (
        Index("ix_webhook_endpoint_created_at_id", "created_at", "id"),
        Index("ix_webhook_endpoint_bank_id", "bank_id"),
        {"schema": SCHEMA},
    )

    bank_id: uuid.UUID
    url: str = Field(max_length=2000)
    events: list[str] = Field(sa_column=_text_array())
    secret: str = Field(max_length=100)  # whsec_...: kept to sign with; shown once, never in the audit trail
    enabled: bool = True
    disabled_reason: str | None = Field(default=None, max_length=500)
    disabled_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    failed_in_a_row: int = 0  # events whose retry schedule ran out, since the last delivered one


class WebhookDelivery(Resource, table=True):
    """The webhook outbox: one event for one endpoint, written with the change, sent in `seq` order per endpoint.

    `attempts` records every try (at, status_code, latency_ms, response_body, error), oldest first."""

    __tablename__ = "webhook_delivery"
    __table_args__ = (
        Index("ix_webhook_delivery_endpoint_created", "endpoint_id", "created_at", "id"),
        Index("ix_webhook_delivery_queue", "endpoint_id", "seq", postgresql_where="status = 'pending'"),
        Index("ix_webhook_delivery_due", "next_attempt_at", postgresql_where="status = 'pending'"),
        {"schema": SCHEMA},
    )

    seq: int | None = Field(default=None, sa_column=Column(BigInteger, Identity(), nullable=False))
    endpoint_id: uuid.UUID
    event_type: str = Field(max_length=40)
    payload: dict[str, Any] = Field(sa_type=JSONB, nullable=False)
    status: DeliveryStatus = Field(default=DeliveryStatus.pending, sa_type=EnumText(DeliveryStatus, 16))
    tries: int = 0  # attempts in this round of the schedule (a redelivery starts a new round)
    next_attempt_at: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)
    delivered_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    redeliveries: int = 0
    attempts: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSONB, nullable=False))
    traceparent: str | None = Field(default=None, max_length=64)  # the trace of the request that caused the event


# --- the data-access log (issue 11): which bank saw what of an enterprise, and when ----------------------------


class AccessKind(StrEnum):
    """What a bank read: a lead in a list, a need, a loan application, the enterprise's profile snapshot."""

    lead = "lead"
    need = "need"
    application = "application"
    profile = "profile"


class ActorKind(StrEnum):
    person = "person"  # a bank employee's account
    client = "client"  # a bank's system with client credentials


class AccessRecord(SQLModel, table=True):
    """One read of an enterprise's data by a bank, written in the read's own transaction; never changed."""

    __tablename__ = "access_log"
    __table_args__ = (
        Index("ix_access_log_at_id", "at", "id"),
        Index("ix_access_log_enterprise_id_at_id", "enterprise_id", "at", "id"),
        Index("ix_access_log_bank_id_at_id", "bank_id", "at", "id"),
        {"schema": SCHEMA},
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    at: datetime = Field(sa_type=DateTime(timezone=True))
    bank_id: uuid.UUID
    actor: str = Field(max_length=64)
    actor_kind: ActorKind = Field(sa_type=EnumText(ActorKind, 16))
    enterprise_id: uuid.UUID
    what: AccessKind = Field(sa_type=EnumText(AccessKind, 16))
    resource_id: uuid.UUID
    request_id: str | None = Field(default=None, max_length=200)


class Policy(Resource, table=True):
    """A policy benefit (政策) of an issuing department: a draft until published, then fixed; a change is a new
    version in the same `series_id`, which supersedes the old one when published."""

    __tablename__ = "policy"
    __table_args__ = (
        UniqueConstraint("series_id", "version", name="uq_policy_series_id_version"),
        Index("ix_policy_created_at_id", "created_at", "id"),
        {"schema": SCHEMA},
    )

    series_id: uuid.UUID
    version: int
    title: str = Field(max_length=200)
    department: str = Field(max_length=32)
    legal_basis: str = Field(max_length=500)
    valid_from: date
    valid_to: date | None = None
    mode: PolicyMode = Field(sa_type=EnumText(PolicyMode, 16))
    review_working_days: int | None = None
    eligibility: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))  # see schemas.PolicyEligibility
    benefit: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))  # see schemas.PolicyBenefit
    status: PolicyStatus = Field(sa_type=EnumText(PolicyStatus, 16))
    published_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


class PolicyGrant(Resource, table=True):
    """A benefit granted to one enterprise under one policy series: never two for one enterprise."""

    __tablename__ = "policy_grant"
    __table_args__ = (
        UniqueConstraint("series_id", "enterprise_id", name="uq_policy_grant_series_id_enterprise_id"),
        UniqueConstraint("payment_reference", name="uq_policy_grant_payment_reference"),
        Index("ix_policy_grant_created_at_id", "created_at", "id"),
        Index("ix_policy_grant_enterprise_id", "enterprise_id"),
        Index("ix_policy_grant_policy_id", "policy_id"),
        {"schema": SCHEMA},
    )

    policy_id: uuid.UUID
    series_id: uuid.UUID
    enterprise_id: uuid.UUID
    amount_yuan: int = Field(sa_type=BigInteger)
    applied: bool  # False: granted without applying (免申即享)
    status: GrantStatus = Field(sa_type=EnumText(GrantStatus, 16))
    granted_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))  # None while requested
    due_on: date | None = None  # a `review` claim's decision is due by this working day
    confirmed_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    payee: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB))  # see schemas.GrantConfirm
    disbursed_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    payment_reference: str | None = Field(default=None, max_length=32)
    batch_id: uuid.UUID | None = None  # the disbursement batch that paid it
    revoked_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    revoked_reason: str | None = Field(default=None, max_length=500)


class EnterpriseProfileCopy(SQLModel, table=True):
    """Finance's copy of an enterprise's profile in intake, kept by intake's events (and a resync): what
    granting without applying reads for every enterprise at once. The highest `revision` wins."""

    __tablename__ = "enterprise_profile"
    __table_args__ = ({"schema": SCHEMA},)

    id: uuid.UUID = Field(primary_key=True)  # the enterprise's id in intake
    uscc: str = Field(max_length=18)
    name: str = Field(max_length=200)
    industry: IndustrySection = Field(sa_type=EnumText(IndustrySection, 1))
    town: str = Field(max_length=50)
    established_on: date
    employees: int | None = None
    annual_revenue_yuan: int | None = Field(default=None, sa_type=BigInteger)
    credit_rating: CreditRating = Field(sa_type=EnumText(CreditRating, 1))
    key_enterprise: bool
    tags: list[str] = Field(sa_column=Column(ARRAY(String(32)), nullable=False, server_default="{}"))
    revision: int
    event_id: uuid.UUID | None = None  # the event that brought this revision (None: a resync)
    synced_at: datetime = Field(sa_type=DateTime(timezone=True))

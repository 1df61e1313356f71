"""Tables of the `identity` schema, owned by the gateway."""

import uuid
from datetime import datetime

from sqlalchemy import Column, DateTime, Index, String
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import Field

from gateway.domain import ClientStatus
from services.common.audit import AuditRecord, audit_table_args
from services.common.idempotency import IdempotencyRecord, idempotency_table_args
from services.common.models import EnumText, Resource

SCHEMA = "identity"


class Account(Resource, table=True):
    __tablename__ = "account"
    __table_args__ = {"schema": SCHEMA}

    username: str = Field(max_length=64, unique=True)
    password_hash: str = Field(max_length=255)
    role: str = Field(max_length=16)
    department: str | None = Field(default=None, max_length=32)
    enterprise_id: uuid.UUID | None = None
    bank_id: uuid.UUID | None = None
    active: bool = True
    token_version: int = 0  # raised by a change of the account, a new password or a logout: older tokens die


class ApiClient(Resource, table=True):
    """A bank's system: it gets tokens with its id and secret (client credentials), never a person's password.

    Only SHA-256 hashes of secrets are kept (`gateway.domain` says why); during a rotation's grace period
    the previous secret works too. Revoking raises `token_version`, which ends the tokens already issued.
    """

    __tablename__ = "api_client"
    __table_args__ = (Index("ix_api_client_created_at_id", "created_at", "id"), {"schema": SCHEMA})

    bank_id: uuid.UUID
    name: str = Field(max_length=50, unique=True)
    scopes: list[str] = Field(sa_column=Column(ARRAY(String(32)), nullable=False))
    status: ClientStatus = Field(default=ClientStatus.active, sa_type=EnumText(ClientStatus, 16))
    secret_hash: str = Field(max_length=64)
    previous_secret_hash: str | None = Field(default=None, max_length=64)
    previous_secret_expires_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    rotated_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    revoked_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    token_version: int = 0


class IdentityIdempotency(IdempotencyRecord, table=True):
    __tablename__ = "idempotency_key"
    __table_args__ = idempotency_table_args(SCHEMA)


class IdentityAudit(AuditRecord, table=True):
    __tablename__ = "audit_log"
    __table_args__ = audit_table_args(SCHEMA)

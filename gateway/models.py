"""Tables of the `identity` schema, owned by the gateway."""

import uuid

from sqlmodel import Field

from services.common.audit import AuditRecord, audit_table_args
from services.common.idempotency import IdempotencyRecord, idempotency_table_args
from services.common.models import Resource

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


class IdentityIdempotency(IdempotencyRecord, table=True):
    __tablename__ = "idempotency_key"
    __table_args__ = idempotency_table_args(SCHEMA)


class IdentityAudit(AuditRecord, table=True):
    __tablename__ = "audit_log"
    __table_args__ = audit_table_args(SCHEMA)

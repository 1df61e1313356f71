"""Request and response bodies of the gateway's own endpoints."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Literal, Self

from pydantic import ConfigDict, Field, StringConstraints, computed_field, model_validator

from gateway.config import PASSWORD_MIN_LENGTH
from gateway.domain import MAX_GRACE_SECONDS, ClientStatus
from services.common.auth import Role, Scope
from services.common.departments import Department
from services.common.schemas import Distinct, NoNul, RequestBody, ResponseBody, labelled
from services.common.texts import Text

Username = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{2,63}$")]
Password = Annotated[str, NoNul]  # kept as sent, but PostgreSQL cannot store NUL
AccountRole = Literal[Role.admin, Role.officer, Role.enterprise, Role.bank, Role.leader]
ROLE_FIELD = {"officer": "department", "enterprise": "enterprise_id", "bank": "bank_id"}
ROLE_NAMES = {"admin": "管理员", "officer": "部门工作人员", "enterprise": "企业", "bank": "银行", "leader": "县领导"}


class AccountCreate(RequestBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"username": "tax-officer-li", "password": "Suixi-2026-secure", "role": "officer", "department": "tax"}
            ]
        }
    )

    username: Username = Field(description="3–64 letters, digits, `_`, `.` or `-`")
    password: Password = Field(min_length=PASSWORD_MIN_LENGTH, max_length=128)
    role: AccountRole
    department: Department | None = Field(default=None, description="Required for officers")
    enterprise_id: uuid.UUID | None = Field(default=None, description="Required for enterprise accounts")
    bank_id: uuid.UUID | None = Field(default=None, description="Required for bank accounts")

    @model_validator(mode="after")
    def _fields_match_role(self) -> Self:
        if problem := role_fields_problem(self.role, self.model_dump()):
            raise ValueError(problem)
        return self


def role_fields_problem(role: str, fields: dict) -> Text | None:
    """Why these department / enterprise_id / bank_id do not fit the role, or None when they do."""
    needed = ROLE_FIELD.get(role)
    name = ROLE_NAMES[role]
    if needed and fields.get(needed) is None:
        return Text(f"{name}账号须填写 {needed}", f"a {role} account needs {needed}")
    for field in ROLE_FIELD.values():
        if field != needed and fields.get(field) is not None:
            return Text(f"{name}账号不填写 {field}", f"{field} does not apply to a {role} account")
    return None


class AccountUpdate(RequestBody):
    """What an admin may change of an account; the fields left out stay as they are."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"active": False}, {"department": "market"}]})

    active: bool | None = Field(default=None, description="False disables the account; its tokens stop working")
    role: AccountRole | None = None
    department: Department | None = None
    enterprise_id: uuid.UUID | None = None
    bank_id: uuid.UUID | None = None


class PasswordChange(RequestBody):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"current_password": "Suixi-2026-secure", "new_password": "Suixi-2027-secure"}]}
    )

    current_password: Password = Field(min_length=1, max_length=128)
    new_password: Password = Field(min_length=PASSWORD_MIN_LENGTH, max_length=128)


class AccountRead(ResponseBody):
    id: uuid.UUID
    username: str
    role: Role
    department: Department | None
    enterprise_id: uuid.UUID | None
    bank_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime


class TokenResponse(ResponseBody):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int
    role: Role
    scope: str | None = Field(
        default=None, description="client_credentials only: the token's scopes, space-separated (RFC 6749 §5.1)"
    )


ClientName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$")]
labelled(ClientStatus, {"active": ("有效", "Active"), "revoked": ("已吊销", "Revoked")})


class ClientCreate(RequestBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "bank_id": "3f0c8a52-8f6d-4c1e-9a53-2d7b9e0c4a11",
                    "name": "suixi-rcb-core",
                    "scopes": ["products:write", "leads:read"],
                }
            ]
        }
    )

    bank_id: uuid.UUID = Field(description="The bank whose system this is; its tokens act as that bank")
    name: ClientName = Field(
        description="1–50 letters, digits, `_`, `.` or `-`, unique; audit entries say `client:<name>`"
    )
    scopes: Annotated[list[Scope], Distinct] = Field(min_length=1, description="What its tokens may do")


class ClientRotate(RequestBody):
    model_config = ConfigDict(json_schema_extra={"examples": [{"grace_seconds": 86400}]})

    grace_seconds: int = Field(
        ge=0,
        le=MAX_GRACE_SECONDS,
        description="How long the old secret keeps working (0: it ends now; at most 30 days)",
    )


class ClientRead(ResponseBody):
    id: uuid.UUID
    bank_id: uuid.UUID
    name: str
    scopes: list[Scope]
    status: ClientStatus
    previous_secret_expires_at: datetime | None = Field(
        description="Until when the secret before the last rotation works"
    )
    rotated_at: datetime | None
    revoked_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @computed_field(description="What `POST /auth/token` takes as `client_id` (the same as `id`)")
    @property
    def client_id(self) -> str:
        return str(self.id)


class ClientWithSecret(ClientRead):
    """The answer that shows a secret: once, at creation or rotation; only its hash is kept."""

    client_secret: str = Field(description="Shown once: keep it now, it cannot be read again")


class ClientPage(ResponseBody):
    items: list[ClientRead]
    next_cursor: str | None


class HealthStatus(StrEnum):
    ok = "ok"
    degraded = "degraded"


class ServiceState(StrEnum):
    ok = "ok"
    down = "down"


labelled(HealthStatus, {"ok": ("全部正常", "All services up"), "degraded": ("部分服务不可用", "Degraded")})
labelled(ServiceState, {"ok": ("正常", "Up"), "down": ("不可用", "Down")})


class Health(ResponseBody):
    status: HealthStatus
    services: dict[str, ServiceState]

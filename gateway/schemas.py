"""Request and response bodies of the gateway's own endpoints."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Literal, Self

from pydantic import ConfigDict, Field, StringConstraints, model_validator

from gateway.config import PASSWORD_MIN_LENGTH
from services.common.auth import Role
from services.common.departments import Department
from services.common.schemas import RequestBody, ResponseBody, labelled
from services.common.texts import Text

Username = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{2,63}$")]
AccountRole = Literal[Role.admin, Role.officer, Role.enterprise, Role.bank]
ROLE_FIELD = {"officer": "department", "enterprise": "enterprise_id", "bank": "bank_id"}
ROLE_NAMES = {"admin": "管理员", "officer": "部门工作人员", "enterprise": "企业", "bank": "银行"}


class AccountCreate(RequestBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"username": "tax-officer-li", "password": "Suixi-2026-secure", "role": "officer", "department": "tax"}
            ]
        }
    )

    username: Username = Field(description="3–64 letters, digits, `_`, `.` or `-`")
    password: str = Field(min_length=PASSWORD_MIN_LENGTH, max_length=128)
    role: AccountRole
    department: Department | None = Field(default=None, description="Required for officers")
    enterprise_id: uuid.UUID | None = Field(default=None, description="Required for enterprise accounts")
    bank_id: uuid.UUID | None = Field(default=None, description="Required for bank accounts")

    @model_validator(mode="after")
    def _fields_match_role(self) -> Self:
        needed = ROLE_FIELD.get(self.role)
        role = ROLE_NAMES[self.role]
        if needed and getattr(self, needed) is None:
            raise ValueError(Text(f"{role}账号须填写 {needed}", f"a {self.role} account needs {needed}"))
        for field in ROLE_FIELD.values():
            if field != needed and getattr(self, field) is not None:
                raise ValueError(Text(f"{role}账号不填写 {field}", f"{field} does not apply to a {self.role} account"))
        if "\x00" in self.password:
            raise ValueError(Text("password 不能含 NUL 字符", "password must not contain NUL"))
        return self


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

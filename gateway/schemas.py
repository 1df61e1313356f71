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
        if problem := role_fields_problem(self.role, self.model_dump()):
            raise ValueError(problem)
        if "\x00" in self.password:
            raise ValueError(Text("password 不能含 NUL 字符", "password must not contain NUL"))
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

    current_password: str = Field(min_length=1, max_length=128)
    new_password: str = Field(min_length=PASSWORD_MIN_LENGTH, max_length=128)

    @model_validator(mode="after")
    def _printable(self) -> Self:
        if "\x00" in self.new_password or "\x00" in self.current_password:
            raise ValueError(Text("密码不能含 NUL 字符", "passwords must not contain NUL"))
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

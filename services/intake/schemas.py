"""Request and response bodies of the intake service."""

import uuid
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from services.common.schemas import RequestBody, ResponseBody, text
from services.intake.uscc import uscc_error

IndustrySection = StrEnum("IndustrySection", {ch: ch for ch in "ABCDEFGHIJKLMNOPQRST"})
"""GB/T 4754 industry sections A (agriculture) to T (international organisations)."""


class CreditRating(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"


def _valid_uscc(value: str) -> str:
    if error := uscc_error(value):
        raise ValueError(f"not a valid unified social credit code: {error}")
    return value


def _not_in_future(value: date) -> date:
    if value > datetime.now(UTC).date():
        raise ValueError("must not be in the future")
    return value


Uscc = Annotated[str, StringConstraints(strip_whitespace=True, to_upper=True), AfterValidator(_valid_uscc)]


class EnterpriseCreate(RequestBody):
    uscc: Uscc = Field(description="18-character unified social credit code (GB 32100-2015)")
    name: text(200)
    industry: IndustrySection = Field(description="GB/T 4754 section letter A–T")
    town: text(50) = Field(description="Town or street (乡镇/街道)")
    established_on: Annotated[date, AfterValidator(_not_in_future)] = Field(ge=date(1949, 10, 1))
    employees: int | None = Field(default=None, ge=0, le=10_000_000)
    annual_revenue_yuan: int | None = Field(default=None, ge=0, le=10**15)
    credit_rating: CreditRating = CreditRating.B
    key_enterprise: bool = False


class EnterpriseRead(ResponseBody):
    id: uuid.UUID
    uscc: str
    name: str
    industry: str
    town: str
    established_on: date
    employees: int | None
    annual_revenue_yuan: int | None
    credit_rating: str
    key_enterprise: bool
    created_at: datetime
    updated_at: datetime


class EnterprisePage(ResponseBody):
    items: list[EnterpriseRead]
    next_cursor: str | None

"""Tables of the `intake` schema."""

from datetime import date

from sqlalchemy import BigInteger, Index
from sqlmodel import Field

from services.common.models import Resource

SCHEMA = "intake"


class Enterprise(Resource, table=True):
    __tablename__ = "enterprise"
    __table_args__ = (
        Index("ix_enterprise_created_at_id", "created_at", "id"),
        {"schema": SCHEMA},
    )

    uscc: str = Field(max_length=18, unique=True)
    name: str = Field(max_length=200)
    industry: str = Field(max_length=1)
    town: str = Field(max_length=50)
    established_on: date
    employees: int | None = None
    annual_revenue_yuan: int | None = Field(default=None, sa_type=BigInteger)
    credit_rating: str = Field(default="B", max_length=1)
    key_enterprise: bool = False

"""Tables of the `approval` schema."""

from datetime import date
from enum import StrEnum

from sqlalchemy import ARRAY, CheckConstraint, Date
from sqlmodel import Field

from services.approval.config import MAX_YEAR, MIN_YEAR
from services.common.models import Resource

SCHEMA = "approval"


class YearSource(StrEnum):
    package = "package"  # seeded from the `holidays` package at start-up
    admin = "admin"  # loaded by `PUT /approval/calendar/{year}`; seeding never overwrites it


class CalendarYear(Resource, table=True):
    """One year of the working-day calendar: weekday holidays and weekend make-up workdays."""

    __tablename__ = "calendar_year"
    __table_args__ = (
        CheckConstraint(f"year BETWEEN {MIN_YEAR} AND {MAX_YEAR}", name="year_range"),
        CheckConstraint("source IN ('package', 'admin')", name="source"),
        {"schema": SCHEMA},
    )

    year: int = Field(unique=True)
    provisional: bool
    holidays: list[date] = Field(sa_type=ARRAY(Date), nullable=False)
    workdays: list[date] = Field(sa_type=ARRAY(Date), nullable=False)
    source: str = Field(max_length=16)

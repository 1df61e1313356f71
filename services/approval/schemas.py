"""Request and response bodies of the approval service."""

from datetime import date
from typing import Annotated

from pydantic import BeforeValidator, Field

from services.common.calendar import CalendarSnapshot, CalendarYearBody
from services.common.schemas import RequestBody

DAYS_IN_YEAR = 366


def _date_text(value: object) -> object:
    """Dates as "YYYY-MM-DD" only: a number would otherwise be read as a timestamp."""
    if not isinstance(value, str | date):
        raise ValueError("must be a date as YYYY-MM-DD")
    return value


IsoDate = Annotated[date, BeforeValidator(_date_text)]


class CalendarYearWrite(RequestBody):
    """A year's official schedule as an admin loads it; it replaces the stored year."""

    year: int | None = Field(default=None, description="If given, must equal the year in the path")
    provisional: bool = Field(default=False, description="True only for a schedule not yet official")
    holidays: list[IsoDate] = Field(max_length=DAYS_IN_YEAR, description="Weekdays off")
    workdays: list[IsoDate] = Field(max_length=DAYS_IN_YEAR, description="Saturdays and Sundays worked (调休)")


CalendarYearRead = CalendarYearBody
CalendarRead = CalendarSnapshot

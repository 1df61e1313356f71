"""ISO weeks (Monday to Sunday) in China Standard Time, for the dashboards' weekly series."""

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Date, cast, func
from sqlalchemy.sql.elements import ColumnElement

from services.common.calendar import cst_date

CST_ZONE = "Asia/Shanghai"  # the zone `cst_date` counts days in
WEEKS_MAX = 104  # two years of weeks at most in one series


def week_start(day: date) -> date:
    """The Monday of `day`'s ISO week."""
    return day - timedelta(days=day.weekday())


def week_label(monday: date) -> str:
    """`YYYY-Www`, the ISO week's name."""
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def period(*, weeks: int, now: datetime) -> list[date]:
    """The Mondays of the last `weeks` ISO weeks (CST), the current one last."""
    current = week_start(cst_date(now))
    return [current - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]


def cst_week(column: Any) -> ColumnElement[date]:
    """SQL: the Monday (a CST date) of the ISO week a timestamp falls in."""
    return cast(func.date_trunc("week", func.timezone(CST_ZONE, column)), Date)


def date_week(column: Any) -> ColumnElement[date]:
    """SQL: the Monday of the ISO week a date falls in."""
    return cast(func.date_trunc("week", column), Date)

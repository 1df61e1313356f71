"""The working-day calendar: seeded from the `holidays` package, amended by admins, read by everyone."""

from datetime import date, datetime
from typing import Any

from sqlalchemy.dialects.postgresql import insert
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.approval.models import CalendarYear, YearSource
from services.approval.schemas import CalendarYearWrite
from services.common import calendar
from services.common.calendar import YearSchedule
from services.common.problems import Invalid
from services.common.texts import Text

SATURDAY = 5


async def seed(session: AsyncSession, *, now: datetime) -> int:
    """Store every officially announced year the package knows and the table lacks; returns how many.

    Safe with several replicas starting at once, and never touches a year already stored (an admin's).
    """
    schedules = [calendar.official_schedule(year) for year in calendar.official_years()]
    rows = [_row(schedule, YearSource.package, now) for schedule in schedules if schedule is not None]
    if not rows:
        return 0
    statement = insert(CalendarYear).values(rows).on_conflict_do_nothing(index_elements=["year"])
    return len((await session.exec(statement.returning(CalendarYear.year))).all())  # rowcount is -1 here


async def get_year(session: AsyncSession, *, year: int) -> YearSchedule:
    """A stored year, or a provisional one (weekends only) when none is stored."""
    row = (await session.exec(select(CalendarYear).where(CalendarYear.year == year))).first()
    if row is None:
        return YearSchedule(year=year, provisional=True, holidays=frozenset(), workdays=frozenset())
    return _schedule(row)


async def all_years(session: AsyncSession) -> list[YearSchedule]:
    """Every stored year, oldest first."""
    rows = (await session.exec(select(CalendarYear).order_by(CalendarYear.year))).all()
    return [_schedule(row) for row in rows]


async def replace_year(session: AsyncSession, *, year: int, data: CalendarYearWrite, now: datetime) -> YearSchedule:
    """Replace `year` with an admin's schedule; it is official unless marked provisional."""
    schedule = YearSchedule(
        year=year,
        provisional=data.provisional,
        holidays=frozenset(data.holidays),
        workdays=frozenset(data.workdays),
    )
    if errors := schedule_errors(schedule, data):
        first = errors[0]["message"]
        raise Invalid(
            Text(
                f"{year} 年的日程无效：{first}。",
                f"The schedule for {year} is not valid: {getattr(first, 'en', first)}.",
            ),
            errors=errors,
        )
    row = _row(schedule, YearSource.admin, now)
    changed = {name: row[name] for name in ("provisional", "holidays", "workdays", "source", "updated_at")}
    await session.exec(insert(CalendarYear).values(row).on_conflict_do_update(index_elements=["year"], set_=changed))
    return schedule


def schedule_errors(schedule: YearSchedule, data: CalendarYearWrite) -> list[dict[str, str]]:
    """Every problem at once, so an admin can fix the whole list in one go."""
    errors: list[dict[str, str]] = []
    if data.year is not None and data.year != schedule.year:
        errors.append(
            {
                "field": "year",
                "message": Text(
                    f"{data.year} 与路径中的年份 {schedule.year} 不一致",
                    f"{data.year} does not match the year {schedule.year} in the path",
                ),
            }
        )
    for field, days, weekend in (("holidays", data.holidays, False), ("workdays", data.workdays, True)):
        for index, day in enumerate(days):
            if message := _day_error(day, schedule.year, weekend=weekend):
                errors.append({"field": f"{field}.{index}", "message": message})
    for day in sorted(schedule.holidays & schedule.workdays):
        message = Text(f"{day} 不能既是节假日又是调休工作日", f"{day} cannot be both a holiday and a workday")
        errors.append({"field": "workdays", "message": message})
    return errors


def _day_error(day: date, year: int, *, weekend: bool) -> Text | None:
    if day.year != year:
        return Text(f"{day} 不在 {year} 年", f"{day} is not in {year}")
    if weekend and day.weekday() < SATURDAY:
        return Text(
            f"{day} 是工作日，而调休工作日应是需要上班的周末",
            f"{day} is a weekday, and workdays are the weekend days worked (调休)",
        )
    if not weekend and day.weekday() >= SATURDAY:
        return Text(
            f"{day} 是周末，而节假日应是放假的工作日", f"{day} is a weekend day, and holidays are the weekdays off"
        )
    return None


def _row(schedule: YearSchedule, source: YearSource, now: datetime) -> dict[str, Any]:
    return {
        **CalendarYear(
            year=schedule.year,
            provisional=schedule.provisional,
            holidays=sorted(schedule.holidays),
            workdays=sorted(schedule.workdays),
            source=source,
        ).model_dump(),
        "created_at": now,
        "updated_at": now,
    }


def _schedule(row: CalendarYear) -> YearSchedule:
    return YearSchedule(
        year=row.year, provisional=row.provisional, holidays=frozenset(row.holidays), workdays=frozenset(row.workdays)
    )

"""The leader's analytics of parallel approval: critical paths (which department sets the finish), forecasts of a
new application's finish, and the weekly series of the dashboard. Queries only; the rules are in
`analytics_rules.py`."""

import uuid
from datetime import date, datetime, timedelta
from itertools import groupby
from typing import Any, NamedTuple

from sqlalchemy import Date, Float, Integer, case, cast, func, literal_column, null, union_all
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.approval import analytics_rules as rules
from services.approval import policy
from services.approval.domain import ApplicationStatus, TaskStatus
from services.approval.models import Application, Task
from services.approval.service import reference
from services.approval.service.stats import CST_ZONE
from services.common.auth import Principal
from services.common.calendar import CST, WorkCalendar, cst_date
from services.common.problems import NotFound
from services.common.texts import no_such
from services.intake.contract import IntakeClient


class ApplicationPath(NamedTuple):
    application: Application
    path: rules.CriticalPath


async def critical_path(
    session: AsyncSession, *, application_id: uuid.UUID, principal: Principal, intake: IntakeClient
) -> ApplicationPath:
    """One application's critical path, for whoever sees the application (404 for anyone else).

    It is computed over every task; an officer who is not the enterprise's liaison gets the rows of its own
    department only (as with the application's tasks), beside the department that set the finish."""
    liaison_of = await intake.liaison_of(principal)
    scope = policy.applications_visible_to(principal, liaison_of)
    application = (await session.exec(select(Application).where(Application.id == application_id, scope))).first()
    if application is None:
        raise NotFound(no_such("申请", "application"))
    tasks = list((await session.exec(select(Task).where(Task.application_id == application.id))).all())
    path = rules.critical_path(
        status=application.status,
        submitted_at=application.submitted_at,
        pauses=rules.pauses_of(application.pauses, application.paused_at),
        tasks=tasks,
        calendar=(await reference.current(session)).calendar,
    )
    shown = {t.department for t in policy.visible_tasks(principal, application, tasks, liaison_of)}
    rows = [row for row in path.departments if row.department in shown]
    return ApplicationPath(application, rules.CriticalPath(path.department, path.fastest_working_days, rows))


async def critical_path_stats(session: AsyncSession, *, matter_code: str | None, since: date | None) -> dict[str, Any]:
    """Critical paths of the approved applications (of a matter, completed since a CST day) added up per
    department. One query for the rows it needs; the working days are the calendar's, so they are counted here."""
    A, T = Application, Task
    query = (
        select(A.id, A.submitted_at, A.pauses, T.department, T.status, T.decided_at)
        .join(T, T.application_id == A.id)
        .where(A.status == ApplicationStatus.approved)
        .order_by(A.id)
    )
    if matter_code is not None:
        query = query.where(A.matter_code == matter_code)
    if since is not None:
        query = query.where(A.completed_at >= _cst_midnight(since))
    rows = (await session.exec(query)).all()
    work_calendar = (await reference.current(session)).calendar
    paths = [
        _path_of(work_calendar, list(group))
        for _, group in groupby(rows, key=lambda row: row.id)  # type: ignore[attr-defined]
    ]
    return {
        "matter_code": matter_code,
        "since": since,
        "applications": len(paths),
        "departments": [
            {
                "department": department,
                "applications": delay.applications,
                "last": delay.last,
                "last_rate": delay.last_rate,
                "added_working_days": delay.added_working_days,
                "avg_added_working_days": delay.avg_added_working_days,
                "added_working_days_when_last": delay.added_working_days_when_last,
            }
            for department, delay in rules.ranked(rules.attribute(paths))
        ],
    }


class _Timing(NamedTuple):
    department: str
    status: TaskStatus
    decided_at: datetime | None


def _path_of(work_calendar: WorkCalendar, rows: list[Any]) -> rules.CriticalPath:
    first = rows[0]
    return rules.critical_path(
        status=ApplicationStatus.approved,
        submitted_at=first.submitted_at,
        pauses=rules.pauses_of(first.pauses),
        tasks=[_Timing(row.department, row.status, row.decided_at) for row in rows],
        calendar=work_calendar,
    )


def _cst_midnight(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time(), CST)


async def forecast(
    session: AsyncSession, *, matter: reference.MatterFacts, work_calendar: WorkCalendar, now: datetime
) -> dict[str, Any]:
    """p50 and p90 working days of the matter's applications approved in the last 90 days, and the days an
    application submitted `now` would finish on: one aggregate query (by the indexed matter id)."""
    A = Application
    window_start = now - timedelta(days=rules.FORECAST_WINDOW_DAYS)
    weighted = (
        await session.exec(
            select(A.elapsed_working_days, func.count())
            .where(
                A.matter_id == matter.id,
                A.status == ApplicationStatus.approved,
                A.completed_at >= window_start,
                A.completed_at <= now,
                A.elapsed_working_days.is_not(None),  # type: ignore[union-attr]
            )
            .group_by(A.elapsed_working_days)
        )
    ).all()
    predicted = rules.forecast([(days, count) for days, count in weighted], calendar=work_calendar, start=now)
    return {
        "matter_code": matter.code,
        "as_of": now,
        "window_days": rules.FORECAST_WINDOW_DAYS,
        "based_on": predicted.based_on,
        "due_date": work_calendar.due_date(now, matter.sla_working_days),
        "p50_working_days": predicted.p50_working_days,
        "p90_working_days": predicted.p90_working_days,
        "p50_finish_date": predicted.p50_finish_date,
        "p90_finish_date": predicted.p90_finish_date,
    }


async def matter_forecast(session: AsyncSession, *, code: str, now: datetime) -> dict[str, Any]:
    """The forecast of a matter named by its code (404 when there is none)."""
    known = await reference.current(session)
    matter = known.matters.get(code)
    if matter is None:
        raise NotFound(no_such("事项", "matter"))
    return await forecast(session, matter=matter, work_calendar=known.calendar, now=now)


async def submission_forecast(session: AsyncSession, *, matter_code: str, now: datetime) -> dict[str, Any]:
    """The forecast beside a new application's legal due date (its matter exists: it was just submitted)."""
    known = await reference.current(session)
    return await forecast(session, matter=known.matters[matter_code], work_calendar=known.calendar, now=now)


WEEK = literal_column("'week'")  # constants written into the SQL, not bound: GROUP BY repeats the expression
ZONE = literal_column(f"'{CST_ZONE}'")
ONE, ZERO = literal_column("1", Integer), literal_column("0", Integer)


def _week_of(column: Any) -> Any:
    """The Monday (a date) of the CST ISO week of a timestamp column."""
    return cast(func.date_trunc(WEEK, func.timezone(ZONE, column)), Date)


async def weekly(session: AsyncSession, *, weeks: int, now: datetime) -> dict[str, Any]:
    """The dashboard's weeks (CST), the current one last: two grouped queries, one over applications (received
    by the week of submission; completed, approved and their working days by the week of completion) and one
    over the decided tasks by week and department."""
    A, T = Application, Task
    mondays = rules.week_starts(cst_date(now), weeks)
    start = _cst_midnight(mondays[0])
    end = _cst_midnight(mondays[-1] + timedelta(weeks=1))
    approved = A.status == ApplicationStatus.approved
    received = select(
        _week_of(A.submitted_at).label("week"),
        ONE.label("received"),
        ZERO.label("completed"),
        ZERO.label("approved"),
        A.materials_count.label("materials"),
        cast(null(), Float).label("days"),
    ).where(A.submitted_at >= start, A.submitted_at < end)
    completed = select(
        _week_of(A.completed_at),
        ZERO,
        ONE,
        case((approved, ONE), else_=ZERO),
        ZERO,
        case((approved, A.elapsed_working_days), else_=null()),
    ).where(
        A.status.in_((ApplicationStatus.approved, ApplicationStatus.rejected)),  # type: ignore[attr-defined]
        A.completed_at >= start,
        A.completed_at < end,
    )
    events = union_all(received, completed).subquery()
    application_rows = (
        await session.exec(
            select(
                events.c.week,
                func.sum(events.c.received),
                func.sum(events.c.completed),
                func.sum(events.c.approved),
                func.sum(events.c.materials),
                func.coalesce(func.sum(events.c.days), 0.0),
                func.count(events.c.days),
            ).group_by(events.c.week)
        )
    ).all()
    week = _week_of(T.decided_at)
    on_time = cast(func.timezone(CST_ZONE, T.decided_at), Date) <= T.due_date
    task_rows = (
        await session.exec(
            select(week, T.department, func.count(), func.count().filter(on_time))
            .where(
                T.status.in_((TaskStatus.approved, TaskStatus.rejected)),  # type: ignore[attr-defined]
                T.decided_at >= start,
                T.decided_at < end,
            )
            .group_by(week, T.department)
        )
    ).all()
    series = rules.weekly(
        mondays,
        [(monday, int(r), int(c), int(a), int(m), float(d), int(t)) for monday, r, c, a, m, d, t in application_rows],
        [tuple(row) for row in task_rows],
    )
    departments = sorted({department for w in series for department in w.departments})
    return {
        "weeks": [
            {
                "week": w.week,
                "starts_on": w.starts_on,
                "received": w.received,
                "completed": w.completed,
                "approved": w.approved,
                "avg_working_days": w.avg_working_days,
                "avg_materials": w.avg_materials,
            }
            for w in series
        ],
        "by_department": {
            department: [_department_week(w, w.departments.get(department, rules.DepartmentWeek())) for w in series]
            for department in departments
        },
    }


def _department_week(week: rules.Week, tally: rules.DepartmentWeek) -> dict[str, Any]:
    return {
        "week": week.week,
        "starts_on": week.starts_on,
        "decided": tally.decided,
        "on_time": tally.on_time,
        "on_time_rate": tally.on_time_rate,
    }

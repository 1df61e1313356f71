"""Rules and queries of the approval service; raises domain errors, never builds HTTP responses."""

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import cast, false, func, or_, true
from sqlalchemy.dialects.postgresql import JSONB, JSONPATH, insert
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.approval import clients
from services.approval.models import (
    APPLICATION_CODE_SEQUENCE,
    Application,
    ApprovalOutbox,
    CalendarYear,
    Matter,
    Task,
    YearSource,
)
from services.approval.schemas import (
    OPEN_STATUSES,
    ApplicationCreate,
    ApplicationStatus,
    CalendarYearWrite,
    Decision,
    DecisionCreate,
    MatterCreate,
    SupplementCreate,
    TaskStatus,
)
from services.common import calendar
from services.common.auth import Principal, Role, acting_enterprise
from services.common.calendar import WorkCalendar, YearSchedule, cst_date
from services.common.db import insert_unique, next_code
from services.common.http import ServiceClient
from services.common.models import utcnow
from services.common.outbox import timeline_message
from services.common.pagination import PageParams, make_page, paginate
from services.common.problems import Forbidden, Invalid, InvalidTransition, NotFound
from services.common.stats import mean, rate

SATURDAY = 5
OVERDUE_COMMITMENT = "$[*] ? (@.fulfilled_at == null && @.due_date < $today)"


async def seed_calendar(session: AsyncSession) -> int:
    """Store every officially announced year the package knows and the table lacks; returns how many.

    Safe with several replicas starting at once, and never touches a year already stored (an admin's).
    """
    schedules = [calendar.official_schedule(year) for year in calendar.official_years()]
    rows = [_row(schedule, YearSource.package) for schedule in schedules if schedule is not None]
    if not rows:
        return 0
    result = await session.exec(insert(CalendarYear).values(rows).on_conflict_do_nothing(index_elements=["year"]))
    await session.commit()
    return result.rowcount


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


async def load_calendar(session: AsyncSession) -> WorkCalendar:
    """The calendar as stored now, for approval's own due dates."""
    return WorkCalendar(await all_years(session))


async def replace_year(session: AsyncSession, *, year: int, data: CalendarYearWrite) -> YearSchedule:
    """Replace `year` with an admin's schedule; it is official unless marked provisional."""
    schedule = YearSchedule(
        year=year,
        provisional=data.provisional,
        holidays=frozenset(data.holidays),
        workdays=frozenset(data.workdays),
    )
    if errors := _schedule_errors(schedule, data):
        raise Invalid(f"The schedule for {year} is not valid: {errors[0]['message']}.", errors=errors)
    row = _row(schedule, YearSource.admin)
    changed = {name: row[name] for name in ("provisional", "holidays", "workdays", "source", "updated_at")}
    statement = insert(CalendarYear).values(row).on_conflict_do_update(index_elements=["year"], set_=changed)
    await session.exec(statement)
    await session.commit()
    return schedule


def _schedule_errors(schedule: YearSchedule, data: CalendarYearWrite) -> list[dict[str, str]]:
    """Every problem at once, so an admin can fix the whole list in one go."""
    errors: list[dict[str, str]] = []
    if data.year is not None and data.year != schedule.year:
        errors.append({"field": "year", "message": f"{data.year} does not match the year {schedule.year} in the path"})
    for field, days, weekend in (("holidays", data.holidays, False), ("workdays", data.workdays, True)):
        for index, day in enumerate(days):
            if message := _day_error(day, schedule.year, weekend=weekend):
                errors.append({"field": f"{field}.{index}", "message": message})
    for day in sorted(schedule.holidays & schedule.workdays):
        errors.append({"field": "workdays", "message": f"{day} cannot be both a holiday and a workday"})
    return errors


def _day_error(day: date, year: int, *, weekend: bool) -> str | None:
    if day.year != year:
        return f"{day} is not in {year}"
    if weekend and day.weekday() < SATURDAY:
        return f"{day} is a weekday, and workdays are the weekend days worked (调休)"
    if not weekend and day.weekday() >= SATURDAY:
        return f"{day} is a weekend day, and holidays are the weekdays off"
    return None


def _row(schedule: YearSchedule, source: YearSource) -> dict[str, Any]:
    return CalendarYear(
        year=schedule.year,
        provisional=schedule.provisional,
        holidays=sorted(schedule.holidays),
        workdays=sorted(schedule.workdays),
        source=source.value,
        updated_at=utcnow(),
    ).model_dump()


def _schedule(row: CalendarYear) -> YearSchedule:
    return YearSchedule(
        year=row.year,
        provisional=row.provisional,
        holidays=frozenset(row.holidays),
        workdays=frozenset(row.workdays),
    )


# --- matters ------------------------------------------------------------------------------------


async def create_matter(session: AsyncSession, *, data: MatterCreate) -> Matter:
    matter = Matter(**data.model_dump(mode="json"))
    await insert_unique(session, matter, conflict=f"A matter with code {data.code!r} exists already.")
    return matter


async def list_matters(session: AsyncSession, *, page: PageParams) -> tuple[list[Matter], str | None]:
    rows = (await session.exec(paginate(select(Matter), Matter, page))).all()
    return make_page(list(rows), page)


# --- applications -------------------------------------------------------------------------------


def _check_materials(matter: Matter, data: ApplicationCreate, *, rating: str, due_date: date, today: date) -> None:
    """容缺受理: a waivable material may be missing only against a commitment due by the application's due date."""
    known = {m["code"]: m for m in matter.materials}
    errors: list[dict[str, str]] = []
    for code in sorted(set(data.materials) - set(known)):
        errors.append({"field": "materials", "message": f"{code} is not a material of {matter.code}"})
    missing = {code for code in known if code not in data.materials}
    committed = {c.material_code: c for c in data.commitments}
    for code in sorted(missing):
        if not known[code]["waivable"]:
            errors.append({"field": "materials", "message": f"{code} ({known[code]['name']}) is required"})
        elif code not in committed:
            errors.append(
                {"field": "commitments", "message": f"{code} is missing: 容缺 needs a signed commitment for it"}
            )
    for code, commitment in committed.items():
        if code not in missing:
            errors.append({"field": "commitments", "message": f"{code} is not a missing waivable material"})
        elif not today <= commitment.due_date <= due_date:
            errors.append(
                {
                    "field": "commitments",
                    "message": f"{code} must be committed for a date from today to the due date {due_date}",
                }
            )
    if data.commitments and rating == "D":
        errors.append({"field": "commitments", "message": "an enterprise rated D cannot use 容缺 (commitments)"})
    if len(data.commitments) != len(committed):
        errors.append({"field": "commitments", "message": "a material is committed twice"})
    if errors:
        raise Invalid("; ".join(e["message"] for e in errors), errors=errors)


async def submit_application(
    session: AsyncSession, *, data: ApplicationCreate, principal: Principal, services: ServiceClient
) -> tuple[Application, list[Task]]:
    """Accept an application and open every department's task at once, in one transaction."""
    enterprise_id = acting_enterprise(principal, data.enterprise_id)
    matter = (await session.exec(select(Matter).where(Matter.code == data.matter_code))).first()
    if matter is None:
        raise Invalid(f"No matter with code {data.matter_code!r}.", field="matter_code")
    profile = await clients.enterprise(services, enterprise_id)
    calendar = await load_calendar(session)
    submitted_at = utcnow()
    due_date = calendar.due_date(submitted_at, matter.sla_working_days)
    _check_materials(matter, data, rating=profile["credit_rating"], due_date=due_date, today=cst_date(submitted_at))
    application = Application(
        code=await next_code(session, APPLICATION_CODE_SEQUENCE, "SP"),
        enterprise_id=enterprise_id,
        matter_id=matter.id,
        matter_code=matter.code,
        status=ApplicationStatus.in_review,
        due_date=due_date,
        materials=sorted(set(data.materials)),
        materials_count=len(set(data.materials)),
        commitments=[{**c.model_dump(mode="json"), "fulfilled_at": None} for c in data.commitments],
        submitted_at=submitted_at,
        pauses=[],
    )
    tasks = [
        Task(
            application_id=application.id,
            department=d["department"],
            task_name=d["task_name"],
            status=TaskStatus.pending,
            due_date=calendar.due_date(submitted_at, d["sla_working_days"]),
        )
        for d in matter.departments
    ]
    session.add(application)
    session.add_all(tasks)
    session.add(_event(application, "submitted", f"{matter.name}申请已提交，{len(tasks)}个部门并联审批"))
    await session.commit()
    return application, tasks


def _event(application: Application, action: str, summary: str) -> ApprovalOutbox:
    return timeline_message(
        ApprovalOutbox,
        sender="approval",
        enterprise_id=application.enterprise_id,
        kind=f"application.{action}",
        ref_id=application.id,
        summary=f"{application.code} {summary}",
    )


async def _viewer(principal: Principal, services: ServiceClient) -> tuple[Any, set[uuid.UUID]]:
    """(WHERE clause for the applications the caller may see, the enterprises it is liaison for)."""
    A = Application
    if principal.role in (Role.admin, Role.service):
        return true(), set()
    if principal.role is Role.enterprise:
        return A.enterprise_id == principal.enterprise_id, set()
    if principal.role is Role.officer:
        liaison_of = await _liaison_set(principal, services)
        own_tasks = select(Task.application_id).where(Task.department == principal.department)
        return or_(A.id.in_(own_tasks), A.enterprise_id.in_(liaison_of)), liaison_of
    return false(), set()


async def _with_tasks(
    session: AsyncSession, applications: list[Application], principal: Principal, liaison_of: set[uuid.UUID]
) -> list[tuple[Application, list[Task]]]:
    """Each application with the tasks the caller may see: an officer its department's, unless liaison."""
    ids = [a.id for a in applications]
    tasks = (await session.exec(select(Task).where(Task.application_id.in_(ids)).order_by(Task.department))).all()
    by_application: dict[uuid.UUID, list[Task]] = {i: [] for i in ids}
    for task in tasks:
        by_application[task.application_id].append(task)
    result = []
    for application in applications:
        mine = by_application[application.id]
        if principal.role is Role.officer and application.enterprise_id not in liaison_of:
            mine = [t for t in mine if t.department == principal.department]
        result.append((application, mine))
    return result


async def list_applications(
    session: AsyncSession, *, principal: Principal, services: ServiceClient, page: PageParams, status: str | None
) -> tuple[list[tuple[Application, list[Task]]], str | None]:
    scope, liaison_of = await _viewer(principal, services)
    query = select(Application).where(scope)
    if status is not None:
        query = query.where(Application.status == status)
    rows, next_cursor = make_page(list((await session.exec(paginate(query, Application, page))).all()), page)
    return await _with_tasks(session, rows, principal, liaison_of), next_cursor


async def _liaison_set(principal: Principal, services: ServiceClient) -> set[uuid.UUID]:
    if principal.role is not Role.officer:
        return set()
    return set(await clients.liaison_enterprises(services, principal.username))


async def get_application(
    session: AsyncSession, *, application_id: uuid.UUID, principal: Principal, services: ServiceClient
) -> tuple[Application, list[Task]]:
    scope, liaison_of = await _viewer(principal, services)
    found = (await session.exec(select(Application).where(Application.id == application_id, scope))).first()
    if found is None:
        raise NotFound("No such application.")
    return (await _with_tasks(session, [found], principal, liaison_of))[0]


async def list_tasks(
    session: AsyncSession, *, principal: Principal, page: PageParams, status: str | None
) -> tuple[list[Task], str | None]:
    """The officer's inbox: its department's tasks only."""
    query = select(Task).where(Task.department == principal.department)
    if status is not None:
        query = query.where(Task.status == status)
    rows = (await session.exec(paginate(query, Task, page))).all()
    return make_page(list(rows), page)


async def _locked_application(session: AsyncSession, application_id: uuid.UUID) -> Application:
    """Lock the application row: every decision on it is serialised here, so exactly one outcome wins."""
    application = (
        await session.exec(select(Application).where(Application.id == application_id).with_for_update())
    ).first()
    if application is None:
        raise NotFound("No such application.")
    return application


async def _tasks_of(session: AsyncSession, application_id: uuid.UUID) -> list[Task]:
    """Read after the application's lock is held, overwriting anything loaded before it."""
    query = select(Task).where(Task.application_id == application_id).order_by(Task.department)
    return list((await session.exec(query.execution_options(populate_existing=True))).all())


def _finish(application: Application, status: ApplicationStatus, tasks: list[Task], calendar: WorkCalendar) -> None:
    """Close the application: open tasks cancelled, completion time and working days recorded."""
    now = utcnow()
    for task in tasks:
        if task.status in (TaskStatus.pending, TaskStatus.returned):
            task.status = TaskStatus.cancelled
            task.updated_at = now
    application.status = status
    application.completed_at = now
    application.pauses = _closed_pauses(application, now)
    application.paused_at = None
    application.elapsed_working_days = calendar.elapsed_working_days(
        application.submitted_at,
        now,
        [(datetime.fromisoformat(a), datetime.fromisoformat(b)) for a, b in application.pauses],
    )


def _closed_pauses(application: Application, now: datetime) -> list[list[str]]:
    if application.paused_at is None:
        return list(application.pauses)
    return [*application.pauses, [application.paused_at.isoformat(), now.isoformat()]]


async def decide(
    session: AsyncSession, *, task_id: uuid.UUID, data: DecisionCreate, principal: Principal, services: ServiceClient
) -> tuple[Application, list[Task]]:
    """An officer's decision on its department's task; the application's outcome follows from all of them."""
    owner = (
        await session.exec(
            select(Task.application_id, Task.department, Application.enterprise_id)
            .join(Application, Application.id == Task.application_id)
            .where(Task.id == task_id)
        )
    ).first()
    if owner is None:
        raise NotFound("No such task.")
    if owner.department != principal.department:
        if owner.enterprise_id in await _liaison_set(principal, services):  # sees it, may not decide it
            raise Forbidden("Only an officer of the task's department decides it.")
        raise NotFound("No such task.")
    application = await _locked_application(session, owner.application_id)
    tasks = await _tasks_of(session, application.id)
    task = next(t for t in tasks if t.id == task_id)
    if application.status not in OPEN_STATUSES:
        raise InvalidTransition(f"The application is {application.status}; no more decisions.")
    if task.status != TaskStatus.pending:
        raise InvalidTransition(f"This task is {task.status} already.")
    now = utcnow()
    task.decided_at, task.decided_by, task.comment, task.updated_at = now, principal.username, data.comment, now
    if data.decision is Decision.reject:
        task.status = TaskStatus.rejected
        _finish(application, ApplicationStatus.rejected, tasks, await load_calendar(session))
        session.add(_event(application, "rejected", f"{task.task_name}未通过，申请已驳回"))
    elif data.decision is Decision.return_:
        task.status = TaskStatus.returned
        application.status = ApplicationStatus.supplement_required
        application.paused_at = application.paused_at or now
    else:
        task.status = TaskStatus.approved
        if _all_approved(application, tasks):
            _approve(session, application, tasks, await load_calendar(session))
    application.updated_at = now
    session.add_all([application, *tasks])
    await session.commit()
    return application, tasks


def _all_approved(application: Application, tasks: list[Task]) -> bool:
    return application.status == ApplicationStatus.in_review and all(t.status == TaskStatus.approved for t in tasks)


def _approve(session: AsyncSession, application: Application, tasks: list[Task], calendar: WorkCalendar) -> None:
    _finish(application, ApplicationStatus.approved, tasks, calendar)
    session.add(_event(application, "approved", "全部部门审批通过，申请已办结"))


async def supplement(
    session: AsyncSession, *, application_id: uuid.UUID, data: SupplementCreate, principal: Principal
) -> tuple[Application, list[Task]]:
    """The enterprise hands in materials: commitments fulfilled, returned tasks back in review, clock resumed."""
    application = await _owned(session, application_id, principal)
    if application.status not in OPEN_STATUSES:
        raise InvalidTransition(f"The application is {application.status}.")
    tasks = await _tasks_of(session, application.id)
    now = utcnow()
    provided = set(data.materials)
    commitments = [
        {**c, "fulfilled_at": now.isoformat()} if c["fulfilled_at"] is None and c["material_code"] in provided else c
        for c in application.commitments
    ]
    returned = [t for t in tasks if t.status == TaskStatus.returned]
    if commitments == application.commitments and not returned:
        raise InvalidTransition("Nothing is waiting for a supplement.")
    for task in returned:
        task.status, task.decided_at, task.decided_by, task.updated_at = TaskStatus.pending, None, None, now
    application.commitments = commitments
    application.materials = sorted({*application.materials, *provided})
    application.materials_count = len(application.materials)
    if application.status == ApplicationStatus.supplement_required:
        application.pauses = _closed_pauses(application, now)
        application.paused_at = None
        application.status = ApplicationStatus.in_review
    application.updated_at = now
    session.add_all([application, *tasks])
    await session.commit()
    return application, tasks


async def withdraw(
    session: AsyncSession, *, application_id: uuid.UUID, principal: Principal
) -> tuple[Application, list[Task]]:
    application = await _owned(session, application_id, principal)
    if application.status not in OPEN_STATUSES:
        raise InvalidTransition(f"The application is {application.status}.")
    tasks = await _tasks_of(session, application.id)
    _finish(application, ApplicationStatus.withdrawn, tasks, await load_calendar(session))
    session.add(_event(application, "withdrawn", "企业已撤回申请"))
    session.add_all([application, *tasks])
    await session.commit()
    return application, tasks


async def _owned(session: AsyncSession, application_id: uuid.UUID, principal: Principal) -> Application:
    application = await _locked_application(session, application_id)
    if application.enterprise_id != principal.enterprise_id:
        raise NotFound("No such application.")
    return application


# --- sweeps -------------------------------------------------------------------------------------


async def sweep(session: AsyncSession, *, now: datetime) -> dict[str, int]:
    """Deemed approval of overdue tasks (where the matter allows it) and termination of applications
    whose commitment is overdue. Rows are claimed with SKIP LOCKED, so replicas never sweep one twice."""
    today = cst_date(now)
    calendar = await load_calendar(session)
    terminated = 0
    overdue = (
        await session.exec(
            select(Application)
            .where(Application.status.in_(OPEN_STATUSES))
            .where(
                func.jsonb_path_exists(
                    Application.commitments,
                    cast(OVERDUE_COMMITMENT, JSONPATH),
                    cast({"today": today.isoformat()}, JSONB),
                )
            )
            .with_for_update(skip_locked=True)
        )
    ).all()
    for application in overdue:
        tasks = await _tasks_of(session, application.id)
        _finish(application, ApplicationStatus.terminated, tasks, calendar)
        session.add(_event(application, "terminated", "承诺材料逾期未补交，申请已终止"))
        session.add_all([application, *tasks])
        terminated += 1
    late = (
        await session.exec(
            select(Application)
            .join(Matter, Matter.id == Application.matter_id)
            .where(Application.status == ApplicationStatus.in_review, Matter.deemed_approval)
            .where(
                Application.id.in_(
                    select(Task.application_id).where(Task.status == TaskStatus.pending, Task.due_date < today)
                )
            )
            .with_for_update(of=[Application], skip_locked=True)
        )
    ).all()
    deemed = 0
    for application in late:
        tasks = await _tasks_of(session, application.id)
        for task in tasks:
            if task.status == TaskStatus.pending and task.due_date < today:
                task.status, task.deemed, task.decided_at, task.decided_by = TaskStatus.approved, True, now, "system"
                task.comment, task.updated_at = "超时默认通过", now
                deemed += 1
        if _all_approved(application, tasks):
            _approve(session, application, tasks, calendar)
        session.add_all([application, *tasks])
    await session.commit()
    return {"deemed": deemed, "terminated": terminated}


# --- stats --------------------------------------------------------------------------------------


async def stats(session: AsyncSession) -> dict[str, Any]:
    """The county's figures: volumes, average working days (1.01 to beat), materials (1.59), punctuality."""
    A, T = Application, Task
    apps = (
        await session.exec(
            select(A.matter_code, A.status, A.elapsed_working_days, A.materials_count, A.due_date, A.completed_at)
        )
    ).all()
    by_matter: dict[str, dict[str, Any]] = {}
    days: list[float] = []
    punctual = [0, 0]
    counts: dict[str, int] = {}
    for matter_code, status, elapsed, _, due_date, completed_at in apps:
        counts[status] = counts.get(status, 0) + 1
        entry = by_matter.setdefault(matter_code, {"applications": 0, "approved": 0, "_days": []})
        entry["applications"] += 1
        if status == ApplicationStatus.approved:
            entry["approved"] += 1
            if elapsed is not None:
                days.append(elapsed)
                entry["_days"].append(elapsed)
            punctual[0] += cst_date(completed_at) <= due_date
            punctual[1] += 1
    for entry in by_matter.values():
        values = entry.pop("_days")
        entry["avg_working_days"] = mean(values)
    task_rows = (
        await session.exec(
            select(T.department, T.status, func.count(), func.count().filter(T.deemed)).group_by(T.department, T.status)
        )
    ).all()
    by_department: dict[str, dict[str, int]] = {}
    deemed_total = 0
    for department, status, count, deemed in task_rows:
        by_department.setdefault(department, {"tasks": 0})
        by_department[department]["tasks"] += count
        by_department[department][status] = count
        deemed_total += deemed
    return {
        "applications": len(apps),
        "approved": counts.get(ApplicationStatus.approved, 0),
        "rejected": counts.get(ApplicationStatus.rejected, 0),
        "in_review": counts.get(ApplicationStatus.in_review, 0),
        "avg_working_days": mean(days),
        "avg_materials": mean([row.materials_count for row in apps]),
        "on_time_rate": rate(*punctual),
        "deemed_approvals": deemed_total,
        "by_matter": by_matter,
        "by_department": by_department,
    }

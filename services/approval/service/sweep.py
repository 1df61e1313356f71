"""The SLA sweep: deemed approval of overdue tasks (超时默认) and termination of applications whose
commitment is overdue. It runs every minute as a job and on `POST /approval/sweep`."""

import uuid
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import cast, func
from sqlalchemy.dialects.postgresql import JSONB, JSONPATH
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.approval import domain
from services.approval.domain import OPEN_STATUSES, ApplicationStatus, TaskStatus
from services.approval.models import Application, Matter, Task
from services.approval.service import reference
from services.approval.service.applications import close, locked, save
from services.common.calendar import cst_date

OVERDUE_COMMITMENT = "$[*] ? (@.fulfilled_at == null && @.due_date < $today)"


async def sweep(session: AsyncSession, *, now: datetime) -> dict[str, int]:
    """Rows are claimed with SKIP LOCKED, so replicas (and a manual sweep) never sweep one twice.

    The SQL only finds candidates; the rules of `domain` decide on each row once it is locked.
    """
    today = cst_date(now)
    work_calendar = (await reference.current(session)).calendar  # once, not per closed application
    terminated = 0
    for application_id in await _with_overdue_commitments(session, today):
        application, tasks = await locked(session, application_id)
        if domain.commitment_overdue(application, today=today):
            await close(session, application, tasks, ApplicationStatus.terminated, now=now, work_calendar=work_calendar)
            await save(session, application, tasks)
            terminated += 1
    deemed = 0
    for application_id in await _with_late_tasks(session, today):
        application, tasks = await locked(session, application_id)
        deemed += domain.deem_overdue(tasks, today=today, now=now)
        if domain.all_approved(application, tasks):
            await close(session, application, tasks, ApplicationStatus.approved, now=now, work_calendar=work_calendar)
        await save(session, application, tasks)
    return {"deemed": deemed, "terminated": terminated}


async def _with_overdue_commitments(session: AsyncSession, today: date) -> Sequence[uuid.UUID]:
    """Open applications with a commitment past due and unfulfilled (claimed, SKIP LOCKED)."""
    overdue = func.jsonb_path_exists(
        Application.commitments, cast(OVERDUE_COMMITMENT, JSONPATH), cast({"today": today.isoformat()}, JSONB)
    )
    query = select(Application.id).where(Application.status.in_(OPEN_STATUSES), overdue)
    return (await session.exec(query.with_for_update(skip_locked=True))).all()


async def _with_late_tasks(session: AsyncSession, today: date) -> Sequence[uuid.UUID]:
    """Applications in review, of a matter with deemed approval, with a pending task past due (claimed)."""
    late_tasks = select(Task.application_id).where(Task.status == TaskStatus.pending, Task.due_date < today)
    query = (
        select(Application.id)
        .join(Matter, Matter.id == Application.matter_id)
        .where(Application.status == ApplicationStatus.in_review, Matter.deemed_approval)
        .where(Application.id.in_(late_tasks))
    )
    return (await session.exec(query.with_for_update(of=[Application], skip_locked=True))).all()

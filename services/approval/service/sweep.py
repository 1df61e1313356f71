"""The SLA sweep: deemed approval of overdue tasks (超时默认), overdue 容缺 commitments (terminating an
application still open) and the reminders before a commitment's due date. It runs every minute as a job and
on `POST /approval/sweep`."""

import uuid
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.approval import domain
from services.approval.domain import OPEN_STATUSES, ApplicationStatus, CommitmentState, TaskStatus
from services.approval.models import Application, MaterialCommitment, Matter, Task
from services.approval.service import reference
from services.approval.service.applications import APPLICATIONS, COMMITMENTS, close, emit, locked, save
from services.common.calendar import WorkCalendar, cst_date

REMINDER_HORIZON_DAYS = 21  # calendar days that hold 3 working days even across the longest holiday
# Open commitments due within the horizon whose last reminder is not the last one yet (claimed, SKIP LOCKED)
DUE_SOON = (
    "WHERE state = 'open' AND due_date >= %s AND due_date <= %s AND (reminded_days IS NULL OR reminded_days > 1)"
    " ORDER BY due_date, id FOR UPDATE SKIP LOCKED"
)


async def sweep(session: AsyncSession, *, now: datetime) -> dict[str, int]:
    """Rows are claimed with SKIP LOCKED, so replicas (and a manual sweep) never sweep one twice.

    The SQL only finds candidates; the rules of `domain` decide on each row once it is locked.
    """
    today = cst_date(now)
    work_calendar = (await reference.current(session)).calendar  # once, not per closed application
    terminated = overdue = 0
    for application_id in await _with_overdue_commitments(session, today):
        loaded = await locked(session, application_id)
        late = domain.mark_overdue(loaded.commitments, today=today, now=now)
        overdue += len(late)
        if late and loaded.application.status in OPEN_STATUSES:
            await close(session, loaded, ApplicationStatus.terminated, now=now, work_calendar=work_calendar)
            terminated += 1
        elif late:  # approved already: the enterprise still owes it, and its timeline says so
            for commitment in late:
                await emit(session, loaded.application, domain.commitment_overdue(commitment), now=now)
        await save(session, loaded)
    deemed = 0
    for application_id in await _with_late_tasks(session, today):
        loaded = await locked(session, application_id)
        deemed += domain.deem_overdue(loaded.tasks, today=today, now=now)
        if domain.all_approved(loaded.application, loaded.tasks):
            await close(session, loaded, ApplicationStatus.approved, now=now, work_calendar=work_calendar)
        await save(session, loaded)
    reminders = await remind(session, today=today, now=now, work_calendar=work_calendar)
    return {"deemed": deemed, "terminated": terminated, "overdue_commitments": overdue, "reminders": reminders}


async def remind(session: AsyncSession, *, today: date, now: datetime, work_calendar: WorkCalendar) -> int:
    """Reminders on the enterprise's timeline 3 and 1 working days before an open commitment's due date."""
    horizon = today + timedelta(days=REMINDER_HORIZON_DAYS)
    due_soon = await COMMITMENTS.fetch(session, DUE_SOON, (today, horizon))
    if not due_soon:
        return 0
    applications = {
        a.id: a
        for a in await APPLICATIONS.fetch(session, "WHERE id = ANY(%s)", ([c.application_id for c in due_soon],))
    }
    sent = 0
    for commitment in due_soon:
        left = work_calendar.working_days_between(today, commitment.due_date)
        stage = domain.reminder_due(commitment, working_days_left=left)
        if stage is None:
            continue
        commitment.reminded_days, commitment.updated_at = stage, now
        await emit(
            session, applications[commitment.application_id], domain.commitment_reminder(commitment, left), now=now
        )
        sent += 1
    await COMMITMENTS.save(session, due_soon)
    return sent


async def _with_overdue_commitments(session: AsyncSession, today: date) -> Sequence[uuid.UUID]:
    """Applications with an open commitment past its due date (claimed, SKIP LOCKED)."""
    late = select(MaterialCommitment.application_id).where(
        MaterialCommitment.state == CommitmentState.open, MaterialCommitment.due_date < today
    )
    query = select(Application.id).where(Application.id.in_(late))
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

"""Applications for a matter, their parallel tasks and every decision on them.

Every change of an application happens with its row locked (FOR UPDATE), tasks re-read after the lock,
so however many officers decide at once, each decision is applied to the latest state and exactly one
outcome wins.
"""

import uuid
from datetime import datetime
from typing import NamedTuple, NoReturn

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.approval import domain, policy
from services.approval.domain import ApplicationStatus, CommitmentState, MaterialSource, TaskStatus
from services.approval.models import (
    APPLICATION_CODE_SEQUENCE,
    Application,
    ApplicationMaterial,
    ApprovalDocument,
    ApprovalOutbox,
    MaterialCommitment,
    Matter,
    Task,
)
from services.approval.schemas import ApplicationCreate, DecisionCreate, SupplementCreate
from services.approval.service import reference
from services.common.auth import Principal, acting_enterprise
from services.common.calendar import WorkCalendar, cst_date
from services.common.db import next_code
from services.common.pagination import PageParams, make_page, paginate
from services.common.plain import PlainTable
from services.common.problems import Invalid, NotFound, ProblemKind
from services.common.texts import Text, no_such
from services.intake.contract import IntakeClient, timeline_message


class WithTasks(NamedTuple):
    """An application with the tasks the caller may see and its commitments."""

    application: Application
    tasks: list[Task]
    commitments: list[MaterialCommitment]


def matter_named(known: reference.Reference, code: str) -> reference.MatterFacts:
    """The matter a body names by `matter_code`: 422 when there is none."""
    matter = known.matters.get(code)
    if matter is None:
        raise Invalid(
            Text(f"没有编码为 {code} 的事项。", f"No matter with code {code!r}."),
            field="matter_code",
            kind=ProblemKind.unknown_reference,
        )
    return matter


async def submit(
    session: AsyncSession, *, data: ApplicationCreate, principal: Principal, intake: IntakeClient, now: datetime
) -> WithTasks:
    """Accept an application and open every department's task at once."""
    enterprise_id = acting_enterprise(principal, data.enterprise_id)
    known = await reference.current(session)
    matter = matter_named(known, data.matter_code)
    profile = await intake.enterprise(enterprise_id)
    if data.project_id is not None:
        await _require_project_of(intake, data.project_id, enterprise_id)
    work_calendar = known.calendar
    due_date = work_calendar.due_date(now, matter.sla_working_days)
    declared = set(data.materials)
    reused: dict[str, ApprovalDocument] = {}
    if data.use_vault:
        wanted = [m.code for m in matter.materials if m.code not in declared]
        reused, _ = domain.vault_cover(await vault_documents(session, enterprise_id, wanted), due_date=due_date)
    domain.check_materials(
        matter_code=matter.code,
        materials=list(matter.materials),
        provided=[*declared, *reused],
        commitments=[domain.Commitment(c.material_code, c.due_date) for c in data.commitments],
        rating=profile.credit_rating,
        due_date=due_date,
        today=cst_date(now),
    )
    application = Application(
        code=await next_code(session, APPLICATION_CODE_SEQUENCE, "SP", now=now),
        enterprise_id=enterprise_id,
        matter_id=matter.id,
        matter_code=matter.code,
        project_id=data.project_id,
        status=ApplicationStatus.in_review,
        due_date=due_date,
        materials=sorted(declared | set(reused)),
        reused=sorted(reused),
        materials_count=len(declared),  # what was handed in, not what the vault gave again
        submitted_at=now,
        pauses=[],
        created_at=now,
        updated_at=now,
    )
    tasks = [
        Task(
            application_id=application.id,
            department=d["department"],
            task_name=d["task_name"],
            status=TaskStatus.pending,
            due_date=work_calendar.due_date(now, d["sla_working_days"]),
            created_at=now,
            updated_at=now,
        )
        for d in matter.departments
    ]
    commitments = [
        MaterialCommitment(
            application_id=application.id,
            enterprise_id=enterprise_id,
            material_code=c.material_code,
            due_date=c.due_date,
            state=CommitmentState.open,
            created_at=now,
            updated_at=now,
        )
        for c in data.commitments
    ]
    links = [
        ApplicationMaterial(
            application_id=application.id,
            material_code=code,
            document_id=document.id,
            source=MaterialSource.vault,
            created_at=now,
            updated_at=now,
        )
        for code, document in sorted(reused.items())
    ]
    await APPLICATIONS.insert(session, [application])
    await TASKS.insert(session, tasks)
    await COMMITMENTS.insert(session, commitments)
    await LINKS.insert(session, links)
    await emit(session, application, domain.submitted(matter.name, len(tasks)), now=now)
    return WithTasks(application, tasks, commitments)


async def _require_project_of(intake: IntakeClient, project_id: uuid.UUID, enterprise_id: uuid.UUID) -> None:
    """The project an application names is one of the applicant's (intake knows its projects): 422 otherwise."""
    project = await intake.project(project_id)
    if project.enterprise_id != enterprise_id:
        raise Invalid(
            Text("该招商项目不属于申请企业。", "The investment project is not the applying enterprise's."),
            field="project_id",
            kind=ProblemKind.unknown_reference,
        )


async def open_for_project(session: AsyncSession, *, project_id: uuid.UUID) -> list[tuple[Application, str]]:
    """The open applications naming an investment project, oldest first, with their matter's name (intake asks)."""
    query = (
        select(Application, Matter.name)
        .join(Matter, Matter.id == Application.matter_id)
        .where(Application.project_id == project_id, Application.status.in_(domain.OPEN_STATUSES))  # type: ignore[attr-defined]
        .order_by(Application.submitted_at, Application.id)
    )
    return [(application, name) for application, name in (await session.exec(query)).all()]


async def vault_documents(
    session: AsyncSession, enterprise_id: uuid.UUID, material_codes: list[str]
) -> list[ApprovalDocument]:
    """The enterprise's vault documents for these materials (the rules pick which one covers each)."""
    if not material_codes:
        return []
    return await DOCUMENTS.fetch(
        session, "WHERE enterprise_id = %s AND in_vault AND material_code = ANY(%s)", (enterprise_id, material_codes)
    )


async def emit(session: AsyncSession, application: Application, event: domain.Event, *, now: datetime) -> None:
    """Put the event on the enterprise's timeline in intake, through the outbox of this transaction."""
    action, summary = event
    message = timeline_message(
        ApprovalOutbox,
        sender="approval",
        enterprise_id=application.enterprise_id,
        kind=action if "." in action else f"application.{action}",  # `commitment.reminder` is a kind already
        ref_id=application.id,
        summary=f"{application.code} {summary}",
        at=now,
    )
    await OUTBOX.insert(session, [message])  # its relay is woken on commit (`db.on_commit`)


async def _with_tasks(
    session: AsyncSession, applications: list[Application], principal: Principal, liaison_of: set[uuid.UUID]
) -> list[WithTasks]:
    """Each application with the tasks the caller may see, and its commitments."""
    ids = [a.id for a in applications]
    tasks = (await session.exec(select(Task).where(Task.application_id.in_(ids)).order_by(Task.department))).all()
    commitments = await COMMITMENTS.fetch(session, COMMITMENTS_OF_MANY, (ids,))
    by_application: dict[uuid.UUID, list[Task]] = {i: [] for i in ids}
    for task in tasks:
        by_application[task.application_id].append(task)
    promised: dict[uuid.UUID, list[MaterialCommitment]] = {i: [] for i in ids}
    for commitment in commitments:
        promised[commitment.application_id].append(commitment)
    return [
        WithTasks(a, policy.visible_tasks(principal, a, by_application[a.id], liaison_of), promised[a.id])
        for a in applications
    ]


async def list_applications(
    session: AsyncSession,
    *,
    principal: Principal,
    intake: IntakeClient,
    page: PageParams,
    status: ApplicationStatus | None,
) -> tuple[list[WithTasks], str | None]:
    liaison_of = await intake.liaison_of(principal)
    query = select(Application).where(policy.applications_visible_to(principal, liaison_of))
    if status is not None:
        query = query.where(Application.status == status)
    rows, next_cursor = make_page(list((await session.exec(paginate(query, Application, page))).all()), page)
    return await _with_tasks(session, rows, principal, liaison_of), next_cursor


async def get_application(
    session: AsyncSession, *, application_id: uuid.UUID, principal: Principal, intake: IntakeClient
) -> WithTasks:
    liaison_of = await intake.liaison_of(principal)
    scope = policy.applications_visible_to(principal, liaison_of)
    found = (await session.exec(select(Application).where(Application.id == application_id, scope))).first()
    if found is None:
        raise NotFound(no_such("申请", "application"))
    return (await _with_tasks(session, [found], principal, liaison_of))[0]


async def list_tasks(
    session: AsyncSession, *, principal: Principal, page: PageParams, status: TaskStatus | None
) -> tuple[list[Task], str | None]:
    """The officer's inbox: its department's tasks only."""
    query = select(Task).where(Task.department == principal.department)
    if status is not None:
        query = query.where(Task.status == status)
    rows = (await session.exec(paginate(query, Task, page))).all()
    return make_page(list(rows), page)


APPLICATIONS = PlainTable(Application)
TASKS = PlainTable(Task)
OUTBOX = PlainTable(ApprovalOutbox)
COMMITMENTS = PlainTable(MaterialCommitment)
DOCUMENTS = PlainTable(ApprovalDocument)
LINKS = PlainTable(ApplicationMaterial)
COMMITMENTS_OF = "WHERE application_id = %s ORDER BY material_code"
COMMITMENTS_OF_MANY = "WHERE application_id = ANY(%s) ORDER BY material_code"
# The application's tasks, read in a statement of their own after the lock, so they are the latest.
TASKS_OF = "WHERE application_id = %s ORDER BY department"
OF_OWN_TASK = f"WHERE id = (SELECT application_id FROM {TASKS.name} WHERE id = %s AND department = %s) FOR UPDATE"


async def locked(session: AsyncSession, application_id: uuid.UUID) -> WithTasks:
    """Lock the application row, then read its tasks; write the changes back with `save`."""
    found = await _lock(session, "WHERE id = %s FOR UPDATE", (application_id,))
    if found is None:
        raise NotFound(no_such("申请", "application"))
    return found


async def _lock(session: AsyncSession, where: str, params: tuple) -> WithTasks | None:
    """`locked` by any condition on the application; None when no application is found."""
    found = await APPLICATIONS.fetch(session, where, params)
    if not found:
        return None
    application = found[0]
    tasks = await TASKS.fetch(session, TASKS_OF, (application.id,))
    return WithTasks(application, tasks, await COMMITMENTS.fetch(session, COMMITMENTS_OF, (application.id,)))


async def save(session: AsyncSession, loaded: WithTasks) -> None:
    """Write back what the rules changed in a locked application, its tasks and commitments (plain SQL, audited)."""
    await APPLICATIONS.save(session, [loaded.application])
    await TASKS.save(session, loaded.tasks)
    await COMMITMENTS.save(session, loaded.commitments)


async def close(
    session: AsyncSession,
    loaded: WithTasks,
    status: ApplicationStatus,
    *,
    now: datetime,
    work_calendar: WorkCalendar | None = None,
) -> None:
    """Close the application and announce it; the calendar is read now unless given (a sweep reads it once).
    Closed without approval, what it still promised is revoked; approved, its commitments still stand."""
    work_calendar = work_calendar or (await reference.current(session)).calendar
    event = domain.close(loaded.application, loaded.tasks, status, calendar=work_calendar, now=now)
    if status is not ApplicationStatus.approved:
        domain.revoke_open(loaded.commitments, now=now)
    await emit(session, loaded.application, event, now=now)


async def decide(
    session: AsyncSession,
    *,
    task_id: uuid.UUID,
    data: DecisionCreate,
    principal: Principal,
    intake: IntakeClient,
    now: datetime,
) -> WithTasks:
    """An officer's decision on its department's task; the application's outcome follows from all of them."""
    # The lock through the officer's own department's task: one statement, and no lock for a refusal.
    found = await _lock(session, OF_OWN_TASK, (task_id, principal.department))
    if found is None:
        await _refuse_decision(session, task_id=task_id, principal=principal, intake=intake)
    application, tasks, commitments = found
    task = next(t for t in tasks if t.id == task_id)
    closing = domain.decide(
        application, tasks, task, decision=data.decision, comment=data.comment, officer=principal.username, now=now
    )
    if closing is not None:
        await close(session, found, closing, now=now)
    await save(session, found)
    return WithTasks(application, [t for t in tasks if t.department == principal.department], commitments)


async def _refuse_decision(
    session: AsyncSession, *, task_id: uuid.UUID, principal: Principal, intake: IntakeClient
) -> NoReturn:
    """Another department's task: 403 for the enterprise's liaison officer, who may see it, else 404."""
    owner = (
        await session.exec(
            select(Task.department, Application.enterprise_id)
            .join(Application, Application.id == Task.application_id)
            .where(Task.id == task_id)
        )
    ).first()
    if owner is not None:
        is_liaison = owner.enterprise_id in await intake.liaison_of(principal)
        policy.require_department(principal, owner.department, is_liaison=is_liaison)
    raise NotFound(no_such("审批任务", "task"))


async def supplement(
    session: AsyncSession, *, application_id: uuid.UUID, data: SupplementCreate, principal: Principal, now: datetime
) -> WithTasks:
    """The enterprise hands in materials: commitments fulfilled, returned tasks back in review."""
    loaded = await locked(session, application_id)
    policy.require_own(principal, loaded.application)
    matter = (await reference.current(session)).matters[loaded.application.matter_code]
    known = {material.code for material in matter.materials}
    domain.supplement(*loaded, provided=set(data.materials), known=known, now=now)
    await save(session, loaded)
    return loaded


async def withdraw(
    session: AsyncSession, *, application_id: uuid.UUID, principal: Principal, now: datetime
) -> WithTasks:
    loaded = await locked(session, application_id)
    policy.require_own(principal, loaded.application)
    domain.require_open(loaded.application)
    await close(session, loaded, ApplicationStatus.withdrawn, now=now)
    await save(session, loaded)
    return loaded

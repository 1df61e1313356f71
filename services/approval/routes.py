"""HTTP endpoints of the approval service: parse, call `service`, return."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request

from services.approval import service
from services.approval.config import MAX_YEAR, MIN_YEAR, PREFIX
from services.approval.models import Application, Task
from services.approval.schemas import (
    ApplicationCreate,
    ApplicationPage,
    ApplicationRead,
    ApplicationStatus,
    ApprovalStats,
    CalendarRead,
    CalendarYearRead,
    CalendarYearWrite,
    DecisionCreate,
    MatterCreate,
    MatterPage,
    MatterRead,
    SupplementCreate,
    SweepResult,
    TaskPage,
    TaskStatus,
)
from services.common.auth import AdminDep, Principal, PrincipalDep, Role, ServiceDep, require_roles
from services.common.calendar import SNAPSHOT_PATH
from services.common.db import SessionDep
from services.common.models import utcnow
from services.common.pagination import PageDep, page_body
from services.common.problems import problem_responses

router = APIRouter(prefix=PREFIX, tags=["approval"], responses=problem_responses(401, 403))
internal = APIRouter(include_in_schema=False)  # service-to-service: the gateway routes no /internal path

YearPath = Annotated[int, Path(ge=MIN_YEAR, le=MAX_YEAR, description=f"{MIN_YEAR}–{MAX_YEAR}")]


@router.get(
    "/calendar/{year}",
    response_model=CalendarYearRead,
    responses=problem_responses(422),
    summary="A year's holidays and make-up workdays (provisional when not yet official)",
)
async def get_calendar_year(year: YearPath, session: SessionDep, _: PrincipalDep):
    return CalendarYearRead.of(await service.get_year(session, year=year))


@router.put(
    "/calendar/{year}",
    response_model=CalendarYearRead,
    responses=problem_responses(422),
    summary="Replace a year's schedule, e.g. when its official notice comes out (admin)",
)
async def put_calendar_year(year: YearPath, body: CalendarYearWrite, session: SessionDep, _: AdminDep):
    return CalendarYearRead.of(await service.replace_year(session, year=year, data=body))


@internal.get(SNAPSHOT_PATH, response_model=CalendarRead)
async def get_calendar(session: SessionDep, _: ServiceDep):
    """Every stored year, for the other services' `CalendarSource`."""
    return CalendarRead(years=[CalendarYearRead.of(year) for year in await service.all_years(session)])


# --- matters, applications, tasks ---------------------------------------------------------------

PeopleDep = Annotated[Principal, Depends(require_roles(Role.admin, Role.officer, Role.enterprise))]
ApplicantDep = Annotated[Principal, Depends(require_roles(Role.admin, Role.enterprise))]
OfficerDep = Annotated[Principal, Depends(require_roles(Role.officer))]
EnterpriseDep = Annotated[Principal, Depends(require_roles(Role.enterprise))]
ACTION = problem_responses(404, 409, 422)


def _application_body(application: Application, tasks: list[Task]) -> ApplicationRead:
    return ApplicationRead.model_validate({**application.model_dump(), "tasks": [t.model_dump() for t in tasks]})


@router.post(
    "/matters",
    status_code=201,
    response_model=MatterRead,
    responses=problem_responses(409, 422),
    summary="Define a service matter, 事项 (admin)",
)
async def create_matter(body: MatterCreate, session: SessionDep, _: AdminDep):
    return await service.create_matter(session, data=body)


@router.get("/matters", response_model=MatterPage, summary="Service matters (any caller)")
async def list_matters(session: SessionDep, page: PageDep, _: PrincipalDep):
    return page_body(await service.list_matters(session, page=page))


@router.post(
    "/applications",
    status_code=201,
    response_model=ApplicationRead,
    responses=problem_responses(422, 503),
    summary="Apply for a matter: every department's task opens at once (the enterprise; admin on its behalf)",
)
async def submit_application(body: ApplicationCreate, session: SessionDep, request: Request, principal: ApplicantDep):
    application, tasks = await service.submit_application(
        session, data=body, principal=principal, services=request.app.state.services
    )
    request.app.state.outbox.wake()
    return _application_body(application, tasks)


@router.get("/applications", response_model=ApplicationPage, summary="Applications the caller may see")
async def list_applications(
    session: SessionDep,
    page: PageDep,
    request: Request,
    principal: PeopleDep,
    status: ApplicationStatus | None = None,
):
    rows, next_cursor = await service.list_applications(
        session, principal=principal, services=request.app.state.services, page=page, status=status
    )
    return {"items": [_application_body(a, t) for a, t in rows], "next_cursor": next_cursor}


@router.get(
    "/applications/{application_id}",
    response_model=ApplicationRead,
    responses=problem_responses(404),
    summary="One application with the tasks the caller may see",
)
async def get_application(application_id: uuid.UUID, session: SessionDep, request: Request, principal: PeopleDep):
    application, tasks = await service.get_application(
        session, application_id=application_id, principal=principal, services=request.app.state.services
    )
    return _application_body(application, tasks)


@router.get("/tasks", response_model=TaskPage, summary="The officer's inbox: its department's tasks")
async def list_tasks(session: SessionDep, page: PageDep, principal: OfficerDep, status: TaskStatus | None = None):
    return page_body(await service.list_tasks(session, principal=principal, page=page, status=status))


@router.post(
    "/tasks/{task_id}/decision",
    response_model=ApplicationRead,
    responses=ACTION,
    summary="Approve, reject (veto) or return for 补正 (an officer of the task's department)",
)
async def decide(
    task_id: uuid.UUID, body: DecisionCreate, session: SessionDep, request: Request, principal: OfficerDep
):
    application, tasks = await service.decide(
        session, task_id=task_id, data=body, principal=principal, services=request.app.state.services
    )
    request.app.state.outbox.wake()
    return _application_body(application, [t for t in tasks if t.department == principal.department])


@router.post(
    "/applications/{application_id}/supplements",
    response_model=ApplicationRead,
    responses=ACTION,
    summary="Hand in materials: fulfils commitments and returned tasks (the enterprise)",
)
async def supplement(application_id: uuid.UUID, body: SupplementCreate, session: SessionDep, principal: EnterpriseDep):
    application, tasks = await service.supplement(
        session, application_id=application_id, data=body, principal=principal
    )
    return _application_body(application, tasks)


@router.post(
    "/applications/{application_id}/withdraw",
    response_model=ApplicationRead,
    responses=ACTION,
    summary="Withdraw the application (the enterprise)",
)
async def withdraw(application_id: uuid.UUID, session: SessionDep, request: Request, principal: EnterpriseDep):
    application, tasks = await service.withdraw(session, application_id=application_id, principal=principal)
    request.app.state.outbox.wake()
    return _application_body(application, tasks)


@router.post("/sweep", response_model=SweepResult, summary="Run the SLA sweep now (admin; it also runs every minute)")
async def run_sweep(session: SessionDep, request: Request, _: AdminDep):
    result = await service.sweep(session, now=utcnow())
    request.app.state.outbox.wake()
    return result


@router.get("/stats", response_model=ApprovalStats, summary="County figures of parallel approval (admin)")
async def get_stats(session: SessionDep, _: AdminDep):
    return await service.stats(session)

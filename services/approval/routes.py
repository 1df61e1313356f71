"""HTTP endpoints of the approval service: parse, call `service`, return."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Response

from services.approval import contract
from services.approval.clients import IntakeDep
from services.approval.config import MAX_YEAR, MIN_YEAR, PREFIX
from services.approval.domain import ApplicationStatus, TaskStatus
from services.approval.models import Application, ApprovalAudit, ApprovalOutbox, Task
from services.approval.policy import (
    AdminDep,
    ApplicantDep,
    EnterpriseDep,
    InternalDep,
    OfficerDep,
    PeopleDep,
    PrincipalDep,
)
from services.approval.schemas import (
    ApplicationCreate,
    ApplicationPage,
    ApplicationRead,
    ApprovalStats,
    CalendarYearRead,
    CalendarYearWrite,
    Code,
    DecisionCreate,
    MatterCreate,
    MatterPage,
    MatterRead,
    SupplementCreate,
    SweepResult,
    TaskPage,
)
from services.approval.service import applications, calendar, matters, stats, sweep
from services.common.audit import audit_routes
from services.common.clock import NowDep
from services.common.db import ReadSessionDep, SessionDep
from services.common.openapi import created
from services.common.outbox import dead_letter_routes
from services.common.pagination import PageDep, page_body
from services.common.problems import problem_responses

router = APIRouter(prefix=PREFIX, tags=["approval"], responses=problem_responses(401, 403))
internal = APIRouter(include_in_schema=False)  # internal calls only: the gateway routes no /internal path
operations = dead_letter_routes(PREFIX, ApprovalOutbox)
audit = audit_routes(PREFIX, ApprovalAudit)

YearPath = Annotated[int, Path(ge=MIN_YEAR, le=MAX_YEAR, description=f"{MIN_YEAR}–{MAX_YEAR}")]
ACTION = problem_responses(404, 409, 422)


def _application_body(application: Application, tasks: list[Task]) -> ApplicationRead:
    return ApplicationRead.model_validate({**application.model_dump(), "tasks": [t.model_dump() for t in tasks]})


# --- calendar -----------------------------------------------------------------------------------


@router.get(
    "/calendar/{year}",
    operation_id="getCalendarYear",
    response_model=CalendarYearRead,
    responses=problem_responses(422),
    summary="A year's holidays and make-up workdays (provisional when not yet official)",
)
async def get_calendar_year(year: YearPath, session: SessionDep, _: PrincipalDep):
    """某年的法定节假日与调休上班日；官方通知未发布前为暂定（`provisional`）。"""
    return CalendarYearRead.of(await calendar.get_year(session, year=year))


@router.put(
    "/calendar/{year}",
    operation_id="replaceCalendarYear",
    response_model=CalendarYearRead,
    responses=problem_responses(422),
    summary="Replace a year's schedule, e.g. when its official notice comes out (admin)",
)
async def put_calendar_year(year: YearPath, body: CalendarYearWrite, session: SessionDep, now: NowDep, _: AdminDep):
    """整体替换某年的日程，例如官方通知发布后（管理员）。已用于计算时限的年份的修改规则见 API 参考。"""
    return CalendarYearRead.of(await calendar.replace_year(session, year=year, data=body, now=now))


@internal.get(contract.CALENDAR_PATH, response_model=contract.CalendarFeed)
async def calendar_feed(session: SessionDep, _: InternalDep):
    """Every stored year, for the other services' calendar caches."""
    return contract.CalendarFeed(years=[CalendarYearRead.of(year) for year in await calendar.all_years(session)])


# --- matters ------------------------------------------------------------------------------------


@router.post(
    "/matters",
    operation_id="createMatter",
    status_code=201,
    response_model=MatterRead,
    responses=problem_responses(409, 422),
    summary="Define a service matter, 事项 (admin)",
)
async def create_matter(body: MatterCreate, session: SessionDep, now: NowDep, response: Response, _: AdminDep):
    """定义一个审批事项：参与部门及其时限、所需材料（可容缺的材料标注 `waivable`）（管理员）。编码重复时 409。"""
    matter = await matters.create_matter(session, data=body, now=now)
    response.headers["Location"] = f"{PREFIX}/matters/{matter.code}"  # matters are found by code, not id
    return matter


@router.get("/matters", operation_id="listMatters", response_model=MatterPage, summary="Service matters (any caller)")
async def list_matters(session: SessionDep, page: PageDep, _: PrincipalDep):
    """全部审批事项（任何已登录的调用方）。"""
    return page_body(await matters.list_matters(session, page=page))


@router.get(
    "/matters/{code}",
    operation_id="getMatter",
    response_model=MatterRead,
    responses=problem_responses(404, 422),
    summary="One service matter by its code (any caller)",
)
async def get_matter(
    code: Annotated[Code, Path(description="The matter's code")], session: SessionDep, _: PrincipalDep
):
    """按编码查看一个审批事项：参与部门及其时限、所需材料（任何已登录的调用方）。"""
    return await matters.get_matter(session, code=code)


# --- applications and tasks ---------------------------------------------------------------------


@router.post(
    "/applications",
    operation_id="submitApplication",
    status_code=201,
    response_model=ApplicationRead,
    responses=problem_responses(422, 503),
    summary="Apply for a matter: every department's task opens at once (the enterprise; admin on its behalf)",
)
async def submit_application(
    body: ApplicationCreate,
    session: SessionDep,
    intake: IntakeDep,
    now: NowDep,
    response: Response,
    principal: ApplicantDep,
):
    """申请一个事项：各部门任务同时开启（并联审批）。缺少的可容缺材料须签署承诺（容缺受理），否则 422。"""
    submitted = _application_body(
        *await applications.submit(session, data=body, principal=principal, intake=intake, now=now)
    )
    return created(response, f"{PREFIX}/applications", submitted)


@router.get(
    "/applications",
    operation_id="listApplications",
    response_model=ApplicationPage,
    summary="Applications the caller may see",
)
async def list_applications(
    session: SessionDep, page: PageDep, intake: IntakeDep, principal: PeopleDep, status: ApplicationStatus | None = None
):
    """调用方可见的申请：企业看自己的，部门看有其任务的，管理员看全部；可按状态筛选。"""
    rows, next_cursor = await applications.list_applications(
        session, principal=principal, intake=intake, page=page, status=status
    )
    return {"items": [_application_body(a, t) for a, t in rows], "next_cursor": next_cursor}


@router.get(
    "/applications/{application_id}",
    operation_id="getApplication",
    response_model=ApplicationRead,
    responses=problem_responses(404),
    summary="One application with the tasks the caller may see",
)
async def get_application(application_id: uuid.UUID, session: SessionDep, intake: IntakeDep, principal: PeopleDep):
    """一份申请及调用方可见的任务。"""
    return _application_body(
        *await applications.get_application(session, application_id=application_id, principal=principal, intake=intake)
    )


@router.get(
    "/tasks", operation_id="listTasks", response_model=TaskPage, summary="The officer's inbox: its department's tasks"
)
async def list_tasks(session: SessionDep, page: PageDep, principal: OfficerDep, status: TaskStatus | None = None):
    """部门工作人员的待办：本部门的审批任务，可按状态筛选。"""
    return page_body(await applications.list_tasks(session, principal=principal, page=page, status=status))


@router.post(
    "/tasks/{task_id}/decision",
    operation_id="decideTask",
    response_model=ApplicationRead,
    responses=ACTION,
    summary="Approve, reject (veto) or return for 补正 (an officer of the task's department)",
)
async def decide(
    task_id: uuid.UUID, body: DecisionCreate, session: SessionDep, intake: IntakeDep, now: NowDep, principal: OfficerDep
):
    """对本部门任务作出决定：同意、否决（一票否决整个申请）或退回补正。任务已决定时 409。"""
    return _application_body(
        *await applications.decide(session, task_id=task_id, data=body, principal=principal, intake=intake, now=now)
    )


@router.post(
    "/applications/{application_id}/supplements",
    operation_id="supplementApplication",
    response_model=ApplicationRead,
    responses=ACTION,
    summary="Hand in materials: fulfils commitments and returned tasks (the enterprise)",
)
async def supplement(
    application_id: uuid.UUID, body: SupplementCreate, session: SessionDep, now: NowDep, principal: EnterpriseDep
):
    """企业补交材料：兑现容缺承诺，并重新开启被退回的任务。"""
    return _application_body(
        *await applications.supplement(session, application_id=application_id, data=body, principal=principal, now=now)
    )


@router.post(
    "/applications/{application_id}/withdraw",
    operation_id="withdrawApplication",
    response_model=ApplicationRead,
    responses=ACTION,
    summary="Withdraw the application (the enterprise)",
)
async def withdraw(application_id: uuid.UUID, session: SessionDep, now: NowDep, principal: EnterpriseDep):
    """企业撤回申请，未完成的任务随之取消。"""
    return _application_body(
        *await applications.withdraw(session, application_id=application_id, principal=principal, now=now)
    )


@router.post(
    "/sweep",
    operation_id="runSweep",
    response_model=SweepResult,
    summary="Run the SLA sweep now (admin; it also runs every minute)",
)
async def run_sweep(session: SessionDep, now: NowDep, _: AdminDep):
    """立即执行时限巡检（管理员；系统每分钟也会自动执行）：超时默认通过或终止。"""
    return await sweep.sweep(session, now=now)


@router.get(
    "/stats",
    operation_id="getApprovalStats",
    response_model=ApprovalStats,
    summary="County figures of parallel approval (admin)",
    response_model_exclude_unset=True,  # a department's statuses without tasks stay out of its figures
)
async def get_stats(session: ReadSessionDep, _: AdminDep):
    """全县并联审批数据（管理员）：申请数、通过率、平均工作日、按时率，按事项和部门分列。"""
    return await stats.stats(session)

"""HTTP endpoints of the approval service: parse, call `service`, return."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from services.approval import contract
from services.approval.clients import IntakeDep
from services.approval.config import MAX_YEAR, MIN_YEAR, PREFIX
from services.approval.domain import ApplicationStatus, CommitmentState, TaskStatus
from services.approval.models import (
    Application,
    ApprovalAudit,
    ApprovalDocument,
    ApprovalOutbox,
    MaterialCommitment,
    Task,
)
from services.approval.policy import (
    AdminDep,
    ApplicantDep,
    EnterpriseDep,
    InternalDep,
    OfficerDep,
    PeopleDep,
    PrincipalDep,
    ReaderDep,
    StatsReaderDep,
)
from services.approval.schemas import (
    VAULT_FIELDS,
    ApplicationCreate,
    ApplicationMaterialRead,
    ApplicationMaterials,
    ApplicationPage,
    ApplicationRead,
    ApprovalForecast,
    ApprovalStats,
    ApprovalWeekly,
    CalendarYearRead,
    CalendarYearWrite,
    Code,
    CommitmentPage,
    CriticalPathRead,
    CriticalPathStats,
    DecisionCreate,
    MatterCreate,
    MatterPage,
    MatterRead,
    PrecheckCreate,
    PrecheckRead,
    SupplementCreate,
    SweepResult,
    TaskPage,
    VaultDocumentRead,
    VaultPage,
)
from services.approval.service import (
    analytics,
    applications,
    calendar,
    commitments,
    materials,
    matters,
    stats,
    sweep,
)
from services.common import exports
from services.common.audit import audit_routes
from services.common.clock import NowDep
from services.common.db import ReadSessionDep, SessionDep
from services.common.departments import Department
from services.common.documents import (
    DocumentsDep,
    file_responses,
    multipart_body,
    orphan_sweep_routes,
    receive_upload,
    serve,
)
from services.common.openapi import created
from services.common.outbox import dead_letter_routes
from services.common.pagination import PageDep, page_body
from services.common.problems import problem_responses
from services.common.schemas import IsoDate
from services.common.weeks import WEEKS_MAX

router = APIRouter(prefix=PREFIX, tags=["approval"], responses=problem_responses(401, 403))
internal = APIRouter(include_in_schema=False)  # internal calls only: the gateway routes no /internal path
operations = dead_letter_routes(PREFIX, ApprovalOutbox)
audit = audit_routes(PREFIX, ApprovalAudit)
documents_sweep = orphan_sweep_routes(PREFIX, ApprovalDocument.__table__)  # type: ignore[attr-defined]

YearPath = Annotated[int, Path(ge=MIN_YEAR, le=MAX_YEAR, description=f"{MIN_YEAR}–{MAX_YEAR}")]
ACTION = problem_responses(404, 409, 422)


def _application_body(
    application: Application, tasks: list[Task], commitments: list[MaterialCommitment]
) -> ApplicationRead:
    return ApplicationRead.model_validate(
        {
            **application.model_dump(),
            "reused_materials": application.reused,
            "tasks": [t.model_dump() for t in tasks],
            "commitments": [c.model_dump() for c in commitments],
        }
    )


def _material_url(application_id: uuid.UUID, material_code: str) -> str:
    return f"{PREFIX}/applications/{application_id}/materials/{material_code}"


def _material_body(application_id: uuid.UUID, view: materials.MaterialView) -> ApplicationMaterialRead:
    return ApplicationMaterialRead.model_validate(
        {
            "material_code": view.material.code,
            "name": view.material.name,
            "waivable": view.material.waivable,
            "state": view.state,
            "source": view.source,
            "document": view.document,
            "download_url": _material_url(application_id, view.material.code) if view.document else None,
            "commitment": view.commitment,
        }
    )


def _vault_body(document: ApprovalDocument) -> VaultDocumentRead:
    return VaultDocumentRead.model_validate(
        {**document.model_dump(), "download_url": f"{PREFIX}/vault/{document.id}/file"}
    )


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


@internal.get(contract.PROJECT_APPLICATIONS_PATH, response_model=contract.ProjectApplications)
async def project_applications(project_id: uuid.UUID, session: SessionDep, _: InternalDep):
    """The open applications naming an investment project, for the project's page in intake."""
    found = await applications.open_for_project(session, project_id=project_id)
    items = [contract.ProjectApplication(**application.model_dump(), matter_name=name) for application, name in found]
    return contract.ProjectApplications(items=items)


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
@exports.exportable(MatterPage, "审批事项")
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


@router.get(
    "/matters/{code}/forecast",
    operation_id="getMatterForecast",
    response_model=ApprovalForecast,
    responses=problem_responses(404, 422),
    summary="When an application submitted now should finish: p50 and p90 of the last 90 days (any caller)",
)
async def get_matter_forecast(
    code: Annotated[Code, Path(description="The matter's code")], session: ReadSessionDep, now: NowDep, _: PrincipalDep
):
    """现在提交该事项的申请，预计何时办结：近 90 天已办结（通过）申请所用工作日的 p50、p90（最近秩），及按工作日
    历推算的办结日期；附法定办结期限。没有可依据的申请时 `based_on` 为 0，其余预测为 null。"""
    return await analytics.matter_forecast(session, code=code, now=now)


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
    """申请一个事项：各部门任务同时开启（并联审批）。缺少的可容缺材料须签署承诺（容缺受理），否则 422。
    答复在法定办结期限（`due_date`）旁附预计办结（`forecast`：近 90 天同事项办结申请的 p50、p90 工作日）；
    其他读取中 `forecast` 为 null。"""
    submitted = _application_body(
        *await applications.submit(session, data=body, principal=principal, intake=intake, now=now)
    )
    predicted = await analytics.submission_forecast(session, matter_code=submitted.matter_code, now=now)
    submitted.forecast = ApprovalForecast.model_validate(predicted)
    return created(response, f"{PREFIX}/applications", submitted)


@router.get(
    "/applications",
    operation_id="listApplications",
    response_model=ApplicationPage,
    summary="Applications the caller may see",
)
@exports.exportable(ApplicationPage, "审批申请")
async def list_applications(
    session: SessionDep, page: PageDep, intake: IntakeDep, principal: ReaderDep, status: ApplicationStatus | None = None
):
    """调用方可见的申请：企业看自己的，部门看有其任务的，管理员看全部；可按状态筛选。"""
    rows, next_cursor = await applications.list_applications(
        session, principal=principal, intake=intake, page=page, status=status
    )
    return {"items": [_application_body(*row) for row in rows], "next_cursor": next_cursor}


@router.get(
    "/applications/{application_id}",
    operation_id="getApplication",
    response_model=ApplicationRead,
    responses=problem_responses(404),
    summary="One application with the tasks the caller may see",
)
async def get_application(application_id: uuid.UUID, session: SessionDep, intake: IntakeDep, principal: ReaderDep):
    """一份申请及调用方可见的任务。"""
    return _application_body(
        *await applications.get_application(session, application_id=application_id, principal=principal, intake=intake)
    )


@router.get(
    "/applications/{application_id}/critical-path",
    operation_id="getApplicationCriticalPath",
    response_model=CriticalPathRead,
    responses=problem_responses(404),
    summary="Which department's task set the application's finish, and what each added beyond the fastest",
)
async def get_application_critical_path(
    application_id: uuid.UUID, session: SessionDep, intake: IntakeDep, principal: ReaderDep
):
    """关键路径：哪个部门的审批决定了申请的办结时间，各部门比最快的部门多用了几个工作日（补正暂停不计）。
    可见范围与申请相同；非联络员的部门工作人员只看到本部门一行。"""
    application, path = await analytics.critical_path(
        session, application_id=application_id, principal=principal, intake=intake
    )
    return CriticalPathRead.model_validate(
        {
            **application.model_dump(),
            "application_id": application.id,
            "department": path.department,
            "fastest_working_days": path.fastest_working_days,
            "departments": [{**vars(row), "task_status": row.status} for row in path.departments],
        }
    )


@router.get(
    "/tasks", operation_id="listTasks", response_model=TaskPage, summary="The officer's inbox: its department's tasks"
)
@exports.exportable(TaskPage, "审批任务")
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


# --- materials as documents, the vault, the commitment ledger ------------------------------------

MaterialPath = Annotated[Code, Path(description="A material code of the application's matter")]
UPLOAD_PROBLEMS = problem_responses(404, 409, 413, 415, 422, 503)


@router.post(
    "/applications/{application_id}/materials/{material_code}",
    operation_id="uploadMaterial",
    status_code=201,
    response_model=ApplicationMaterialRead,
    responses={200: {"description": "The same file was attached already: nothing changed"}, **UPLOAD_PROBLEMS},
    openapi_extra=multipart_body(),
    summary="Upload the file of a material (the enterprise; admin on its behalf)",
)
async def upload_material(
    application_id: uuid.UUID,
    material_code: MaterialPath,
    request: Request,
    session: SessionDep,
    documents: DocumentsDep,
    now: NowDep,
    response: Response,
    principal: ApplicantDep,
):
    """上传某项材料的文件（multipart，字段 `file`；PDF、JPEG、PNG 或 OFD，按内容判断）。该材料即视为已提交，
    兑现对应的容缺承诺，替换此前的文件或材料库复用。同一文件再次上传时 200，不重复保存。"""
    view, created = await materials.attach(
        session,
        application_id=application_id,
        material_code=material_code,
        principal=principal,
        documents=documents,
        receive=lambda: receive_upload(request, documents, now=now),
        now=now,
    )
    if created:
        response.headers["Location"] = _material_url(application_id, material_code)
    else:
        response.status_code = 200
    return _material_body(application_id, view)


@router.get(
    "/applications/{application_id}/materials",
    operation_id="listApplicationMaterials",
    response_model=ApplicationMaterials,
    responses=problem_responses(404),
    summary="The matter's materials and how this application provides each",
)
async def list_application_materials(
    application_id: uuid.UUID, session: SessionDep, intake: IntakeDep, principal: PeopleDep
):
    """该申请事项的全部材料及提供方式：已上传、材料库复用、待上传、容缺承诺或缺少；附文件信息与下载地址。
    可见范围与申请相同：部门工作人员仅限有本部门任务的申请。"""
    views = await materials.list_materials(session, application_id=application_id, principal=principal, intake=intake)
    return {"application_id": application_id, "items": [_material_body(application_id, v) for v in views]}


@router.get(
    "/applications/{application_id}/materials/{material_code}",
    operation_id="downloadMaterial",
    response_class=Response,
    responses={**file_responses(), **problem_responses(404)},
    summary="Download a material's file (whoever sees the application)",
)
async def download_material(
    application_id: uuid.UUID,
    material_code: MaterialPath,
    request: Request,
    session: SessionDep,
    intake: IntakeDep,
    documents: DocumentsDep,
    principal: PeopleDep,
):
    """下载某项材料的文件；支持 Range 与 If-None-Match（ETag 为 SHA-256）。部门工作人员仅可下载有本部门任务的
    申请的材料，其他人 404。"""
    document = await materials.material_document(
        session, application_id=application_id, material_code=material_code, principal=principal, intake=intake
    )
    return await serve(request, documents, document)


@router.post(
    "/vault",
    operation_id="addVaultDocument",
    status_code=201,
    response_model=VaultDocumentRead,
    responses={200: {"description": "The same file is in the vault already"}, **problem_responses(413, 415, 422, 503)},
    openapi_extra=multipart_body(["material_code"], **VAULT_FIELDS),
    summary="Keep a document in the enterprise's materials vault for reuse (the enterprise; admin on its behalf)",
)
async def add_vault_document(
    request: Request,
    session: SessionDep,
    intake: IntakeDep,
    documents: DocumentsDep,
    now: NowDep,
    response: Response,
    principal: ApplicantDep,
):
    """把一份证照或材料存入企业材料库（multipart：`file`、`material_code`，可选 `issuer`、`valid_until`）。
    之后的申请以 `use_vault: true` 复用有效期覆盖办结期限的文件，无需再次上传。"""
    document, created = await materials.add_to_vault(
        session,
        principal=principal,
        intake=intake,
        documents=documents,
        receive=lambda: receive_upload(request, documents, now=now),
        now=now,
    )
    body = _vault_body(document)
    if created:
        response.headers["Location"] = f"{PREFIX}/vault/{document.id}"
    else:
        response.status_code = 200
    return body


@router.get("/vault", operation_id="listVaultDocuments", response_model=VaultPage, summary="The materials vault")
@exports.exportable(VaultPage, "企业材料库")
async def list_vault_documents(
    session: SessionDep,
    page: PageDep,
    principal: ApplicantDep,
    material_code: Code | None = None,
    enterprise_id: uuid.UUID | None = None,
):
    """企业材料库中的文件：企业看自己的，管理员可按企业筛选；可按材料编码筛选。"""
    rows, next_cursor = await materials.list_vault(
        session, principal=principal, page=page, material_code=material_code, enterprise_id=enterprise_id
    )
    return {"items": [_vault_body(d) for d in rows], "next_cursor": next_cursor}


@router.get(
    "/vault/{document_id}",
    operation_id="getVaultDocument",
    response_model=VaultDocumentRead,
    responses=problem_responses(404),
    summary="One document of the vault",
)
async def get_vault_document(document_id: uuid.UUID, session: SessionDep, principal: ApplicantDep):
    """材料库中的一份文件的信息。"""
    return _vault_body(await materials.vault_document(session, document_id=document_id, principal=principal))


@router.get(
    "/vault/{document_id}/file",
    operation_id="downloadVaultDocument",
    response_class=Response,
    responses={**file_responses(), **problem_responses(404)},
    summary="Download a document of the vault",
)
async def download_vault_document(
    document_id: uuid.UUID, request: Request, session: SessionDep, documents: DocumentsDep, principal: ApplicantDep
):
    """下载材料库中的一份文件；支持 Range 与 If-None-Match。"""
    return await serve(
        request, documents, await materials.vault_document(session, document_id=document_id, principal=principal)
    )


@router.delete(
    "/vault/{document_id}",
    operation_id="removeVaultDocument",
    status_code=204,
    response_class=Response,
    responses=problem_responses(404),
    summary="Stop offering a document for reuse (applications that reused it keep it)",
)
async def remove_vault_document(document_id: uuid.UUID, session: SessionDep, now: NowDep, principal: ApplicantDep):
    """把文件移出材料库：之后的申请不再复用；已复用它的申请保留。"""
    await materials.remove_from_vault(session, document_id=document_id, principal=principal, now=now)
    return Response(status_code=204)


@router.post(
    "/precheck",
    operation_id="precheckMatter",
    response_model=PrecheckRead,
    responses=problem_responses(422, 503),
    summary="What the vault covers of a matter's materials, and what is still to hand in (the enterprise)",
)
async def precheck_matter(
    body: PrecheckCreate, session: SessionDep, intake: IntakeDep, now: NowDep, principal: ApplicantDep
):
    """申请前预检：材料库已覆盖哪些材料，还缺哪些（其中哪些可容缺受理），哪些将在办结期限前过期。"""
    return await materials.precheck(session, data=body, principal=principal, intake=intake, now=now)


@router.get(
    "/commitments",
    operation_id="listCommitments",
    response_model=CommitmentPage,
    summary="The 容缺 commitment ledger, as the caller may see it",
)
@exports.exportable(CommitmentPage, "容缺承诺台账")
async def list_commitments(
    session: SessionDep,
    page: PageDep,
    intake: IntakeDep,
    principal: ReaderDep,
    state: CommitmentState | None = None,
    department: Department | None = None,
    enterprise_id: uuid.UUID | None = None,
):
    """容缺承诺台账：每项承诺的材料、补交期限（工作日）与状态（待补交、已兑现、已逾期、已撤销）。企业看自己的，
    部门看本部门参与审批的申请的，管理员看全部；可按状态、部门、企业筛选。"""
    return page_body(
        await commitments.list_commitments(
            session,
            principal=principal,
            intake=intake,
            page=page,
            state=state,
            department=department,
            enterprise_id=enterprise_id,
        )
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
    summary="County figures of parallel approval (admin, leaders)",
    response_model_exclude_unset=True,  # a department's statuses without tasks stay out of its figures
)
@exports.exportable(ApprovalStats, "并联审批统计", exclude_unset=True)
async def get_stats(session: ReadSessionDep, _: StatsReaderDep):
    """全县并联审批数据（管理员、县领导）：申请数、通过率、平均工作日、按时率，按事项和部门分列。"""
    return await stats.stats(session)


@router.get(
    "/stats/critical-path",
    operation_id="getCriticalPathStats",
    response_model=CriticalPathStats,
    responses=problem_responses(422),
    summary="Per department over approved applications: how often it was last, the working days it added "
    "(admin, leaders)",
)
@exports.exportable(CriticalPathStats, "关键路径统计")
async def get_critical_path_stats(
    session: ReadSessionDep,
    _: StatsReaderDep,
    matter_code: Annotated[Code | None, Query(description="Only this matter's applications")] = None,
    since: Annotated[IsoDate | None, Query(description="Only those completed on or after this day (CST)")] = None,
):
    """关键路径统计（管理员、县领导）：在已办结（通过）的申请中，各部门成为最后办完的部门的次数，以及比最快部门
    多用的工作日（补正暂停不计）。可按事项、办结起始日筛选。"""
    return await analytics.critical_path_stats(session, matter_code=matter_code, since=since)


@router.get(
    "/stats/weekly",
    operation_id="getApprovalWeeklyStats",
    response_model=ApprovalWeekly,
    responses=problem_responses(422),
    summary="Weekly series for the dashboard, and each department's on-time rate by week (admin, leaders)",
)
@exports.exportable(ApprovalWeekly, "并联审批周报")
async def get_weekly_stats(
    session: ReadSessionDep,
    now: NowDep,
    _: StatsReaderDep,
    weeks: Annotated[int, Query(ge=1, le=WEEKS_MAX, description="ISO weeks, the current one last")] = 12,
):
    """按周（ISO 周，北京时间）的并联审批数据（管理员、县领导）：收件、办结、通过申请的平均工作日、每件材料数；
    各部门每周审批任务的按时率（部门 × 周热力图）。"""
    return await analytics.weekly(session, weeks=weeks, now=now)

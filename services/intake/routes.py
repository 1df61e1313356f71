"""HTTP endpoints of the intake service: parse, call `service`, return."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from services.common import exports
from services.common.app import RuntimeDep
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
from services.common.weeks import WEEKS_MAX as weeks_max
from services.intake import appointments, attachments, contract, halls, onsite, projects, service, trends
from services.intake.clients import ApprovalDep, CalendarDep, IdentityDep
from services.intake.config import PREFIX
from services.intake.domain import Category, Chain, ProjectStage, RequestStatus
from services.intake.models import IntakeAudit, IntakeOutbox, RequestAttachment
from services.intake.policy import (
    AdminDep,
    AppointmentStatsDep,
    AttacherDep,
    EnterpriseDep,
    InternalDep,
    OfficerDep,
    PeopleDep,
    ProjectReaderDep,
    ProjectStatsDep,
    ReaderDep,
    StaffDep,
    StaffReaderDep,
    StatsDep,
    VisitorDep,
)
from services.intake.schemas import (
    AppointmentCreate,
    AppointmentPage,
    AppointmentRead,
    AppointmentReschedule,
    AppointmentStats,
    EnterpriseCreate,
    EnterprisePage,
    EnterpriseRead,
    EnterpriseUpdate,
    HallCreate,
    HallDetail,
    HallPage,
    HallRead,
    IntakeStats,
    IntakeWeekly,
    LiaisonAssign,
    MeetingCreate,
    MeetingPage,
    MeetingRead,
    MeetingWithStats,
    OnsiteCreate,
    OnsitePage,
    OnsiteRead,
    OnsiteSchedule,
    ProjectCreate,
    ProjectDetail,
    ProjectPage,
    ProjectRead,
    ProjectStageChange,
    ProjectStats,
    ProjectUpdate,
    ReminderRun,
    RequestAssign,
    RequestAttachmentPage,
    RequestAttachmentRead,
    RequestCreate,
    RequestDetail,
    RequestFeedback,
    RequestNote,
    RequestPage,
    RequestRead,
    RequestReply,
    SlotList,
    TimelinePage,
    WindowBody,
    WindowRead,
)
from services.intake.slots import AppointmentStatus, OnsiteStatus

router = APIRouter(prefix=PREFIX, tags=["intake"], responses=problem_responses(401, 403))
internal = APIRouter(include_in_schema=False)  # internal calls only: the gateway routes no /internal path
audit = audit_routes(PREFIX, IntakeAudit)
operations = dead_letter_routes(PREFIX, IntakeOutbox)
sweep = orphan_sweep_routes(PREFIX, RequestAttachment.__table__)
ACTION = problem_responses(404, 409, 422)


# --- enterprises --------------------------------------------------------------------------------


@router.post(
    "/enterprises",
    operation_id="createEnterprise",
    status_code=201,
    response_model=EnterpriseRead,
    responses=problem_responses(409, 422),
    summary="Register an enterprise (admin)",
)
async def create_enterprise(body: EnterpriseCreate, session: SessionDep, now: NowDep, response: Response, _: AdminDep):
    """登记企业（管理员）。统一社会信用代码已登记时返回 409（`duplicate_uscc`）；`Location` 指向新企业。"""
    return created(response, f"{PREFIX}/enterprises", await service.create_enterprise(session, data=body, now=now))


@router.get(
    "/enterprises",
    operation_id="listEnterprises",
    response_model=EnterprisePage,
    summary="List enterprises (admin, officers)",
)
@exports.exportable(EnterprisePage, "企业名录")
async def list_enterprises(session: SessionDep, page: PageDep, _: StaffReaderDep):
    """企业名录，按登记时间分页（管理员、部门工作人员）。"""
    return page_body(await service.list_enterprises(session, page=page))


@router.get(
    "/enterprises/{enterprise_id}",
    operation_id="getEnterprise",
    response_model=EnterpriseRead,
    responses=problem_responses(404),
    summary="One enterprise (admin, officers, the enterprise itself)",
)
async def get_enterprise(enterprise_id: uuid.UUID, session: SessionDep, principal: ReaderDep):
    """一家企业的档案。企业账号只能看到自己；看不到的企业返回 404。"""
    return await service.get_enterprise(session, enterprise_id=enterprise_id, principal=principal)


@router.patch(
    "/enterprises/{enterprise_id}",
    operation_id="updateEnterprise",
    response_model=EnterpriseRead,
    responses=problem_responses(404, 422),
    summary="Change an enterprise's profile (admin, its liaison officer)",
)
async def update_enterprise(
    enterprise_id: uuid.UUID, body: EnterpriseUpdate, session: SessionDep, now: NowDep, principal: PeopleDep
):
    """修改企业档案（管理员、该企业的包保专员）：只改所传字段，统一社会信用代码不可改。有改动时 `revision` 加一，
    并通知银企对接服务；未改动任何字段时原样返回。无权修改的企业返回 404。"""
    return await service.update_enterprise(
        session, enterprise_id=enterprise_id, data=body, principal=principal, now=now
    )


@router.put(
    "/enterprises/{enterprise_id}/liaison",
    operation_id="assignLiaison",
    response_model=EnterpriseRead,
    responses=problem_responses(404, 422, 503),
    summary="Assign the dedicated liaison officer, 包保专员 (admin)",
)
async def set_liaison(
    enterprise_id: uuid.UUID,
    body: LiaisonAssign,
    session: SessionDep,
    identity: IdentityDep,
    now: NowDep,
    _: AdminDep,
):
    """为企业指定包保专员（管理员）。专员须是网关中已有的部门工作人员账号，否则 422；网关不可达时 503。"""
    return await service.set_liaison(
        session, enterprise_id=enterprise_id, officer_username=body.officer_username, identity=identity, now=now
    )


@router.get(
    "/enterprises/{enterprise_id}/timeline",
    operation_id="listTimelineEvents",
    response_model=TimelinePage,
    responses=problem_responses(404),
    summary="The enterprise's events from every service, newest first (admin, its liaison, itself)",
)
@exports.exportable(TimelinePage, "企业动态")
async def get_timeline(enterprise_id: uuid.UUID, session: SessionDep, page: PageDep, principal: PeopleDep):
    """企业在各服务中的事件（诉求、审批、融资），新的在前（管理员、包保专员、企业本身）。"""
    return page_body(await service.timeline(session, enterprise_id=enterprise_id, principal=principal, page=page))


# --- meetings -----------------------------------------------------------------------------------


@router.post(
    "/meetings",
    operation_id="createMeeting",
    status_code=201,
    response_model=MeetingRead,
    responses=problem_responses(422),
    summary="Record a meeting, e.g. a tea meeting (admin)",
)
async def create_meeting(body: MeetingCreate, session: SessionDep, now: NowDep, response: Response, _: AdminDep):
    """记录一次政企茶叙会或恳谈会（管理员），会上提出的诉求可关联到它。"""
    return created(response, f"{PREFIX}/meetings", await service.create_meeting(session, data=body, now=now))


@router.get("/meetings", operation_id="listMeetings", response_model=MeetingPage, summary="List meetings")
@exports.exportable(MeetingPage, "会议列表")
async def list_meetings(session: SessionDep, page: PageDep, _: PeopleDep):
    """会议列表，分页。"""
    return page_body(await service.list_meetings(session, page=page))


@router.get(
    "/meetings/{meeting_id}",
    operation_id="getMeeting",
    response_model=MeetingWithStats,
    responses=problem_responses(404),
    summary="A meeting with the stats of the requests raised there",
)
async def get_meeting(meeting_id: uuid.UUID, session: SessionDep, _: PeopleDep):
    """一次会议及其诉求统计：受理数、办结数、满意率。"""
    meeting, stats = await service.get_meeting(session, meeting_id=meeting_id)
    return {**MeetingRead.model_validate(meeting).model_dump(), "stats": stats}


# --- requests -----------------------------------------------------------------------------------


@router.post(
    "/requests",
    operation_id="createRequest",
    status_code=201,
    response_model=RequestRead,
    responses=problem_responses(422),
    summary="Raise a request, 诉求 (an enterprise for itself; staff on its behalf)",
)
async def create_request(
    body: RequestCreate, session: SessionDep, now: NowDep, response: Response, principal: PeopleDep
):
    """提交诉求：企业为自己提交；管理员或工作人员代为提交时须填 `enterprise_id`。新诉求状态为 `received`。"""
    found = await service.create_request(session, data=body, principal=principal, now=now)
    return created(response, f"{PREFIX}/requests", found)


@router.get(
    "/requests",
    operation_id="listRequests",
    response_model=RequestPage,
    summary="Requests the caller may see, newest first",
)
@exports.exportable(RequestPage, "诉求列表")
async def list_requests(
    session: SessionDep,
    page: PageDep,
    principal: ReaderDep,
    status: RequestStatus | None = None,
    category: Category | None = None,
    department: Department | None = None,
    meeting_id: Annotated[uuid.UUID | None, Query()] = None,
    project_id: Annotated[uuid.UUID | None, Query(description="Requests naming this investment project")] = None,
):
    """调用方可见的诉求，新的在前；可按状态、类别、部门、会议、招商项目筛选。企业只看到自己的，部门只看到其牵头或协办的。"""
    filters = {
        "status": status,
        "category": category,
        "department": department,
        "meeting_id": meeting_id,
        "project_id": project_id,
    }
    return page_body(await service.list_requests(session, principal=principal, page=page, filters=filters))


@router.get(
    "/requests/{request_id}",
    operation_id="getRequest",
    response_model=RequestDetail,
    responses=problem_responses(404),
    summary="One request with every event on it",
)
async def get_request(request_id: uuid.UUID, session: SessionDep, principal: ReaderDep):
    """一条诉求及其全部事件（谁在何时做了什么），以及附件个数。"""
    found, events, attached = await service.get_request(session, request_id=request_id, principal=principal)
    return {**RequestRead.model_validate(found).model_dump(), "events": events, "attachments": attached}


@router.post(
    "/requests/{request_id}/assign",
    operation_id="assignRequest",
    response_model=RequestRead,
    responses=ACTION,
    summary="Assign lead and cooperating departments and a grade (admin)",
)
async def assign_request(
    request_id: uuid.UUID,
    body: RequestAssign,
    session: SessionDep,
    calendar: CalendarDep,
    now: NowDep,
    principal: AdminDep,
):
    """交办：指定牵头部门、协办部门与等级（管理员），按工作日计算办理时限。状态不允许时 409。"""
    return await service.assign_request(
        session, request_id=request_id, data=body, principal=principal, calendar=calendar, now=now
    )


@router.post(
    "/requests/{request_id}/reply",
    operation_id="replyToRequest",
    response_model=RequestRead,
    responses=ACTION,
    summary="Answer the request (an officer of the lead department)",
)
async def reply_request(
    request_id: uuid.UUID, body: RequestReply, session: SessionDep, now: NowDep, principal: OfficerDep
):
    """牵头部门工作人员答复诉求，状态变为 `replied`。"""
    return await service.reply_request(
        session, request_id=request_id, content=body.content, principal=principal, now=now
    )


@router.post(
    "/requests/{request_id}/notes",
    operation_id="addRequestNote",
    response_model=RequestRead,
    responses=ACTION,
    summary="Add a note (lead or cooperating department, admin)",
)
async def add_note(request_id: uuid.UUID, body: RequestNote, session: SessionDep, now: NowDep, principal: StaffDep):
    """牵头或协办部门、管理员为诉求添加备注，不改变状态。"""
    return await service.add_note(session, request_id=request_id, content=body.content, principal=principal, now=now)


@router.post(
    "/requests/{request_id}/feedback",
    operation_id="giveRequestFeedback",
    response_model=RequestRead,
    responses=ACTION,
    summary="Rate the answer 1–5: 3 or more closes, 2 or less reopens (the enterprise)",
)
async def give_feedback(
    request_id: uuid.UUID, body: RequestFeedback, session: SessionDep, now: NowDep, principal: EnterpriseDep
):
    """企业评价答复（1–5 分）：3 分及以上办结，2 分及以下重新办理。"""
    return await service.give_feedback(session, request_id=request_id, data=body, principal=principal, now=now)


# --- attachments of requests --------------------------------------------------------------------

PART_FIELD = {
    "type": "string",
    "enum": ["request", "reply"],
    "description": "`request`: sent by the enterprise with its request (the enterprise's default); `reply`: sent "
    "by the lead department with its answer (an officer's default).",
}


@router.post(
    "/requests/{request_id}/attachments",
    operation_id="attachToRequest",
    status_code=201,
    response_model=RequestAttachmentRead,
    responses={
        200: {"model": RequestAttachmentRead, "description": "This file was attached to this part before: that one"},
        **problem_responses(404, 409, 413, 415, 422, 503),
    },
    openapi_extra=multipart_body(part=PART_FIELD),
    summary="Attach a photo or document: the enterprise to its request, the lead department to the reply",
)
async def attach_to_request(
    request_id: uuid.UUID,
    http: Request,
    session: SessionDep,
    documents: DocumentsDep,
    now: NowDep,
    response: Response,
    principal: AttacherDep,
):
    """为诉求上传附件（照片或文件，multipart/form-data，文件放在 `file` 字段）：企业为自己的诉求上传（`part=request`，
    办结前），牵头部门工作人员为答复上传（`part=reply`，交办后、办结前）。只接受 PDF、JPEG、PNG、OFD（按内容判断，
    否则 415），超过大小上限 413，每条诉求最多 20 个附件。同一文件再次上传到同一诉求的同一部分时返回 200 和已有附件，
    不重复保存；新附件返回 201，`Location` 指向其下载地址。看不到的诉求返回 404。"""
    await attachments.check_attach(session, request_id=request_id, principal=principal)
    upload = await receive_upload(http, documents, now=now)
    attachment, new = await attachments.attach(
        session, documents, request_id=request_id, upload=upload, principal=principal, now=now
    )
    if not new:
        response.status_code = 200
        return attachment
    return created(response, f"{PREFIX}/requests/{request_id}/attachments", attachment)


@router.get(
    "/requests/{request_id}/attachments",
    operation_id="listRequestAttachments",
    response_model=RequestAttachmentPage,
    responses=problem_responses(404),
    summary="The request's attachments, oldest first (whoever sees the request)",
)
@exports.exportable(RequestAttachmentPage, "诉求附件")
async def list_request_attachments(request_id: uuid.UUID, session: SessionDep, principal: PeopleDep):
    """诉求的全部附件（企业随诉求提交的和部门随答复提交的），先传的在前；能看到该诉求的人都能看到。"""
    items = await attachments.list_attachments(session, request_id=request_id, principal=principal)
    return {"items": items, "next_cursor": None}


@router.get(
    "/requests/{request_id}/attachments/{attachment_id}",
    operation_id="downloadRequestAttachment",
    response_class=Response,
    responses={**file_responses(), **problem_responses(404)},
    summary="Download an attachment (whoever sees the request)",
)
async def download_request_attachment(
    request_id: uuid.UUID,
    attachment_id: uuid.UUID,
    http: Request,
    session: SessionDep,
    documents: DocumentsDep,
    principal: PeopleDep,
):
    """下载附件：`Content-Disposition` 带原文件名；支持 `Range` 断点续传（206）和 `If-None-Match` 缓存校验（304，
    ETag 为文件的 SHA-256）。看不到该诉求的调用方得到 404。"""
    attachment = await attachments.get_attachment(
        session, request_id=request_id, attachment_id=attachment_id, principal=principal
    )
    return await serve(http, documents, attachment)


@router.get(
    "/stats",
    operation_id="getIntakeStats",
    response_model=IntakeStats,
    summary="County dashboard of requests (admin, leader)",
)
@exports.exportable(IntakeStats, "诉求统计")
async def get_stats(session: ReadSessionDep, calendar: CalendarDep, now: NowDep, _: StatsDep):
    """全县诉求看板（管理员、县领导）：受理、办结、满意率、按时率、平均答复工作日，按类别和部门分列。"""
    return await service.stats(session, calendar=calendar, now=now)


@router.get(
    "/stats/weekly",
    operation_id="getIntakeWeeklyStats",
    response_model=IntakeWeekly,
    responses=problem_responses(422),
    summary="Requests week by week: received, closed, satisfaction, punctuality by department (admin, leader)",
)
@exports.exportable(IntakeWeekly, "诉求周报")
async def get_weekly_stats(
    session: ReadSessionDep,
    now: NowDep,
    _: StatsDep,
    weeks: Annotated[int, Query(ge=1, le=weeks_max, description="ISO weeks, the current one last")] = 12,
):
    """按周（中国标准时间的 ISO 周，周一至周日）统计诉求（管理员、县领导）：受理、办结、评价及满意率，
    按时答复率（当周首次答复或当周逾期未答复的诉求中按期答复的比例；全县及各牵头部门，供看板的部门×周热力图）。"""
    return await trends.weekly(session, weeks=weeks, now=now)


# --- window appointments (预约办, 延时办, 上门办) --------------------------------------------------


@router.post(
    "/halls",
    operation_id="createHall",
    status_code=201,
    response_model=HallRead,
    responses=problem_responses(409, 422),
    summary="Open a service hall (admin)",
)
async def create_hall(body: HallCreate, session: SessionDep, now: NowDep, response: Response, _: AdminDep):
    """登记政务服务大厅（管理员）。名称已存在时 409。"""
    return created(response, f"{PREFIX}/halls", await halls.create_hall(session, data=body, now=now))


@router.get("/halls", operation_id="listHalls", response_model=HallPage, summary="Service halls (anyone logged in)")
@exports.exportable(HallPage, "政务服务大厅")
async def list_halls(session: SessionDep, page: PageDep, _: VisitorDep):
    """政务服务大厅列表，按登记时间分页（任何已登录用户）。"""
    return page_body(await halls.list_halls(session, page=page))


@router.get(
    "/halls/{hall_id}",
    operation_id="getHall",
    response_model=HallDetail,
    responses=problem_responses(404),
    summary="A hall with its windows (anyone logged in)",
)
async def get_hall(hall_id: uuid.UUID, session: SessionDep, _: VisitorDep):
    """一个大厅及其窗口（按窗口号）：每个窗口的部门、办理事项、每周开放时段（含延时办）、号长与每号容量。"""
    hall, windows = await halls.get_hall(session, hall_id=hall_id)
    return {**HallRead.model_validate(hall).model_dump(), "windows": windows}


@router.post(
    "/halls/{hall_id}/windows",
    operation_id="addHallWindow",
    status_code=201,
    response_model=WindowRead,
    responses=problem_responses(404, 409, 422),
    summary="Add a window with its matters and weekly hours (admin)",
)
async def add_window(
    hall_id: uuid.UUID, body: WindowBody, session: SessionDep, now: NowDep, response: Response, _: AdminDep
):
    """为大厅新增窗口（管理员）：负责部门、办理的事项编码、每周开放时段（北京时间，按号长切分为预约号，
    可标记为延时办）、号长（分钟）与每号可同时办理的人数。节假日不开放；调休上班的周末按 `makeup_day`
    （默认星期一）的时段开放；普通周末按其自身时段（如周六上午延时办）。时段有误时 422（`errors` 指出
    `hours.<序号>.<字段>`），窗口号重复时 409。"""
    window = await halls.add_window(session, hall_id=hall_id, data=body, now=now)
    return created(response, f"{PREFIX}/halls/{hall_id}/windows", window)


@router.get(
    "/halls/{hall_id}/windows/{window_id}",
    operation_id="getHallWindow",
    response_model=WindowRead,
    responses=problem_responses(404),
    summary="One window of a hall (anyone logged in)",
)
async def get_window(hall_id: uuid.UUID, window_id: uuid.UUID, session: SessionDep, _: VisitorDep):
    """大厅的一个窗口。"""
    return await halls.get_window(session, hall_id=hall_id, window_id=window_id)


@router.put(
    "/halls/{hall_id}/windows/{window_id}",
    operation_id="replaceHallWindow",
    response_model=WindowRead,
    responses=problem_responses(404, 409, 422),
    summary="Replace a window's definition: matters, hours, slot length, capacity (admin)",
)
async def replace_window(
    hall_id: uuid.UUID, window_id: uuid.UUID, body: WindowBody, session: SessionDep, now: NowDep, _: AdminDep
):
    """整体修改窗口（管理员）。已有预约保留原时段；新的时段与容量只影响此后的预约。"""
    return await halls.replace_window(session, hall_id=hall_id, window_id=window_id, data=body, now=now)


@router.get(
    "/appointments/slots",
    operation_id="listAppointmentSlots",
    response_model=SlotList,
    responses=problem_responses(422, 503),
    summary="Free slots of a matter's windows, at most 31 days (anyone logged in)",
)
async def list_slots(
    session: SessionDep,
    calendar: CalendarDep,
    now: NowDep,
    _: VisitorDep,
    matter_code: Annotated[str, Query(min_length=1, max_length=32, description="Approval's matter code")],
    first: Annotated[IsoDate, Query(alias="from", description="First day, YYYY-MM-DD (China Standard Time)")],
    last: Annotated[IsoDate, Query(alias="to", description="Last day, included; at most 30 days after `from`")],
    hall_id: Annotated[uuid.UUID | None, Query(description="Only this hall's windows")] = None,
):
    """办理该事项的各窗口在 `from`–`to`（含，最多 31 天，否则 422）内尚有余号的预约时段，按开始时间排序：大厅、窗口、
    开始与结束时间（北京时间）、是否延时办、容量与余号。按窗口每周时段与工作日历计算（节假日无号），已开始的不列出。"""
    return await halls.free_slots(
        session, matter_code=matter_code, first=first, last=last, hall_id=hall_id, calendar=calendar, now=now
    )


@router.post(
    "/appointments",
    operation_id="bookAppointment",
    status_code=201,
    response_model=AppointmentRead,
    responses=problem_responses(409, 422, 503),
    summary="Book a window slot (the enterprise; admin or its liaison officer for it)",
)
async def book_appointment(
    body: AppointmentCreate,
    session: SessionDep,
    calendar: CalendarDep,
    now: NowDep,
    response: Response,
    principal: PeopleDep,
):
    """预约窗口时段：企业为自己预约；管理员或该企业的包保专员代为预约时须填 `enterprise_id`（其他工作人员 403）。
    时段须是该窗口按开放时间和工作日历的真实时段、尚未开始，且窗口办理该事项，否则 422（`errors` 指出字段）；
    已约满时 409 `slot_full`；企业已约此时段或当天已有同一事项的有效预约时 409 `duplicate_booking`。
    并发预约同一时段时，成功的恰为其容量数。预约记入企业时间线（`appointment.booked`）。"""
    found = await appointments.book(session, data=body, principal=principal, calendar=calendar, now=now)
    return created(response, f"{PREFIX}/appointments", found)


@router.get(
    "/appointments",
    operation_id="listAppointments",
    response_model=AppointmentPage,
    summary="Appointments the caller may see, newest booking first",
)
@exports.exportable(AppointmentPage, "预约列表")
async def list_appointments(
    session: SessionDep,
    page: PageDep,
    principal: PeopleDep,
    hall_id: uuid.UUID | None = None,
    window_id: uuid.UUID | None = None,
    enterprise_id: uuid.UUID | None = None,
    matter_code: Annotated[str | None, Query(max_length=32)] = None,
    status: AppointmentStatus | None = None,
    on: Annotated[IsoDate | None, Query(description="The appointments of this day (China Standard Time)")] = None,
):
    """预约列表，新预约在前：企业只看到自己的；管理员和工作人员看到全部，可按大厅、窗口、企业、事项、状态、日期筛选。"""
    filters = {
        "hall_id": hall_id,
        "window_id": window_id,
        "enterprise_id": enterprise_id,
        "matter_code": matter_code,
        "status": status,
        "appointment_on": on,
    }
    return page_body(await appointments.list_appointments(session, principal=principal, page=page, filters=filters))


@router.get(
    "/appointments/stats",
    operation_id="getAppointmentStats",
    response_model=AppointmentStats,
    summary="Bookings, no-show rate and wait by matter and hall; on-site counts (admin, leaders)",
)
@exports.exportable(AppointmentStats, "预约办统计")
async def get_appointment_stats(
    session: ReadSessionDep,
    _: AppointmentStatsDep,
    first: Annotated[IsoDate | None, Query(alias="from", description="Appointments from this day")] = None,
    last: Annotated[IsoDate | None, Query(alias="to", description="Appointments up to this day, included")] = None,
):
    """预约办统计（管理员、县领导）：预约数、取消、到场、未到、未到率（已登记到场情况的预约中未到的比例）、平均等待天数
    （自预约当日至办理当日的自然日，不含已取消的），合计并按事项、按大厅分列；上门办申请与已排期数，按部门分列。"""
    return await appointments.stats(session, first=first, last=last)


@router.post(
    "/appointments/reminders",
    operation_id="runAppointmentReminders",
    response_model=ReminderRun,
    responses=problem_responses(503),
    summary="Send the reminders due now, as the periodic job does (admin)",
)
async def run_appointment_reminders(session: SessionDep, calendar: CalendarDep, now: NowDep, _: AdminDep):
    """立即发送已到期的提醒（管理员；系统每 `KUAIBAN_APPOINTMENT_REMINDER_SECONDS` 秒也会自动执行）：预约或上门办的
    前一个工作日起，在企业时间线上记一条 `appointment.reminder`，每个预约只提醒一次（改约后重新提醒）。"""
    return await appointments.run_reminders(session, calendar=calendar, now=now)


@router.get(
    "/appointments/{appointment_id}",
    operation_id="getAppointment",
    response_model=AppointmentRead,
    responses=problem_responses(404),
    summary="One appointment (the enterprise, staff)",
)
async def get_appointment(appointment_id: uuid.UUID, session: SessionDep, principal: PeopleDep):
    """一个预约。看不到的预约（其他企业的）返回 404。"""
    return await appointments.visible_appointment(session, appointment_id=appointment_id, principal=principal)


@router.post(
    "/appointments/{appointment_id}/cancel",
    operation_id="cancelAppointment",
    response_model=AppointmentRead,
    responses=ACTION,
    summary="Cancel a booking before the cut-off (the enterprise, admin, its liaison officer)",
)
async def cancel_appointment(
    appointment_id: uuid.UUID, session: SessionDep, runtime: RuntimeDep, now: NowDep, principal: PeopleDep
):
    """取消预约（企业、管理员、包保专员），须在开始前 `KUAIBAN_APPOINTMENT_CUTOFF_MINUTES`（默认 120）分钟之前，
    之后 409 `past_cutoff`；已取消、已到场或未到的预约 409。号源释放，记入企业时间线（`appointment.cancelled`）。"""
    cutoff = appointments.cutoff_of(runtime.settings)
    return await appointments.cancel(
        session, appointment_id=appointment_id, principal=principal, cutoff=cutoff, now=now
    )


@router.post(
    "/appointments/{appointment_id}/reschedule",
    operation_id="rescheduleAppointment",
    response_model=AppointmentRead,
    responses=problem_responses(404, 409, 422, 503),
    summary="Move a booking to another slot before the cut-off (the enterprise, admin, its liaison officer)",
)
async def reschedule_appointment(
    appointment_id: uuid.UUID,
    body: AppointmentReschedule,
    session: SessionDep,
    calendar: CalendarDep,
    runtime: RuntimeDep,
    now: NowDep,
    principal: PeopleDep,
):
    """改约到同一窗口或办理同一事项的另一窗口的其他时段，截止时间同取消；新时段按预约的规则检查（422、409），
    原号源释放，提醒将重新发送。记入企业时间线（`appointment.rescheduled`）。"""
    return await appointments.reschedule(
        session,
        appointment_id=appointment_id,
        data=body,
        principal=principal,
        calendar=calendar,
        cutoff=appointments.cutoff_of(runtime.settings),
        now=now,
    )


@router.post(
    "/appointments/{appointment_id}/check-in",
    operation_id="recordCheckIn",
    response_model=AppointmentRead,
    responses=ACTION,
    summary="Record that the enterprise came, on the day (admin, officers of the window's department)",
)
async def check_in(appointment_id: uuid.UUID, session: SessionDep, now: NowDep, principal: StaffDep):
    """登记到场（管理员、窗口所属部门的工作人员；其他部门 403），只能在预约当天；非已预约状态 409。"""
    return await appointments.record_attendance(
        session, appointment_id=appointment_id, attended=True, principal=principal, now=now
    )


@router.post(
    "/appointments/{appointment_id}/no-show",
    operation_id="recordNoShow",
    response_model=AppointmentRead,
    responses=ACTION,
    summary="Record a no-show once the slot has ended (admin, officers of the window's department)",
)
async def no_show(appointment_id: uuid.UUID, session: SessionDep, now: NowDep, principal: StaffDep):
    """登记未到（管理员、窗口所属部门的工作人员），须在预约时段结束之后；非已预约状态 409。记入企业时间线
    （`appointment.no_show`）。"""
    return await appointments.record_attendance(
        session, appointment_id=appointment_id, attended=False, principal=principal, now=now
    )


@router.post(
    "/onsite-requests",
    operation_id="createOnsiteRequest",
    status_code=201,
    response_model=OnsiteRead,
    responses=problem_responses(422),
    summary="Ask for service at the enterprise's site, 上门办 (the enterprise; admin or its liaison officer for it)",
)
async def create_onsite_request(
    body: OnsiteCreate, session: SessionDep, now: NowDep, response: Response, principal: PeopleDep
):
    """申请上门办：企业为自己申请；管理员或包保专员代为申请时须填 `enterprise_id`。未指明 `department` 时由办理该事项的
    窗口所属部门承办（没有或有多个部门时 422）。记入企业时间线（`onsite.requested`）。"""
    found = await onsite.request_onsite(session, data=body, principal=principal, now=now)
    return created(response, f"{PREFIX}/onsite-requests", found)


@router.get(
    "/onsite-requests",
    operation_id="listOnsiteRequests",
    response_model=OnsitePage,
    summary="On-site requests the caller may see, newest first",
)
@exports.exportable(OnsitePage, "上门办申请")
async def list_onsite_requests(
    session: SessionDep,
    page: PageDep,
    principal: PeopleDep,
    status: OnsiteStatus | None = None,
    department: Department | None = None,
    enterprise_id: uuid.UUID | None = None,
):
    """上门办申请列表，新的在前：企业只看到自己的；管理员和工作人员看到全部，可按状态、部门、企业筛选。"""
    filters = {"status": status, "department": department, "enterprise_id": enterprise_id}
    return page_body(await onsite.list_requests(session, principal=principal, page=page, filters=filters))


@router.get(
    "/onsite-requests/{request_id}",
    operation_id="getOnsiteRequest",
    response_model=OnsiteRead,
    responses=problem_responses(404),
    summary="One on-site request (the enterprise, staff)",
)
async def get_onsite_request(request_id: uuid.UUID, session: SessionDep, principal: PeopleDep):
    """一个上门办申请。看不到的（其他企业的）返回 404。"""
    return await onsite.visible_request(session, request_id=request_id, principal=principal)


@router.post(
    "/onsite-requests/{request_id}/schedule",
    operation_id="scheduleOnsiteRequest",
    response_model=OnsiteRead,
    responses=problem_responses(404, 409, 422, 503),
    summary="Schedule the visit with an officer of the department (admin, officers of the department)",
)
async def schedule_onsite_request(
    request_id: uuid.UUID,
    body: OnsiteSchedule,
    session: SessionDep,
    identity: IdentityDep,
    calendar: CalendarDep,
    now: NowDep,
    principal: StaffDep,
):
    """为上门办排期（管理员、承办部门的工作人员；其他部门 403）：指派承办部门的工作人员（否则 422）和工作日内的将来时间
    （否则 422）；该工作人员同一时间已有上门安排时 409 `slot_full`。尚未开始的排期可重新排期。记入企业时间线
    （`onsite.scheduled`），前一个工作日提醒。"""
    return await onsite.schedule(
        session, request_id=request_id, data=body, principal=principal, identity=identity, calendar=calendar, now=now
    )


# --- internal calls -----------------------------------------------------------------------------


@internal.get(contract.ENTERPRISE_PATH, response_model=contract.EnterpriseProfile)
async def enterprise_profile(enterprise_id: uuid.UUID, session: SessionDep, _: InternalDep):
    return await service.enterprise_profile(session, enterprise_id=enterprise_id)


@internal.get(contract.ENTERPRISES_PATH, response_model=contract.EnterpriseProfilePage)
async def enterprise_profiles(
    session: SessionDep,
    _: InternalDep,
    after: uuid.UUID | None = None,
    limit: Annotated[int, Query(ge=1, le=contract.ENTERPRISES_PAGE_MAX)] = 500,
):
    """Every enterprise's profile by id, a page at a time (a subscriber's resync)."""
    items, next_after = await service.enterprise_profiles(session, after=after, limit=limit)
    return {"items": items, "next_after": next_after}


@internal.get(contract.LIAISON_PATH, response_model=contract.LiaisonEnterprises)
async def liaison_enterprises(username: str, session: SessionDep, _: InternalDep):
    """The enterprises an officer is liaison for, for other services' visibility rules."""
    return {"enterprise_ids": await service.liaison_enterprises(session, username=username)}


@internal.post(contract.TIMELINE_PATH, status_code=201, response_model=contract.TimelineReceipt)
async def receive_timeline_event(
    body: contract.TimelineEvent, session: SessionDep, now: NowDep, response: Response, _: InternalDep
):
    """Idempotent on the event id: 201 the first time, 200 for a redelivery."""
    if not await service.receive_timeline_event(session, event=body, now=now):
        response.status_code = 200
    return {"id": body.id, "stored": True}


@internal.post(contract.TIMELINE_BATCH_PATH, response_model=contract.TimelineBatchReceipt)
async def receive_timeline_events(body: contract.TimelineBatch, session: SessionDep, now: NowDep, _: InternalDep):
    """Idempotent on each event id, all in one transaction: a redelivered batch stores nothing twice."""
    stored = await service.receive_timeline_events(session, events=body.items, now=now)
    return {"received": len(body.items), "stored": stored}


# --- investment projects (招商项目) --------------------------------------------------------------


@router.post(
    "/projects",
    operation_id="createProject",
    status_code=201,
    response_model=ProjectRead,
    responses=problem_responses(422, 503),
    summary="Record an investment project, 招商项目 (admin, an officer: its liaison)",
)
async def create_project(
    body: ProjectCreate,
    session: SessionDep,
    identity: IdentityDep,
    now: NowDep,
    response: Response,
    principal: StaffDep,
):
    """登记招商项目（管理员、工作人员），阶段为洽谈中（`negotiating`），自首次洽谈日起。项目属于已登记的企业
    （`enterprise_id`），或尚未注册的投资方（`investor_name`，注册后再关联企业）。工作人员登记的项目由本人包保；
    管理员可指定包保专员（须是工作人员账号，否则 422；网关不可达时 503）。有企业的项目记入企业时间线。"""
    project = await projects.create_project(session, data=body, principal=principal, identity=identity, now=now)
    return created(response, f"{PREFIX}/projects", project)


@router.get(
    "/projects",
    operation_id="listProjects",
    response_model=ProjectPage,
    summary="Investment projects the caller may see, newest first",
)
@exports.exportable(ProjectPage, "招商项目")
async def list_projects(
    session: SessionDep,
    page: PageDep,
    principal: ProjectReaderDep,
    stage: ProjectStage | None = None,
    chain: Chain | None = None,
    town: Annotated[str | None, Query(max_length=100, description="The town or park (town_or_park)")] = None,
    enterprise_id: Annotated[uuid.UUID | None, Query()] = None,
    liaison: Annotated[str | None, Query(max_length=64, description="The liaison officer's username")] = None,
):
    """调用方可见的招商项目，新登记的在前；可按阶段、产业链、乡镇或园区、企业、包保专员筛选。管理员和县领导看全部，
    工作人员看本人包保的，企业看自己的。"""
    filters = {"stage": stage, "chain": chain, "town": town, "enterprise_id": enterprise_id, "liaison": liaison}
    return page_body(await projects.list_projects(session, principal=principal, page=page, filters=filters))


@router.get(
    "/projects/stats",
    operation_id="getProjectStats",
    response_model=ProjectStats,
    responses=problem_responses(422, 503),
    summary="County figures of investment projects (admin, leaders)",
)
@exports.exportable(ProjectStats, "招商项目统计")
async def get_project_stats(
    session: ReadSessionDep,
    calendar: CalendarDep,
    now: NowDep,
    _: ProjectStatsDep,
    town: Annotated[str | None, Query(max_length=100, description="Only this town or park")] = None,
):
    """招商项目看板（管理员、县领导）：按产业链、阶段分列的项目数和计划投资，制造业占比；从首次洽谈到签约的日历日
    与工作日（中位数、90 分位、最快纪录及项目名称）；按签约年份的当年开工、当年纳统比例（当年签约、当年开工、
    当年纳统）；已过目标日期仍未进入下一阶段的项目（按阶段）。"""
    return await projects.stats(session, calendar=calendar, now=now, town=town)


@router.get(
    "/projects/{project_id}",
    operation_id="getProject",
    response_model=ProjectDetail,
    responses=problem_responses(404),
    summary="One investment project with its events and what blocks it",
)
async def get_project(project_id: uuid.UUID, session: SessionDep, approval: ApprovalDep, principal: ProjectReaderDep):
    """一个招商项目、它的全部事件，以及卡住它的事项：关联此项目且未办结的诉求和审批申请。审批服务暂不可达时，
    仍返回项目，`applications` 为 null、`applications_unavailable` 为 true。看不到的项目返回 404。"""
    view = await projects.get_project(session, project_id=project_id, principal=principal, approval=approval)
    return {
        **ProjectRead.model_validate(view.project).model_dump(),
        "events": view.events,
        "requests": view.requests,
        "applications": None if view.applications is None else [a.model_dump() for a in view.applications],
        "applications_unavailable": view.applications is None,
    }


@router.patch(
    "/projects/{project_id}",
    operation_id="updateProject",
    response_model=ProjectRead,
    responses=problem_responses(404, 409, 422, 503),
    summary="Change a project's fields or link it to its enterprise (admin, its liaison officer)",
)
async def update_project(
    project_id: uuid.UUID,
    body: ProjectUpdate,
    session: SessionDep,
    identity: IdentityDep,
    now: NowDep,
    principal: StaffDep,
):
    """修改招商项目（管理员、该项目的包保专员）：只改所传字段；`enterprise_id` 在投资方注册后关联企业（只能关联
    一次，已关联的再改为 409）；更换包保专员仅限管理员（403）。阶段在 `/stage` 变更。无权修改的项目返回 404。"""
    return await projects.update_project(
        session, project_id=project_id, data=body, principal=principal, identity=identity, now=now
    )


@router.post(
    "/projects/{project_id}/stage",
    operation_id="changeProjectStage",
    response_model=ProjectRead,
    responses=ACTION,
    summary="Move a project to its next stage, or drop it with a reason (admin, its liaison officer)",
)
async def change_project_stage(
    project_id: uuid.UUID, body: ProjectStageChange, session: SessionDep, now: NowDep, principal: StaffDep
):
    """变更项目阶段（管理员、该项目的包保专员）：洽谈中 → 已签约 → 已开工 → 已纳统，逐级推进，不可回退或跨级
    （409 `invalid_transition`）；纳统前任何阶段都可终止（`dropped`，须填 `reason`）。日期 `on` 不得早于当前阶段的
    日期，也不得晚于今天（422）。每次变更记为项目事件，有企业的项目同时记入企业时间线。"""
    return await projects.change_stage(session, project_id=project_id, data=body, principal=principal, now=now)


@internal.get(contract.PROJECT_PATH, response_model=contract.ProjectRef)
async def project_ref(project_id: uuid.UUID, session: SessionDep, _: InternalDep):
    """An investment project as approval checks the one an application names."""
    return await projects.project_ref(session, project_id=project_id)

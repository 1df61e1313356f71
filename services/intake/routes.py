"""HTTP endpoints of the intake service: parse, call `service`, return."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

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
from services.intake import attachments, contract, service
from services.intake.clients import CalendarDep, IdentityDep
from services.intake.config import PREFIX
from services.intake.domain import Category, RequestStatus
from services.intake.models import IntakeAudit, IntakeOutbox, RequestAttachment
from services.intake.policy import (
    AdminDep,
    AttacherDep,
    EnterpriseDep,
    InternalDep,
    OfficerDep,
    PeopleDep,
    StaffDep,
)
from services.intake.schemas import (
    EnterpriseCreate,
    EnterprisePage,
    EnterpriseRead,
    EnterpriseUpdate,
    IntakeStats,
    LiaisonAssign,
    MeetingCreate,
    MeetingPage,
    MeetingRead,
    MeetingWithStats,
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
    TimelinePage,
)

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
async def list_enterprises(session: SessionDep, page: PageDep, _: StaffDep):
    """企业名录，按登记时间分页（管理员、部门工作人员）。"""
    return page_body(await service.list_enterprises(session, page=page))


@router.get(
    "/enterprises/{enterprise_id}",
    operation_id="getEnterprise",
    response_model=EnterpriseRead,
    responses=problem_responses(404),
    summary="One enterprise (admin, officers, the enterprise itself)",
)
async def get_enterprise(enterprise_id: uuid.UUID, session: SessionDep, principal: PeopleDep):
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
async def list_requests(
    session: SessionDep,
    page: PageDep,
    principal: PeopleDep,
    status: RequestStatus | None = None,
    category: Category | None = None,
    department: Department | None = None,
    meeting_id: Annotated[uuid.UUID | None, Query()] = None,
):
    """调用方可见的诉求，新的在前；可按状态、类别、部门、会议筛选。企业只看到自己的，部门只看到其牵头或协办的。"""
    filters = {"status": status, "category": category, "department": department, "meeting_id": meeting_id}
    return page_body(await service.list_requests(session, principal=principal, page=page, filters=filters))


@router.get(
    "/requests/{request_id}",
    operation_id="getRequest",
    response_model=RequestDetail,
    responses=problem_responses(404),
    summary="One request with every event on it",
)
async def get_request(request_id: uuid.UUID, session: SessionDep, principal: PeopleDep):
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
    "/stats", operation_id="getIntakeStats", response_model=IntakeStats, summary="County dashboard of requests (admin)"
)
async def get_stats(session: ReadSessionDep, calendar: CalendarDep, now: NowDep, _: AdminDep):
    """全县诉求看板（管理员）：受理、办结、满意率、按时率、平均答复工作日，按类别和部门分列。"""
    return await service.stats(session, calendar=calendar, now=now)


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

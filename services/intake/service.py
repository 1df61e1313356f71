"""Intake's use cases: load, apply a rule of `domain.py`, store. Raises domain errors, builds no HTTP answers.

Every function runs inside the request's unit of work and never commits; visibility comes from `policy.py`.
"""

import uuid
from datetime import datetime, timedelta
from typing import Any, Literal

from prometheus_client.core import GaugeMetricFamily
from sqlalchemy import func, or_
from sqlalchemy.dialects.postgresql import insert
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from gateway.contract import IdentityClient
from services.common import metrics
from services.common.auth import Principal, acting_enterprise
from services.common.calendar import CalendarCache, cst_date
from services.common.db import insert_unique, next_code
from services.common.models import utcnow
from services.common.outbox import message
from services.common.pagination import PageParams, make_page, paginate
from services.common.problems import Invalid, NotFound, ProblemKind
from services.common.stats import mean, rate
from services.common.texts import Text, no_such
from services.finance import contract as finance_contract
from services.intake import domain, policy, projects
from services.intake.contract import EnterpriseChanged, EnterpriseProfile, TimelineEvent
from services.intake.domain import GRADE_WORKING_DAYS, SATISFIED_RATING, TIMELINE_SUMMARY, RequestStatus
from services.intake.models import (
    REQUEST_CODE_SEQUENCE,
    Enterprise,
    EnterpriseRequest,
    IntakeOutbox,
    Meeting,
    RequestAttachment,
    RequestEvent,
    TimelineEntry,
)
from services.intake.schemas import (
    EnterpriseCreate,
    EnterpriseUpdate,
    MeetingCreate,
    RequestAssign,
    RequestCreate,
    RequestFeedback,
)

Page = tuple[list[Any], str | None]

# --- enterprises --------------------------------------------------------------------------------


def _profile_changed(
    enterprise: Enterprise, *, kind: Literal["enterprise.created", "enterprise.updated"], now: datetime
) -> IntakeOutbox:
    """The outbox row that tells finance the enterprise's whole profile as it now is (its read model)."""
    event = EnterpriseChanged(id=uuid.uuid4(), kind=kind, at=now, profile=EnterpriseProfile.model_validate(enterprise))
    path = finance_contract.PROFILE_EVENTS_PATH
    return message(IntakeOutbox, message_id=event.id, recipient="finance", path=path, body=event, now=now)


async def create_enterprise(session: AsyncSession, *, data: EnterpriseCreate, now: datetime) -> Enterprise:
    """Register an enterprise; its USCC must be new. Finance hears of it through the outbox."""
    enterprise = Enterprise(**data.model_dump(), created_at=now, updated_at=now)
    taken = Text(
        f"统一社会信用代码 {data.uscc} 已登记。", f"An enterprise with USCC {data.uscc} is already registered."
    )
    await insert_unique(session, enterprise, conflict=taken, kind=ProblemKind.duplicate_uscc)
    session.add(_profile_changed(enterprise, kind="enterprise.created", now=now))
    return enterprise


async def update_enterprise(
    session: AsyncSession, *, enterprise_id: uuid.UUID, data: EnterpriseUpdate, principal: Principal, now: datetime
) -> Enterprise:
    """Change the profile fields sent (admin, the enterprise's liaison officer). A real change bumps the revision
    and tells finance the new profile; a body that changes nothing changes nothing, revision included."""
    query = select(Enterprise).where(Enterprise.id == enterprise_id, policy.enterprises_editable_by(principal))
    enterprise = (await session.exec(query.with_for_update())).first()  # concurrent changes get distinct revisions
    if enterprise is None:
        raise NotFound(no_such("企业", "enterprise"))
    sent = data.model_dump(exclude_unset=True)
    changes = {name: value for name, value in sent.items() if getattr(enterprise, name) != value}
    if not changes:
        return enterprise
    for name, value in changes.items():
        setattr(enterprise, name, value)
    enterprise.revision += 1
    enterprise.updated_at = now
    session.add(enterprise)
    session.add(_profile_changed(enterprise, kind="enterprise.updated", now=now))
    return enterprise


async def get_enterprise(session: AsyncSession, *, enterprise_id: uuid.UUID, principal: Principal) -> Enterprise:
    """One enterprise, if the caller may see it."""
    query = select(Enterprise).where(Enterprise.id == enterprise_id, policy.enterprises_visible_to(principal))
    enterprise = (await session.exec(query)).first()
    if enterprise is None:
        raise NotFound(no_such("企业", "enterprise"))
    return enterprise


async def enterprise_profile(session: AsyncSession, *, enterprise_id: uuid.UUID) -> Enterprise:
    """An enterprise for another service (an internal call)."""
    enterprise = await session.get(Enterprise, enterprise_id)
    if enterprise is None:
        raise NotFound(no_such("企业", "enterprise"))
    return enterprise


async def enterprise_profiles(
    session: AsyncSession, *, after: uuid.UUID | None, limit: int
) -> tuple[list[Enterprise], uuid.UUID | None]:
    """A page of every enterprise by id, for a subscriber's resync: the rows, and the id to ask after next
    (None once a page comes back short)."""
    query = select(Enterprise).order_by(Enterprise.id).limit(limit)
    if after is not None:
        query = query.where(Enterprise.id > after)
    rows = list((await session.exec(query)).all())
    return rows, rows[-1].id if len(rows) == limit else None


async def list_enterprises(session: AsyncSession, *, page: PageParams) -> Page:
    """Registered enterprises, newest first."""
    rows = (await session.exec(paginate(select(Enterprise), Enterprise, page))).all()
    return make_page(list(rows), page)


async def set_liaison(
    session: AsyncSession, *, enterprise_id: uuid.UUID, officer_username: str, identity: IdentityClient, now: datetime
) -> Enterprise:
    """Make an officer the enterprise's dedicated liaison (包保专员); the gateway knows who is an officer."""
    account = await identity.account(officer_username)
    if account is None or account.role != "officer":
        not_officer = Text(
            f"{officer_username} 不是工作人员账号。", f"{officer_username!r} is not an officer's account."
        )
        raise Invalid(not_officer, field="officer_username", kind=ProblemKind.unknown_reference)
    enterprise = await session.get(Enterprise, enterprise_id, with_for_update=True)
    if enterprise is None:
        raise NotFound(no_such("企业", "enterprise"))
    enterprise.liaison_officer = officer_username
    enterprise.updated_at = now
    session.add(enterprise)
    return enterprise


async def liaison_enterprises(session: AsyncSession, *, username: str) -> list[uuid.UUID]:
    return list((await session.exec(select(Enterprise.id).where(Enterprise.liaison_officer == username))).all())


async def _existing(session: AsyncSession, model: Any, row_id: uuid.UUID, field: str, what: Text) -> Any:
    row = await session.get(model, row_id)
    if row is None:
        unknown = Text(f"没有此 id 的{what}。", f"No {what.en} with this id.")
        raise Invalid(unknown, field=field, kind=ProblemKind.unknown_reference)
    return row


# --- meetings -----------------------------------------------------------------------------------


async def create_meeting(session: AsyncSession, *, data: MeetingCreate, now: datetime) -> Meeting:
    meeting = Meeting(**data.model_dump(), created_at=now, updated_at=now)
    session.add(meeting)
    return meeting


async def list_meetings(session: AsyncSession, *, page: PageParams) -> Page:
    rows = (await session.exec(paginate(select(Meeting), Meeting, page))).all()
    return make_page(list(rows), page)


async def get_meeting(session: AsyncSession, *, meeting_id: uuid.UUID) -> tuple[Meeting, dict[str, Any]]:
    """A meeting and the stats of the requests raised there."""
    meeting = await session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(no_such("会议", "meeting"))
    R = EnterpriseRequest
    received, closed, rated, satisfied = (
        await session.exec(
            select(
                func.count(),
                func.count().filter(R.status == RequestStatus.closed),
                func.count(R.rating),
                func.count().filter(R.rating >= SATISFIED_RATING),
            ).where(R.meeting_id == meeting_id)
        )
    ).one()
    return meeting, {"received": received, "closed": closed, "satisfaction_rate": rate(satisfied, rated)}


# --- requests -----------------------------------------------------------------------------------


async def visible_request(
    session: AsyncSession, *, request_id: uuid.UUID, principal: Principal, lock: bool = False
) -> EnterpriseRequest:
    """The request, if the caller may see it (else 404); `lock` holds it until commit."""
    query = select(EnterpriseRequest).where(EnterpriseRequest.id == request_id, policy.requests_visible_to(principal))
    if lock:
        query = query.with_for_update(of=EnterpriseRequest)
    found = (await session.exec(query)).first()
    if found is None:
        raise NotFound(no_such("诉求", "request"))
    return found


def _store(
    session: AsyncSession,
    request: EnterpriseRequest,
    principal: Principal,
    events: list[domain.Event],
    now: datetime,
) -> EnterpriseRequest:
    """The changed request, its events, and the state changes on the enterprise's timeline too.

    Events of one move are a microsecond apart, so they list in the order they happened.
    """
    session.add(request)
    for index, (action, details) in enumerate(events):
        at = now + timedelta(microseconds=index)
        session.add(
            RequestEvent(
                request_id=request.id,
                at=at,
                actor=principal.username,
                actor_role=principal.role.value,
                action=action,
                details=details,
            )
        )
        if action in TIMELINE_SUMMARY:
            session.add(
                TimelineEntry(
                    enterprise_id=request.enterprise_id,
                    at=at,
                    service="intake",
                    kind=f"request.{action}",
                    ref_id=request.id,
                    summary=f"{request.code} {request.title}：{TIMELINE_SUMMARY[action]}",
                )
            )
    return request


async def create_request(
    session: AsyncSession, *, data: RequestCreate, principal: Principal, now: datetime
) -> EnterpriseRequest:
    """File a request: an enterprise for itself, staff on an enterprise's behalf."""
    enterprise_id = acting_enterprise(principal, data.enterprise_id)
    await _existing(session, Enterprise, enterprise_id, "enterprise_id", Text("企业", "enterprise"))
    if data.meeting_id is not None:
        await _existing(session, Meeting, data.meeting_id, "meeting_id", Text("会议", "meeting"))
    if data.project_id is not None:  # the investment project it serves: one of the enterprise's
        await projects.require_project_of(session, project_id=data.project_id, enterprise_id=enterprise_id)
    request = EnterpriseRequest(
        **data.model_dump(exclude={"enterprise_id"}),
        enterprise_id=enterprise_id,
        code=await next_code(session, REQUEST_CODE_SEQUENCE, "SQ", now=now),
    )
    return _store(session, request, principal, domain.receive(request, now=now), now)


async def list_requests(
    session: AsyncSession, *, principal: Principal, page: PageParams, filters: dict[str, Any]
) -> Page:
    R = EnterpriseRequest
    query = select(R).where(policy.requests_visible_to(principal))
    for name in ("status", "category", "meeting_id", "project_id"):
        if filters.get(name) is not None:
            query = query.where(getattr(R, name) == filters[name])
    if (department := filters.get("department")) is not None:
        query = query.where(or_(R.lead_department == department, R.cooperating_departments.contains([department])))
    rows = (await session.exec(paginate(query, R, page))).all()
    return make_page(list(rows), page)


async def get_request(
    session: AsyncSession, *, request_id: uuid.UUID, principal: Principal
) -> tuple[EnterpriseRequest, list[RequestEvent], int]:
    """The request, its events in order, and how many attachments it has."""
    request = await visible_request(session, request_id=request_id, principal=principal)
    query = select(RequestEvent).where(RequestEvent.request_id == request_id).order_by(RequestEvent.at, RequestEvent.id)
    events = list((await session.exec(query)).all())
    attached = select(func.count()).where(RequestAttachment.request_id == request_id)
    return request, events, (await session.exec(attached)).one()


async def assign_request(
    session: AsyncSession,
    *,
    request_id: uuid.UUID,
    data: RequestAssign,
    principal: Principal,
    calendar: CalendarCache,
    now: datetime,
) -> EnterpriseRequest:
    """Give the request a lead department (and cooperating ones) and a due date from its grade."""
    request = await visible_request(session, request_id=request_id, principal=principal, lock=True)
    due_date = (await calendar.get()).due_date(request.created_at, GRADE_WORKING_DAYS[data.grade])
    events = domain.assign(
        request,
        lead=data.lead_department.value,
        cooperating=[d.value for d in data.cooperating_departments],
        grade=data.grade,
        due_date=due_date,
        now=now,
    )
    return _store(session, request, principal, events, now)


async def reply_request(
    session: AsyncSession, *, request_id: uuid.UUID, content: str, principal: Principal, now: datetime
) -> EnterpriseRequest:
    request = await visible_request(session, request_id=request_id, principal=principal, lock=True)
    domain.require(request, domain.REPLYABLE, action=domain.REPLYING)  # out of order (409) before who replies (403)
    policy.require_lead(principal, request)
    return _store(session, request, principal, domain.reply(request, content=content, now=now), now)


async def add_note(
    session: AsyncSession, *, request_id: uuid.UUID, content: str, principal: Principal, now: datetime
) -> EnterpriseRequest:
    request = await visible_request(session, request_id=request_id, principal=principal, lock=True)
    policy.require_involved(principal, request)
    return _store(session, request, principal, domain.note(request, content=content, now=now), now)


async def give_feedback(
    session: AsyncSession, *, request_id: uuid.UUID, data: RequestFeedback, principal: Principal, now: datetime
) -> EnterpriseRequest:
    request = await visible_request(session, request_id=request_id, principal=principal, lock=True)
    events = domain.feedback(request, rating=data.rating, comment=data.comment, now=now)
    return _store(session, request, principal, events, now)


# --- stats --------------------------------------------------------------------------------------


async def stats(session: AsyncSession, *, calendar: CalendarCache, now: datetime) -> dict[str, Any]:
    """The county dashboard: volumes, completion, satisfaction, punctuality and reply speed."""
    R = EnterpriseRequest
    rows = (
        await session.exec(
            select(R.category, R.status, R.lead_department, R.rating, R.due_date, R.created_at, R.first_replied_at)
        )
    ).all()
    work_calendar = await calendar.get()
    today = cst_date(now)
    by_category: dict[str, dict[str, int]] = {}
    by_department: dict[str, dict[str, Any]] = {}
    punctual = [0, 0]
    reply_days: list[float] = []
    rated = satisfied = closed = 0
    for category, status, lead, rating, due_date, created_at, first_replied_at in rows:
        is_closed = status == RequestStatus.closed
        closed += is_closed
        counts = by_category.setdefault(category, {"received": 0, "closed": 0})
        counts["received"] += 1
        counts["closed"] += is_closed
        if rating is not None:
            rated += 1
            satisfied += rating >= SATISFIED_RATING
        on_time = domain.on_time(due_date, first_replied_at, today)
        if lead is not None:
            department = by_department.setdefault(lead, {"lead": 0, "closed": 0, "_punctual": [0, 0]})
            department["lead"] += 1
            department["closed"] += is_closed
            if on_time is not None:
                department["_punctual"][0] += on_time
                department["_punctual"][1] += 1
        if on_time is not None:
            punctual[0] += on_time
            punctual[1] += 1
        if first_replied_at is not None:
            reply_days.append(work_calendar.elapsed_working_days(created_at, first_replied_at))
    for department in by_department.values():
        department["on_time_rate"] = rate(*department.pop("_punctual"))
    return {
        "received": len(rows),
        "closed": closed,
        "completion_rate": rate(closed, len(rows)),
        "satisfaction_rate": rate(satisfied, rated),
        "on_time_rate": rate(*punctual),
        "avg_reply_working_days": mean(reply_days),
        "by_category": by_category,
        "by_department": by_department,
    }


# --- timeline -----------------------------------------------------------------------------------


async def receive_timeline_event(session: AsyncSession, *, event: TimelineEvent, now: datetime) -> bool:
    """Store an event another service sent; False when this event id was stored before."""
    return await receive_timeline_events(session, events=[event], now=now) == 1


async def receive_timeline_events(session: AsyncSession, *, events: list[TimelineEvent], now: datetime) -> int:
    """Store events another service sent, in one statement; how many were new (the rest were stored before)."""
    rows = [{**event.model_dump(mode="python"), "created_at": now, "updated_at": now} for event in events]
    stored = await session.exec(
        insert(TimelineEntry).values(rows).on_conflict_do_nothing(index_elements=["id"]).returning(TimelineEntry.id)
    )
    return len(stored.all())


async def timeline(session: AsyncSession, *, enterprise_id: uuid.UUID, principal: Principal, page: PageParams) -> Page:
    """The enterprise's events from every service, newest first."""
    visible = select(Enterprise.id).where(Enterprise.id == enterprise_id, policy.timelines_visible_to(principal))
    if (await session.exec(visible)).first() is None:
        raise NotFound(no_such("企业", "enterprise"))
    query = select(TimelineEntry).where(TimelineEntry.enterprise_id == enterprise_id)
    rows = (await session.exec(paginate(query, TimelineEntry, page, order_by="at"))).all()
    return make_page(list(rows), page, order_by="at")


async def gauges(session: AsyncSession) -> list[GaugeMetricFamily]:
    """For `/metrics`: requests by status, and the open ones past their due day (CST)."""
    R = EnterpriseRequest
    by_status = (await session.exec(select(R.status, func.count()).group_by(R.status))).all()
    today = cst_date(utcnow())
    open_statuses = [s for s in RequestStatus if s not in (RequestStatus.replied, RequestStatus.closed)]
    overdue = (
        await session.exec(select(func.count()).where(R.status.in_(open_statuses), R.due_date < today))  # type: ignore[attr-defined]
    ).one()
    counts = dict(by_status)
    return [
        metrics.gauge(
            "kuaiban_intake_requests",
            "Requests (诉求) by status",
            [(s, counts.get(s, 0)) for s in RequestStatus],
            ["status"],
        ),
        metrics.gauge("kuaiban_intake_requests_overdue", "Open requests past their due day", [(overdue,)]),
    ]

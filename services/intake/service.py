"""Rules and queries of the intake service; raises domain errors, never builds HTTP responses."""

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, or_
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import Principal, Role, acting_enterprise
from services.common.calendar import WorkCalendar, cst_date, cst_today
from services.common.db import insert_unique, next_code
from services.common.models import utcnow
from services.common.pagination import PageParams, make_page, paginate
from services.common.problems import Forbidden, Invalid, InvalidTransition, NotFound
from services.common.stats import mean, rate
from services.intake.models import (
    REQUEST_CODE_SEQUENCE,
    Enterprise,
    EnterpriseRequest,
    Meeting,
    RequestEvent,
    TimelineEvent,
)
from services.intake.schemas import (
    GRADE_WORKING_DAYS,
    EnterpriseCreate,
    MeetingCreate,
    RequestAssign,
    RequestCreate,
    RequestFeedback,
    RequestStatus,
    TimelineEventIn,
)

SATISFIED_RATING = 4  # satisfaction_rate counts ratings of 4 and 5
CLOSING_RATING = 3  # 3 or more closes the request; 2 or less reopens it
TIMELINE_SUMMARY = {
    "received": "诉求已受理",
    "assigned": "诉求已交办",
    "replied": "部门已答复",
    "reopened": "企业不满意，诉求重新办理",
    "closed": "诉求已办结",
}


# --- enterprises --------------------------------------------------------------------------------


async def create_enterprise(session: AsyncSession, *, data: EnterpriseCreate) -> Enterprise:
    """Register an enterprise; its USCC must be new."""
    enterprise = Enterprise(**data.model_dump())
    await insert_unique(session, enterprise, conflict=f"An enterprise with USCC {data.uscc} is already registered.")
    return enterprise


async def get_enterprise(session: AsyncSession, *, enterprise_id: uuid.UUID, principal: Principal) -> Enterprise:
    """One enterprise, if the caller may see it (an enterprise sees only itself)."""
    enterprise = await session.get(Enterprise, enterprise_id)
    if enterprise is None or not _may_see_enterprise(principal, enterprise):
        raise NotFound("No such enterprise.")
    return enterprise


async def list_enterprises(session: AsyncSession, *, page: PageParams) -> tuple[list[Enterprise], str | None]:
    """Registered enterprises, newest first."""
    rows = (await session.exec(paginate(select(Enterprise), Enterprise, page))).all()
    return make_page(list(rows), page)


async def set_liaison(session: AsyncSession, *, enterprise_id: uuid.UUID, officer_username: str) -> Enterprise:
    """Make an officer the enterprise's dedicated liaison (包保专员); the caller checked the officer exists."""
    enterprise = await session.get(Enterprise, enterprise_id, with_for_update=True)
    if enterprise is None:
        raise NotFound("No such enterprise.")
    enterprise.liaison_officer = officer_username
    session.add(enterprise)
    await session.commit()
    return enterprise


async def liaison_enterprises(session: AsyncSession, *, username: str) -> list[uuid.UUID]:
    return list((await session.exec(select(Enterprise.id).where(Enterprise.liaison_officer == username))).all())


def _may_see_enterprise(principal: Principal, enterprise: Enterprise) -> bool:
    if principal.role is Role.enterprise:
        return principal.enterprise_id == enterprise.id
    return principal.role in (Role.admin, Role.officer, Role.service)


async def _existing(session: AsyncSession, model: Any, row_id: uuid.UUID, field: str, what: str) -> Any:
    row = await session.get(model, row_id)
    if row is None:
        raise Invalid(f"No {what} with this id.", field=field)
    return row


# --- meetings -----------------------------------------------------------------------------------


async def create_meeting(session: AsyncSession, *, data: MeetingCreate) -> Meeting:
    meeting = Meeting(**data.model_dump())
    session.add(meeting)
    await session.commit()
    return meeting


async def list_meetings(session: AsyncSession, *, page: PageParams) -> tuple[list[Meeting], str | None]:
    rows = (await session.exec(paginate(select(Meeting), Meeting, page))).all()
    return make_page(list(rows), page)


async def get_meeting(session: AsyncSession, *, meeting_id: uuid.UUID) -> tuple[Meeting, dict[str, Any]]:
    """A meeting and the stats of the requests raised there."""
    meeting = await session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound("No such meeting.")
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


def _request_scope(principal: Principal) -> ColumnElement[bool] | None:
    """What the caller may see, as a WHERE clause (None: everything)."""
    R = EnterpriseRequest
    if principal.role is Role.admin:
        return None
    if principal.role is Role.enterprise:
        return R.enterprise_id == principal.enterprise_id
    if principal.role is Role.officer:
        liaison_of = select(Enterprise.id).where(Enterprise.liaison_officer == principal.username)
        return or_(
            R.lead_department == principal.department,
            R.cooperating_departments.contains([principal.department]),
            R.enterprise_id.in_(liaison_of),
        )
    return R.id.is_(None)  # no other role sees requests


async def _visible_request(
    session: AsyncSession, *, request_id: uuid.UUID, principal: Principal, lock: bool = False
) -> EnterpriseRequest:
    query = select(EnterpriseRequest).where(EnterpriseRequest.id == request_id)
    if (scope := _request_scope(principal)) is not None:
        query = query.where(scope)
    if lock:
        query = query.with_for_update()
    found = (await session.exec(query)).first()
    if found is None:
        raise NotFound("No such request.")
    return found


def _record(
    session: AsyncSession, request: EnterpriseRequest, principal: Principal, action: str, **details: Any
) -> None:
    """An event on the request, and on the enterprise's timeline for state changes; same transaction."""
    at = utcnow()
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
            TimelineEvent(
                enterprise_id=request.enterprise_id,
                at=at,
                service="intake",
                kind=f"request.{action}",
                ref_id=request.id,
                summary=f"{request.code} {request.title}：{TIMELINE_SUMMARY[action]}",
            )
        )


async def create_request(session: AsyncSession, *, data: RequestCreate, principal: Principal) -> EnterpriseRequest:
    """File a request: an enterprise for itself, staff on an enterprise's behalf."""
    enterprise_id = acting_enterprise(principal, data.enterprise_id)
    await _existing(session, Enterprise, enterprise_id, "enterprise_id", "enterprise")
    if data.meeting_id is not None:
        await _existing(session, Meeting, data.meeting_id, "meeting_id", "meeting")
    request = EnterpriseRequest(
        **data.model_dump(exclude={"enterprise_id"}),
        enterprise_id=enterprise_id,
        code=await next_code(session, REQUEST_CODE_SEQUENCE, "SQ"),
        status=RequestStatus.received,
    )
    session.add(request)
    _record(session, request, principal, "received", channel=data.channel.value)
    await session.commit()
    return request


async def list_requests(
    session: AsyncSession, *, principal: Principal, page: PageParams, filters: dict[str, Any]
) -> tuple[list[EnterpriseRequest], str | None]:
    R = EnterpriseRequest
    query = select(R)
    if (scope := _request_scope(principal)) is not None:
        query = query.where(scope)
    for name in ("status", "category", "meeting_id"):
        if filters.get(name) is not None:
            query = query.where(getattr(R, name) == filters[name])
    if (department := filters.get("department")) is not None:
        query = query.where(or_(R.lead_department == department, R.cooperating_departments.contains([department])))
    rows = (await session.exec(paginate(query, R, page))).all()
    return make_page(list(rows), page)


async def get_request(
    session: AsyncSession, *, request_id: uuid.UUID, principal: Principal
) -> tuple[EnterpriseRequest, list[RequestEvent]]:
    request = await _visible_request(session, request_id=request_id, principal=principal)
    events = (
        await session.exec(
            select(RequestEvent).where(RequestEvent.request_id == request_id).order_by(RequestEvent.at, RequestEvent.id)
        )
    ).all()
    return request, list(events)


def _require_status(request: EnterpriseRequest, *allowed: RequestStatus, action: str) -> None:
    if request.status not in allowed:
        raise InvalidTransition(f"A {request.status} request cannot be {action}.")


async def assign_request(
    session: AsyncSession, *, request_id: uuid.UUID, data: RequestAssign, principal: Principal, calendar: WorkCalendar
) -> EnterpriseRequest:
    """Give the request a lead department (and cooperating ones) and a due date from its grade."""
    request = await _visible_request(session, request_id=request_id, principal=principal, lock=True)
    _require_status(request, RequestStatus.received, RequestStatus.assigned, action="assigned")
    if data.lead_department in data.cooperating_departments:
        raise Invalid("The lead department cannot also cooperate.", field="cooperating_departments")
    request.lead_department = data.lead_department.value
    request.cooperating_departments = [d.value for d in data.cooperating_departments]
    request.grade = data.grade.value
    request.due_date = calendar.due_date(request.created_at, GRADE_WORKING_DAYS[data.grade])
    request.assigned_at = utcnow()
    request.status = RequestStatus.assigned
    session.add(request)
    _record(
        session,
        request,
        principal,
        "assigned",
        lead_department=request.lead_department,
        cooperating_departments=request.cooperating_departments,
        grade=request.grade,
        due_date=request.due_date.isoformat(),
    )
    await session.commit()
    return request


async def reply_request(
    session: AsyncSession, *, request_id: uuid.UUID, content: str, principal: Principal
) -> EnterpriseRequest:
    """The lead department answers; a reopened request needs a new answer."""
    request = await _visible_request(session, request_id=request_id, principal=principal, lock=True)
    _require_status(request, RequestStatus.assigned, RequestStatus.reopened, action="replied to")
    if principal.department != request.lead_department:
        raise Forbidden("Only an officer of the lead department replies.")
    replied_at = utcnow()
    request.first_replied_at = request.first_replied_at or replied_at
    request.replied_at = replied_at
    request.reply = content
    request.status = RequestStatus.replied
    session.add(request)
    _record(session, request, principal, "replied", content=content)
    await session.commit()
    return request


async def add_note(session: AsyncSession, *, request_id: uuid.UUID, content: str, principal: Principal):
    """A note from a cooperating (or the lead) department; it does not change the state."""
    request = await _visible_request(session, request_id=request_id, principal=principal, lock=True)
    involved = {request.lead_department, *request.cooperating_departments}
    if principal.role is Role.officer and principal.department not in involved:
        raise Forbidden("Only the lead and cooperating departments add notes.")
    if principal.role is Role.enterprise:
        raise Forbidden("Enterprises answer through feedback.")
    _require_status(request, RequestStatus.assigned, RequestStatus.replied, RequestStatus.reopened, action="annotated")
    request.updated_at = utcnow()
    session.add(request)
    _record(session, request, principal, "note", content=content)
    await session.commit()
    return request


async def give_feedback(
    session: AsyncSession, *, request_id: uuid.UUID, data: RequestFeedback, principal: Principal
) -> EnterpriseRequest:
    """The enterprise rates the answer: 3 or more closes the request, 2 or less reopens it."""
    if principal.role is not Role.enterprise:
        raise Forbidden("Only the enterprise that raised the request gives feedback.")
    request = await _visible_request(session, request_id=request_id, principal=principal, lock=True)
    _require_status(request, RequestStatus.replied, action="rated")
    request.rating = data.rating
    request.feedback_comment = data.comment
    closing = data.rating >= CLOSING_RATING
    request.status = RequestStatus.closed if closing else RequestStatus.reopened
    if closing:
        request.closed_at = utcnow()
    session.add(request)
    _record(session, request, principal, "feedback", rating=data.rating, comment=data.comment)
    _record(session, request, principal, "closed" if closing else "reopened")
    await session.commit()
    return request


# --- stats --------------------------------------------------------------------------------------


def _on_time(due_date: date | None, first_replied_at: datetime | None, today: date) -> bool | None:
    """True or False once it is known; None while an unanswered request is not yet due."""
    if due_date is None:
        return None
    if first_replied_at is not None:
        return cst_date(first_replied_at) <= due_date
    return False if today > due_date else None


async def stats(session: AsyncSession, *, calendar: WorkCalendar) -> dict[str, Any]:
    """The county dashboard: volumes, completion, satisfaction, punctuality and reply speed."""
    R = EnterpriseRequest
    rows = (
        await session.exec(
            select(R.category, R.status, R.lead_department, R.rating, R.due_date, R.created_at, R.first_replied_at)
        )
    ).all()
    today = cst_today()
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
        on_time = _on_time(due_date, first_replied_at, today)
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
            reply_days.append(calendar.elapsed_working_days(created_at, first_replied_at))
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


async def receive_timeline_event(session: AsyncSession, *, event: TimelineEventIn) -> bool:
    """Store an event pushed by another service; False when this event id was stored before."""
    stored = await session.exec(
        insert(TimelineEvent)
        .values(**event.model_dump(mode="python"), created_at=utcnow(), updated_at=utcnow())
        .on_conflict_do_nothing(index_elements=["id"])
        .returning(TimelineEvent.id)
    )
    created = stored.first() is not None
    await session.commit()
    return created


async def timeline(
    session: AsyncSession, *, enterprise_id: uuid.UUID, principal: Principal, page: PageParams
) -> tuple[list[TimelineEvent], str | None]:
    """The enterprise's events from every service, newest first: for admin, its liaison and itself."""
    enterprise = await session.get(Enterprise, enterprise_id)
    allowed = enterprise is not None and (
        principal.role is Role.admin
        or (principal.role is Role.enterprise and principal.enterprise_id == enterprise_id)
        or (principal.role is Role.officer and principal.username == enterprise.liaison_officer)
    )
    if not allowed:
        raise NotFound("No such enterprise.")
    query = select(TimelineEvent).where(TimelineEvent.enterprise_id == enterprise_id)
    rows = (await session.exec(paginate(query, TimelineEvent, page, order_by="at"))).all()
    return make_page(list(rows), page, order_by="at")

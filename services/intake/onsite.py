"""On-site service (上门办): an enterprise, or its liaison officer for it, asks for a matter to be handled at its
site; the request is routed to a department (the one named, else the department of the windows serving the
matter) and scheduled like a window appointment, with an officer of that department assigned. Both steps go on
the enterprise's timeline in the same transaction; the reminder the working day before is sent with the window
appointments' (`appointments.send_reminders`). Visibility is the appointments' rule.
"""

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from gateway.contract import IdentityClient
from services.common.auth import Principal
from services.common.calendar import CalendarCache, cst_date
from services.common.pagination import PageParams, make_page, paginate
from services.common.problems import Conflict, Invalid, InvalidTransition, NotFound, ProblemKind
from services.common.texts import Text, no_such
from services.intake import policy
from services.intake.appointments import acting_for, timeline_entry, when
from services.intake.contract import TimelineKind
from services.intake.models import HallWindow, OnsiteRequest
from services.intake.schemas import OnsiteCreate, OnsiteSchedule
from services.intake.slots import OnsiteStatus

Page = tuple[list[Any], str | None]


async def _department(session: AsyncSession, data: OnsiteCreate) -> str:
    """The department named, else the one whose windows serve the matter (422 on `department` when there are
    none or several)."""
    if data.department is not None:
        return data.department.value
    query = select(HallWindow.department).where(HallWindow.matter_codes.contains([data.matter_code])).distinct()  # type: ignore[attr-defined]
    found = sorted((await session.exec(query)).all())
    if len(found) == 1:
        return found[0]
    if not found:
        message = Text(
            f"没有窗口办理事项 {data.matter_code}，请指明由哪个部门上门。",
            f"No window serves the matter {data.matter_code}: name the department.",
        )
    else:
        message = Text(
            f"事项 {data.matter_code} 由多个部门（{'、'.join(found)}）办理，请指明由哪个部门上门。",
            f"Several departments serve the matter {data.matter_code} ({', '.join(found)}): name one.",
        )
    raise Invalid(message, field="department")


async def request_onsite(
    session: AsyncSession, *, data: OnsiteCreate, principal: Principal, now: datetime
) -> OnsiteRequest:
    """Ask for service at the enterprise's site: preferred dates not in the past (422), routed to a department."""
    enterprise = await acting_for(session, principal, data.enterprise_id)
    today = cst_date(now)
    if any(day < today for day in data.preferred_dates):
        raise Invalid(
            Text("期望日期不能早于今天。", "Preferred dates must not be in the past."), field="preferred_dates"
        )
    row = OnsiteRequest(
        enterprise_id=enterprise.id,
        matter_code=data.matter_code,
        department=await _department(session, data),
        address=data.address,
        preferred_dates=sorted(data.preferred_dates),
        notes=data.notes,
        status=OnsiteStatus.requested,
        requested_by=principal.username,
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    summary = f"已申请上门办：事项 {row.matter_code}，地址 {row.address}"
    session.add(timeline_entry(enterprise.id, TimelineKind.onsite_requested, row.id, summary, now))
    return row


async def visible_request(
    session: AsyncSession, *, request_id: uuid.UUID, principal: Principal, lock: bool = False
) -> OnsiteRequest:
    query = select(OnsiteRequest).where(OnsiteRequest.id == request_id, policy.onsite_visible_to(principal))
    if lock:
        query = query.with_for_update()
    found = (await session.exec(query)).first()
    if found is None:
        raise NotFound(no_such("上门办申请", "on-site request"))
    return found


async def schedule(
    session: AsyncSession,
    *,
    request_id: uuid.UUID,
    data: OnsiteSchedule,
    principal: Principal,
    identity: IdentityClient,
    calendar: CalendarCache,
    now: datetime,
) -> OnsiteRequest:
    """Admin or an officer of the request's department sets the visit: an officer of that department (422
    otherwise), at a time ahead on a working day (422), free at that time (409 `slot_full`). A scheduled visit
    not yet begun may be scheduled again; its reminder then goes out again."""
    row = await visible_request(session, request_id=request_id, principal=principal, lock=True)
    policy.require_department(principal, row.department)
    if row.status is OnsiteStatus.scheduled and row.start_at is not None and row.start_at <= now:
        raise InvalidTransition(Text("上门服务已开始或已结束，不能再排期。", "The visit has begun or passed."))
    if data.start <= now:
        raise Invalid(Text("上门时间须晚于现在。", "The visit must be in the future."), field="start")
    day = cst_date(data.start)
    if not (await calendar.get()).is_working_day(day):
        raise Invalid(Text(f"{day} 不是工作日。", f"{day} is not a working day."), field="start")
    account = await identity.account(data.officer_username)
    if account is None or account.role != "officer" or account.department != row.department:
        raise Invalid(
            Text(
                f"{data.officer_username} 不是 {row.department} 部门的工作人员账号。",
                f"{data.officer_username!r} is not an officer of the department {row.department}.",
            ),
            field="officer_username",
            kind=ProblemKind.unknown_reference,
        )
    V = OnsiteRequest
    busy = select(V.id).where(
        V.officer_username == data.officer_username,
        V.start_at == data.start,
        V.status == OnsiteStatus.scheduled,
        V.id != row.id,
    )
    if (await session.exec(busy)).first() is not None:
        raise Conflict(
            Text(
                f"{data.officer_username} 在 {when(data.start)} 已有上门安排。",
                f"{data.officer_username} has a visit at {when(data.start)} already.",
            ),
            kind=ProblemKind.slot_full,
        )
    row.status = OnsiteStatus.scheduled
    row.officer_username = data.officer_username
    row.start_at = data.start.astimezone(UTC)
    row.visit_on = day
    row.scheduled_at = row.updated_at = now
    row.scheduled_by = principal.username
    row.reminded_at = None
    session.add(row)
    summary = f"上门办已排期：{data.officer_username} 将于 {when(data.start)} 到 {row.address} 办理 {row.matter_code}"
    session.add(timeline_entry(row.enterprise_id, TimelineKind.onsite_scheduled, row.id, summary, now))
    return row


async def list_requests(
    session: AsyncSession, *, principal: Principal, page: PageParams, filters: dict[str, Any]
) -> Page:
    query = select(OnsiteRequest).where(policy.onsite_visible_to(principal))
    for name in ("status", "department", "enterprise_id", "officer_username"):
        if filters.get(name) is not None:
            query = query.where(getattr(OnsiteRequest, name) == filters[name])
    rows = (await session.exec(paginate(query, OnsiteRequest, page))).all()
    return make_page(list(rows), page)

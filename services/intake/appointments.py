"""Window services by appointment (预约办, 延时办): bookings of a window's slots with their cancellation,
rescheduling and attendance, the reminder the working day before (of on-site visits too), and the figures.
Halls, windows and free slots are in `halls.py`; on-site service (上门办) in `onsite.py`.

Rules of `service.py`'s kind: load, apply a rule of `slots.py`, store; raises domain errors, builds no HTTP
answers, never commits. No slot is ever overbooked: a booking takes its place with one conditional upsert of
the slot's counter row (`appointment_slot`), which holds the row until commit, so concurrent bookings of one
slot queue on it and those past its capacity are refused (409 `slot_full`). Partial unique indexes keep an
enterprise from holding a slot twice or two active bookings of one matter on one day (409 `duplicate_booking`).
Every booking, move, cancellation, no-show and reminder goes on the enterprise's timeline in the same
transaction.
"""

import logging
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Date, and_, cast, func, or_
from sqlalchemy.dialects.postgresql import insert
from sqlmodel import select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.audit import bind_actor
from services.common.auth import Principal, acting_enterprise
from services.common.calendar import CST, CalendarCache, WorkCalendar, cst_date
from services.common.db import insert_unique
from services.common.pagination import PageParams, make_page, paginate
from services.common.problems import Conflict, Invalid, InvalidTransition, NotFound, ProblemKind
from services.common.settings import Settings
from services.common.stats import rate
from services.common.texts import Text, no_such
from services.intake import policy, slots
from services.intake.contract import TimelineKind
from services.intake.halls import window_hours
from services.intake.models import (
    Appointment,
    AppointmentSlot,
    Enterprise,
    Hall,
    HallWindow,
    OnsiteRequest,
    TimelineEntry,
)
from services.intake.schemas import AppointmentCreate, AppointmentReschedule
from services.intake.slots import AppointmentStatus, OnsiteStatus

log = logging.getLogger("kuaiban.intake.appointments")
Page = tuple[list[Any], str | None]
REMINDER_HORIZON_DAYS = slots.MAX_BREAK_DAYS + 1  # the working day before is never further back than a break
SHANGHAI = "Asia/Shanghai"

# --- bookings -----------------------------------------------------------------------------------


async def _serving_window(
    session: AsyncSession, window_id: uuid.UUID, matter_code: str, *, mismatch: str = "matter_code"
) -> tuple[HallWindow, Hall]:
    """The window named, serving the matter (422 on `window_id` when there is none, on `mismatch` when it does not
    serve the matter)."""
    found = (
        await session.exec(
            select(HallWindow, Hall).join(Hall, Hall.id == HallWindow.hall_id).where(HallWindow.id == window_id)  # type: ignore[arg-type]
        )
    ).first()
    if found is None:
        unknown = Text("没有此 id 的窗口。", "No window with this id.")
        raise Invalid(unknown, field="window_id", kind=ProblemKind.unknown_reference)
    window, hall = found
    if matter_code not in window.matter_codes:
        raise Invalid(
            Text(
                f"{hall.name} {window.number} 号窗口不办理事项 {matter_code}。",
                f"Window {window.number} of {hall.name} does not serve the matter {matter_code}.",
            ),
            field=mismatch,
        )
    return window, hall


def _real_slot(window: HallWindow, calendar: WorkCalendar, start: datetime, now: datetime) -> slots.Slot:
    """The window's slot starting at `start`, still ahead (422 on `start` otherwise)."""
    slot = slots.find_slot(window_hours(window), calendar, start)
    if slot is None:
        moment = when(start)
        raise Invalid(
            Text(
                f"{moment} 不是该窗口的可预约时段（按开放时间与工作日历，节假日不开放）。",
                f"{moment} (CST) is not a slot of the window's hours on the working-day calendar (none on holidays).",
            ),
            field="start",
        )
    if slot.start <= now:
        raise Invalid(Text("该时段已开始或已过去。", "This slot has begun or passed."), field="start")
    return slot


async def _take_place(session: AsyncSession, window: HallWindow, start: datetime, now: datetime) -> None:
    """One place of the slot, or 409 `slot_full`: a conditional upsert that holds the slot's row until commit."""
    S = AppointmentSlot
    statement = (
        insert(S)
        .values(id=uuid.uuid4(), created_at=now, updated_at=now, window_id=window.id, start_at=start, booked=1)
        .on_conflict_do_update(
            index_elements=[S.window_id, S.start_at],
            set_={"booked": S.booked + 1, "updated_at": now},
            where=S.booked < window.capacity,
        )
        .returning(S.booked)
    )
    if (await session.exec(statement)).first() is None:
        raise Conflict(
            Text("该时段已约满，请选择其他时段。", "This slot is fully booked; pick another."),
            kind=ProblemKind.slot_full,
        )


async def _release_place(session: AsyncSession, window_id: uuid.UUID, start: datetime, now: datetime) -> None:
    S = AppointmentSlot
    await session.exec(
        update(S)
        .where(S.window_id == window_id, S.start_at == start, S.booked > 0)  # type: ignore[arg-type]
        .values(booked=S.booked - 1, updated_at=now)
    )


async def acting_for(session: AsyncSession, principal: Principal, requested: uuid.UUID | None) -> Enterprise:
    """The enterprise a booking (or on-site request) is for: the caller's own, or the one staff name, which must
    exist (422) and, for an officer, be one it is liaison of (403)."""
    enterprise_id = acting_enterprise(principal, requested)
    enterprise = await session.get(Enterprise, enterprise_id)
    if enterprise is None:
        unknown = Text("没有此 id 的企业。", "No enterprise with this id.")
        raise Invalid(unknown, field="enterprise_id", kind=ProblemKind.unknown_reference)
    policy.require_acting_for(principal, enterprise)
    return enterprise


def when(start: datetime) -> str:
    """An appointment's time as people read it (CST)."""
    return start.astimezone(CST).strftime("%Y-%m-%d %H:%M")


def _where(hall: Hall, window: HallWindow, appointment: Appointment) -> str:
    late = "（延时办）" if appointment.after_hours else ""
    return f"{hall.name} {window.number} 号窗口 {when(appointment.start_at)}{late}，事项 {appointment.matter_code}"


def timeline_entry(enterprise_id: uuid.UUID, kind: TimelineKind, ref_id: uuid.UUID, summary: str, now: datetime):
    """An event of intake's own on the enterprise's timeline (stored with the change, in its transaction)."""
    return TimelineEntry(
        enterprise_id=enterprise_id,
        at=now,
        service="intake",
        kind=kind.value,
        ref_id=ref_id,
        summary=summary[:500],
        created_at=now,
        updated_at=now,
    )


async def book(
    session: AsyncSession, *, data: AppointmentCreate, principal: Principal, calendar: CalendarCache, now: datetime
) -> Appointment:
    """Book a place in a slot of a window serving the matter: the slot must be one of the window's hours on the
    calendar and still ahead (422), with a place free (409 `slot_full`), not held by the enterprise already nor
    beside another active booking of the matter that day (409 `duplicate_booking`)."""
    enterprise = await acting_for(session, principal, data.enterprise_id)
    window, hall = await _serving_window(session, data.window_id, data.matter_code)
    slot = _real_slot(window, await calendar.get(), data.start, now)
    await _take_place(session, window, slot.start, now)
    appointment = Appointment(
        enterprise_id=enterprise.id,
        hall_id=hall.id,
        window_id=window.id,
        matter_code=data.matter_code,
        start_at=slot.start.astimezone(UTC),  # stored and answered in UTC, as every time column
        end_at=slot.end.astimezone(UTC),
        appointment_on=slot.start.date(),
        after_hours=slot.after_hours,
        status=AppointmentStatus.booked,
        booked_by=principal.username,
        created_at=now,
        updated_at=now,
    )
    held = Text(
        "该企业已预约此时段，或当天已有同一事项的有效预约。",
        "The enterprise holds this slot already, or an active booking of the matter that day.",
    )
    await insert_unique(session, appointment, conflict=held, kind=ProblemKind.duplicate_booking)
    summary = f"已预约 {_where(hall, window, appointment)}"
    session.add(timeline_entry(enterprise.id, TimelineKind.appointment_booked, appointment.id, summary, now))
    return appointment


async def visible_appointment(
    session: AsyncSession, *, appointment_id: uuid.UUID, principal: Principal, lock: bool = False
) -> Appointment:
    """The appointment, if the caller may see it (else 404); `lock` holds it until commit."""
    query = select(Appointment).where(Appointment.id == appointment_id, policy.appointments_visible_to(principal))
    if lock:
        query = query.with_for_update()
    found = (await session.exec(query)).first()
    if found is None:
        raise NotFound(no_such("预约", "appointment"))
    return found


async def _changeable(
    session: AsyncSession, *, appointment_id: uuid.UUID, principal: Principal, cutoff: timedelta, now: datetime
) -> Appointment:
    """A booked appointment the caller may change (the enterprise, admin, its liaison), before the cut-off."""
    appointment = await visible_appointment(session, appointment_id=appointment_id, principal=principal, lock=True)
    policy.require_acting_for(principal, await session.get(Enterprise, appointment.enterprise_id))  # type: ignore[arg-type]
    _require_booked(appointment)
    if not slots.can_change(appointment.start_at, now, cutoff):
        minutes = int(cutoff.total_seconds() // 60)
        raise Conflict(
            Text(
                f"距开始已不足 {minutes} 分钟，不能再取消或改约。",
                f"Less than {minutes} minutes before the start: the booking can no longer change.",
            ),
            kind=ProblemKind.past_cutoff,
        )
    return appointment


def _require_booked(appointment: Appointment) -> None:
    if appointment.status is not AppointmentStatus.booked:
        raise InvalidTransition(
            Text(
                f"状态为 {appointment.status} 的预约不能再变更。",
                f"A {appointment.status} appointment cannot change any more.",
            )
        )


async def _place_of(session: AsyncSession, appointment: Appointment) -> tuple[HallWindow, Hall]:
    window = await session.get(HallWindow, appointment.window_id)
    hall = await session.get(Hall, appointment.hall_id)
    return window, hall  # type: ignore[return-value]


async def cancel(
    session: AsyncSession, *, appointment_id: uuid.UUID, principal: Principal, cutoff: timedelta, now: datetime
) -> Appointment:
    """Cancel a booking before the cut-off (409 `past_cutoff` after it): its place is free again."""
    appointment = await _changeable(session, appointment_id=appointment_id, principal=principal, cutoff=cutoff, now=now)
    await _release_place(session, appointment.window_id, appointment.start_at, now)
    appointment.status = AppointmentStatus.cancelled
    appointment.cancelled_at = appointment.updated_at = now
    session.add(appointment)
    window, hall = await _place_of(session, appointment)
    summary = f"已取消预约 {_where(hall, window, appointment)}"
    session.add(
        timeline_entry(appointment.enterprise_id, TimelineKind.appointment_cancelled, appointment.id, summary, now)
    )
    return appointment


async def reschedule(
    session: AsyncSession,
    *,
    appointment_id: uuid.UUID,
    data: AppointmentReschedule,
    principal: Principal,
    calendar: CalendarCache,
    cutoff: timedelta,
    now: datetime,
) -> Appointment:
    """Move a booking, before the cut-off, to another slot of its window or of another window serving its matter,
    as a booking checks it (422, 409); its old place is freed and its reminder will go out again."""
    appointment = await _changeable(session, appointment_id=appointment_id, principal=principal, cutoff=cutoff, now=now)
    window_id = data.window_id or appointment.window_id
    window, hall = await _serving_window(session, window_id, appointment.matter_code, mismatch="window_id")
    slot = _real_slot(window, await calendar.get(), data.start, now)
    if window.id == appointment.window_id and slot.start == appointment.start_at:
        raise Invalid(Text("新时段与原时段相同。", "The new slot is the one already booked."), field="start")
    A = Appointment
    clash = select(A.id).where(
        A.enterprise_id == appointment.enterprise_id,
        A.status == AppointmentStatus.booked,
        A.id != appointment.id,
        or_(
            and_(A.matter_code == appointment.matter_code, A.appointment_on == slot.start.date()),
            and_(A.window_id == window.id, A.start_at == slot.start),
        ),
    )
    if (await session.exec(clash)).first() is not None:
        raise Conflict(
            Text("该企业当天已有同一事项的有效预约。", "The enterprise has an active booking of the matter that day."),
            kind=ProblemKind.duplicate_booking,
        )
    # Both slot rows in one order, whichever way the move goes, so two crossing moves cannot deadlock.
    old = (appointment.window_id, appointment.start_at)
    if (str(window.id), slot.start) < (str(old[0]), old[1]):
        await _take_place(session, window, slot.start, now)
        await _release_place(session, *old, now)
    else:
        await _release_place(session, *old, now)
        await _take_place(session, window, slot.start, now)
    appointment.hall_id, appointment.window_id = hall.id, window.id
    appointment.start_at, appointment.end_at = slot.start.astimezone(UTC), slot.end.astimezone(UTC)
    appointment.appointment_on = slot.start.date()
    appointment.after_hours = slot.after_hours
    appointment.rescheduled += 1
    appointment.reminded_at = None
    appointment.updated_at = now
    session.add(appointment)
    summary = f"预约已改至 {_where(hall, window, appointment)}"
    kind = TimelineKind.appointment_rescheduled
    session.add(timeline_entry(appointment.enterprise_id, kind, appointment.id, summary, now))
    return appointment


async def record_attendance(
    session: AsyncSession, *, appointment_id: uuid.UUID, attended: bool, principal: Principal, now: datetime
) -> Appointment:
    """Window staff (admin, officers of the window's department) record a booking's attendance: checked in on its
    day, or a no-show once its slot has ended (409 otherwise); a no-show goes on the enterprise's timeline."""
    appointment = await visible_appointment(session, appointment_id=appointment_id, principal=principal, lock=True)
    window, hall = await _place_of(session, appointment)
    _require_booked(appointment)
    policy.require_department(principal, window.department)
    if attended and cst_date(now) != appointment.appointment_on:
        raise InvalidTransition(
            Text(
                f"只能在预约当天（{appointment.appointment_on}）签到。",
                f"Check-in is on the appointment's day ({appointment.appointment_on}) only.",
            )
        )
    if not attended and now < appointment.end_at:
        raise InvalidTransition(Text("预约时段结束后才能登记未到。", "A no-show is recorded once the slot has ended."))
    appointment.updated_at = now
    if attended:
        appointment.status, appointment.checked_in_at = AppointmentStatus.checked_in, now
    else:
        appointment.status, appointment.no_show_at = AppointmentStatus.no_show, now
        summary = f"预约未到场：{_where(hall, window, appointment)}"
        kind = TimelineKind.appointment_no_show
        session.add(timeline_entry(appointment.enterprise_id, kind, appointment.id, summary, now))
    session.add(appointment)
    return appointment


async def list_appointments(
    session: AsyncSession, *, principal: Principal, page: PageParams, filters: dict[str, Any]
) -> Page:
    """The appointments the caller may see, newest booking first, filtered."""
    query = select(Appointment).where(policy.appointments_visible_to(principal))
    for name in ("hall_id", "window_id", "enterprise_id", "matter_code", "status", "appointment_on"):
        if filters.get(name) is not None:
            query = query.where(getattr(Appointment, name) == filters[name])
    rows = (await session.exec(paginate(query, Appointment, page))).all()
    return make_page(list(rows), page)


# --- reminders ----------------------------------------------------------------------------------


def cutoff_of(settings: Settings) -> timedelta:
    """How long before its start a booking may still change: `KUAIBAN_APPOINTMENT_CUTOFF_MINUTES`."""
    return timedelta(minutes=settings.appointment_cutoff_minutes)


async def run_reminders(session: AsyncSession, *, calendar: CalendarCache, now: datetime) -> dict[str, int]:
    """The reminders due now (admin's `POST /intake/appointments/reminders`, and the periodic job)."""
    return await send_reminders(session, calendar=await calendar.get(), now=now)


async def reminders_job(session: AsyncSession, runtime: Any) -> None:
    """The periodic job (`periodic_hook`): the reminders due, as the reminders' own changes."""
    bind_actor(session, "appointment-reminders", "remind")
    sent = await run_reminders(session, calendar=runtime.calendar, now=runtime.clock())
    if any(sent.values()):
        log.info("appointment reminders sent: %(appointments)d appointments, %(onsite_requests)d visits", sent)


async def send_reminders(session: AsyncSession, *, calendar: WorkCalendar, now: datetime) -> dict[str, int]:
    """Put the reminder on the timeline of every booking and scheduled visit whose working day before has come
    (today or a missed day since), once: `reminded_at` marks it, and rows another run holds are skipped."""
    today = cst_date(now)
    horizon = today + timedelta(days=REMINDER_HORIZON_DAYS)
    A = Appointment
    due = await session.exec(
        select(A, Hall, HallWindow)
        .join(Hall, Hall.id == A.hall_id)  # type: ignore[arg-type]
        .join(HallWindow, HallWindow.id == A.window_id)  # type: ignore[arg-type]
        .where(A.status == AppointmentStatus.booked, A.reminded_at.is_(None), A.appointment_on > today)  # type: ignore[union-attr]
        .where(A.appointment_on <= horizon)
        .with_for_update(of=A, skip_locked=True)  # type: ignore[arg-type]
    )
    appointments = 0
    for appointment, hall, window in due.all():
        if slots.reminder_due(calendar, appointment.appointment_on, today):
            appointment.reminded_at = now
            session.add(appointment)
            summary = f"预约提醒：请按时前往 {_where(hall, window, appointment)}"
            kind = TimelineKind.appointment_reminder
            session.add(timeline_entry(appointment.enterprise_id, kind, appointment.id, summary, now))
            appointments += 1
    V = OnsiteRequest
    visits = await session.exec(
        select(V)
        .where(V.status == OnsiteStatus.scheduled, V.reminded_at.is_(None), V.visit_on > today)  # type: ignore[union-attr,operator]
        .where(V.visit_on <= horizon)  # type: ignore[operator]
        .with_for_update(skip_locked=True)
    )
    onsite = 0
    for visit in visits.all():
        if slots.reminder_due(calendar, visit.visit_on, today):  # type: ignore[arg-type]
            visit.reminded_at = now
            session.add(visit)
            visiting = f"{visit.officer_username} 将于 {when(visit.start_at)} 到 {visit.address}"  # type: ignore[arg-type]
            summary = f"上门办提醒：{visiting} 办理 {visit.matter_code}"
            kind = TimelineKind.appointment_reminder
            session.add(timeline_entry(visit.enterprise_id, kind, visit.id, summary, now))
            onsite += 1
    return {"appointments": appointments, "onsite_requests": onsite}


# --- figures ------------------------------------------------------------------------------------


def _figures(rows: Sequence[tuple[int, int, int, int, int, int]]) -> dict[str, Any]:
    """Figures from rows of (bookings, cancelled, checked in, no-shows, wait days summed, bookings waited)."""
    bookings, cancelled, checked_in, no_shows, waited, counted = (
        (sum(column) for column in zip(*rows, strict=True)) if rows else (0,) * 6
    )
    return {
        "bookings": bookings,
        "cancelled": cancelled,
        "checked_in": checked_in,
        "no_shows": no_shows,
        "no_show_rate": rate(no_shows, checked_in + no_shows),
        "avg_wait_days": round(waited / counted, 2) if counted else None,
    }


async def stats(session: AsyncSession, *, first: date | None, last: date | None) -> dict[str, Any]:
    """Bookings, no-show rate and average wait (calendar days from the day of booking to the appointment's,
    cancelled bookings left out) in all, by matter and by hall; on-site requests by department. `first`/`last`
    bound the appointments' days (the on-site requests' days of request)."""
    A = Appointment
    status = A.status
    live = status != AppointmentStatus.cancelled
    wait = A.appointment_on - cast(func.timezone(SHANGHAI, A.created_at), Date)
    query = select(
        A.matter_code,
        A.hall_id,
        func.count(),
        func.count().filter(status == AppointmentStatus.cancelled),
        func.count().filter(status == AppointmentStatus.checked_in),
        func.count().filter(status == AppointmentStatus.no_show),
        func.coalesce(func.sum(wait).filter(live), 0),
        func.count().filter(live),
    ).group_by(A.matter_code, A.hall_id)
    V = OnsiteRequest
    onsite_query = select(V.department, func.count(), func.count().filter(V.status == OnsiteStatus.scheduled)).group_by(
        V.department
    )
    requested_on = cast(func.timezone(SHANGHAI, V.created_at), Date)
    if first is not None:
        query, onsite_query = query.where(A.appointment_on >= first), onsite_query.where(requested_on >= first)
    if last is not None:
        query, onsite_query = query.where(A.appointment_on <= last), onsite_query.where(requested_on <= last)
    rows = [
        (matter, hall, tuple(int(v) for v in counts)) for matter, hall, *counts in (await session.exec(query)).all()
    ]
    names = dict((await session.exec(select(Hall.id, Hall.name))).all())
    by_matter: dict[str, list] = {}
    by_hall: dict[str, list] = {}
    for matter, hall_id, counts in rows:
        by_matter.setdefault(matter, []).append(counts)
        by_hall.setdefault(names.get(hall_id, str(hall_id)), []).append(counts)
    departments = {
        department: {"requested": requested, "scheduled": scheduled}
        for department, requested, scheduled in (await session.exec(onsite_query)).all()
    }
    return {
        **_figures([counts for _, _, counts in rows]),
        "by_matter": {matter: _figures(counts) for matter, counts in sorted(by_matter.items())},
        "by_hall": {hall: _figures(counts) for hall, counts in sorted(by_hall.items())},
        "onsite": {
            "requested": sum(d["requested"] for d in departments.values()),
            "scheduled": sum(d["scheduled"] for d in departments.values()),
            "by_department": dict(sorted(departments.items())),
        },
    }

"""Service halls and their windows (admin manages them), and the free slots of a matter: each window's weekly
hours cut into slots on the working-day calendar (`slots.py`), less the places booked (one query for the range).

Rules of `service.py`'s kind: load, apply a rule, store; raises domain errors, never commits. `make run` seeds
a demo hall (`seed_demo`).
"""

import uuid
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common import periodic
from services.common.calendar import CST, CalendarCache
from services.common.db import insert_unique
from services.common.pagination import PageParams, make_page, paginate
from services.common.plain import plain
from services.common.problems import Conflict, Invalid, NotFound, ProblemKind
from services.common.texts import Text, no_such
from services.intake import slots
from services.intake.models import AppointmentSlot, Hall, HallWindow
from services.intake.schemas import HallCreate, WindowBody
from services.intake.slots import Weekday

Page = tuple[list[Any], str | None]

# --- halls and windows --------------------------------------------------------------------------


async def create_hall(session: AsyncSession, *, data: HallCreate, now: datetime) -> Hall:
    """A service hall; its name is unique."""
    hall = Hall(**data.model_dump(), created_at=now, updated_at=now)
    taken = Text(f"已有名为「{data.name}」的大厅。", f"A hall named {data.name!r} exists already.")
    await insert_unique(session, hall, conflict=taken, kind=ProblemKind.conflict)
    return hall


async def list_halls(session: AsyncSession, *, page: PageParams) -> Page:
    rows = (await session.exec(paginate(select(Hall), Hall, page))).all()
    return make_page(list(rows), page)


async def get_hall(session: AsyncSession, *, hall_id: uuid.UUID) -> tuple[Hall, list[HallWindow]]:
    """A hall and its windows, by number."""
    hall = await session.get(Hall, hall_id)
    if hall is None:
        raise NotFound(no_such("大厅", "hall"))
    query = select(HallWindow).where(HallWindow.hall_id == hall_id).order_by(HallWindow.number)
    return hall, list((await session.exec(query)).all())


async def get_window(session: AsyncSession, *, hall_id: uuid.UUID, window_id: uuid.UUID) -> HallWindow:
    query = select(HallWindow).where(HallWindow.id == window_id, HallWindow.hall_id == hall_id)
    window = (await session.exec(query)).first()
    if window is None:
        raise NotFound(no_such("窗口", "window"))
    return window


def _check_window(data: WindowBody) -> None:
    """The hours' ranges make sense (each names its field) and a make-up workday takes a weekday's hours."""
    ranges = [_range(body.model_dump()) for body in data.hours]
    errors = [
        {"field": f"hours.{index}.{field}", "message": message, "code": ProblemKind.validation_failed.code}
        for index, field, message in slots.range_errors(ranges, data.slot_minutes)
    ]
    if data.makeup_day not in slots.WORKDAYS:
        message = Text("应为星期一至星期五之一", "must be one of Monday to Friday")
        errors.append({"field": "makeup_day", "message": message, "code": ProblemKind.validation_failed.code})
    if errors:
        raise Invalid(
            Text("窗口的开放时间有误，请按 errors 逐项修改。", "The window's hours are not valid; see errors."),
            errors=errors,
        )


def _window_fields(data: WindowBody) -> dict[str, Any]:
    fields = data.model_dump(mode="json")
    fields["makeup_day"] = data.makeup_day
    return fields


async def add_window(session: AsyncSession, *, hall_id: uuid.UUID, data: WindowBody, now: datetime) -> HallWindow:
    """A new window of the hall; its number is unique in the hall (409)."""
    await get_hall(session, hall_id=hall_id)
    _check_window(data)
    window = HallWindow(hall_id=hall_id, **_window_fields(data), created_at=now, updated_at=now)
    taken = Text(f"该大厅已有 {data.number} 号窗口。", f"The hall has a window {data.number} already.")
    await insert_unique(session, window, conflict=taken, kind=ProblemKind.conflict)
    return window


async def replace_window(
    session: AsyncSession, *, hall_id: uuid.UUID, window_id: uuid.UUID, data: WindowBody, now: datetime
) -> HallWindow:
    """The window's whole new definition. Bookings made keep their slots; new hours and capacity apply to new
    bookings (a slot booked beyond a lowered capacity takes no one more)."""
    window = await get_window(session, hall_id=hall_id, window_id=window_id)
    _check_window(data)
    if data.number != window.number:
        clash = select(HallWindow.id).where(HallWindow.hall_id == hall_id, HallWindow.number == data.number)
        if (await session.exec(clash)).first() is not None:
            raise Conflict(Text(f"该大厅已有 {data.number} 号窗口。", f"The hall has a window {data.number} already."))
    for name, value in _window_fields(data).items():
        setattr(window, name, value)
    window.updated_at = now
    session.add(window)
    return window


def _range(fields: dict[str, Any]) -> slots.HoursRange:
    return slots.HoursRange(
        weekday=Weekday(fields["weekday"]),
        start=time.fromisoformat(fields["start"]),
        end=time.fromisoformat(fields["end"]),
        after_hours=bool(fields.get("after_hours", False)),
    )


def window_hours(window: HallWindow) -> slots.WindowHours:
    """A window row's hours as the slot rules take them."""
    return slots.WindowHours(
        ranges=tuple(_range(fields) for fields in window.hours),
        slot_minutes=window.slot_minutes,
        capacity=window.capacity,
        makeup_day=Weekday(window.makeup_day),
    )


async def serving_windows(session: AsyncSession, matter_code: str) -> list[tuple[HallWindow, Hall]]:
    """Every window serving the matter, with its hall."""
    query = (
        select(HallWindow, Hall)
        .join(Hall, Hall.id == HallWindow.hall_id)  # type: ignore[arg-type]
        .where(HallWindow.matter_codes.contains([matter_code]))  # type: ignore[attr-defined]
        .order_by(Hall.name, HallWindow.number)
    )
    return [(window, hall) for window, hall in (await session.exec(query)).all()]


# --- free slots ---------------------------------------------------------------------------------


def check_days(first: date, last: date) -> None:
    """A range of days: `to` not before `from`, at most 31 days (422 on `to`)."""
    if last < first:
        raise Invalid(Text("结束日期不能早于开始日期。", "`to` must not be before `from`."), field="to")
    if (last - first).days + 1 > slots.MAX_SLOT_RANGE_DAYS:
        days = slots.MAX_SLOT_RANGE_DAYS
        raise Invalid(Text(f"一次最多查询 {days} 天。", f"At most {days} days at a time."), field="to")


def _day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """From the start of `first` to the end of `last`, CST."""
    return datetime.combine(first, time(), CST), datetime.combine(last + timedelta(days=1), time(), CST)


async def free_slots(
    session: AsyncSession,
    *,
    matter_code: str,
    first: date,
    last: date,
    hall_id: uuid.UUID | None,
    calendar: CalendarCache,
    now: datetime,
) -> dict[str, Any]:
    """The free slots of the matter's windows from `first` to `last` (CST), earliest first: the windows' hours
    on the calendar, less those begun, less the places taken (one query for the range's bookings)."""
    check_days(first, last)
    windows = [(w, h) for w, h in await serving_windows(session, matter_code) if hall_id in (None, h.id)]
    items: list[dict[str, Any]] = []
    if windows:
        work_calendar = await calendar.get()
        since, until = _day_bounds(first, last)
        S = AppointmentSlot
        taken_rows = await session.exec(
            select(S.window_id, S.start_at, S.booked).where(
                S.window_id.in_([w.id for w, _ in windows]),  # type: ignore[attr-defined]
                S.start_at >= since,
                S.start_at < until,
            )
        )
        taken = {(window_id, start): booked for window_id, start, booked in taken_rows.all()}
        for window, hall in windows:
            for slot in slots.slots_between(window_hours(window), work_calendar, first, last):
                remaining = window.capacity - taken.get((window.id, slot.start), 0)
                if slot.start > now and remaining > 0:
                    items.append(_slot_item(window, hall, slot, remaining))
    items.sort(key=lambda item: (item["start"], item["hall_name"], item["window_number"]))
    return {"matter_code": matter_code, "first_day": first, "last_day": last, "items": items}


def _slot_item(window: HallWindow, hall: Hall, slot: slots.Slot, remaining: int) -> dict[str, Any]:
    return {
        "hall_id": hall.id,
        "hall_name": hall.name,
        "window_id": window.id,
        "window_number": window.number,
        "window_name": window.name,
        "start": slot.start,
        "end": slot.end,
        "after_hours": slot.after_hours,
        "capacity": window.capacity,
        "remaining": remaining,
    }


# --- the demo hall (`make run`) -----------------------------------------------------------------

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")
_REGULAR = [
    {"weekday": day, "start": start, "end": end, "after_hours": False}
    for day in _WEEKDAYS
    for start, end in (("09:00", "12:00"), ("13:30", "17:00"))
]
_AFTER_HOURS = [{"weekday": day, "start": "17:30", "end": "19:00", "after_hours": True} for day in _WEEKDAYS] + [
    {"weekday": "saturday", "start": "09:00", "end": "12:00", "after_hours": True}
]
DEMO_HALL = {"name": "濉溪县政务服务中心", "town": "濉溪镇", "address": "濉溪县政务服务中心二楼大厅"}
DEMO_WINDOWS = [  # 企业开办专厅 with 延时办 on weekday evenings and Saturday mornings; 工程建设, 税务, 水电气报装
    {
        "number": "A01",
        "name": "企业开办专窗",
        "department": "market",
        "matter_codes": ["QYKB-001"],
        "capacity": 2,
        "hours": _REGULAR + _AFTER_HOURS,
    },
    {
        "number": "A02",
        "name": "企业开办税务窗口（快办驿站）",
        "department": "tax",
        "matter_codes": ["QYKB-001"],
        "hours": _REGULAR + _AFTER_HOURS,
    },
    {
        "number": "B01",
        "name": "工程建设项目审批窗口",
        "department": "housing",
        "matter_codes": ["SGXK-001"],
        "hours": _REGULAR,
    },
    {"number": "C01", "name": "水电气报装窗口", "department": "power", "matter_codes": ["YDBZ-001"], "hours": _REGULAR},
]


async def seed_demo(session: AsyncSession, *, now: datetime) -> int:
    """The demo hall and its windows, once (matched by name); how many windows were added. Replicas starting
    together take turns (a transaction-scoped advisory lock), so the second finds the hall there."""
    await plain(session, "SELECT pg_advisory_xact_lock(%s)", (periodic.lock_id("demo-hall", "intake"),))
    if (await session.exec(select(Hall.id).where(Hall.name == DEMO_HALL["name"]))).first() is not None:
        return 0
    hall = await create_hall(session, data=HallCreate(**DEMO_HALL), now=now)
    for window in DEMO_WINDOWS:
        await add_window(session, hall_id=hall.id, data=WindowBody.model_validate(window), now=now)
    return len(DEMO_WINDOWS)

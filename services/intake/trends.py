"""Weekly series of requests for the county leader's dashboard: received, closed, satisfaction, punctuality.

Weeks are ISO weeks (Monday to Sunday) in China Standard Time; the database groups, never row by row.
"""

from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Date, Integer, and_, case, cast, func, or_
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.calendar import CST, cst_date
from services.common.stats import rate
from services.common.weeks import CST_ZONE, cst_week, date_week, period, week_label
from services.intake.domain import SATISFIED_RATING
from services.intake.models import EnterpriseRequest, RequestEvent


async def _counts(session: AsyncSession, query: Any) -> dict[date, tuple[int, ...]]:
    return {monday: tuple(counts) for monday, *counts in (await session.exec(query)).all()}


async def weekly(session: AsyncSession, *, weeks: int, now: datetime) -> dict[str, Any]:
    """Per week: requests received and closed, ratings and satisfied ones, and the requests whose punctuality was
    settled in the week with those answered on time (overall and per lead department)."""
    R, E = EnterpriseRequest, RequestEvent
    mondays = period(weeks=weeks, now=now)
    first, end = mondays[0], mondays[-1] + timedelta(weeks=1)
    since = datetime.combine(first, time.min, CST)
    today = cst_date(now)

    received_week = cst_week(R.created_at)
    received = await _counts(
        session, select(received_week, func.count()).where(R.created_at >= since).group_by(received_week)
    )
    closed_week = cst_week(R.closed_at)
    closed = await _counts(session, select(closed_week, func.count()).where(R.closed_at >= since).group_by(closed_week))
    feedback_week = cst_week(E.at)
    rating = cast(E.details["rating"].astext, Integer)
    feedback = await _counts(
        session,
        select(feedback_week, func.count(), func.count().filter(rating >= SATISFIED_RATING))
        .where(E.action == "feedback", E.at >= since)
        .group_by(feedback_week),
    )
    # punctuality as `domain.on_time` counts it, in the week it was settled: the week of the first answer, or for a
    # request still unanswered, the week of the day after its due date (when it became late)
    replied_on = cast(func.timezone(CST_ZONE, R.first_replied_at), Date)
    settled_on = case((R.first_replied_at.is_not(None), replied_on), else_=R.due_date + 1)
    settled_week = date_week(settled_on)
    known = or_(R.first_replied_at.is_not(None), R.due_date < today)
    answered_in_time = and_(R.first_replied_at.is_not(None), replied_on <= R.due_date)
    punctuality = (
        await session.exec(
            select(R.lead_department, settled_week, func.count(), func.count().filter(answered_in_time))
            .where(
                R.due_date.is_not(None), R.lead_department.is_not(None), known, settled_on >= first, settled_on < end
            )
            .group_by(R.lead_department, settled_week)
        )
    ).all()
    overall: dict[date, list[int]] = {}
    by_department: dict[str, dict[date, tuple[int, int]]] = {}
    for department, monday, settled, on_time in punctuality:
        by_department.setdefault(department, {})[monday] = (settled, on_time)
        sums = overall.setdefault(monday, [0, 0])
        sums[0] += settled
        sums[1] += on_time

    rows = []
    for monday in mondays:
        given, satisfied = feedback.get(monday, (0, 0))
        settled, on_time = overall.get(monday, (0, 0))
        rows.append(
            {
                "week": week_label(monday),
                "starts_on": monday,
                "received": received.get(monday, (0,))[0],
                "closed": closed.get(monday, (0,))[0],
                "feedback": given,
                "satisfied": satisfied,
                "satisfaction_rate": rate(satisfied, given),
                "settled": settled,
                "on_time": on_time,
                "on_time_rate": rate(on_time, settled),
            }
        )
    return {
        "weeks": rows,
        "by_department": {
            department: [_department_week(monday, weeks_of.get(monday, (0, 0))) for monday in mondays]
            for department, weeks_of in sorted(by_department.items())
        },
    }


def _department_week(monday: date, counts: tuple[int, int]) -> dict[str, Any]:
    settled, on_time = counts
    return {
        "week": week_label(monday),
        "starts_on": monday,
        "settled": settled,
        "on_time": on_time,
        "on_time_rate": rate(on_time, settled),
    }

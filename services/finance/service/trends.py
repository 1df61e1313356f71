"""Weekly series of financing for the county leader's dashboard, and each matchmaking event's results by bank."""

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.weeks import date_week, period, week_label
from services.finance.domain import LoanStatus
from services.finance.models import Bank, LoanApplication, MatchmakingEvent

SIGNED = LoanApplication.status == LoanStatus.signed


async def weekly(session: AsyncSession, *, weeks: int, now: datetime) -> dict[str, Any]:
    """Per ISO week (by the day each loan was signed): deals, enterprises and the amount signed; then every
    matchmaking event's results."""
    A = LoanApplication
    mondays = period(weeks=weeks, now=now)
    signed_week = date_week(A.signed_on)
    rows = (
        await session.exec(
            sa_select(
                signed_week,
                func.count(),
                func.count(func.distinct(A.enterprise_id)),
                func.coalesce(func.sum(A.signed_amount_yuan), 0),
            )
            .where(SIGNED, A.signed_on >= mondays[0], A.signed_on < mondays[-1] + timedelta(weeks=1))
            .group_by(signed_week)
        )
    ).all()
    by_week = {monday: (deals, enterprises, int(amount)) for monday, deals, enterprises, amount in rows}
    series = []
    for monday in mondays:
        deals, enterprises, amount = by_week.get(monday, (0, 0, 0))
        series.append(
            {
                "week": week_label(monday),
                "starts_on": monday,
                "deals": deals,
                "enterprises": enterprises,
                "amount_signed_yuan": amount,
            }
        )
    return {"weeks": series, "events": await event_results(session)}


async def event_results(session: AsyncSession) -> list[dict[str, Any]]:
    """Every event, the latest first: deals, distinct enterprises and amount signed there, overall and by bank."""
    A, E = LoanApplication, MatchmakingEvent
    events = (
        await session.exec(sa_select(E.id, E.title, E.held_on, E.location).order_by(E.held_on.desc(), E.id))
    ).all()
    totals = {
        event_id: (deals, enterprises, int(amount))
        for event_id, deals, enterprises, amount in (
            await session.exec(
                sa_select(
                    A.event_id,
                    func.count(),
                    func.count(func.distinct(A.enterprise_id)),
                    func.coalesce(func.sum(A.signed_amount_yuan), 0),
                )
                .where(SIGNED, A.event_id.is_not(None))
                .group_by(A.event_id)
            )
        ).all()
    }
    amount_by_bank = func.coalesce(func.sum(A.signed_amount_yuan), 0)
    by_bank: dict[uuid.UUID, list[dict[str, Any]]] = {}
    for event_id, code, name, deals, enterprises, amount in (
        await session.exec(
            sa_select(
                A.event_id,
                Bank.code,
                Bank.name,
                func.count(),
                func.count(func.distinct(A.enterprise_id)),
                amount_by_bank,
            )
            .join(Bank, Bank.id == A.bank_id)
            .where(SIGNED, A.event_id.is_not(None))
            .group_by(A.event_id, Bank.code, Bank.name)
            .order_by(A.event_id, amount_by_bank.desc(), Bank.code)
        )
    ).all():
        by_bank.setdefault(event_id, []).append(
            {"code": code, "name": name, "deals": deals, "enterprises": enterprises, "amount_signed_yuan": int(amount)}
        )
    results = []
    for event_id, title, held_on, location in events:
        deals, enterprises, amount = totals.get(event_id, (0, 0, 0))
        results.append(
            {
                "id": event_id,
                "title": title,
                "held_on": held_on,
                "location": location,
                "deals": deals,
                "enterprises": enterprises,
                "amount_signed_yuan": amount,
                "by_bank": by_bank.get(event_id, []),
            }
        )
    return results

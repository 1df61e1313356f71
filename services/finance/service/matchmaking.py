"""Matchmaking events (银企对接活动) and the county's figures of bank-enterprise financing."""

import uuid
from datetime import datetime
from typing import Any

from prometheus_client.core import GaugeMetricFamily
from sqlalchemy import and_, func
from sqlalchemy import select as sa_select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common import metrics
from services.common.problems import NotFound
from services.common.texts import no_such
from services.finance.domain import DeliveryStatus, LoanStatus, NeedStatus, ProductStatus
from services.finance.models import Bank, LoanApplication, MatchmakingEvent, Need, Product, WebhookDelivery
from services.finance.schemas import EventCreate


async def create_event(session: AsyncSession, *, data: EventCreate, now: datetime) -> MatchmakingEvent:
    event = MatchmakingEvent(**data.model_dump(), created_at=now, updated_at=now)
    session.add(event)
    return event


async def get_event(session: AsyncSession, *, event_id: uuid.UUID) -> tuple[MatchmakingEvent, dict[str, int]]:
    event = await session.get(MatchmakingEvent, event_id)
    if event is None:
        raise NotFound(no_such("银企对接活动", "event"))
    A = LoanApplication
    deals, enterprises, amount = (
        await session.exec(
            sa_select(
                func.count(),
                func.count(func.distinct(A.enterprise_id)),
                func.coalesce(func.sum(A.signed_amount_yuan), 0),
            ).where(A.event_id == event_id, A.status == LoanStatus.signed)
        )
    ).one()
    return event, {"deals": deals, "enterprises_signed": enterprises, "amount_signed_yuan": int(amount)}


SIGNED = LoanApplication.status == LoanStatus.signed


async def stats(session: AsyncSession) -> dict[str, Any]:
    """County figures: the market's size and what it has signed, by bank and by matchmaking event."""
    A = LoanApplication
    products_active = (
        await session.exec(sa_select(func.count()).where(Product.status == ProductStatus.active))
    ).scalar_one()
    needs_open = (await session.exec(sa_select(func.count()).where(Need.status == NeedStatus.open))).scalar_one()
    applications, deals, enterprises, amount = (
        await session.exec(
            sa_select(
                func.count(),
                func.count().filter(SIGNED),
                func.count(func.distinct(A.enterprise_id)).filter(SIGNED),
                func.coalesce(func.sum(A.signed_amount_yuan).filter(SIGNED), 0),
            )
        )
    ).one()
    return {
        "products_active": products_active,
        "needs_open": needs_open,
        "applications": applications,
        "deals": deals,
        "enterprises_financed": enterprises,
        "amount_signed_yuan": int(amount),
        "by_bank": await _by_bank(session),
        "events": await _by_matchmaking_event(session),
    }


async def _by_bank(session: AsyncSession) -> dict[str, dict[str, Any]]:
    A = LoanApplication
    rows = await session.exec(
        sa_select(
            Bank.code,
            Bank.name,
            func.count(A.id),
            func.count(A.id).filter(SIGNED),
            func.coalesce(func.sum(A.signed_amount_yuan).filter(SIGNED), 0),
        )
        .join(A, A.bank_id == Bank.id, isouter=True)
        .group_by(Bank.id)
    )
    return {
        code: {"name": name, "applications": apps, "deals": deals, "amount_signed_yuan": int(total)}
        for code, name, apps, deals, total in rows.all()
    }


async def _by_matchmaking_event(session: AsyncSession) -> list[dict[str, Any]]:
    A = LoanApplication
    rows = await session.exec(
        sa_select(
            MatchmakingEvent.id,
            MatchmakingEvent.title,
            MatchmakingEvent.held_on,
            func.count(A.id),
            func.coalesce(func.sum(A.signed_amount_yuan), 0),
        )
        .join(A, and_(A.event_id == MatchmakingEvent.id, SIGNED), isouter=True)
        .group_by(MatchmakingEvent.id)
        .order_by(MatchmakingEvent.held_on.desc())
    )
    return [
        {"id": str(i), "title": t, "held_on": h.isoformat(), "deals": d, "amount_signed_yuan": int(a)}
        for i, t, h, d, a in rows.all()
    ]


async def gauges(session: AsyncSession) -> list[GaugeMetricFamily]:
    """For `/metrics`: open needs, and webhook deliveries to banks by status."""
    needs_open = (await session.exec(sa_select(func.count()).where(Need.status == NeedStatus.open))).scalar_one()
    D = WebhookDelivery
    deliveries = dict((await session.exec(sa_select(D.status, func.count()).group_by(D.status))).all())
    return [
        metrics.gauge("kuaiban_finance_needs_open", "Financing needs open for matching", [(needs_open,)]),
        metrics.gauge(
            "kuaiban_finance_webhook_deliveries",
            "Webhook deliveries to banks' systems by status",
            [(s, deliveries.get(s, 0)) for s in DeliveryStatus],
            ["status"],
        ),
    ]

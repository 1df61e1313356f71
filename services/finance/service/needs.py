"""Financing needs that enterprises post, with a snapshot of their profile for banks' leads."""

import uuid
from datetime import datetime

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import Principal
from services.common.pagination import PageParams, make_page, paginate
from services.common.problems import NotFound
from services.common.texts import no_such
from services.finance import policy
from services.finance.domain import NeedStatus, wan
from services.finance.models import AccessKind, LoanApplication, Need
from services.finance.schemas import NeedCreate
from services.finance.service import access_log, webhooks
from services.finance.service.timeline import emit
from services.intake.contract import IntakeClient


async def create_need(
    session: AsyncSession, *, data: NeedCreate, principal: Principal, intake: IntakeClient, now: datetime
) -> Need:
    """Post a need with a snapshot of the enterprise's profile, which banks' lead lists filter on."""
    profile = await intake.enterprise(principal.enterprise_id)
    need = Need(
        **data.model_dump(mode="json"),
        enterprise_id=principal.enterprise_id,
        status=NeedStatus.open,
        enterprise_name=profile.name,
        industry=profile.industry,
        town=profile.town,
        established_on=profile.established_on,
        annual_revenue_yuan=profile.annual_revenue_yuan or 0,
        credit_rating=profile.credit_rating,
        created_at=now,
        updated_at=now,
    )
    session.add(need)
    emit(session, need.enterprise_id, ("need.posted", f"发布融资需求 {wan(need.amount_yuan)} 万元"), need.id, now=now)
    await webhooks.need_posted(session, need=need, profile=profile, now=now)
    return need


async def list_needs(
    session: AsyncSession, *, principal: Principal, page: PageParams, status: NeedStatus | None
) -> tuple[list[Need], str | None]:
    query = select(Need).where(policy.needs_visible_to(principal))
    if status is not None:
        query = query.where(Need.status == status)
    return make_page(list((await session.exec(paginate(query, Need, page))).all()), page)


async def get_need(session: AsyncSession, *, need_id: uuid.UUID, principal: Principal, lock: bool = False) -> Need:
    query = select(Need).where(Need.id == need_id, policy.needs_visible_to(principal))
    if lock:
        query = query.with_for_update()
    need = (await session.exec(query)).first()
    if need is None:
        raise NotFound(no_such("融资需求", "need"))
    return need


async def withdraw_consent(session: AsyncSession, *, need_id: uuid.UUID, principal: Principal, now: datetime) -> Need:
    """The enterprise stops showing the need to banks (leads, near-miss counts, webhooks); again changes nothing."""
    need = await get_need(session, need_id=need_id, principal=principal, lock=True)
    if need.consent:
        need.consent = False
        need.updated_at = now
        session.add(need)
    return need


async def need_behind(
    session: AsyncSession, *, application_id: uuid.UUID, principal: Principal, what: AccessKind, now: datetime
) -> Need:
    """The need (and its profile snapshot) behind a loan application, for the application's parties.

    A bank's read is logged as `what` (`need` or `profile`)."""
    query = (
        select(Need)
        .join(LoanApplication, LoanApplication.need_id == Need.id)
        .where(LoanApplication.id == application_id, policy.loans_visible_to(principal))
    )
    need = (await session.exec(query)).first()
    if need is None:
        raise NotFound(no_such("贷款申请", "application"))
    await access_log.record(session, principal=principal, what=what, reads=[(need.enterprise_id, need.id)], now=now)
    return need

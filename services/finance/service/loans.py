"""Loan applications: an enterprise applies for a product against its need, the bank decides, a deal is signed."""

import uuid
from datetime import datetime

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import Principal
from services.common.calendar import cst_date
from services.common.db import insert_unique
from services.common.pagination import PageParams, make_page, paginate
from services.common.problems import Invalid, NotFound, ProblemKind
from services.common.texts import Text, no_such
from services.finance import domain, policy
from services.finance.domain import LoanStatus, WebhookEvent
from services.finance.models import LoanApplication, MatchmakingEvent, Need, Product
from services.finance.schemas import DecisionCreate, SignCreate
from services.finance.service import webhooks
from services.finance.service.matching import is_eligible
from services.finance.service.needs import get_need
from services.finance.service.timeline import emit
from services.intake.contract import IntakeClient


async def apply(
    session: AsyncSession,
    *,
    need_id: uuid.UUID,
    product_id: uuid.UUID,
    principal: Principal,
    intake: IntakeClient,
    now: datetime,
) -> LoanApplication:
    """Apply for a product the enterprise is eligible for, against its open need; once per pair."""
    profile = await intake.enterprise(principal.enterprise_id)
    need = await get_need(session, need_id=need_id, principal=principal, lock=True)
    domain.require_open(need)
    product = await session.get(Product, product_id)
    if product is None:
        raise Invalid(no_such("金融产品", "product"), field="product_id", kind=ProblemKind.unknown_reference)
    if not await is_eligible(session, product_id=product_id, need=need, profile=profile, on=cst_date(now)):
        raise Invalid(
            Text("企业就此需求不符合该产品的条件。", "The enterprise is not eligible for this product for this need."),
            field="product_id",
            kind=ProblemKind.not_eligible,
        )
    loan = LoanApplication(
        need_id=need.id,
        product_id=product.id,
        bank_id=product.bank_id,
        enterprise_id=need.enterprise_id,
        status=LoanStatus.submitted,
        product_version=product.version,  # the terms applied under, kept through later edits of the product
        terms=domain.terms_of(product),
        created_at=now,
        updated_at=now,
    )
    again = Text("此融资需求已申请过该产品。", "This need has already been put to this product.")
    await insert_unique(session, loan, conflict=again, kind=ProblemKind.duplicate_application)
    await webhooks.application_event(session, loan=loan, event=WebhookEvent.application_submitted, now=now)
    return loan


async def list_loans(
    session: AsyncSession, *, principal: Principal, page: PageParams, status: LoanStatus | None
) -> tuple[list[LoanApplication], str | None]:
    query = select(LoanApplication).where(policy.loans_visible_to(principal))
    if status is not None:
        query = query.where(LoanApplication.status == status)
    return make_page(list((await session.exec(paginate(query, LoanApplication, page))).all()), page)


async def get_loan(
    session: AsyncSession, *, application_id: uuid.UUID, principal: Principal, lock: bool = False
) -> LoanApplication:
    query = select(LoanApplication).where(LoanApplication.id == application_id, policy.loans_visible_to(principal))
    if lock:
        query = query.with_for_update()
    found = (await session.exec(query)).first()
    if found is None:
        raise NotFound(no_such("贷款申请", "application"))
    return found


async def decide(
    session: AsyncSession, *, application_id: uuid.UUID, data: DecisionCreate, principal: Principal, now: datetime
) -> LoanApplication:
    """The owning bank approves (with terms) or rejects (with a reason); a rejection leaves the need open."""
    loan = await get_loan(session, application_id=application_id, principal=principal, lock=True)
    need = await session.get(Need, loan.need_id, with_for_update=True)
    event = domain.decide(
        loan,
        need,
        decision=data.decision,
        amount_yuan=data.approved_amount_yuan,
        rate_pct=data.annual_rate_pct,
        term_months=data.term_months,
        reason=data.reason,
        now=now,
    )
    session.add(loan)
    emit(session, loan.enterprise_id, event, loan.id, now=now)
    return loan


async def sign(
    session: AsyncSession, *, application_id: uuid.UUID, data: SignCreate, principal: Principal, now: datetime
) -> LoanApplication:
    """The contract is signed: the application is a deal and the need is financed."""
    loan = await get_loan(session, application_id=application_id, principal=principal, lock=True)
    need = await session.get(Need, loan.need_id, with_for_update=True)
    event_exists = data.event_id is not None and await session.get(MatchmakingEvent, data.event_id) is not None
    event = domain.sign(
        loan,
        need,
        amount_yuan=data.signed_amount_yuan,
        rate_pct=data.annual_rate_pct,
        term_months=data.term_months,
        signed_on=data.signed_on,
        event_id=data.event_id,
        event_exists=event_exists,
        now=now,
    )
    session.add_all([loan, need])
    emit(session, loan.enterprise_id, event, loan.id, now=now)
    await webhooks.application_event(session, loan=loan, event=WebhookEvent.deal_signed, now=now)
    return loan


async def withdraw(
    session: AsyncSession, *, application_id: uuid.UUID, principal: Principal, now: datetime
) -> LoanApplication:
    """The enterprise takes back its application (submitted or approved, not yet signed); its need stays open."""
    loan = await get_loan(session, application_id=application_id, principal=principal, lock=True)
    event = domain.withdraw(loan, now=now)
    session.add(loan)
    emit(session, loan.enterprise_id, event, loan.id, now=now)
    await webhooks.application_event(session, loan=loan, event=WebhookEvent.application_withdrawn, now=now)
    return loan

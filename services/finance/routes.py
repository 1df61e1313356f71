"""HTTP endpoints of the finance service: parse, call `service`, return."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from services.common.clock import NowDep
from services.common.db import SessionDep
from services.common.outbox import dead_letter_routes
from services.common.pagination import PageDep, page_body
from services.common.problems import problem_responses
from services.finance import contract
from services.finance.clients import IntakeDep
from services.finance.config import PREFIX
from services.finance.domain import LoanStatus, NeedStatus, ProductStatus
from services.finance.models import FinanceOutbox
from services.finance.policy import AdminDep, BankDep, EnterpriseDep, InternalDep, NeedReaderDep, PartyDep, PrincipalDep
from services.finance.schemas import (
    ApplicationCreate,
    BankCreate,
    BankPage,
    BankRead,
    DecisionCreate,
    EventCreate,
    EventRead,
    EventWithStats,
    FinanceStats,
    LeadPage,
    LoanApplicationPage,
    LoanApplicationRead,
    MatchList,
    NeedCreate,
    NeedPage,
    NeedRead,
    ProductCreate,
    ProductPage,
    ProductRead,
    SignCreate,
)
from services.finance.service import banks, loans, matching, matchmaking, needs

router = APIRouter(prefix=PREFIX, tags=["finance"], responses=problem_responses(401, 403))
internal = APIRouter(include_in_schema=False)  # internal calls only: the gateway routes no /internal path
operations = dead_letter_routes(PREFIX, FinanceOutbox)
ACTION = problem_responses(404, 409, 422)


@router.post(
    "/banks",
    status_code=201,
    response_model=BankRead,
    responses=problem_responses(409, 422),
    summary="Register a bank (admin)",
)
async def create_bank(body: BankCreate, session: SessionDep, now: NowDep, _: AdminDep):
    return await banks.create_bank(session, data=body, now=now)


@router.get("/banks", response_model=BankPage, summary="Banks")
async def list_banks(session: SessionDep, page: PageDep, _: PrincipalDep):
    return page_body(await banks.list_banks(session, page=page))


@router.get("/banks/{bank_id}", response_model=BankRead, responses=problem_responses(404), summary="One bank")
async def get_bank(bank_id: uuid.UUID, session: SessionDep, _: PrincipalDep):
    return await banks.get_bank(session, bank_id=bank_id)


@router.post(
    "/products",
    status_code=201,
    response_model=ProductRead,
    responses=problem_responses(422),
    summary="Post a loan product (a bank, for itself)",
)
async def create_product(body: ProductCreate, session: SessionDep, now: NowDep, principal: BankDep):
    return await banks.create_product(session, data=body, principal=principal, now=now)


@router.get("/products", response_model=ProductPage, summary="Loan products")
async def list_products(
    session: SessionDep,
    page: PageDep,
    _: PrincipalDep,
    bank_id: uuid.UUID | None = None,
    status: ProductStatus | None = None,
):
    return page_body(await banks.list_products(session, page=page, bank_id=bank_id, status=status))


@router.post(
    "/products/{product_id}/withdraw",
    response_model=ProductRead,
    responses=ACTION,
    summary="Withdraw a product: it is matched no more (the owning bank)",
)
async def withdraw_product(product_id: uuid.UUID, session: SessionDep, now: NowDep, principal: BankDep):
    return await banks.withdraw_product(session, product_id=product_id, principal=principal, now=now)


@router.get(
    "/products/{product_id}/leads",
    response_model=LeadPage,
    responses=problem_responses(404),
    summary="Open needs that fit the product, without contact data (the owning bank)",
)
async def product_leads(product_id: uuid.UUID, session: SessionDep, page: PageDep, now: NowDep, principal: BankDep):
    items, next_cursor = await matching.leads(session, product_id=product_id, principal=principal, page=page, now=now)
    return {
        "items": [
            {
                "need_id": need.id,
                "enterprise_name": need.enterprise_name,
                "industry": need.industry,
                "town": need.town,
                "amount_yuan": need.amount_yuan,
                "term_months": need.term_months,
                "posted_at": need.created_at,
            }
            for need in items
        ],
        "next_cursor": next_cursor,
    }


@router.post(
    "/needs",
    status_code=201,
    response_model=NeedRead,
    responses=problem_responses(422, 503),
    summary="Post a financing need (an enterprise)",
)
async def create_need(body: NeedCreate, session: SessionDep, intake: IntakeDep, now: NowDep, principal: EnterpriseDep):
    return await needs.create_need(session, data=body, principal=principal, intake=intake, now=now)


@router.get("/needs", response_model=NeedPage, summary="Needs (an enterprise its own, admin all)")
async def list_needs(session: SessionDep, page: PageDep, principal: NeedReaderDep, status: NeedStatus | None = None):
    return page_body(await needs.list_needs(session, principal=principal, page=page, status=status))


@router.get("/needs/{need_id}", response_model=NeedRead, responses=problem_responses(404), summary="One need")
async def get_need(need_id: uuid.UUID, session: SessionDep, principal: NeedReaderDep):
    return await needs.get_need(session, need_id=need_id, principal=principal)


@router.get(
    "/needs/{need_id}/matches",
    response_model=MatchList,
    responses=problem_responses(404, 503),
    summary="Products the enterprise is eligible for, best first, with reasons",
)
async def need_matches(
    need_id: uuid.UUID,
    session: SessionDep,
    intake: IntakeDep,
    now: NowDep,
    principal: NeedReaderDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
):
    found = await matching.matches(session, need_id=need_id, principal=principal, intake=intake, now=now, limit=limit)
    return {"items": found}


@router.post(
    "/applications",
    status_code=201,
    response_model=LoanApplicationRead,
    responses=ACTION,
    summary="Apply for a product against a need (an enterprise)",
)
async def apply(body: ApplicationCreate, session: SessionDep, intake: IntakeDep, now: NowDep, principal: EnterpriseDep):
    return await loans.apply(
        session, need_id=body.need_id, product_id=body.product_id, principal=principal, intake=intake, now=now
    )


@router.get(
    "/applications",
    response_model=LoanApplicationPage,
    summary="Applications: a bank those to its products, an enterprise its own, admin all",
)
async def list_applications(session: SessionDep, page: PageDep, principal: PartyDep, status: LoanStatus | None = None):
    return page_body(await loans.list_loans(session, principal=principal, page=page, status=status))


@router.get(
    "/applications/{application_id}",
    response_model=LoanApplicationRead,
    responses=problem_responses(404),
    summary="One application",
)
async def get_application(application_id: uuid.UUID, session: SessionDep, principal: PartyDep):
    return await loans.get_loan(session, application_id=application_id, principal=principal)


@router.post(
    "/applications/{application_id}/decision",
    response_model=LoanApplicationRead,
    responses=ACTION,
    summary="Approve with terms or reject with a reason (the owning bank)",
)
async def decide(application_id: uuid.UUID, body: DecisionCreate, session: SessionDep, now: NowDep, principal: BankDep):
    return await loans.decide(session, application_id=application_id, data=body, principal=principal, now=now)


@router.post(
    "/applications/{application_id}/sign",
    response_model=LoanApplicationRead,
    responses=ACTION,
    summary="Record the signed contract: the need is financed (the owning bank)",
)
async def sign(application_id: uuid.UUID, body: SignCreate, session: SessionDep, now: NowDep, principal: BankDep):
    return await loans.sign(session, application_id=application_id, data=body, principal=principal, now=now)


@router.post(
    "/events",
    status_code=201,
    response_model=EventRead,
    responses=problem_responses(422),
    summary="Record a matchmaking event, 银企对接活动 (admin)",
)
async def create_event(body: EventCreate, session: SessionDep, now: NowDep, _: AdminDep):
    return await matchmaking.create_event(session, data=body, now=now)


@router.get(
    "/events/{event_id}",
    response_model=EventWithStats,
    responses=problem_responses(404),
    summary="An event with what it signed",
)
async def get_event(event_id: uuid.UUID, session: SessionDep, _: PrincipalDep):
    event, stats = await matchmaking.get_event(session, event_id=event_id)
    return {**EventRead.model_validate(event).model_dump(), "stats": stats}


@router.get("/stats", response_model=FinanceStats, summary="County figures of bank-enterprise financing (admin)")
async def get_stats(session: SessionDep, _: AdminDep):
    return await matchmaking.stats(session)


@internal.get(contract.BANK_PATH, response_model=contract.BankRef)
async def bank_ref(bank_id: uuid.UUID, session: SessionDep, _: InternalDep):
    """For the gateway: a bank account must name a registered bank."""
    return await banks.get_bank(session, bank_id=bank_id)

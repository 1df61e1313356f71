"""HTTP endpoints of the finance service: parse, call `service`, return."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from services.common.auth import AdminDep, Principal, PrincipalDep, Role, require_roles
from services.common.db import SessionDep
from services.common.pagination import PageDep, page_body
from services.common.problems import problem_responses
from services.finance import clients, service
from services.finance.config import PREFIX
from services.finance.schemas import (
    ApplicationCreate,
    ApplicationStatus,
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
    NeedStatus,
    ProductCreate,
    ProductPage,
    ProductRead,
    ProductStatus,
    SignCreate,
)

router = APIRouter(prefix=PREFIX, tags=["finance"], responses=problem_responses(401, 403))

BankDep = Annotated[Principal, Depends(require_roles(Role.bank))]
EnterpriseDep = Annotated[Principal, Depends(require_roles(Role.enterprise))]
NeedReaderDep = Annotated[Principal, Depends(require_roles(Role.admin, Role.enterprise))]
PartyDep = Annotated[Principal, Depends(require_roles(Role.admin, Role.enterprise, Role.bank))]
ACTION = problem_responses(404, 409, 422)


@router.post(
    "/banks",
    status_code=201,
    response_model=BankRead,
    responses=problem_responses(409, 422),
    summary="Register a bank (admin)",
)
async def create_bank(body: BankCreate, session: SessionDep, _: AdminDep):
    return await service.create_bank(session, data=body)


@router.get("/banks", response_model=BankPage, summary="Banks")
async def list_banks(session: SessionDep, page: PageDep, _: PrincipalDep):
    return page_body(await service.list_banks(session, page=page))


@router.get("/banks/{bank_id}", response_model=BankRead, responses=problem_responses(404), summary="One bank")
async def get_bank(bank_id: uuid.UUID, session: SessionDep, _: PrincipalDep):
    return await service.get_bank(session, bank_id=bank_id)


@router.post(
    "/products",
    status_code=201,
    response_model=ProductRead,
    responses=problem_responses(422),
    summary="Post a loan product (a bank, for itself)",
)
async def create_product(body: ProductCreate, session: SessionDep, principal: BankDep):
    return await service.create_product(session, data=body, principal=principal)


@router.get("/products", response_model=ProductPage, summary="Loan products")
async def list_products(
    session: SessionDep,
    page: PageDep,
    _: PrincipalDep,
    bank_id: uuid.UUID | None = None,
    status: ProductStatus | None = None,
):
    return page_body(await service.list_products(session, page=page, bank_id=bank_id, status=status))


@router.post(
    "/products/{product_id}/withdraw",
    response_model=ProductRead,
    responses=ACTION,
    summary="Withdraw a product: it is matched no more (the owning bank)",
)
async def withdraw_product(product_id: uuid.UUID, session: SessionDep, principal: BankDep):
    return await service.withdraw_product(session, product_id=product_id, principal=principal)


@router.get(
    "/products/{product_id}/leads",
    response_model=LeadPage,
    responses=problem_responses(404),
    summary="Open needs that fit the product, without contact data (the owning bank)",
)
async def product_leads(product_id: uuid.UUID, session: SessionDep, page: PageDep, principal: BankDep):
    items, next_cursor = await service.leads(session, product_id=product_id, principal=principal, page=page)
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
async def create_need(body: NeedCreate, session: SessionDep, request: Request, principal: EnterpriseDep):
    profile = await clients.enterprise_profile(request.app.state.services, principal.enterprise_id)
    need = await service.create_need(session, data=body, principal=principal, profile=profile)
    request.app.state.outbox.wake()
    return need


@router.get("/needs", response_model=NeedPage, summary="Needs (an enterprise its own, admin all)")
async def list_needs(session: SessionDep, page: PageDep, principal: NeedReaderDep, status: NeedStatus | None = None):
    return page_body(await service.list_needs(session, principal=principal, page=page, status=status))


@router.get("/needs/{need_id}", response_model=NeedRead, responses=problem_responses(404), summary="One need")
async def get_need(need_id: uuid.UUID, session: SessionDep, principal: NeedReaderDep):
    return await service.get_need(session, need_id=need_id, principal=principal)


@router.get(
    "/needs/{need_id}/matches",
    response_model=MatchList,
    responses=problem_responses(404, 503),
    summary="Products the enterprise is eligible for, best first, with reasons",
)
async def need_matches(
    need_id: uuid.UUID,
    session: SessionDep,
    request: Request,
    principal: NeedReaderDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
):
    need = await service.get_need(session, need_id=need_id, principal=principal)
    profile = await clients.enterprise_profile(request.app.state.services, need.enterprise_id)
    return {"items": await service.matches(session, need=need, profile=profile, limit=limit)}


@router.post(
    "/applications",
    status_code=201,
    response_model=LoanApplicationRead,
    responses=ACTION,
    summary="Apply for a product against a need (an enterprise)",
)
async def apply(body: ApplicationCreate, session: SessionDep, request: Request, principal: EnterpriseDep):
    profile = await clients.enterprise_profile(request.app.state.services, principal.enterprise_id)
    return await service.apply(
        session, need_id=body.need_id, product_id=body.product_id, principal=principal, profile=profile
    )


@router.get(
    "/applications",
    response_model=LoanApplicationPage,
    summary="Applications: a bank those to its products, an enterprise its own, admin all",
)
async def list_applications(
    session: SessionDep, page: PageDep, principal: PartyDep, status: ApplicationStatus | None = None
):
    return page_body(await service.list_applications(session, principal=principal, page=page, status=status))


@router.get(
    "/applications/{application_id}",
    response_model=LoanApplicationRead,
    responses=problem_responses(404),
    summary="One application",
)
async def get_application(application_id: uuid.UUID, session: SessionDep, principal: PartyDep):
    return await service.get_application(session, application_id=application_id, principal=principal)


@router.post(
    "/applications/{application_id}/decision",
    response_model=LoanApplicationRead,
    responses=ACTION,
    summary="Approve with terms or reject with a reason (the owning bank)",
)
async def decide(
    application_id: uuid.UUID, body: DecisionCreate, session: SessionDep, request: Request, principal: BankDep
):
    application = await service.decide(session, application_id=application_id, data=body, principal=principal)
    request.app.state.outbox.wake()
    return application


@router.post(
    "/applications/{application_id}/sign",
    response_model=LoanApplicationRead,
    responses=ACTION,
    summary="Record the signed contract: the need is financed (the owning bank)",
)
async def sign(application_id: uuid.UUID, body: SignCreate, session: SessionDep, request: Request, principal: BankDep):
    application = await service.sign(session, application_id=application_id, data=body, principal=principal)
    request.app.state.outbox.wake()
    return application


@router.post(
    "/events",
    status_code=201,
    response_model=EventRead,
    responses=problem_responses(422),
    summary="Record a matchmaking event, 银企对接活动 (admin)",
)
async def create_event(body: EventCreate, session: SessionDep, _: AdminDep):
    return await service.create_event(session, data=body)


@router.get(
    "/events/{event_id}",
    response_model=EventWithStats,
    responses=problem_responses(404),
    summary="An event with what it signed",
)
async def get_event(event_id: uuid.UUID, session: SessionDep, _: PrincipalDep):
    event, stats = await service.get_event(session, event_id=event_id)
    return {**EventRead.model_validate(event).model_dump(), "stats": stats}


@router.get("/stats", response_model=FinanceStats, summary="County figures of bank-enterprise financing (admin)")
async def get_stats(session: SessionDep, _: AdminDep):
    return await service.stats(session)

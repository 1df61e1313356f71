"""HTTP endpoints of the finance service: parse, call `service`, return."""

import uuid
from collections import Counter
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response

from services.common import exports
from services.common.app import RuntimeDep
from services.common.audit import audit_routes
from services.common.clock import NowDep
from services.common.db import ReadSessionDep, SessionDep
from services.common.openapi import created
from services.common.outbox import dead_letter_routes
from services.common.pagination import PageDep, page_body
from services.common.problems import DomainError, LanguageDep, problem_dict, problem_responses
from services.common.schemas import IsoDateTime
from services.common.texts import Language, localize
from services.common.unit_of_work import shows_secret
from services.common.webhook_targets import TargetGuard
from services.common.weeks import WEEKS_MAX
from services.finance import contract, domain
from services.finance.clients import CalendarDep, IntakeDep
from services.finance.config import PREFIX
from services.finance.domain import GrantStatus, LoanStatus, NeedStatus, PolicyStatus, ProductStatus, SyncResult
from services.finance.models import AccessKind, FinanceAudit, FinanceOutbox
from services.finance.policy import (
    AccessLogReaderDep,
    AdminDep,
    CatalogueDep,
    DeciderDep,
    EnterpriseDep,
    GrantReaderDep,
    InsightDep,
    InternalDep,
    LeadReaderDep,
    NeedReaderDep,
    PartyDep,
    PolicyReaderDep,
    PolicyWriterDep,
    PrincipalDep,
    ProductWriterDep,
    StatsDep,
    WebhookManagerDep,
)
from services.finance.schemas import (
    EXTERNAL_REF_PATTERN,
    AccessPage,
    ApplicationCreate,
    BankCreate,
    BankPage,
    BankRead,
    DecisionCreate,
    DeliveryPage,
    DeliveryRead,
    DisbursementCreate,
    DisbursementRead,
    EnterprisePolicies,
    EnterpriseSnapshot,
    EventCreate,
    EventRead,
    EventWithStats,
    FinanceStats,
    FinanceWeekly,
    GrantConfirm,
    GrantDecision,
    GrantPage,
    GrantRead,
    GrantRevoke,
    LeadPage,
    LoanApplicationPage,
    LoanApplicationRead,
    MatchesWithNearMisses,
    MatchExtra,
    NearMissCounts,
    NeedCreate,
    NeedPage,
    NeedRead,
    PolicyCreate,
    PolicyPage,
    PolicyRead,
    ProductBatch,
    ProductBatchResult,
    ProductCreate,
    ProductPage,
    ProductRead,
    ProfileReceipt,
    ProfileResync,
    SignCreate,
    WebhookCreate,
    WebhookCreated,
    WebhookPage,
    WebhookRead,
    WebhookUpdate,
)
from services.finance.service import (
    access_log,
    banks,
    catalogue,
    grants,
    loans,
    matching,
    matchmaking,
    needs,
    policies,
    profiles,
    trends,
    webhooks,
)
from services.intake.contract import EnterpriseChanged

router = APIRouter(prefix=PREFIX, tags=["finance"], responses=problem_responses(401, 403))
internal = APIRouter(include_in_schema=False)  # internal calls only: the gateway routes no /internal path
operations = dead_letter_routes(PREFIX, FinanceOutbox)
audit = audit_routes(PREFIX, FinanceAudit)
ACTION = problem_responses(404, 409, 422)


def _localized(items: list[dict], key: str, language: Language) -> list[dict]:
    """The items with their `key` text in the caller's language."""
    return [{**item, key: localize(item[key], language)} for item in items]


@router.post(
    "/banks",
    operation_id="createBank",
    status_code=201,
    response_model=BankRead,
    responses=problem_responses(409, 422),
    summary="Register a bank (admin)",
)
async def create_bank(body: BankCreate, session: SessionDep, now: NowDep, response: Response, _: AdminDep):
    """登记银行（管理员）。编码重复时 409。"""
    return created(response, f"{PREFIX}/banks", await banks.create_bank(session, data=body, now=now))


@router.get("/banks", operation_id="listBanks", response_model=BankPage, summary="Banks")
@exports.exportable(BankPage, "银行")
async def list_banks(session: SessionDep, page: PageDep, _: PrincipalDep):
    """银行列表，分页。"""
    return page_body(await banks.list_banks(session, page=page))


@router.get(
    "/banks/{bank_id}",
    operation_id="getBank",
    response_model=BankRead,
    responses=problem_responses(404),
    summary="One bank",
)
async def get_bank(bank_id: uuid.UUID, session: SessionDep, _: PrincipalDep):
    """一家银行。"""
    return await banks.get_bank(session, bank_id=bank_id)


@router.post(
    "/products",
    operation_id="createProduct",
    status_code=201,
    response_model=ProductRead,
    responses=problem_responses(422),
    summary="Post a loan product (a bank, for itself)",
)
async def create_product(
    body: ProductCreate, session: SessionDep, now: NowDep, response: Response, principal: ProductWriterDep
):
    """银行为自己发布贷款产品：额度、利率、期限、担保方式、行业与乡镇范围、准入条件。"""
    product = await banks.create_product(session, data=body, principal=principal, now=now)
    return created(response, f"{PREFIX}/products", product)


@router.get("/products", operation_id="listProducts", response_model=ProductPage, summary="Loan products")
@exports.exportable(ProductPage, "贷款产品")
async def list_products(
    session: SessionDep,
    page: PageDep,
    _: PrincipalDep,
    bank_id: uuid.UUID | None = None,
    status: ProductStatus | None = None,
):
    """贷款产品，可按银行和状态筛选。"""
    return page_body(await banks.list_products(session, page=page, bank_id=bank_id, status=status))


@router.get(
    "/products/{product_id}",
    operation_id="getProduct",
    response_model=ProductRead,
    responses=problem_responses(404),
    summary="One loan product (any caller, like the list)",
)
async def get_product(product_id: uuid.UUID, session: SessionDep, _: PrincipalDep):
    """一个贷款产品（任何已登录的调用方，与产品列表相同），含已下架的。"""
    return await banks.get_product(session, product_id=product_id)


@router.post(
    "/products/{product_id}/withdraw",
    operation_id="withdrawProduct",
    response_model=ProductRead,
    responses=ACTION,
    summary="Withdraw a product: it is matched no more (the owning bank)",
)
async def withdraw_product(product_id: uuid.UUID, session: SessionDep, now: NowDep, principal: ProductWriterDep):
    """银行下架自己的产品，之后不再参与匹配。已下架时 409。"""
    return await banks.withdraw_product(session, product_id=product_id, principal=principal, now=now)


@router.get(
    "/products/{product_id}/leads",
    operation_id="listProductLeads",
    response_model=LeadPage,
    responses=problem_responses(404),
    summary="Open needs that fit the product, without contact data (the owning bank)",
)
@exports.exportable(LeadPage, "产品线索")
async def product_leads(
    product_id: uuid.UUID, session: SessionDep, page: PageDep, now: NowDep, principal: LeadReaderDep
):
    """与产品相符的在途融资需求（不含联系方式），供产品所属银行跟进。"""
    items, next_cursor = await matching.leads(session, product_id=product_id, principal=principal, page=page, now=now)
    await access_log.record(
        session, principal=principal, what=AccessKind.lead, reads=[(n.enterprise_id, n.id) for n in items], now=now
    )
    return {
        "items": [domain.lead_fields(need) for need in items],
        "next_cursor": next_cursor,
    }


@router.post(
    "/needs",
    operation_id="createNeed",
    status_code=201,
    response_model=NeedRead,
    responses=problem_responses(422, 503),
    summary="Post a financing need (an enterprise)",
)
async def create_need(
    body: NeedCreate, session: SessionDep, intake: IntakeDep, now: NowDep, response: Response, principal: EnterpriseDep
):
    """企业发布融资需求：金额、期限、用途、可提供的担保方式。"""
    need = await needs.create_need(session, data=body, principal=principal, intake=intake, now=now)
    return created(response, f"{PREFIX}/needs", need)


@router.get(
    "/needs", operation_id="listNeeds", response_model=NeedPage, summary="Needs (an enterprise its own, admin all)"
)
@exports.exportable(NeedPage, "融资需求")
async def list_needs(session: SessionDep, page: PageDep, principal: NeedReaderDep, status: NeedStatus | None = None):
    """融资需求：企业看自己的，管理员看全部；可按状态筛选。"""
    return page_body(await needs.list_needs(session, principal=principal, page=page, status=status))


@router.get(
    "/needs/{need_id}",
    operation_id="getNeed",
    response_model=NeedRead,
    responses=problem_responses(404),
    summary="One need",
)
async def get_need(need_id: uuid.UUID, session: SessionDep, principal: NeedReaderDep):
    """一条融资需求。"""
    return await needs.get_need(session, need_id=need_id, principal=principal)


@router.get(
    "/needs/{need_id}/matches",
    operation_id="listMatches",
    response_model=MatchesWithNearMisses,
    responses=problem_responses(404, 503),
    summary="Products the enterprise is eligible for, best first, with reasons",
)
async def need_matches(
    need_id: uuid.UUID,
    session: SessionDep,
    intake: IntakeDep,
    now: NowDep,
    principal: NeedReaderDep,
    language: LanguageDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    include: Annotated[
        MatchExtra | None, Query(description="`near_misses`: also the products that fail exactly one rule")
    ] = None,
):
    """企业有资格申请的产品，按匹配分从高到低排列，附匹配理由。`include=near_misses` 时另列差一条规则即符合的产品，
    说明是哪条规则、怎样才能符合（带数字）。intake 不可达时 503。"""
    found, near = await matching.matches(
        session,
        need_id=need_id,
        principal=principal,
        intake=intake,
        now=now,
        limit=limit,
        near_misses=include is MatchExtra.near_misses,
    )
    if near is None:
        return {"items": found}
    return {
        "items": found,
        "near_misses": _localized(near, "requirement", language),
    }


@router.post(
    "/applications",
    operation_id="createLoanApplication",
    status_code=201,
    response_model=LoanApplicationRead,
    responses=ACTION,
    summary="Apply for a product against a need (an enterprise)",
)
async def apply(
    body: ApplicationCreate,
    session: SessionDep,
    intake: IntakeDep,
    now: NowDep,
    response: Response,
    principal: EnterpriseDep,
):
    """企业以某条需求申请某个产品。已申请过时 409，不符合产品条件时 422。"""
    loan = await loans.apply(
        session, need_id=body.need_id, product_id=body.product_id, principal=principal, intake=intake, now=now
    )
    return created(response, f"{PREFIX}/applications", loan)


@router.get(
    "/applications",
    operation_id="listLoanApplications",
    response_model=LoanApplicationPage,
    summary="Applications: a bank those to its products, an enterprise its own, admin all",
)
@exports.exportable(LoanApplicationPage, "贷款申请")
async def list_applications(
    session: SessionDep, page: PageDep, now: NowDep, principal: PartyDep, status: LoanStatus | None = None
):
    """贷款申请：银行看投向其产品的，企业看自己的，管理员看全部；可按状态筛选。银行的查看记入访问日志。"""
    items, next_cursor = await loans.list_loans(session, principal=principal, page=page, status=status)
    reads = [(loan.enterprise_id, loan.id) for loan in items]
    await access_log.record(session, principal=principal, what=AccessKind.application, reads=reads, now=now)
    return page_body((items, next_cursor))


@router.get(
    "/applications/{application_id}",
    operation_id="getLoanApplication",
    response_model=LoanApplicationRead,
    responses=problem_responses(404),
    summary="One application",
)
async def get_application(application_id: uuid.UUID, session: SessionDep, now: NowDep, principal: PartyDep):
    """一份贷款申请。银行的查看记入访问日志。"""
    loan = await loans.get_loan(session, application_id=application_id, principal=principal)
    reads = [(loan.enterprise_id, loan.id)]
    await access_log.record(session, principal=principal, what=AccessKind.application, reads=reads, now=now)
    return loan


@router.post(
    "/applications/{application_id}/decision",
    operation_id="decideLoanApplication",
    response_model=LoanApplicationRead,
    responses=ACTION,
    summary="Approve with terms or reject with a reason (the owning bank)",
)
async def decide(
    application_id: uuid.UUID, body: DecisionCreate, session: SessionDep, now: NowDep, principal: DeciderDep
):
    """产品所属银行审批：同意并给出额度、利率、期限，或拒绝并说明理由。状态不允许时 409。"""
    return await loans.decide(session, application_id=application_id, data=body, principal=principal, now=now)


@router.post(
    "/applications/{application_id}/sign",
    operation_id="signLoanApplication",
    response_model=LoanApplicationRead,
    responses=ACTION,
    summary="Record the signed contract: the need is financed (the owning bank)",
)
async def sign(application_id: uuid.UUID, body: SignCreate, session: SessionDep, now: NowDep, principal: DeciderDep):
    """产品所属银行登记签约，需求随之变为已融资（`financed`）。只能在同意之后签约。"""
    return await loans.sign(session, application_id=application_id, data=body, principal=principal, now=now)


@router.post(
    "/events",
    operation_id="createEvent",
    status_code=201,
    response_model=EventRead,
    responses=problem_responses(422),
    summary="Record a matchmaking event, 银企对接活动 (admin)",
)
async def create_event(body: EventCreate, session: SessionDep, now: NowDep, response: Response, _: AdminDep):
    """记录一次银企对接活动（管理员），签约可关联到它。"""
    return created(response, f"{PREFIX}/events", await matchmaking.create_event(session, data=body, now=now))


@router.get(
    "/events/{event_id}",
    operation_id="getEvent",
    response_model=EventWithStats,
    responses=problem_responses(404),
    summary="An event with what it signed",
)
async def get_event(event_id: uuid.UUID, session: SessionDep, _: PrincipalDep):
    """一次银企对接活动及其签约情况。"""
    event, stats = await matchmaking.get_event(session, event_id=event_id)
    return {**EventRead.model_validate(event).model_dump(), "stats": stats}


@router.get(
    "/stats",
    operation_id="getFinanceStats",
    response_model=FinanceStats,
    summary="County figures of bank-enterprise financing (admin, leader)",
)
@exports.exportable(FinanceStats, "银企对接统计")
async def get_stats(session: ReadSessionDep, calendar: CalendarDep, _: StatsDep):
    """全县银企对接数据（管理员、县领导）：在售产品、在途需求、签约笔数、获贷企业数与签约金额；
    `policies` 为惠企政策兑现情况（覆盖企业、兑现与拨付金额、免申比例、从发布到资金到账的工作日）。"""
    figures = await matchmaking.stats(session)
    return {**figures, "policies": await grants.stats(session, calendar=await calendar.get())}


@router.get(
    "/stats/weekly",
    operation_id="getFinanceWeeklyStats",
    response_model=FinanceWeekly,
    responses=problem_responses(422),
    summary="Amount signed week by week, and each matchmaking event's results by bank (admin, leader)",
)
@exports.exportable(FinanceWeekly, "银企对接周报")
async def get_weekly_stats(
    session: ReadSessionDep,
    now: NowDep,
    _: StatsDep,
    weeks: Annotated[int, Query(ge=1, le=WEEKS_MAX, description="ISO weeks, the current one last")] = 12,
):
    """按周（ISO 周，按签约日）统计签约笔数、签约企业数和签约金额（管理员、县领导）；
    以及每场银企对接活动的成果：签约企业数、签约金额，按银行分列。"""
    return await trends.weekly(session, weeks=weeks, now=now)


# --- near misses, consent and the access log (issue 11) ---------------------------------------------------------


@router.get(
    "/products/{product_id}/near-misses",
    operation_id="getProductNearMisses",
    response_model=NearMissCounts,
    responses=problem_responses(404),
    summary="How many open needs miss the product by exactly one rule, by rule (the owning bank, admin)",
)
async def product_near_misses(
    product_id: uuid.UUID, session: SessionDep, now: NowDep, language: LanguageDep, principal: InsightDep
):
    """差一条规则即与产品相符的在途融资需求数量，按规则分列（不含任何企业信息），供银行判断该放宽哪项条件。
    只计入企业同意向银行展示的需求。产品所属银行与管理员可看。"""
    counts = await matching.near_miss_counts(session, product_id=product_id, principal=principal, now=now)
    by_rule = _localized(counts["by_rule"], "label", language)
    return {**counts, "by_rule": by_rule}


@router.delete(
    "/needs/{need_id}/consent",
    operation_id="withdrawNeedConsent",
    response_model=NeedRead,
    responses=problem_responses(404),
    summary="Withdraw consent: banks no longer see the need as a lead (the enterprise, admin)",
)
async def withdraw_consent(need_id: uuid.UUID, session: SessionDep, now: NowDep, principal: NeedReaderDep):
    """撤回向银行展示该需求的授权：此后任何线索列表、差一条统计和推送都不再出现它。重复撤回不报错。"""
    return await needs.withdraw_consent(session, need_id=need_id, principal=principal, now=now)


@router.get(
    "/applications/{application_id}/need",
    operation_id="getLoanApplicationNeed",
    response_model=NeedRead,
    responses=problem_responses(404),
    summary="The need behind an application (its parties; a bank's read is logged)",
)
async def application_need(application_id: uuid.UUID, session: SessionDep, now: NowDep, principal: PartyDep):
    """贷款申请所对应的融资需求（申请双方与管理员）。银行的查看记入访问日志。"""
    return await needs.need_behind(
        session, application_id=application_id, principal=principal, what=AccessKind.need, now=now
    )


@router.get(
    "/applications/{application_id}/profile",
    operation_id="getLoanApplicationProfile",
    response_model=EnterpriseSnapshot,
    responses=problem_responses(404),
    summary="The enterprise's profile snapshot behind an application (its parties; a bank's read is logged)",
)
async def application_profile(application_id: uuid.UUID, session: SessionDep, now: NowDep, principal: PartyDep):
    """贷款申请企业在发布需求时的概况（行业、乡镇、成立日期、年营业收入、信用等级）。银行的查看记入访问日志。"""
    need = await needs.need_behind(
        session, application_id=application_id, principal=principal, what=AccessKind.profile, now=now
    )
    return {**need.model_dump(), "need_id": need.id}


@router.get(
    "/access-log",
    operation_id="listAccessLog",
    response_model=AccessPage,
    responses=problem_responses(422),
    summary="Which bank (and which user or client) read the enterprise's data, and when (the enterprise, admin)",
)
@exports.exportable(AccessPage, "数据访问记录")
async def list_access_log(
    session: SessionDep,
    page: PageDep,
    principal: AccessLogReaderDep,
    bank_id: uuid.UUID | None = None,
    since: Annotated[IsoDateTime | None, Query(description="Only reads at or after this instant")] = None,
):
    """银行查看企业数据的记录：哪家银行、哪个账号或系统、看了什么（线索、需求、申请、企业概况）、何时。
    企业只看自己的，管理员看全部；最近的在前。"""
    return page_body(await access_log.list_reads(session, principal=principal, page=page, bank_id=bank_id, since=since))


@internal.post(contract.PROFILE_EVENTS_PATH, response_model=ProfileReceipt)
async def receive_profile(event: EnterpriseChanged, session: SessionDep, now: NowDep, _: InternalDep):
    """Intake's outbox: an enterprise registered or changed. Idempotent: a redelivery or an older event stores
    nothing; a newer profile is stored and granted the `auto` policies it now fits."""
    stored, granted = await profiles.receive(session, event=event, now=now)
    return {"id": event.id, "stored": stored, "granted": granted}


@internal.get(contract.BANK_PATH, response_model=contract.BankRef)
async def bank_ref(bank_id: uuid.UUID, session: SessionDep, _: InternalDep):
    """For the gateway: a bank account must name a registered bank."""
    return await banks.get_bank(session, bank_id=bank_id)


# --- loan application withdrawal and webhooks ---------------------------------------------------------

WEBHOOKS = f"{PREFIX}/webhooks"
webhook_router = APIRouter(prefix=WEBHOOKS, tags=["webhooks"], responses=problem_responses(401, 403))


def target_guard(runtime: RuntimeDep) -> TargetGuard:
    """The webhook target rules with this process's allowlist (`KUAIBAN_WEBHOOK_ALLOW_HOSTS`)."""
    return TargetGuard.from_setting(runtime.settings.webhook_allow_hosts)


TargetGuardDep = Annotated[TargetGuard, Depends(target_guard)]


@router.post(
    "/applications/{application_id}/withdraw",
    operation_id="withdrawLoanApplication",
    response_model=LoanApplicationRead,
    responses=ACTION,
    summary="Withdraw an application before it is signed (the enterprise)",
)
async def withdraw_application(application_id: uuid.UUID, session: SessionDep, now: NowDep, principal: EnterpriseDep):
    """企业撤回自己的贷款申请（已申请或已批准、尚未签约时），需求仍为对接中。其他状态 409。"""
    return await loans.withdraw(session, application_id=application_id, principal=principal, now=now)


@webhook_router.post(
    "",
    operation_id="createWebhook",
    status_code=201,
    response_model=WebhookCreated,
    responses=problem_responses(422),
    summary="Register a webhook endpoint; the answer shows its signing secret once (a bank; admin names bank_id)",
)
async def create_webhook(
    body: WebhookCreate,
    session: SessionDep,
    guard: TargetGuardDep,
    now: NowDep,
    response: Response,
    principal: WebhookManagerDep,
):
    """登记接收事件的地址与订阅的事件。应答中的签名密钥（`whsec_...`）只显示这一次。
    地址须为公网 http(s) 地址：回环、内网、链路本地、云元数据等地址一律拒绝（422，字段 `url`）。"""
    endpoint = await webhooks.create_endpoint(session, data=body, principal=principal, guard=guard, now=now)
    shows_secret(response)
    return created(response, WEBHOOKS, endpoint)


@webhook_router.get("", operation_id="listWebhooks", response_model=WebhookPage, summary="Webhook endpoints (own)")
@exports.exportable(WebhookPage, "Webhook端点")
async def list_webhooks(session: SessionDep, page: PageDep, principal: WebhookManagerDep):
    """本行的 Webhook 端点（管理员看全部），分页。"""
    return page_body(await webhooks.list_endpoints(session, principal=principal, page=page))


@webhook_router.get(
    "/{endpoint_id}",
    operation_id="getWebhook",
    response_model=WebhookRead,
    responses=problem_responses(404),
    summary="One webhook endpoint, with why it is disabled if it is",
)
async def get_webhook(endpoint_id: uuid.UUID, session: SessionDep, principal: WebhookManagerDep):
    """一个 Webhook 端点；停用时附停用原因。"""
    return await webhooks.get_endpoint(session, endpoint_id=endpoint_id, principal=principal)


@webhook_router.patch(
    "/{endpoint_id}",
    operation_id="updateWebhook",
    response_model=WebhookRead,
    responses=problem_responses(404, 422),
    summary="Change the URL or events, or disable and enable the endpoint",
)
async def update_webhook(
    endpoint_id: uuid.UUID,
    body: WebhookUpdate,
    session: SessionDep,
    guard: TargetGuardDep,
    now: NowDep,
    principal: WebhookManagerDep,
):
    """修改地址或订阅的事件，或停用、启用端点。重新启用时清除停用原因，积压的事件按顺序继续投递。"""
    return await webhooks.update_endpoint(
        session, endpoint_id=endpoint_id, data=body, principal=principal, guard=guard, now=now
    )


@webhook_router.delete(
    "/{endpoint_id}",
    operation_id="deleteWebhook",
    status_code=204,
    response_class=Response,
    responses=problem_responses(404),
    summary="Delete an endpoint and its deliveries",
)
async def delete_webhook(endpoint_id: uuid.UUID, session: SessionDep, principal: WebhookManagerDep):
    """删除端点及其投递记录；未送出的事件不再投递。"""
    await webhooks.delete_endpoint(session, endpoint_id=endpoint_id, principal=principal)
    return Response(status_code=204)


@webhook_router.post(
    "/{endpoint_id}/ping",
    operation_id="pingWebhook",
    response_model=DeliveryRead,
    responses=ACTION,
    summary="Send a webhook.ping test event through the same delivery path",
)
async def ping_webhook(endpoint_id: uuid.UUID, session: SessionDep, now: NowDep, principal: WebhookManagerDep):
    """发送一条 `webhook.ping` 测试事件，与正式事件同样签名、排队、重试；应答为该投递。端点停用时 409。"""
    return await webhooks.ping(session, endpoint_id=endpoint_id, principal=principal, now=now)


@webhook_router.get(
    "/{endpoint_id}/deliveries",
    operation_id="listWebhookDeliveries",
    response_model=DeliveryPage,
    responses=problem_responses(404),
    summary="Deliveries of the endpoint, newest first, each with every attempt",
)
@exports.exportable(DeliveryPage, "Webhook投递记录")
async def list_webhook_deliveries(
    endpoint_id: uuid.UUID, session: SessionDep, page: PageDep, principal: WebhookManagerDep
):
    """端点的投递记录，最新的在前；每条附全部尝试：时间、状态码、耗时（毫秒）、应答开头、错误。"""
    return page_body(await webhooks.list_deliveries(session, endpoint_id=endpoint_id, principal=principal, page=page))


@webhook_router.post(
    "/{endpoint_id}/deliveries/{delivery_id}/redeliver",
    operation_id="redeliverWebhook",
    response_model=DeliveryRead,
    responses=ACTION,
    summary="Send a delivered or failed event again, same webhook-id",
)
async def redeliver_webhook(
    endpoint_id: uuid.UUID, delivery_id: uuid.UUID, session: SessionDep, now: NowDep, principal: WebhookManagerDep
):
    """重新投递一条已送达或已失败的事件（同一 `webhook-id`），从重试计划的开头开始。仍在等待投递时 409。"""
    return await webhooks.redeliver(
        session, endpoint_id=endpoint_id, delivery_id=delivery_id, principal=principal, now=now
    )


# --- catalogue sync -------------------------------------------------------------------------------------

SYNC_RESULT = "Sync-Result"
SYNC_RESULT_HEADER = {
    SYNC_RESULT: {
        "description": "`created`, `updated` (a new version of the terms) or `unchanged` (nothing written).",
        "schema": {"type": "string", "enum": ["created", "updated", "unchanged"]},
    }
}
ExternalRefPath = Annotated[str, Path(pattern=EXTERNAL_REF_PATTERN, description="The bank's own id of the product")]
SyncBankId = Annotated[
    uuid.UUID | None, Query(description="The bank whose catalogue is synced: admin names it, a bank may omit it")
]


@router.put(
    "/products/by-ref/{external_ref}",
    operation_id="replaceProductByRef",
    response_model=ProductRead,
    responses={
        200: {"description": "Updated or unchanged (see `Sync-Result`)", "headers": SYNC_RESULT_HEADER},
        201: {"description": "Created", "model": ProductRead, "headers": SYNC_RESULT_HEADER},
        **problem_responses(404, 409, 422),
    },
    summary="Create or update a product by the bank's own id (a bank for itself; admin names bank_id)",
)
async def upsert_product(
    external_ref: ExternalRefPath,
    body: ProductCreate,
    session: SessionDep,
    now: NowDep,
    response: Response,
    principal: CatalogueDep,
    bank_id: SyncBankId = None,
):
    """银行按自己的产品编号新建或更新产品：新建 201（带 Location），条款变化时更新并生成新版本（200），
    条款相同则不写入（200）；`Sync-Result` 头说明是哪一种。状态不随同步改变：已下架的仍为已下架。"""
    product, result = await catalogue.upsert(
        session, principal=principal, bank_id=bank_id, external_ref=external_ref, data=body, now=now
    )
    response.headers[SYNC_RESULT] = result.value
    if result is SyncResult.created:
        response.status_code = 201
        return created(response, f"{PREFIX}/products", product)
    return product


@router.post(
    "/products/batch",
    operation_id="submitProductBatch",
    response_model=ProductBatchResult,
    responses=problem_responses(404, 422),
    summary="Sync up to 500 products by the bank's own ids, with a result per item",
)
async def sync_products(
    body: ProductBatch,
    language: LanguageDep,
    session: SessionDep,
    now: NowDep,
    principal: CatalogueDep,
    bank_id: SyncBankId = None,
):
    """一次同步至多 500 个产品（每项带 external_ref），逐项返回 created、updated、unchanged 或 invalid（附字段错误）；
    一项无效不影响其他项。重复提交同一批次，各项均为 unchanged。超过 500 项时整体 422。"""
    outcomes = await catalogue.sync_batch(session, principal=principal, bank_id=bank_id, items=body.items, now=now)
    counts = Counter(outcome.result.value for outcome in outcomes)
    return {
        "items": [
            {
                "index": outcome.index,
                "external_ref": outcome.external_ref,
                "result": outcome.result,
                "product_id": outcome.product.id if outcome.product else None,
                "version": outcome.product.version if outcome.product else None,
                "problem": _problem(outcome.problem, language) if outcome.problem else None,
            }
            for outcome in outcomes
        ],
        "counts": {result.value: counts[result.value] for result in SyncResult},
    }


def _problem(error: DomainError, language: Language) -> dict:
    """A batch item's problem, as the whole request's would be answered."""
    return problem_dict(error.status, error.detail, kind=error.kind, errors=error.errors, language=language)


# --- policy benefits (issue 16) -----------------------------------------------------------------------------------


@router.post(
    "/policies",
    operation_id="createPolicy",
    status_code=201,
    response_model=PolicyRead,
    responses=problem_responses(422),
    summary="Draft a policy benefit (admin, or an officer of the issuing department)",
)
async def create_policy(
    body: PolicyCreate, session: SessionDep, now: NowDep, response: Response, principal: PolicyWriterDep
):
    """起草一项惠企政策：发文部门、依据、有效期、兑现方式（`auto` 免申即享、`instant` 即申即享、`review` 审核后兑现）、
    适用条件（与贷款产品同一套规则）与兑现金额（定额，或按营业收入比例并设上限）。发布前为草稿。"""
    row = await policies.create_policy(session, data=body, principal=principal, now=now)
    return created(response, f"{PREFIX}/policies", row)


@router.get(
    "/policies",
    operation_id="listPolicies",
    response_model=PolicyPage,
    summary="Policies (published ones for every caller; drafts for admin and the issuing department)",
)
@exports.exportable(PolicyPage, "惠企政策")
async def list_policies(
    session: SessionDep, page: PageDep, principal: PolicyReaderDep, status: PolicyStatus | None = None
):
    """惠企政策列表：已发布的人人可见，草稿仅管理员与发文部门可见；可按状态筛选。"""
    return page_body(await policies.list_policies(session, principal=principal, page=page, status=status))


@router.get(
    "/policies/{policy_id}",
    operation_id="getPolicy",
    response_model=PolicyRead,
    responses=problem_responses(404),
    summary="One policy",
)
async def get_policy(policy_id: uuid.UUID, session: SessionDep, principal: PolicyReaderDep):
    """一项政策；他人的草稿为 404。"""
    return await policies.get_policy(session, policy_id=policy_id, principal=principal)


@router.post(
    "/policies/{policy_id}/publish",
    operation_id="publishPolicy",
    response_model=PolicyRead,
    responses=problem_responses(404, 409),
    summary="Publish a draft: its rules are fixed from now on (admin, or the issuing department)",
)
async def publish_policy(policy_id: uuid.UUID, session: SessionDep, now: NowDep, principal: PolicyWriterDep):
    """发布草稿：此后规则不可再改。已发布的再发布为 409。"""
    return await policies.publish(session, policy_id=policy_id, principal=principal, now=now)


@router.get(
    "/enterprises/{enterprise_id}/policies",
    operation_id="listEnterprisePolicies",
    response_model=EnterprisePolicies,
    responses=problem_responses(404, 503),
    summary="The policies an enterprise fits, with amounts, and those it misses by one rule",
)
async def enterprise_policies(
    enterprise_id: uuid.UUID,
    session: SessionDep,
    intake: IntakeDep,
    now: NowDep,
    language: LanguageDep,
    principal: PolicyReaderDep,
):
    """企业符合的在有效期内的已发布政策（附理由与可得金额），以及只差一条规则的政策（哪条规则、怎样才能符合）。
    企业本身、其包保专员与管理员可查，他人 404；intake 不可达时 503。"""
    fits, near = await policies.enterprise_policies(
        session, enterprise_id=enterprise_id, principal=principal, intake=intake, now=now
    )
    return {
        "fits": fits,
        "near_misses": _localized(near, "requirement", language),
    }


@router.post(
    "/policies/{policy_id}/versions",
    operation_id="createPolicyVersion",
    status_code=201,
    response_model=PolicyRead,
    responses=problem_responses(404, 409, 422),
    summary="Draft the policy's next version (admin, or the issuing department); publishing it supersedes the last",
)
async def create_policy_version(
    policy_id: uuid.UUID,
    body: PolicyCreate,
    session: SessionDep,
    now: NowDep,
    response: Response,
    principal: PolicyWriterDep,
):
    """已发布政策的规则不可修改：修改即起草新版本（同一 `series_id`，版本号加一），发布后取代旧版本。
    旧版本下已兑现的企业保留其奖补，不会再得第二份。"""
    row = await policies.new_version(session, policy_id=policy_id, data=body, principal=principal, now=now)
    return created(response, f"{PREFIX}/policies", row)


@router.post(
    "/policies/{policy_id}/claims",
    operation_id="createPolicyClaim",
    status_code=201,
    response_model=GrantRead,
    responses=problem_responses(404, 409, 422, 503),
    summary="Claim a policy benefit (the enterprise): granted at once (instant), or put to review",
)
async def claim_policy(
    policy_id: uuid.UUID,
    session: SessionDep,
    intake: IntakeDep,
    calendar: CalendarDep,
    now: NowDep,
    response: Response,
    principal: EnterpriseDep,
):
    """即申即享：按企业在 intake 的实时档案核验，符合即兑现（`granted`，附金额）；不符合为 422 `policy_not_met`，
    `errors` 逐条列出未满足的规则代码。`review` 政策生成待审核申请（`requested`，附 `due_on`）。
    `auto` 政策无需申请（409）；同一政策（任一版本）已有奖补或申请为 409 `duplicate_grant`。"""
    grant = await grants.claim(
        session, policy_id=policy_id, principal=principal, intake=intake, calendar=calendar, now=now
    )
    return created(response, f"{PREFIX}/grants", grant)


@router.get(
    "/grants",
    operation_id="listGrants",
    response_model=GrantPage,
    summary="Policy grants: an enterprise its own, an officer its department's policies' and its liaison enterprises'",
)
@exports.exportable(GrantPage, "政策奖补")
async def list_grants(
    session: SessionDep,
    page: PageDep,
    intake: IntakeDep,
    principal: GrantReaderDep,
    policy_id: uuid.UUID | None = None,
    enterprise_id: uuid.UUID | None = None,
    status: GrantStatus | None = None,
):
    """政策奖补列表：企业看自己的，工作人员看本部门政策的与其包保企业的，管理员看全部；可按政策、企业、状态筛选。"""
    return page_body(
        await grants.list_grants(
            session,
            principal=principal,
            intake=intake,
            page=page,
            policy_id=policy_id,
            enterprise_id=enterprise_id,
            status=status,
        )
    )


@router.get(
    "/grants/{grant_id}",
    operation_id="getGrant",
    response_model=GrantRead,
    responses=problem_responses(404),
    summary="One policy grant",
)
async def get_grant(grant_id: uuid.UUID, session: SessionDep, intake: IntakeDep, principal: GrantReaderDep):
    """一笔奖补；看不到的为 404。"""
    return await grants.get_grant(session, grant_id=grant_id, principal=principal, intake=intake)


@router.post(
    "/grants/{grant_id}/confirm",
    operation_id="confirmGrant",
    response_model=GrantRead,
    responses=problem_responses(404, 409, 422),
    summary="Confirm the account to be paid into (the enterprise); it can be corrected until payment",
)
async def confirm_grant(
    grant_id: uuid.UUID, body: GrantConfirm, session: SessionDep, now: NowDep, principal: EnterpriseDep
):
    """企业确认收款账户（户名、开户行、账号），奖补变为 `confirmed`；拨付前可更正。"""
    return await grants.confirm(session, grant_id=grant_id, payee=body, principal=principal, now=now)


@router.post(
    "/grants/{grant_id}/revoke",
    operation_id="revokeGrant",
    response_model=GrantRead,
    responses=problem_responses(404, 409, 422),
    summary="Revoke a grant before payment, with a reason (admin, or the issuing department)",
)
async def revoke_grant(
    grant_id: uuid.UUID, body: GrantRevoke, session: SessionDep, now: NowDep, principal: PolicyWriterDep
):
    """拨付前撤销奖补（须说明理由），企业时间线可见；已拨付的为 409。"""
    return await grants.revoke(session, grant_id=grant_id, reason=body.reason, principal=principal, now=now)


@router.post(
    "/grants/{grant_id}/decision",
    operation_id="decideGrant",
    response_model=GrantRead,
    responses=problem_responses(404, 409, 422),
    summary="Decide a claim on a review policy (admin, or the issuing department)",
)
async def decide_grant(
    grant_id: uuid.UUID, body: GrantDecision, session: SessionDep, now: NowDep, principal: PolicyWriterDep
):
    """审核 `review` 政策的申请：`approve` 即兑现，`reject` 须说明理由。"""
    approve = body.decision == "approve"
    return await grants.decide(
        session, grant_id=grant_id, approve=approve, reason=body.reason, principal=principal, now=now
    )


@router.post(
    "/disbursements",
    operation_id="createDisbursement",
    response_model=DisbursementRead,
    responses=problem_responses(404, 422),
    summary="Pay a batch of confirmed grants (admin, or the issuing department): idempotent per grant",
)
async def create_disbursement(body: DisbursementCreate, session: SessionDep, now: NowDep, principal: PolicyWriterDep):
    """政策资金一键送达：对一批已确认的奖补逐笔拨付，各有支付流水号。按奖补幂等：
    重试或并发的同一批次不会重复拨付，已拨付的返回 `already_paid` 与原流水号；
    未确认、已撤销的返回 `not_payable`。批次中有看不到的奖补为 404，整批不拨付。"""
    return await grants.disburse(session, grant_ids=body.grant_ids, principal=principal, now=now)


@router.post(
    "/enterprise-profiles/resync",
    operation_id="runProfileResync",
    response_model=ProfileResync,
    responses=problem_responses(503),
    summary="Read every enterprise profile from intake again and grant what missed events held back (admin)",
)
async def resync_profiles(session: SessionDep, intake: IntakeDep, now: NowDep, _: AdminDep):
    """全量同步企业档案：逐页读取 intake 的全部企业，修复漏收事件的档案副本，再为符合条件者兑现免申即享政策。"""
    return await profiles.resync(session, intake=intake, now=now)

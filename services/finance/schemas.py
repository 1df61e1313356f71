"""Request and response bodies of the finance service."""

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal, Self

from pydantic import (
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    model_validator,
)

from services.common.departments import Department
from services.common.problems import Problem
from services.common.schemas import (
    CreditRating,
    Distinct,
    IndustrySection,
    IsoDate,
    RequestBody,
    ResponseBody,
    labelled,
    text,
)
from services.common.texts import Text
from services.finance.domain import (
    Collateral,
    Decision,
    DeliveryStatus,
    GrantStatus,
    LoanStatus,
    NeedStatus,
    PolicyMode,
    PolicyStatus,
    ProductStatus,
    SyncResult,
    WebhookEvent,
)
from services.finance.models import AccessKind, ActorKind

labelled(
    Collateral,
    {
        "credit": ("信用", "Credit"),
        "mortgage": ("抵押", "Mortgage"),
        "guarantee": ("保证", "Guarantee"),
        "pledge": ("质押", "Pledge"),
    },
)
labelled(ProductStatus, {"active": ("在售", "Active"), "withdrawn": ("已下架", "Withdrawn")})
labelled(NeedStatus, {"open": ("对接中", "Open"), "financed": ("已融资", "Financed"), "closed": ("已关闭", "Closed")})
labelled(
    LoanStatus,
    {
        "submitted": ("已申请", "Submitted"),
        "approved": ("已审批通过", "Approved"),
        "rejected": ("已拒绝", "Rejected"),
        "signed": ("已签约", "Signed"),
        "withdrawn": ("已撤回", "Withdrawn"),
    },
)
labelled(Decision, {"approve": ("同意授信", "Approve"), "reject": ("拒绝", "Reject")})

Yuan = Annotated[int, Field(ge=0, le=10**13)]
RatePct = Annotated[float, Field(gt=0, le=36)]  # rates above 36 % a year are not lawful lending in the PRC
Months = Annotated[int, Field(ge=1, le=360)]
Code = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")]


class BankCreate(RequestBody):
    model_config = ConfigDict(json_schema_extra={"examples": [{"code": "suixi-rcb", "name": "濉溪农村商业银行"}]})

    code: Code
    name: text(200)


class BankRead(ResponseBody):
    id: uuid.UUID
    code: str
    name: str
    created_at: datetime
    updated_at: datetime


class BankPage(ResponseBody):
    items: list[BankRead]
    next_cursor: str | None


class ProductCreate(RequestBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "name": "皖北制造贷",
                    "min_amount_yuan": 500000,
                    "max_amount_yuan": 10000000,
                    "annual_rate_pct_min": 3.2,
                    "annual_rate_pct_max": 4.35,
                    "term_months_min": 12,
                    "term_months_max": 60,
                    "collateral_types": ["credit", "guarantee"],
                    "industries": ["C"],
                    "towns": ["濉溪镇", "百善镇", "韩村镇"],
                    "min_years_in_business": 2,
                    "min_annual_revenue_yuan": 10000000,
                    "accepted_credit_ratings": ["A", "B"],
                    "valid_until": "2026-12-31",
                }
            ]
        }
    )

    name: text(200)
    min_amount_yuan: Yuan
    max_amount_yuan: Yuan
    annual_rate_pct_min: RatePct
    annual_rate_pct_max: RatePct
    term_months_min: Months
    term_months_max: Months
    collateral_types: Annotated[list[Collateral], Distinct] = Field(min_length=1, max_length=4)
    industries: Annotated[list[IndustrySection], Distinct] = Field(
        default_factory=list, max_length=20, description="Empty: every industry"
    )
    towns: Annotated[list[text(50)], Distinct] = Field(
        default_factory=list, max_length=50, description="Empty: every town"
    )
    min_years_in_business: int = Field(default=0, ge=0, le=100)
    min_annual_revenue_yuan: Yuan = 0
    accepted_credit_ratings: Annotated[list[CreditRating], Distinct] = Field(min_length=1, max_length=4)
    valid_until: IsoDate | None = None

    @model_validator(mode="after")
    def _ranges(self) -> Self:
        for low, high in (
            ("min_amount_yuan", "max_amount_yuan"),
            ("annual_rate_pct_min", "annual_rate_pct_max"),
            ("term_months_min", "term_months_max"),
        ):
            if getattr(self, low) > getattr(self, high):
                raise ValueError(Text(f"{low} 不能大于 {high}", f"{low} must not exceed {high}"))
        if self.max_amount_yuan == 0:
            raise ValueError(Text("max_amount_yuan 应大于 0", "max_amount_yuan must be positive"))
        return self


class ProductRead(ResponseBody):
    id: uuid.UUID
    bank_id: uuid.UUID
    name: str
    min_amount_yuan: int
    max_amount_yuan: int
    annual_rate_pct_min: float
    annual_rate_pct_max: float
    term_months_min: int
    term_months_max: int
    collateral_types: list[Collateral]
    industries: list[IndustrySection]
    towns: list[str]
    min_years_in_business: int
    min_annual_revenue_yuan: int
    accepted_credit_ratings: list[CreditRating]
    valid_until: date | None
    status: ProductStatus
    external_ref: str | None = Field(description="The bank's own id of the product (catalogue sync), if it gave one")
    version: int = Field(description="The current version of the terms: 1 at creation, one more per change")
    created_at: datetime
    updated_at: datetime


class ProductPage(ResponseBody):
    items: list[ProductRead]
    next_cursor: str | None


CONSENT = (
    "Whether banks may see the need as a lead (lead lists, near-miss counts, webhooks). Given when the need is "
    "posted (default true); withdrawn by `DELETE /finance/needs/{id}/consent`."
)


class NeedCreate(RequestBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "amount_yuan": 5000000,
                    "term_months": 36,
                    "purpose": "购置数控机床，扩大铝基新材料产能",
                    "collateral_available": ["credit", "mortgage"],
                    "max_annual_rate_pct": 4.5,
                }
            ]
        }
    )

    amount_yuan: Annotated[int, Field(ge=1, le=10**13)]
    term_months: Months
    purpose: text(500, multiline=True)
    collateral_available: Annotated[list[Collateral], Distinct] = Field(min_length=1, max_length=4)
    max_annual_rate_pct: RatePct | None = None
    consent: bool = Field(default=True, description=CONSENT)


class NeedRead(ResponseBody):
    id: uuid.UUID
    enterprise_id: uuid.UUID
    amount_yuan: int
    term_months: int
    purpose: str
    collateral_available: list[Collateral]
    max_annual_rate_pct: float | None
    status: NeedStatus
    consent: bool = Field(description=CONSENT)
    created_at: datetime
    updated_at: datetime


class NeedPage(ResponseBody):
    items: list[NeedRead]
    next_cursor: str | None


class Match(ResponseBody):
    product_id: uuid.UUID
    bank_id: uuid.UUID
    bank_name: str
    product_name: str
    score: int
    reasons: list[str]
    annual_rate_pct_min: float
    annual_rate_pct_max: float


class MatchList(ResponseBody):
    items: list[Match]


class Lead(ResponseBody):
    """What a bank sees of an open need that fits its product: no contact data."""

    need_id: uuid.UUID
    enterprise_name: str
    industry: IndustrySection
    town: str
    amount_yuan: int
    term_months: int
    posted_at: datetime


class LeadPage(ResponseBody):
    items: list[Lead]
    next_cursor: str | None


class ApplicationCreate(RequestBody):
    need_id: uuid.UUID
    product_id: uuid.UUID


class DecisionCreate(RequestBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "decision": "approve",
                    "approved_amount_yuan": 5000000,
                    "annual_rate_pct": 3.45,
                    "term_months": 36,
                    "reason": None,
                }
            ]
        }
    )

    decision: Decision
    approved_amount_yuan: Annotated[int, Field(ge=1, le=10**13)] | None = None
    annual_rate_pct: RatePct | None = None
    term_months: Months | None = None
    reason: text(500, multiline=True) | None = None


class SignCreate(RequestBody):
    signed_amount_yuan: Annotated[int, Field(ge=1, le=10**13)]
    annual_rate_pct: RatePct
    term_months: Months
    signed_on: IsoDate
    event_id: uuid.UUID | None = None


class LoanApplicationRead(ResponseBody):
    id: uuid.UUID
    need_id: uuid.UUID
    product_id: uuid.UUID
    bank_id: uuid.UUID
    enterprise_id: uuid.UUID
    status: LoanStatus
    approved_amount_yuan: int | None
    approved_rate_pct: float | None
    approved_term_months: int | None
    reason: str | None
    decided_at: datetime | None
    signed_amount_yuan: int | None
    signed_rate_pct: float | None
    signed_term_months: int | None
    signed_on: date | None
    event_id: uuid.UUID | None
    product_version: int = Field(description="The version of the product's terms the enterprise applied under")
    terms: "ProductTerms" = Field(description="Those terms, kept when the bank later edits the product")
    created_at: datetime
    updated_at: datetime


class LoanApplicationPage(ResponseBody):
    items: list[LoanApplicationRead]
    next_cursor: str | None


class EventCreate(RequestBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"title": "濉溪县2026年银企对接会", "held_on": "2026-04-02", "location": "濉溪经济开发区管委会报告厅"}
            ]
        }
    )

    title: text(200)
    held_on: IsoDate = Field(ge=date(2000, 1, 1), le=date(2100, 12, 31))
    location: text(200)


class EventStats(ResponseBody):
    deals: int
    enterprises_signed: int
    amount_signed_yuan: int


class EventRead(ResponseBody):
    id: uuid.UUID
    title: str
    held_on: date
    location: str
    created_at: datetime
    updated_at: datetime


class EventWithStats(EventRead):
    stats: EventStats


class BankFigures(ResponseBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"name": "濉溪农村商业银行", "applications": 18, "deals": 11, "amount_signed_yuan": 52_000_000}
            ]
        }
    )

    name: str
    applications: int
    deals: int
    amount_signed_yuan: int


class EventFigures(ResponseBody):
    """A matchmaking event and what was signed at it."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "1d3f5b7a-9c1e-4f3a-8b5d-7e9a1c3e5f7b",
                    "title": "濉溪县2026年银企对接会",
                    "held_on": "2026-04-02",
                    "deals": 9,
                    "amount_signed_yuan": 43_500_000,
                }
            ]
        }
    )

    id: uuid.UUID
    title: str
    held_on: date
    deals: int
    amount_signed_yuan: int


class FinanceStats(ResponseBody):
    products_active: int
    needs_open: int
    applications: int
    deals: int
    enterprises_financed: int
    amount_signed_yuan: int
    by_bank: dict[str, BankFigures] = Field(description="By bank code")
    events: list[EventFigures] = Field(description="Matchmaking events, the latest first")
    policies: "PolicyStats" = Field(description="Policy benefits: reach, amounts, days to money")


class FinanceWeek(ResponseBody):
    """One ISO week (Monday to Sunday) of signed loans, by the day each was signed."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "week": "2026-W48",
                    "starts_on": "2026-11-23",
                    "deals": 3,
                    "enterprises": 3,
                    "amount_signed_yuan": 9_000_000,
                }
            ]
        }
    )

    week: str = Field(description="ISO week, `YYYY-Www`")
    starts_on: date = Field(description="Its Monday")
    deals: int
    enterprises: int = Field(description="Distinct enterprises that signed in the week")
    amount_signed_yuan: int


class EventBankFigures(ResponseBody):
    code: str
    name: str
    deals: int
    enterprises: int
    amount_signed_yuan: int


class EventResults(ResponseBody):
    """A matchmaking event's results: enterprises that signed there and the amount, overall and by bank."""

    id: uuid.UUID
    title: str
    held_on: date
    location: str
    deals: int
    enterprises: int
    amount_signed_yuan: int
    by_bank: list[EventBankFigures] = Field(description="Banks that signed at the event, the largest amount first")


class FinanceWeekly(ResponseBody):
    weeks: list[FinanceWeek] = Field(description="The last `weeks` ISO weeks, the current one last")
    events: list[EventResults] = Field(description="Every matchmaking event, the latest first")


# --- webhooks ---------------------------------------------------------------------------------------

labelled(
    WebhookEvent,
    {
        "lead.created": ("新线索：在途需求符合本行在售产品", "A lead: an open need fits one of the bank's products"),
        "application.submitted": ("企业提交了贷款申请", "An enterprise applied to one of the bank's products"),
        "application.withdrawn": ("企业撤回了贷款申请", "An enterprise withdrew its application"),
        "deal.signed": ("贷款已签约", "A deal was signed"),
    },
)
labelled(
    DeliveryStatus,
    {
        "pending": ("待投递", "Pending"),
        "delivered": ("已送达", "Delivered"),
        "failed": ("投递失败", "Failed"),
    },
)

WebhookEvents = Annotated[list[WebhookEvent], Distinct]


class WebhookCreate(RequestBody):
    # The example is a documentation address (RFC 5737): a request generated from it (the contract test) is
    # refused without resolving a name or reaching any host.
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"url": "https://203.0.113.10/kuaiban/webhooks", "events": ["lead.created", "deal.signed"]}]
        }
    )

    url: text(2000)
    events: WebhookEvents = Field(min_length=1, max_length=len(WebhookEvent))
    bank_id: uuid.UUID | None = Field(default=None, description="Admin only: the bank the endpoint is for")


class WebhookUpdate(RequestBody):
    """Only the fields sent change. `enabled: true` re-enables a disabled endpoint and clears its reason."""

    url: text(2000) | None = None
    events: WebhookEvents | None = Field(default=None, min_length=1, max_length=len(WebhookEvent))
    enabled: bool | None = None

    @model_validator(mode="after")
    def _no_nulls(self) -> Self:
        for name in self.model_fields_set:
            if getattr(self, name) is None:
                raise ValueError(Text(f"{name} 不能为 null", f"{name} must not be null"))
        return self


class WebhookRead(ResponseBody):
    id: uuid.UUID
    bank_id: uuid.UUID
    url: str
    events: list[WebhookEvent]
    enabled: bool
    disabled_reason: str | None = Field(description="Why the endpoint was disabled (by its owner or by failures)")
    disabled_at: datetime | None
    failed_in_a_row: int = Field(description="Events whose retry schedule ran out since the last delivered one")
    created_at: datetime
    updated_at: datetime


class WebhookCreated(WebhookRead):
    secret: str = Field(
        description="The signing secret (`whsec_` + base64), shown this once: verify each delivery with it, "
        "e.g. `standardwebhooks.Webhook(secret).verify(body, headers)`"
    )


class WebhookPage(ResponseBody):
    items: list[WebhookRead]
    next_cursor: str | None


class DeliveryAttempt(ResponseBody):
    at: datetime
    status_code: int | None = Field(description="The receiver's HTTP status; null when it did not answer")
    latency_ms: int
    response_body: str | None = Field(description="The first 2,000 characters of the receiver's answer")
    error: str | None


class DeliveryRead(ResponseBody):
    """One event for one endpoint: sent as `webhook-id: <id>` until the receiver answers 2xx."""

    id: uuid.UUID
    endpoint_id: uuid.UUID
    event_type: str = Field(description="`lead.created`, `application.submitted`, ... or `webhook.ping`")
    status: DeliveryStatus
    tries: int = Field(description="Attempts in the current round of the retry schedule")
    next_attempt_at: datetime | None = Field(description="While pending: when it is tried next")
    delivered_at: datetime | None
    redeliveries: int
    payload: dict = Field(description='The body sent: `{"type", "timestamp", "data"}`')
    attempts: list[DeliveryAttempt] = Field(description="Every attempt, oldest first")
    created_at: datetime
    updated_at: datetime


class DeliveryPage(ResponseBody):
    items: list[DeliveryRead]
    next_cursor: str | None


class LeadEvent(Lead):
    """`data` of `lead.created`: the lead as `GET /finance/products/{id}/leads` shows it, and its product."""

    product_id: uuid.UUID


# --- catalogue sync: upsert by the bank's own id, batches, versioned terms ------------------------------

labelled(
    SyncResult,
    {
        "created": ("已新建", "Created"),
        "updated": ("已更新", "Updated"),
        "unchanged": ("无变化", "Unchanged"),
        "invalid": ("无效", "Invalid"),
    },
)

EXTERNAL_REF_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$"
ExternalRef = Annotated[
    str,
    StringConstraints(pattern=EXTERNAL_REF_PATTERN),
    Field(description="The bank's own id of the product: unique per bank, 1–64 of A–Z a–z 0–9 _ . : -"),
]
BATCH_LIMIT = 500


class ProductTerms(ResponseBody):
    """A product's terms as one version had them."""

    name: str
    min_amount_yuan: int
    max_amount_yuan: int
    annual_rate_pct_min: float
    annual_rate_pct_max: float
    term_months_min: int
    term_months_max: int
    collateral_types: list[Collateral]
    industries: list[IndustrySection]
    towns: list[str]
    min_years_in_business: int
    min_annual_revenue_yuan: int
    accepted_credit_ratings: list[CreditRating]
    valid_until: date | None


LoanApplicationRead.model_rebuild()


class ProductBatchItem(ProductCreate):
    """One product of a batch: a product as `POST /finance/products` takes it, with the bank's own id."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {**ProductCreate.model_config["json_schema_extra"]["examples"][0], "external_ref": "SXRCB-ZZD-001"}
            ]
        }
    )

    external_ref: ExternalRef


class RejectedItem:
    """A batch item that failed validation: kept (not raised), so the other items still go through."""

    def __init__(self, raw: Any, errors: list[dict[str, Any]]) -> None:
        self.errors = errors
        ref = raw.get("external_ref") if isinstance(raw, dict) else None
        self.external_ref = ref if isinstance(ref, str) and len(ref) <= 64 else None


def _each_on_its_own(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    try:
        return handler(value)
    except ValidationError as exc:
        return RejectedItem(value, exc.errors(include_url=False))


class ProductBatch(RequestBody):
    """Up to 500 products, each validated on its own: a bad one is answered `invalid` and the others are kept."""

    items: list[Annotated[ProductBatchItem, WrapValidator(_each_on_its_own)]] = Field(max_length=BATCH_LIMIT)


class ProductSyncItem(ResponseBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "index": 0,
                    "external_ref": "SXRCB-ZZD-001",
                    "result": "created",
                    "product_id": "9c1e3a5b-7d9f-4b2d-8e4a-6c8e0a2b4d6f",
                    "version": 1,
                }
            ]
        }
    )

    index: int = Field(description="The item's position in the batch, from 0")
    external_ref: str | None = Field(description="The item's external_ref, when it had a readable one")
    result: SyncResult
    product_id: uuid.UUID | None = Field(default=None, description="The product, unless the item is invalid")
    version: int | None = Field(default=None, description="The product's current version, unless the item is invalid")
    problem: Problem | None = Field(
        default=None, description="Why the item is invalid: a problem with its field errors"
    )


class SyncCounts(ResponseBody):
    created: int
    updated: int
    unchanged: int
    invalid: int


class ProductBatchResult(ResponseBody):
    items: list[ProductSyncItem] = Field(description="One result per item, in the batch's order")
    counts: SyncCounts


# --- near misses, consent and the access log (issue 11) ---------------------------------------------------------


class MatchExtra(StrEnum):
    near_misses = "near_misses"


labelled(MatchExtra, {"near_misses": ("差一条即符合的产品", "Products that fail exactly one rule")})


class NearMiss(ResponseBody):
    """A product on offer that fails exactly one eligibility rule for the need, and what would make it fit."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "product_id": "6f1c2e4a-8b3d-4c5e-9f7a-1b2c3d4e5f60",
                    "bank_id": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                    "bank_name": "濉溪农村商业银行",
                    "product_name": "皖北制造贷",
                    "score": 71,
                    "rule": "min_annual_revenue",
                    "requirement": "年营业收入需不低于 500 万元（当前 420 万元）",
                    "annual_rate_pct_min": 3.2,
                    "annual_rate_pct_max": 4.35,
                }
            ]
        }
    )

    product_id: uuid.UUID
    bank_id: uuid.UUID
    bank_name: str
    product_name: str
    score: int
    rule: str = Field(
        description="The one rule failed, a stable code: amount, term, collateral, industry, town, "
        "min_years_in_business, min_annual_revenue, credit_rating, max_annual_rate"
    )
    requirement: str = Field(description="What would make it fit, with numbers (English with `Accept-Language: en`)")
    annual_rate_pct_min: float
    annual_rate_pct_max: float


class MatchesWithNearMisses(MatchList):
    near_misses: list[NearMiss] | None = Field(
        default=None, description="With `include=near_misses`: products that fail exactly one rule, best first"
    )


class RuleCount(ResponseBody):
    rule: str
    label: str
    needs: int


class NearMissCounts(ResponseBody):
    """How many open needs (shown to banks) miss the product by exactly one rule, by rule: which term to relax."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "product_id": "6f1c2e4a-8b3d-4c5e-9f7a-1b2c3d4e5f60",
                    "needs": 172_350,
                    "by_rule": [
                        {"rule": "min_annual_revenue", "label": "年营业收入", "needs": 120_100},
                        {"rule": "term", "label": "期限", "needs": 52_250},
                    ],
                    "estimated": True,
                    "sample_share": 0.04,
                }
            ]
        }
    )

    product_id: uuid.UUID
    needs: int
    by_rule: list[RuleCount] = Field(description="Every rule, the most missed first")
    estimated: bool = Field(
        description="True above 100,000 needs: counts estimated from a random sample of the needs' pages"
    )
    sample_share: float | None = Field(description="The share of the needs sampled when estimated")


class EnterpriseSnapshot(ResponseBody):
    """The enterprise's profile as it was when the need was posted (what matching used)."""

    need_id: uuid.UUID
    enterprise_id: uuid.UUID
    enterprise_name: str
    industry: IndustrySection
    town: str
    established_on: date
    annual_revenue_yuan: int
    credit_rating: CreditRating


labelled(AccessKind, {
    "lead": ("线索", "Lead"),
    "need": ("融资需求", "Need"),
    "application": ("贷款申请", "Loan application"),
    "profile": ("企业概况", "Enterprise profile"),
})  # fmt: skip
labelled(ActorKind, {"person": ("银行工作人员", "A bank's person"), "client": ("银行系统", "A bank's system")})


class AccessEntry(ResponseBody):
    """One read of the enterprise's data by a bank."""

    id: uuid.UUID
    at: datetime
    bank_id: uuid.UUID
    bank_name: str | None
    actor: str = Field(description="The bank's username or API client")
    actor_kind: ActorKind
    enterprise_id: uuid.UUID
    what: AccessKind
    resource_id: uuid.UUID
    request_id: str | None


class AccessPage(ResponseBody):
    items: list[AccessEntry]
    next_cursor: str | None


# --- policy benefits (issue 16) -----------------------------------------------------------------------------------

labelled(
    PolicyMode,
    {
        "auto": ("免申即享", "Granted without applying"),
        "instant": ("即申即享", "Granted on applying"),
        "review": ("审核后兑现", "Granted after review"),
    },
)
labelled(
    PolicyStatus,
    {"draft": ("草稿", "Draft"), "published": ("已发布", "Published"), "superseded": ("已被新版本取代", "Superseded")},
)
labelled(
    GrantStatus,
    {
        "requested": ("已申请待审核", "Requested, awaiting review"),
        "granted": ("已兑现待确认", "Granted"),
        "confirmed": ("已确认", "Confirmed"),
        "disbursed": ("已拨付", "Disbursed"),
        "revoked": ("已撤销", "Revoked"),
        "refused": ("未获批准", "Refused"),
    },
)

Headcount = Annotated[int, Field(ge=0, le=10_000_000)]


class PolicyEligibility(RequestBody):
    """Who a policy is for, in the vocabulary of loan products; a rule left out admits everyone."""

    industries: Annotated[list[IndustrySection], Distinct] = Field(default_factory=list, max_length=20)
    towns: Annotated[list[text(50)], Distinct] = Field(default_factory=list, max_length=50)
    revenue_min_yuan: Yuan | None = None
    revenue_max_yuan: Yuan | None = None
    employees_min: Headcount | None = None
    employees_max: Headcount | None = None
    credit_ratings: Annotated[list[CreditRating], Distinct] = Field(default_factory=list, max_length=4)
    key_enterprise: bool | None = Field(default=None, description="true: key enterprises only; false: all but them")
    tags: Annotated[list[text(32)], Distinct] = Field(
        default_factory=list,
        max_length=10,
        description="Qualifications the enterprise must hold, all of them (专精特新)",
    )
    founded_before: IsoDate | None = None
    founded_after: IsoDate | None = Field(default=None, description="On or after this day")

    @model_validator(mode="after")
    def _ranges(self) -> Self:
        for low, high in (("revenue_min_yuan", "revenue_max_yuan"), ("employees_min", "employees_max")):
            if (
                getattr(self, low) is not None
                and getattr(self, high) is not None
                and getattr(self, low) > getattr(self, high)
            ):
                raise ValueError(f"{low} must not exceed {high}")
        if (
            self.founded_after is not None
            and self.founded_before is not None
            and self.founded_after >= self.founded_before
        ):
            raise ValueError("founded_after must be before founded_before")
        return self


class FixedBenefit(RequestBody):
    kind: Literal["fixed"]
    amount_yuan: Annotated[int, Field(gt=0, le=10**10)]


class RateBenefit(RequestBody):
    """A share of the enterprise's annual revenue, rounded half up to whole yuan, capped."""

    kind: Literal["rate"]
    rate_pct: Annotated[float, Field(gt=0, le=100)]
    cap_yuan: Annotated[int, Field(gt=0, le=10**10)]


PolicyBenefit = Annotated[FixedBenefit | RateBenefit, Field(discriminator="kind")]


class PolicyCreate(RequestBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "title": "专精特新制造业企业奖补",
                    "department": "development_reform",
                    "legal_basis": "濉溪县促进制造业高质量发展若干政策（2026）第五条",
                    "valid_from": "2026-12-01",
                    "valid_to": "2027-11-30",
                    "mode": "auto",
                    "eligibility": {"industries": ["C"], "towns": ["濉溪经济开发区"], "credit_ratings": ["A", "B"]},
                    "benefit": {"kind": "fixed", "amount_yuan": 200000},
                }
            ]
        }
    )

    title: text(200)
    department: Department
    legal_basis: text(500)
    valid_from: IsoDate
    valid_to: IsoDate | None = None
    mode: PolicyMode
    review_working_days: int | None = Field(default=None, ge=1, le=60, description="Required for `review`, else absent")
    eligibility: PolicyEligibility = Field(default_factory=PolicyEligibility)
    benefit: PolicyBenefit

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError("valid_to must not be before valid_from")
        if (self.mode is PolicyMode.review) != (self.review_working_days is not None):
            raise ValueError("review_working_days is required for mode review and only for it")
        return self


class PolicyRead(ResponseBody):
    id: uuid.UUID
    series_id: uuid.UUID = Field(description="The same for every version of the policy")
    version: int
    title: str
    department: Department
    legal_basis: str
    valid_from: date
    valid_to: date | None
    mode: PolicyMode
    review_working_days: int | None
    eligibility: PolicyEligibility
    benefit: PolicyBenefit
    status: PolicyStatus
    published_at: datetime | None
    created_at: datetime
    updated_at: datetime


class PolicyPage(ResponseBody):
    items: list[PolicyRead]
    next_cursor: str | None


class PolicyFit(ResponseBody):
    policy_id: uuid.UUID
    title: str
    mode: PolicyMode
    amount_yuan: int = Field(description="What the enterprise would receive, in whole yuan")
    reasons: list[str]


class PolicyNearMiss(ResponseBody):
    """A policy in force that the enterprise fails by exactly one rule, and what would make it fit."""

    policy_id: uuid.UUID
    title: str
    mode: PolicyMode
    amount_yuan: int | None = Field(description="What it would receive once it fits; null when not computable")
    rule: str = Field(
        description="The one rule failed, a stable code: industry, town, revenue, employees, credit_rating, "
        "key_enterprise, tags, founded_before, founded_after, benefit_basis"
    )
    requirement: str = Field(description="What would make it fit, with numbers (English with `Accept-Language: en`)")


class EnterprisePolicies(ResponseBody):
    fits: list[PolicyFit]
    near_misses: list[PolicyNearMiss]


class GrantConfirm(RequestBody):
    """Where the enterprise receives the money (its basic account, 基本存款账户)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "account_name": "淮北宏达铝业有限公司",
                    "bank_name": "濉溪农商银行城关支行",
                    "account_no": "6230901234567890123",
                }
            ]
        }
    )

    account_name: text(200)
    bank_name: text(200)
    account_no: Annotated[str, Field(pattern=r"^[0-9]{8,32}$", description="Digits only, 8 to 32")]


class GrantRead(ResponseBody):
    id: uuid.UUID
    policy_id: uuid.UUID
    series_id: uuid.UUID
    enterprise_id: uuid.UUID
    amount_yuan: int
    applied: bool = Field(description="false: granted without applying (免申即享)")
    status: GrantStatus
    granted_at: datetime | None = Field(description="null while a `review` claim awaits its decision")
    due_on: date | None = Field(description="A `review` claim's decision is due by this working day")
    confirmed_at: datetime | None
    payee: GrantConfirm | None
    disbursed_at: datetime | None
    payment_reference: str | None
    batch_id: uuid.UUID | None
    revoked_at: datetime | None
    revoked_reason: str | None
    created_at: datetime
    updated_at: datetime


class GrantPage(ResponseBody):
    items: list[GrantRead]
    next_cursor: str | None


class GrantRevoke(RequestBody):
    reason: text(500)


class GrantDecision(RequestBody):
    decision: Literal["approve", "reject"]
    reason: text(500) | None = Field(default=None, description="Required to reject")

    @model_validator(mode="after")
    def _reasoned(self) -> Self:
        if self.decision == "reject" and self.reason is None:
            raise ValueError("reason is required to reject")
        return self


DISBURSEMENT_MAX = 1000


class DisbursementCreate(RequestBody):
    grant_ids: Annotated[list[uuid.UUID], Distinct] = Field(min_length=1, max_length=DISBURSEMENT_MAX)


class PaymentOutcome(StrEnum):
    paid = "paid"  # paid by this call
    already_paid = "already_paid"  # paid before (a retried batch): the same reference, nothing paid again
    not_payable = "not_payable"  # not confirmed yet, revoked or refused: nothing paid


labelled(
    PaymentOutcome,
    {
        "paid": ("已拨付", "Paid"),
        "already_paid": ("此前已拨付", "Paid before"),
        "not_payable": ("不可拨付", "Not payable"),
    },
)


class PaymentRead(ResponseBody):
    grant_id: uuid.UUID
    outcome: PaymentOutcome
    status: GrantStatus
    amount_yuan: int
    payment_reference: str | None


class DisbursementRead(ResponseBody):
    batch_id: uuid.UUID
    paid: int = Field(description="Grants paid by this call")
    amount_paid_yuan: int
    items: list[PaymentRead]


class ProfileResync(ResponseBody):
    enterprises: int = Field(description="Profiles read from intake")
    changed: int = Field(description="Profiles that were missing or older in finance")
    granted: int = Field(description="Grants made without applying, to enterprises that now fit")


class ProfileReceipt(ResponseBody):
    id: uuid.UUID
    stored: bool = Field(description="false: a redelivery, or older than the profile finance holds")
    granted: int


class DaysToMoney(ResponseBody):
    p50: float | None
    p90: float | None


class PolicyFigures(ResponseBody):
    enterprises_reached: int
    grants: int
    amount_granted_yuan: int
    amount_disbursed_yuan: int
    share_without_application: float | None = Field(description="Grants received without applying, 0–1")
    working_days_to_money: DaysToMoney = Field(description="From the policy's publication to the payment")


class PolicyFiguresOf(PolicyFigures):
    policy_id: uuid.UUID
    title: str
    version: int
    mode: PolicyMode


class PolicyStats(ResponseBody):
    overall: PolicyFigures
    by_policy: list[PolicyFiguresOf]


FinanceStats.model_rebuild()  # its `policies` block is declared below it, with the other policy models

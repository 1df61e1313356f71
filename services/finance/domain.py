"""Finance's rules with no I/O: the vocabulary of products, needs and loan applications, how a loan
application moves, and the plain words that explain a match.

Transitions take the rows as loaded, the input and `now`; they check every rule first, then change the rows
in memory and return the event to emit (kind, summary for the enterprise's timeline), so a refused move
leaves the rows as they were.
"""

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from services.common.problems import Invalid, InvalidTransition, ProblemKind
from services.common.texts import Text, no_such

if TYPE_CHECKING:  # the rows these rules change; only their attributes are used, no database
    from services.finance.models import LoanApplication, Need, PolicyGrant, Product
    from services.intake.contract import EnterpriseProfile


class Collateral(StrEnum):
    credit = "credit"  # 信用
    mortgage = "mortgage"  # 抵押
    guarantee = "guarantee"  # 保证
    pledge = "pledge"  # 质押


class ProductStatus(StrEnum):
    active = "active"
    withdrawn = "withdrawn"


class NeedStatus(StrEnum):
    open = "open"
    financed = "financed"
    closed = "closed"


class LoanStatus(StrEnum):
    submitted = "submitted"
    approved = "approved"
    rejected = "rejected"
    signed = "signed"
    withdrawn = "withdrawn"


class Decision(StrEnum):
    approve = "approve"
    reject = "reject"


COLLATERAL_NAMES = {"credit": "信用", "mortgage": "抵押", "guarantee": "保证", "pledge": "质押"}
TEN_THOUSAND = 10_000
Event = tuple[str, str]  # (kind, summary), e.g. ("deal.signed", "签订贷款合同 ...")


def wan(yuan: int) -> str:
    """Yuan in 万 (ten thousands), as loan officers say it: six significant digits, whole 万 from 1,000 万."""
    value = yuan / TEN_THOUSAND
    short = f"{value:g}"
    return short if float(short) < 1000 else f"{value:,.0f}"  # 999.9999 rounds to 1,000, written as such


def either(names: list[str], zh_names: list[str] | None = None) -> tuple[str, str]:
    """ "C" or "C、E 之一" (zh) and "C" or "one of C, E" (en)."""
    zh = "、".join(zh_names or names)
    return (zh, names[0]) if len(names) == 1 else (f"{zh} 之一", "one of " + ", ".join(names))


def years_between(start: date, end: date) -> int:
    """Whole years from `start` to `end`, as an age is counted."""
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def years_before(day: date, years: int) -> date:
    """The latest founding date with `years_between(founded, day) >= years`, so SQL can compare dates."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def on_offer(product: "Product", on: date) -> bool:
    """Active and not expired on day `on`: a product that can be matched, applied for, or count leads."""
    return product.status == ProductStatus.active and (product.valid_until is None or product.valid_until >= on)


def lead_fields(need: "Need") -> dict[str, Any]:
    """What a bank sees of a need as a lead (a list item or a pushed `lead.created`): no contact data."""
    return {
        "need_id": need.id,
        "enterprise_name": need.enterprise_name,
        "industry": need.industry,
        "town": need.town,
        "amount_yuan": need.amount_yuan,
        "term_months": need.term_months,
        "posted_at": need.created_at,
    }


def withdraw_product(product: "Product", *, now: datetime) -> None:
    if product.status != ProductStatus.active:
        raise InvalidTransition(Text("该产品已下架。", "The product is withdrawn already."))
    product.status = ProductStatus.withdrawn
    product.updated_at = now


def require_open(need: "Need") -> None:
    if need.status != NeedStatus.open:
        raise InvalidTransition(Text(f"融资需求状态为 {need.status}。", f"The need is {need.status}."))


def decide(
    loan: "LoanApplication",
    need: "Need",
    *,
    decision: Decision,
    amount_yuan: int | None,
    rate_pct: float | None,
    term_months: int | None,
    reason: str | None,
    now: datetime,
) -> Event:
    """The bank approves (with terms, defaulting to the need's) or rejects (with a reason; the need stays open)."""
    if loan.status != LoanStatus.submitted:
        raise InvalidTransition(Text(f"贷款申请状态为 {loan.status}。", f"The application is {loan.status}."))
    if decision is Decision.reject:
        loan.status = LoanStatus.rejected
        loan.reason = reason
        loan.decided_at = loan.updated_at = now
        # The timeline takes one line of text; the stored reason keeps the bank's line breaks.
        return "application.rejected", "银行未批准贷款申请" + (f"：{' '.join(reason.split())}" if reason else "")
    require_open(need)
    loan.status = LoanStatus.approved
    loan.approved_amount_yuan = amount_yuan or need.amount_yuan
    loan.approved_rate_pct = rate_pct
    loan.approved_term_months = term_months or need.term_months
    loan.decided_at = loan.updated_at = now
    return "application.approved", f"银行已批准贷款申请 {wan(loan.approved_amount_yuan)} 万元"


def sign(
    loan: "LoanApplication",
    need: "Need",
    *,
    amount_yuan: int,
    rate_pct: float,
    term_months: int,
    signed_on: date,
    event_id: uuid.UUID | None,
    event_exists: bool,
    now: datetime,
) -> Event:
    """The contract is signed: the loan application is a deal and the need is financed.

    `event_exists` says whether the matchmaking event named by `event_id` is on record (the caller looks it up).
    """
    if loan.status != LoanStatus.approved:
        raise InvalidTransition(
            Text(
                f"贷款申请状态为 {loan.status}，只有已批准的申请可以签约。",
                f"The application is {loan.status}; only an approved one is signed.",
            )
        )
    require_open(need)
    if amount_yuan > (loan.approved_amount_yuan or 0):
        raise Invalid(
            Text("签约金额超过批准金额。", "The signed amount exceeds the approved amount."),
            field="signed_amount_yuan",
            kind=ProblemKind.amount_exceeds_approved,
        )
    if event_id is not None and not event_exists:
        raise Invalid(
            no_such("银企对接活动", "matchmaking event"), field="event_id", kind=ProblemKind.unknown_reference
        )
    loan.status = LoanStatus.signed
    loan.signed_amount_yuan = amount_yuan
    loan.signed_rate_pct = rate_pct
    loan.signed_term_months = term_months
    loan.signed_on = signed_on
    loan.event_id = event_id
    loan.updated_at = need.updated_at = now
    need.status = NeedStatus.financed
    return "deal.signed", f"签订贷款合同 {wan(amount_yuan)} 万元，年利率 {rate_pct:g}%，期限 {term_months} 个月"


def reasons(product: "Product", need: "Need", profile: "EnterpriseProfile", on: date) -> list[str]:
    """Why the product fits, in the words a loan officer would use."""
    said = [
        f"额度 {wan(product.min_amount_yuan)}–{wan(product.max_amount_yuan)} 万覆盖需求 {wan(need.amount_yuan)} 万",
        f"期限 {product.term_months_min}–{product.term_months_max} 个月覆盖 {need.term_months} 个月",
    ]
    shared = [c for c in product.collateral_types if c in need.collateral_available]
    said.append("接受" + "、".join(COLLATERAL_NAMES[c] for c in shared) + "方式")
    rate = f"年利率 {product.annual_rate_pct_min:g}%–{product.annual_rate_pct_max:g}%"
    if need.max_annual_rate_pct is not None:
        rate += f"，最低利率不高于您的上限 {need.max_annual_rate_pct:g}%"
    said.append(rate)
    if product.industries:
        said.append(f"面向 {profile.industry} 门类行业")
    if product.towns:
        said.append(f"面向{profile.town}企业")
    if product.min_years_in_business:
        years = years_between(profile.established_on, on)
        said.append(f"成立 {years} 年，满足至少 {product.min_years_in_business} 年的要求")
    if product.min_annual_revenue_yuan:
        said.append(f"年营业收入达到 {wan(product.min_annual_revenue_yuan)} 万的门槛")
    said.append(f"信用等级 {profile.credit_rating} 在准入范围内")
    return said


WITHDRAWABLE = (LoanStatus.submitted, LoanStatus.approved)


def withdraw(loan: "LoanApplication", *, now: datetime) -> Event:
    """The enterprise takes its application back before it is signed (or rejected); the need stays open."""
    if loan.status not in WITHDRAWABLE:
        raise InvalidTransition(
            Text(
                f"贷款申请状态为 {loan.status}，只有已申请或已批准的申请可以撤回。",
                f"The application is {loan.status}; only a submitted or approved one can be withdrawn.",
            )
        )
    loan.status = LoanStatus.withdrawn
    loan.updated_at = now
    return "application.withdrawn", "撤回贷款申请"


# --- webhooks ---------------------------------------------------------------------------------------


class WebhookEvent(StrEnum):
    """What a bank's endpoint can subscribe to (`webhook.ping` is sent on request, to any endpoint)."""

    lead_created = "lead.created"
    application_submitted = "application.submitted"
    application_withdrawn = "application.withdrawn"
    deal_signed = "deal.signed"


PING = "webhook.ping"


class DeliveryStatus(StrEnum):
    pending = "pending"  # due now or at `next_attempt_at`; later events of its endpoint wait behind it
    delivered = "delivered"
    failed = "failed"  # the retry schedule ran out; a bank may redeliver it


@dataclass(frozen=True)
class AttemptOutcome:
    status: DeliveryStatus
    retry_in: float | None  # seconds to the next try while pending
    endpoint_failures: int  # failed events in a row at the endpoint, this one included
    disable: bool


def after_attempt(
    *, delivered: bool, tries: int, delays: Sequence[float], endpoint_failures: int, disable_after: int
) -> AttemptOutcome:
    """What an attempt leads to: `tries` counts this one; a failure waits `delays[tries - 1]`, and once the
    schedule has run out the event failed; `disable_after` failed events in a row disable the endpoint."""
    if delivered:
        return AttemptOutcome(DeliveryStatus.delivered, None, 0, False)
    if tries <= len(delays):
        return AttemptOutcome(DeliveryStatus.pending, delays[tries - 1], endpoint_failures, False)
    failures = endpoint_failures + 1
    return AttemptOutcome(DeliveryStatus.failed, None, failures, failures >= disable_after)


# --- catalogue sync: a product's terms and their versions -----------------------------------------------


class SyncResult(StrEnum):
    """What a catalogue sync did with one product."""

    created = "created"
    updated = "updated"
    unchanged = "unchanged"
    invalid = "invalid"


TERM_FIELDS = (
    "name",
    "min_amount_yuan",
    "max_amount_yuan",
    "annual_rate_pct_min",
    "annual_rate_pct_max",
    "term_months_min",
    "term_months_max",
    "collateral_types",
    "industries",
    "towns",
    "min_years_in_business",
    "min_annual_revenue_yuan",
    "accepted_credit_ratings",
    "valid_until",
)
_SET_TERMS = frozenset({"collateral_types", "industries", "towns", "accepted_credit_ratings"})
_RATE_TERMS = frozenset({"annual_rate_pct_min", "annual_rate_pct_max"})
_CENT = Decimal("0.01")


def to_cent(rate: float) -> float:
    """A rate as the NUMERIC(5,2) column stores it (half away from zero, like PostgreSQL)."""
    return float(Decimal(str(rate)).quantize(_CENT, rounding=ROUND_HALF_UP))


def canonical_terms(values: Mapping[str, Any]) -> dict[str, Any]:
    """Terms as JSON, compared and snapshotted: lists sorted (they are sets), rates to the cent as the
    NUMERIC(5,2) column keeps them, so re-sending what was stored always compares equal."""
    terms: dict[str, Any] = {}
    for field in TERM_FIELDS:
        value = values[field]
        if field in _SET_TERMS:
            value = sorted(str(item) for item in value)
        elif field in _RATE_TERMS:
            value = to_cent(value)
        elif isinstance(value, date):
            value = value.isoformat()
        terms[field] = value
    return terms


def terms_of(product: "Product") -> dict[str, Any]:
    """The product's current terms, as its current version records them."""
    return canonical_terms({field: getattr(product, field) for field in TERM_FIELDS})


def revise(product: "Product", values: Mapping[str, Any], *, now: datetime) -> bool:
    """Give the product these terms (row values: dates as dates). A change makes a new version (True); the
    same terms change nothing (False). The status is not a term: a withdrawn product stays withdrawn."""
    if canonical_terms(values) == terms_of(product):
        return False
    for field in TERM_FIELDS:
        setattr(product, field, values[field])
    product.version += 1
    product.updated_at = now
    return True


# --- policy benefits (issue 16): 免申即享, 即申即享 and review ------------------------------------------------------


class PolicyMode(StrEnum):
    auto = "auto"  # 免申即享: granted to every enterprise that fits, without applying
    instant = "instant"  # 即申即享: granted on applying, checked against the live profile at once
    review = "review"  # decided by the issuing department within its working days


class PolicyStatus(StrEnum):
    draft = "draft"  # rules still change
    published = "published"  # rules fixed; a change is a new version
    superseded = "superseded"  # a newer version is published


class GrantStatus(StrEnum):
    requested = "requested"  # a claim on a `review` policy, awaiting the issuing department
    granted = "granted"  # the enterprise is told; it confirms where to receive the money
    confirmed = "confirmed"
    disbursed = "disbursed"
    revoked = "revoked"  # taken back before payment, with a reason
    refused = "refused"  # a `review` claim the department turned down


REACHED = (GrantStatus.granted, GrantStatus.confirmed, GrantStatus.disbursed)  # a benefit the enterprise has


@dataclass(frozen=True)
class PolicyRule:
    """One eligibility rule of a policy, by its stable code; `applies` is False where the policy does not set it."""

    code: str
    applies: Any  # Callable[[Mapping], bool]
    passes: Any  # Callable[[Mapping, EnterpriseProfile], bool]
    requirement: Any  # Callable[[Mapping], Text]: what would make an enterprise fit, with the policy's numbers


def _within(value: int | None, low: int | None, high: int | None) -> bool:
    return value is not None and (low is None or value >= low) and (high is None or value <= high)


def _range_text(low: int | None, high: int | None, unit_zh: str, unit_en: str, scale=lambda n: f"{n:,}") -> Text:
    if high is None:
        return Text(f"不低于 {scale(low)} {unit_zh}", f"at least {scale(low)} {unit_en}")
    if low is None:
        return Text(f"不高于 {scale(high)} {unit_zh}", f"at most {scale(high)} {unit_en}")
    return Text(f"{scale(low)}–{scale(high)} {unit_zh}", f"{scale(low)}–{scale(high)} {unit_en}")


def _revenue_text(e: Mapping) -> Text:
    span = _range_text(e.get("revenue_min_yuan"), e.get("revenue_max_yuan"), "万元", "×10k yuan", wan)
    return Text(f"年营业收入须为 {span}", f"Annual revenue must be {span.en}")


def _employees_text(e: Mapping) -> Text:
    span = _range_text(e.get("employees_min"), e.get("employees_max"), "人", "people")
    return Text(f"从业人数须为 {span}", f"Employees must number {span.en}")


def _one_of(zh: str, en: str, names: list[str]) -> Text:
    zh_names, en_names = either([str(name) for name in names])
    return Text(f"{zh} {zh_names}", f"{en} {en_names}")


POLICY_RULES: tuple[PolicyRule, ...] = (
    PolicyRule(
        "industry",
        lambda e: bool(e.get("industries")),
        lambda e, p: p.industry in e["industries"],
        lambda e: _one_of("行业门类须为", "Industry must be", e["industries"]),
    ),
    PolicyRule(
        "town",
        lambda e: bool(e.get("towns")),
        lambda e, p: p.town in e["towns"],
        lambda e: _one_of("须位于", "Must be located in", e["towns"]),
    ),
    PolicyRule(
        "revenue",
        lambda e: e.get("revenue_min_yuan") is not None or e.get("revenue_max_yuan") is not None,
        lambda e, p: _within(p.annual_revenue_yuan, e.get("revenue_min_yuan"), e.get("revenue_max_yuan")),
        _revenue_text,
    ),
    PolicyRule(
        "employees",
        lambda e: e.get("employees_min") is not None or e.get("employees_max") is not None,
        lambda e, p: _within(p.employees, e.get("employees_min"), e.get("employees_max")),
        _employees_text,
    ),
    PolicyRule(
        "credit_rating",
        lambda e: bool(e.get("credit_ratings")),
        lambda e, p: p.credit_rating in e["credit_ratings"],
        lambda e: _one_of("信用等级须为", "Credit rating must be", e["credit_ratings"]),
    ),
    PolicyRule(
        "key_enterprise",
        lambda e: e.get("key_enterprise") is not None,
        lambda e, p: p.key_enterprise == e["key_enterprise"],
        lambda e: (
            Text("须为重点企业", "Must be a key enterprise")
            if e["key_enterprise"]
            else Text("须为非重点企业", "Must not be a key enterprise")
        ),
    ),
    PolicyRule(
        "tags",
        lambda e: bool(e.get("tags")),
        lambda e, p: set(e["tags"]) <= set(p.tags),
        lambda e: _one_of("须具备资质", "Must hold", e["tags"]),
    ),
    PolicyRule(
        "founded_before",
        lambda e: e.get("founded_before") is not None,
        lambda e, p: p.established_on < date.fromisoformat(str(e["founded_before"])),
        lambda e: Text(f"须于 {e['founded_before']} 前成立", f"Must be founded before {e['founded_before']}"),
    ),
    PolicyRule(
        "founded_after",
        lambda e: e.get("founded_after") is not None,
        lambda e, p: p.established_on >= date.fromisoformat(str(e["founded_after"])),
        lambda e: Text(f"须于 {e['founded_after']} 或之后成立", f"Must be founded on or after {e['founded_after']}"),
    ),
)
POLICY_RULE_CODES = tuple(rule.code for rule in POLICY_RULES)
BENEFIT_BASIS = "benefit_basis"  # a rate of revenue for an enterprise whose revenue is not on record


def policy_failures(eligibility: Mapping, profile: "EnterpriseProfile") -> list[str]:
    """The codes of the policy's rules the enterprise fails, in the order of POLICY_RULES."""
    return [r.code for r in POLICY_RULES if r.applies(eligibility) and not r.passes(eligibility, profile)]


def policy_requirement(code: str, eligibility: Mapping) -> Text:
    if code == BENEFIT_BASIS:
        return Text(
            "须登记年营业收入（补贴按营业收入计算）", "Annual revenue must be on record (the benefit is a share of it)"
        )
    return next(rule for rule in POLICY_RULES if rule.code == code).requirement(eligibility)


def benefit_amount(benefit: Mapping, profile: "EnterpriseProfile") -> int | None:
    """Whole yuan the enterprise receives; None when a rate's basis (revenue) is not on record."""
    if benefit["kind"] == "fixed":
        return int(benefit["amount_yuan"])
    basis = profile.annual_revenue_yuan
    if basis is None:
        return None
    share = (Decimal(basis) * Decimal(str(benefit["rate_pct"])) / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return min(int(share), int(benefit["cap_yuan"]))


def policy_outcome(
    eligibility: Mapping, benefit: Mapping, profile: "EnterpriseProfile"
) -> tuple[list[str], int | None]:
    """The failing rule codes (BENEFIT_BASIS when the amount cannot be computed) and the amount it would receive."""
    failures = policy_failures(eligibility, profile)
    amount = benefit_amount(benefit, profile)
    if amount is None:
        failures.append(BENEFIT_BASIS)
    return failures, amount


def in_force(valid_from: date, valid_to: date | None, on: date) -> bool:
    return valid_from <= on and (valid_to is None or on <= valid_to)


def publishable(mode: PolicyMode, valid_from: date, valid_to: date | None, today: date) -> None:
    """An `auto` policy grants when it is published, so it is published while in force; none after its end."""
    if valid_to is not None and valid_to < today:
        raise InvalidTransition(Text(f"政策已于 {valid_to} 失效，不能发布。", f"The policy ended on {valid_to}."))
    if mode is PolicyMode.auto and valid_from > today:
        raise InvalidTransition(
            Text(
                f"免申即享政策发布即兑现，请于生效日 {valid_from} 起发布。",
                f"An auto policy grants on publication: publish it on or after {valid_from}.",
            )
        )


GRANTED_KIND = "policy.granted"


def granted_event(title: str, amount_yuan: int, *, applied: bool) -> Event:
    """The timeline line of a grant; a set-based grant writes the same words in SQL (`granted_summary_parts`)."""
    before, after = granted_summary_parts(title, applied=applied)
    return GRANTED_KIND, f"{before}{amount_yuan:,}{after}"


def granted_summary_parts(title: str, *, applied: bool) -> tuple[str, str]:
    """The words around the amount (whole yuan with thousands commas) in a grant's timeline line."""
    how = "申请即享" if applied else "免申即享"
    return f"「{title}」{how}：", " 元已兑现，请确认收款账户。"


def confirm_grant(grant: "PolicyGrant", payee: Mapping[str, str], *, now: datetime) -> None:
    """The enterprise names the account to be paid into; it may correct it until the money is sent."""
    if grant.status not in (GrantStatus.granted, GrantStatus.confirmed):
        raise InvalidTransition(
            Text(f"奖补状态为 {grant.status}，不能确认收款账户。", f"The grant is {grant.status}: nothing to confirm.")
        )
    grant.status, grant.payee, grant.confirmed_at, grant.updated_at = GrantStatus.confirmed, dict(payee), now, now


def revoke_grant(grant: "PolicyGrant", reason: str, *, title: str, now: datetime) -> Event:
    if grant.status not in (GrantStatus.granted, GrantStatus.confirmed):
        raise InvalidTransition(
            Text(f"奖补状态为 {grant.status}，不能撤销。", f"The grant is {grant.status}: it cannot be revoked.")
        )
    grant.status, grant.revoked_reason, grant.revoked_at, grant.updated_at = GrantStatus.revoked, reason, now, now
    return "policy.revoked", f"「{title}」奖补已撤销：{reason}"


def decide_claim(grant: "PolicyGrant", approve: bool, reason: str | None, *, title: str, now: datetime) -> Event:
    """The issuing department's decision on a `review` claim."""
    if grant.status is not GrantStatus.requested:
        raise InvalidTransition(
            Text(f"奖补状态为 {grant.status}，已有决定。", f"The grant is {grant.status}: it is decided already.")
        )
    grant.updated_at = now
    if approve:
        grant.status, grant.granted_at = GrantStatus.granted, now
        return granted_event(title, grant.amount_yuan, applied=True)
    grant.status, grant.revoked_reason = GrantStatus.refused, reason
    return "policy.revoked", f"「{title}」申请未获批准：{reason}"


def payment_reference(grant_id: uuid.UUID, paid_on: date) -> str:
    """The payment's reference, one per grant: the same grant can never be paid under two references."""
    return f"ZJ{paid_on:%Y%m%d}{grant_id.hex[:12].upper()}"


def disburse(grant: "PolicyGrant", *, title: str, reference: str, now: datetime) -> Event:
    grant.status, grant.payment_reference, grant.disbursed_at, grant.updated_at = (
        GrantStatus.disbursed,
        reference,
        now,
        now,
    )
    return "policy.disbursed", f"「{title}」政策资金 {grant.amount_yuan:,} 元已拨付，支付流水号 {reference}。"

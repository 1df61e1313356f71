"""Matching: which products fit a need (with a score and reasons), which open needs fit a product, and which
miss by one rule.

A need is matched against the products on offer held in memory as arrays (`offers`, exact for the reading
transaction): each rule is one vectorised comparison over every product, so fits and near misses of a need
cost about a millisecond at 100,000 products, and only the best rows are read from the database. Needs are
too many to hold: a product's leads and near-miss counts are SQL over the needs' profile index. Both sides
come from one rule table, and reasons are written in Python (`domain.reasons`) for the rows shown.
"""

import functools
import operator
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import numpy as np
from sqlalchemy import String, case, cast, func, literal, or_, tablesample, text
from sqlalchemy import select as sa_select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import Principal
from services.common.calendar import cst_date
from services.common.pagination import PageParams, make_page, paginate
from services.common.texts import Text
from services.finance import domain, policy
from services.finance.domain import NeedStatus, ProductStatus
from services.finance.models import Bank, Need, Product
from services.finance.service.needs import get_need
from services.finance.service.offers import Offers, cents
from services.finance.service.offers import current as current_offers
from services.intake.contract import EnterpriseProfile, IntakeClient


def _failures(offers: Offers, rules: list[tuple[str, np.ndarray]], on: date) -> np.ndarray:
    """How many of these rules each product fails; more than any rule count for a product not on offer."""
    failed = np.zeros(offers.size, dtype=np.int8)
    for _, passes in rules:
        failed += ~passes
    failed[~offers.on_offer(on)] = len(RULES) + 1
    return failed


def eligible_rows(offers: Offers, need: Need, profile: EnterpriseProfile, on: date) -> np.ndarray:
    """The rows of `offers` (products on offer) the enterprise is eligible for with this need."""
    return np.flatnonzero(_failures(offers, _product_rules(offers, need, profile, on), on) == 0)


def _scores(offers: Offers, rows: np.ndarray, need: Need, profile: EnterpriseProfile) -> np.ndarray:
    """0–100 for the given rows: cheaper money first (50, full at 2 % and nothing at 8 %), then unsecured credit
    (20), then products aimed at this enterprise's industry (15) and town (15) over general ones. Counted in
    twelfths, so the rate's share (8 % − rate) × 50 / 6 and the rounding (half up) are exact."""
    twelfths = np.clip(800 - offers.rate_cents[rows].astype(np.int64), 0, 600)
    if "credit" in need.collateral_available:
        twelfths += 12 * 20 * offers.collateral.contains("credit")[rows]
    twelfths += 12 * 15 * offers.industries.contains(profile.industry.value)[rows]
    twelfths += 12 * 15 * offers.towns.contains(profile.town)[rows]
    return (twelfths + 6) // 12


def _best(
    offers: Offers, rows: np.ndarray, need: Need, profile: EnterpriseProfile, limit: int
) -> list[tuple[int, int]]:
    """(row, score) of the `limit` best rows: score descending, then the lower rate, then the product id."""
    if limit == 0:
        return []
    scores = _scores(offers, rows, need, profile)
    order = np.lexsort((offers.id_low[rows], offers.id_high[rows], offers.rate_cents[rows], -scores))[:limit]
    return list(zip(rows[order].tolist(), scores[order].tolist(), strict=True))


async def _products(session: AsyncSession, offers: Offers, rows: list[int]) -> dict[int, tuple[Product, str]]:
    """The products at these rows with their bank's name, by row; one still active only (a product withdrawn
    since the snapshot was read drops out)."""
    if not rows:
        return {}
    row_of = {offers.product_id(row): row for row in rows}
    found = await session.exec(
        sa_select(Product, Bank.name)
        .join(Bank, Bank.id == Product.bank_id)
        .where(Product.id.in_(list(row_of)), Product.status == ProductStatus.active)
    )
    return {row_of[product.id]: (product, bank_name) for product, bank_name in found.all()}


async def matches(
    session: AsyncSession,
    *,
    need_id: uuid.UUID,
    principal: Principal,
    intake: IntakeClient,
    now: datetime,
    limit: int = 20,
    near_misses: bool = False,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]] | None]:
    """The products the need's enterprise is eligible for, best first, each with plain-word reasons; with
    `near_misses`, also the products that fail exactly one rule (else None)."""
    need = await get_need(session, need_id=need_id, principal=principal)
    profile = await intake.enterprise(need.enterprise_id)
    fits, near = await ranked(
        session, need=need, profile=profile, on=cst_date(now), limit=limit, near_limit=limit if near_misses else 0
    )
    return fits, near if near_misses else None


async def ranked(
    session: AsyncSession, *, need: Need, profile: EnterpriseProfile, on: date, limit: int, near_limit: int = 0
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The best `limit` eligible products for this need and profile on day `on`, and the best `near_limit`
    products on offer that fail exactly one rule, each with that rule and what would make it fit (`requirement`
    a `Text`): one pass over the products, one read of the rows shown (what bench/matching.py times)."""
    offers = await current_offers(session)
    rules = _product_rules(offers, need, profile, on)
    failed = _failures(offers, rules, on)
    fits = _best(offers, np.flatnonzero(failed == 0), need, profile, limit)
    near = _best(offers, np.flatnonzero(failed == 1), need, profile, near_limit)
    shown = await _products(session, offers, [row for row, _ in fits + near])

    def item(row: int, points: int) -> dict[str, Any]:
        product, bank_name = shown[row]
        return {
            "product_id": product.id,
            "bank_id": product.bank_id,
            "bank_name": bank_name,
            "product_name": product.name,
            "score": points,
            "annual_rate_pct_min": product.annual_rate_pct_min,
            "annual_rate_pct_max": product.annual_rate_pct_max,
        }

    def near_item(row: int, points: int) -> dict[str, Any]:
        code = next(code for code, passes in rules if not passes[row])
        requirement_text = requirement(code, shown[row][0], need, profile, on)
        return {**item(row, points), "rule": code, "requirement": requirement_text}

    return (
        [
            {**item(row, points), "reasons": domain.reasons(shown[row][0], need, profile, on)}
            for row, points in fits
            if row in shown
        ],
        [near_item(row, points) for row, points in near if row in shown],
    )


async def is_eligible(
    session: AsyncSession, *, product_id: uuid.UUID, need: Need, profile: EnterpriseProfile, on: date
) -> bool:
    """Whether the enterprise is eligible for this product with this need (an application's check)."""
    offers = await current_offers(session)
    row = offers.row_of(product_id)
    return row is not None and _failures(offers, _product_rules(offers, need, profile, on), on)[row] == 0


async def eligible_products(
    session: AsyncSession, *, need: Need, profile: EnterpriseProfile, on: date
) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """(product id, bank id) of every product on offer the need fits (whose banks hear of a new lead)."""
    offers = await current_offers(session)
    ids = [offers.product_id(int(row)) for row in eligible_rows(offers, need, profile, on)]
    if not ids:
        return []
    found = await session.exec(sa_select(Product.id, Product.bank_id).where(Product.id.in_(ids)))
    return [(product_id, bank_id) for product_id, bank_id in found.all()]


LEADS_PROBE = 5_000  # newest open needs tried first; see `leads`


async def leads(
    session: AsyncSession, *, product_id: uuid.UUID, principal: Principal, page: PageParams, now: datetime
) -> tuple[list[Need], str | None]:
    """Open needs that fit the bank's product, newest first; the rules mirror `eligible_rows`.

    Two plans, because the planner cannot tell a product that fits one need in ten from one that fits
    one in ten thousand. First the newest LEADS_PROBE open needs are filtered: when a page of fits is
    among them, that page is exact. Otherwise the fits are rare, and they are collected through the
    profile index (an index-only scan, fenced by a materialised CTE) and paged from there.
    """
    product = policy.require_own_product(principal, await session.get(Product, product_id))
    on = cst_date(now)
    if not domain.on_offer(product, on):
        return [], None
    recent_rows = paginate(select(Need).where(Need.status == NeedStatus.open), Need, page).limit(LEADS_PROBE)
    recent = aliased(Need, recent_rows.subquery("recent"))
    probe = select(recent).where(*lead_rules(recent, product, on))
    rows = list((await session.exec(paginate(probe, recent, page))).all())
    if len(rows) > page.limit:
        return make_page(rows, page)
    window = (await session.exec(select(func.count()).select_from(recent_rows.subquery()))).one()
    if window < LEADS_PROBE:  # the probe saw every remaining open need: the answer is complete
        return make_page(rows, page)
    candidates = sa_select(Need.id, Need.created_at).where(*lead_rules(Need, product, on))
    fenced = candidates.cte("candidates").prefix_with("MATERIALIZED")
    query = select(Need).where(Need.id.in_(paginate(sa_select(fenced.c.id), fenced.c, page)))
    rows = list((await session.exec(query.order_by(Need.created_at.desc(), Need.id.desc()))).all())
    return make_page(rows, page)


def lead_rules(N: Any, product: Product, on: date) -> list[ColumnElement[bool]]:
    """Which open needs, shown to banks, fit the product, on `Need` or an alias of it."""
    return [*policy.shown_to_banks(N), *(condition for _, condition in _need_rules(N, product, on))]


# --- the rules, one place: eligibility, leads and near misses (issue 11) ----------------------------------------
#
# Each rule has a stable code, its SQL from both sides (on products for a need and its enterprise; on needs for a
# product) and the words for what would make a product that fails it fit. `eligible_rows` and `lead_rules` are built
# from this table, so a fit and a near miss can never disagree. A side returns None where the rule cannot fail
# (a need without a rate cap, a product open to every industry).

Condition = ColumnElement[bool] | None


@dataclass(frozen=True)
class Rule:
    code: str
    label: Text  # the rule in a few words, for a bank's near-miss counts
    for_need: Callable[[Offers, Need, EnterpriseProfile, date], np.ndarray | None]  # passes, per product
    for_product: Callable[[Any, Product, date], Condition]  # on `Need` or an alias
    requirement: Callable[[Product, Need, EnterpriseProfile, date], Text]  # what would make it fit, with numbers


def _yuan(yuan: int) -> str:
    return f"{yuan:,} yuan"


def _amount_text(product: Product, need: Need, profile: EnterpriseProfile, on: date) -> Text:
    low, high, amount = product.min_amount_yuan, product.max_amount_yuan, need.amount_yuan
    return Text(
        f"融资金额需在 {domain.wan(low)}–{domain.wan(high)} 万元之间（当前 {domain.wan(amount)} 万元）",
        f"The amount must be between {_yuan(low)} and {_yuan(high)} (now {_yuan(amount)})",
    )


def _term_text(product: Product, need: Need, profile: EnterpriseProfile, on: date) -> Text:
    low, high, term = product.term_months_min, product.term_months_max, need.term_months
    return Text(
        f"期限需在 {low}–{high} 个月之间（当前 {term} 个月）",
        f"The term must be between {low} and {high} months (now {term} months)",
    )


def _collateral_text(product: Product, need: Need, profile: EnterpriseProfile, on: date) -> Text:
    wanted = [str(c) for c in product.collateral_types]
    zh, en = domain.either(wanted, [domain.COLLATERAL_NAMES[c] for c in wanted])
    offered = [str(c) for c in need.collateral_available]
    offered_zh = "、".join(domain.COLLATERAL_NAMES[c] for c in offered)
    return Text(
        f"担保方式需为 {zh}（当前可提供 {offered_zh}）",
        f"The collateral must be {en} (now offered: {', '.join(offered)})",
    )


def _industry_text(product: Product, need: Need, profile: EnterpriseProfile, on: date) -> Text:
    zh, en = domain.either([str(i) for i in product.industries])
    return Text(
        f"行业门类需为 {zh}（当前 {profile.industry}）", f"The industry section must be {en} (now {profile.industry})"
    )


def _town_text(product: Product, need: Need, profile: EnterpriseProfile, on: date) -> Text:
    zh, en = domain.either([str(t) for t in product.towns])
    return Text(f"所在乡镇需为 {zh}（当前 {profile.town}）", f"The town must be {en} (now {profile.town})")


def _years_text(product: Product, need: Need, profile: EnterpriseProfile, on: date) -> Text:
    least, years = product.min_years_in_business, domain.years_between(profile.established_on, on)
    return Text(
        f"成立年限需不少于 {least} 年（当前 {years} 年）",
        f"Years in business must be at least {least} (now {years})",
    )


def _revenue_text(product: Product, need: Need, profile: EnterpriseProfile, on: date) -> Text:
    least, revenue = product.min_annual_revenue_yuan, profile.annual_revenue_yuan or 0
    return Text(
        f"年营业收入需不低于 {domain.wan(least)} 万元（当前 {domain.wan(revenue)} 万元）",
        f"Annual revenue must be at least {_yuan(least)} (now {_yuan(revenue)})",
    )


def _rating_text(product: Product, need: Need, profile: EnterpriseProfile, on: date) -> Text:
    zh, en = domain.either(sorted(str(r) for r in product.accepted_credit_ratings))
    rating = profile.credit_rating
    return Text(f"信用等级需为 {zh}（当前 {rating}）", f"The credit rating must be {en} (now {rating})")


def _rate_text(product: Product, need: Need, profile: EnterpriseProfile, on: date) -> Text:
    floor, cap = product.annual_rate_pct_min, need.max_annual_rate_pct
    return Text(
        f"可接受的年利率上限需不低于 {floor:g}%（当前 {cap:g}%）",
        f"The highest annual rate accepted must be at least {floor:g}% (now {cap:g}%)",
    )


RULES: tuple[Rule, ...] = (
    Rule(
        "amount",
        Text("融资金额", "Amount"),
        lambda o, need, profile, on: (o.min_amount <= need.amount_yuan) & (need.amount_yuan <= o.max_amount),
        lambda N, product, on: N.amount_yuan.between(product.min_amount_yuan, product.max_amount_yuan),
        _amount_text,
    ),
    Rule(
        "term",
        Text("期限", "Term"),
        lambda o, need, profile, on: (o.term_min <= need.term_months) & (need.term_months <= o.term_max),
        lambda N, product, on: N.term_months.between(product.term_months_min, product.term_months_max),
        _term_text,
    ),
    Rule(
        "collateral",
        Text("担保方式", "Collateral"),
        lambda o, need, profile, on: o.collateral.contains_any(need.collateral_available),
        lambda N, product, on: N.collateral_available.op("&&")(cast(product.collateral_types, ARRAY(String))),
        _collateral_text,
    ),
    Rule(
        "industry",
        Text("行业门类", "Industry"),
        lambda o, need, profile, on: o.industries.open_or_contains(profile.industry.value),
        lambda N, product, on: N.industry.in_(product.industries) if product.industries else None,
        _industry_text,
    ),
    Rule(
        "town",
        Text("所在乡镇", "Town"),
        lambda o, need, profile, on: o.towns.open_or_contains(profile.town),
        lambda N, product, on: N.town.in_(product.towns) if product.towns else None,
        _town_text,
    ),
    Rule(
        "min_years_in_business",
        Text("成立年限", "Years in business"),
        lambda o, need, profile, on: o.min_years <= domain.years_between(profile.established_on, on),
        lambda N, product, on: N.established_on <= domain.years_before(on, product.min_years_in_business),
        _years_text,
    ),
    Rule(
        "min_annual_revenue",
        Text("年营业收入", "Annual revenue"),
        lambda o, need, profile, on: o.min_revenue <= (profile.annual_revenue_yuan or 0),
        lambda N, product, on: N.annual_revenue_yuan >= product.min_annual_revenue_yuan,
        _revenue_text,
    ),
    Rule(
        "credit_rating",
        Text("信用等级", "Credit rating"),
        lambda o, need, profile, on: o.ratings.contains(profile.credit_rating.value),
        lambda N, product, on: N.credit_rating.in_(product.accepted_credit_ratings),
        _rating_text,
    ),
    Rule(
        "max_annual_rate",
        Text("利率上限", "Rate cap"),
        lambda o, need, profile, on: (
            None if need.max_annual_rate_pct is None else o.rate_cents <= cents(need.max_annual_rate_pct)
        ),
        lambda N, product, on: or_(
            N.max_annual_rate_pct.is_(None), N.max_annual_rate_pct >= product.annual_rate_pct_min
        ),
        _rate_text,
    ),
)
RULES_BY_CODE = {rule.code: rule for rule in RULES}


def _product_rules(offers: Offers, need: Need, profile: EnterpriseProfile, on: date) -> list[tuple[str, np.ndarray]]:
    """(code, which products pass) of every rule that can fail for this need and enterprise."""
    found = ((rule.code, rule.for_need(offers, need, profile, on)) for rule in RULES)
    return [(code, passes) for code, passes in found if passes is not None]


def _need_rules(N: Any, product: Product, on: date) -> list[tuple[str, ColumnElement[bool]]]:
    """(code, SQL on `N`) of every rule of the product that a need can fail."""
    found = ((rule.code, rule.for_product(N, product, on)) for rule in RULES)
    return [(code, condition) for code, condition in found if condition is not None]


def requirement(code: str, product: Product, need: Need, profile: EnterpriseProfile, on: date) -> Text:
    """What would make the product fit when it fails the rule `code`, with numbers (zh; `.en` in English)."""
    return RULES_BY_CODE[code].requirement(product, need, profile, on)


def _misses(rules: list[tuple[str, ColumnElement[bool]]]) -> tuple[ColumnElement[int], ColumnElement[str]]:
    """How many rules a row fails (a CASE per rule, summed) and the code of the first it fails."""
    fails = [(code, case((condition, 0), else_=1)) for code, condition in rules]
    count = functools.reduce(operator.add, [failed for _, failed in fails], literal(0))
    first = case(*[(failed == 1, literal(code)) for code, failed in fails], else_=None)
    return count, first


async def near_miss_counts(
    session: AsyncSession, *, product_id: uuid.UUID, principal: Principal, now: datetime
) -> dict[str, Any]:
    """How many open needs shown to banks miss the product by exactly one rule, by rule; no enterprise data."""
    product = policy.require_product_insight(principal, await session.get(Product, product_id))
    return await count_near_misses(session, product=product, on=cst_date(now))


# Above this many needs rows an exact count reads every open need (about a second at a million); a sample of
# about SAMPLED_NEEDS rows (whole pages, `TABLESAMPLE SYSTEM`) answers in tens of milliseconds with counts good
# to a few per cent, enough to tell a bank which term to relax. A county's real tables stay exact.
EXACT_UP_TO_NEEDS = 100_000
SAMPLED_NEEDS = 25_000


async def count_near_misses(
    session: AsyncSession, *, product: Product, on: date, exact: bool = False
) -> dict[str, Any]:
    """The counts of `near_miss_counts` for a loaded product (what bench/matching.py times): exact up to
    EXACT_UP_TO_NEEDS needs rows (by the planner's row count) or when `exact`, estimated from a page sample above."""
    counts: dict[str, int] = {}
    share = None
    if domain.on_offer(product, on):
        if not exact:
            rows = (
                await session.exec(text("SELECT reltuples FROM pg_class WHERE oid = 'finance.need'::regclass"))
            ).one()
            exact = rows[0] <= EXACT_UP_TO_NEEDS  # -1: never analysed, so small
            share = None if exact else min(1.0, SAMPLED_NEEDS / rows[0])
        N: Any = Need if share is None else aliased(Need, tablesample(Need.__table__, func.system(share * 100)))
        count, first = _misses(_need_rules(N, product, on))
        rule = first.label("rule")
        query = sa_select(rule, func.count()).where(*policy.shown_to_banks(N), count == 1)
        counted = (await session.exec(query.group_by(rule))).all()
        counts = {code: int(n) if share is None else round(n / share) for code, n in counted}
    by_rule = [{"rule": rule.code, "label": rule.label, "needs": counts.get(rule.code, 0)} for rule in RULES]
    by_rule.sort(key=lambda item: -item["needs"])  # stable: ties keep the rules' order
    return {
        "product_id": product.id,
        "needs": sum(counts.values()),
        "by_rule": by_rule,
        "estimated": share is not None,
        "sample_share": share,
    }

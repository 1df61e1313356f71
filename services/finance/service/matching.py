"""Matching in PostgreSQL: which products fit a need (with a score and reasons), which open needs fit a product.

Eligibility is a WHERE clause served by a GiST index on the products' amount and term ranges, and the
score is computed in the same query, so only the best rows leave the database. Reasons are written in
Python (`domain.reasons`) for those rows alone.
"""

import functools
import operator
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, String, and_, any_, case, cast, func, literal, or_, tablesample, text
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
from services.intake.contract import EnterpriseProfile, IntakeClient


def eligible(profile: EnterpriseProfile, need: Need, on: date) -> list[ColumnElement[bool]]:
    """Every rule a product must pass for this need and enterprise, as SQL on `product`."""
    return [*_on_offer(Product, on), *(condition for _, condition in _product_rules(need, profile, on))]


def _on_offer(P: Any, on: date) -> list[ColumnElement[bool]]:
    """Not eligibility rules but the product being offered at all: active and not expired."""
    return [P.status == ProductStatus.active, or_(P.valid_until.is_(None), P.valid_until >= on)]


def _score(need: Need, profile: EnterpriseProfile) -> ColumnElement[int]:
    """0–100: cheaper money first (50), then unsecured credit (20), then products aimed at this
    enterprise's industry (15) and town (15) over general ones."""
    P = Product
    rate = func.least(func.greatest((8.0 - P.annual_rate_pct_min) / 6.0, 0.0), 1.0) * 50
    credit = case(
        (and_(any_(P.collateral_types) == "credit", literal("credit" in need.collateral_available)), 20), else_=0
    )
    industry = case((any_(P.industries) == profile.industry.value, 15), else_=0)
    town = case((any_(P.towns) == profile.town, 15), else_=0)
    return func.round(rate + credit + industry + town).label("score")


async def matches(
    session: AsyncSession,
    *,
    need_id: uuid.UUID,
    principal: Principal,
    intake: IntakeClient,
    now: datetime,
    limit: int = 20,
) -> list[dict[str, Any]]:
    """The products the need's enterprise is eligible for, best first, each with plain-word reasons."""
    need = await get_need(session, need_id=need_id, principal=principal)
    profile = await intake.enterprise(need.enterprise_id)
    return await rank(session, need=need, profile=profile, on=cst_date(now), limit=limit)


async def rank(
    session: AsyncSession, *, need: Need, profile: EnterpriseProfile, on: date, limit: int
) -> list[dict[str, Any]]:
    """The best `limit` eligible products for this need and profile on day `on` (what bench/matching.py times)."""
    score = _score(need, profile)
    best = (  # rank on the product table alone; banks are joined to the few rows that win
        sa_select(Product.id, score)
        .where(*eligible(profile, need, on))
        .order_by(score.desc(), Product.annual_rate_pct_min, Product.id)
        .limit(limit)
        .subquery()
    )
    rows = (
        await session.exec(
            sa_select(Product, Bank.name, best.c.score)
            .join(best, best.c.id == Product.id)
            .join(Bank, Bank.id == Product.bank_id)
            .order_by(best.c.score.desc(), Product.annual_rate_pct_min, Product.id)
        )
    ).all()
    return [
        {
            "product_id": product.id,
            "bank_id": product.bank_id,
            "bank_name": bank_name,
            "product_name": product.name,
            "score": int(points),
            "reasons": domain.reasons(product, need, profile, on),
            "annual_rate_pct_min": product.annual_rate_pct_min,
            "annual_rate_pct_max": product.annual_rate_pct_max,
        }
        for product, bank_name, points in rows
    ]


LEADS_PROBE = 5_000  # newest open needs tried first; see `leads`


async def leads(
    session: AsyncSession, *, product_id: uuid.UUID, principal: Principal, page: PageParams, now: datetime
) -> tuple[list[Need], str | None]:
    """Open needs that fit the bank's product, newest first; the rules mirror `eligible`.

    Two plans, because the planner cannot tell a product that fits one need in ten from one that fits
    one in ten thousand. First the newest LEADS_PROBE open needs are filtered: when a page of fits is
    among them, that page is exact. Otherwise the fits are rare, and they are collected through the
    profile index (an index-only scan, fenced by a materialised CTE) and paged from there.
    """
    product = policy.require_own_product(principal, await session.get(Product, product_id))
    on = cst_date(now)
    if product.status != ProductStatus.active or (product.valid_until is not None and product.valid_until < on):
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
    shown = [N.status == NeedStatus.open, policy.consents(N)]
    return [*shown, *(condition for _, condition in _need_rules(N, product, on))]


# --- the rules, one place: eligibility, leads and near misses (issue 11) ----------------------------------------
#
# Each rule has a stable code, its SQL from both sides (on products for a need and its enterprise; on needs for a
# product) and the words for what would make a product that fails it fit. `eligible` and `lead_rules` are built
# from this table, so a fit and a near miss can never disagree. A side returns None where the rule cannot fail
# (a need without a rate cap, a product open to every industry).

Condition = ColumnElement[bool] | None


@dataclass(frozen=True)
class Rule:
    code: str
    label: Text  # the rule in a few words, for a bank's near-miss counts
    for_need: Callable[[Need, EnterpriseProfile, date], Condition]  # on `Product`
    for_product: Callable[[Any, Product, date], Condition]  # on `Need` or an alias
    requirement: Callable[[Product, Need, EnterpriseProfile, date], Text]  # what would make it fit, with numbers


def _either(names: list[str], zh_names: list[str] | None = None) -> tuple[str, str]:
    """ "C" or "C、E 之一" (zh) and "C" or "one of C, E" (en)."""
    zh = "、".join(zh_names or names)
    return (zh, names[0]) if len(names) == 1 else (f"{zh} 之一", "one of " + ", ".join(names))


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
    zh, en = _either(wanted, [domain.COLLATERAL_NAMES[c] for c in wanted])
    offered = [str(c) for c in need.collateral_available]
    offered_zh = "、".join(domain.COLLATERAL_NAMES[c] for c in offered)
    return Text(
        f"担保方式需为 {zh}（当前可提供 {offered_zh}）",
        f"The collateral must be {en} (now offered: {', '.join(offered)})",
    )


def _industry_text(product: Product, need: Need, profile: EnterpriseProfile, on: date) -> Text:
    zh, en = _either([str(i) for i in product.industries])
    return Text(
        f"行业门类需为 {zh}（当前 {profile.industry}）", f"The industry section must be {en} (now {profile.industry})"
    )


def _town_text(product: Product, need: Need, profile: EnterpriseProfile, on: date) -> Text:
    zh, en = _either([str(t) for t in product.towns])
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
    zh, en = _either(sorted(str(r) for r in product.accepted_credit_ratings))
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
        lambda need, profile, on: Product.amount_range.op("@>")(cast(need.amount_yuan, BigInteger)),
        lambda N, product, on: N.amount_yuan.between(product.min_amount_yuan, product.max_amount_yuan),
        _amount_text,
    ),
    Rule(
        "term",
        Text("期限", "Term"),
        lambda need, profile, on: Product.term_range.op("@>")(need.term_months),
        lambda N, product, on: N.term_months.between(product.term_months_min, product.term_months_max),
        _term_text,
    ),
    Rule(
        "collateral",
        Text("担保方式", "Collateral"),
        lambda need, profile, on: Product.collateral_types.op("&&")(cast(need.collateral_available, ARRAY(String))),
        lambda N, product, on: N.collateral_available.op("&&")(cast(product.collateral_types, ARRAY(String))),
        _collateral_text,
    ),
    Rule(
        "industry",
        Text("行业门类", "Industry"),
        lambda need, profile, on: or_(
            func.cardinality(Product.industries) == 0, any_(Product.industries) == profile.industry.value
        ),
        lambda N, product, on: N.industry.in_(product.industries) if product.industries else None,
        _industry_text,
    ),
    Rule(
        "town",
        Text("所在乡镇", "Town"),
        lambda need, profile, on: or_(func.cardinality(Product.towns) == 0, any_(Product.towns) == profile.town),
        lambda N, product, on: N.town.in_(product.towns) if product.towns else None,
        _town_text,
    ),
    Rule(
        "min_years_in_business",
        Text("成立年限", "Years in business"),
        lambda need, profile, on: Product.min_years_in_business <= domain.years_between(profile.established_on, on),
        lambda N, product, on: N.established_on <= domain.years_before(on, product.min_years_in_business),
        _years_text,
    ),
    Rule(
        "min_annual_revenue",
        Text("年营业收入", "Annual revenue"),
        lambda need, profile, on: Product.min_annual_revenue_yuan <= (profile.annual_revenue_yuan or 0),
        lambda N, product, on: N.annual_revenue_yuan >= product.min_annual_revenue_yuan,
        _revenue_text,
    ),
    Rule(
        "credit_rating",
        Text("信用等级", "Credit rating"),
        lambda need, profile, on: any_(Product.accepted_credit_ratings) == profile.credit_rating.value,
        lambda N, product, on: N.credit_rating.in_(product.accepted_credit_ratings),
        _rating_text,
    ),
    Rule(
        "max_annual_rate",
        Text("利率上限", "Rate cap"),
        lambda need, profile, on: (
            None if need.max_annual_rate_pct is None else Product.annual_rate_pct_min <= need.max_annual_rate_pct
        ),
        lambda N, product, on: or_(
            N.max_annual_rate_pct.is_(None), N.max_annual_rate_pct >= product.annual_rate_pct_min
        ),
        _rate_text,
    ),
)
RULES_BY_CODE = {rule.code: rule for rule in RULES}


def _product_rules(need: Need, profile: EnterpriseProfile, on: date) -> list[tuple[str, ColumnElement[bool]]]:
    """(code, SQL on `product`) of every rule that can fail for this need and enterprise."""
    found = ((rule.code, rule.for_need(need, profile, on)) for rule in RULES)
    return [(code, condition) for code, condition in found if condition is not None]


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


async def near_misses(
    session: AsyncSession, *, need: Need, profile: EnterpriseProfile, on: date, limit: int
) -> list[dict[str, Any]]:
    """Products on offer that fail exactly one rule for this need, best first, each with that rule and what would
    make it fit (`requirement` a `Text`)."""
    count, first = _misses(_product_rules(need, profile, on))
    score = _score(need, profile)
    best = (
        sa_select(Product.id, score, first.label("rule"))
        .where(*_on_offer(Product, on), count == 1)
        .order_by(score.desc(), Product.annual_rate_pct_min, Product.id)
        .limit(limit)
        .subquery()
    )
    rows = (
        await session.exec(
            sa_select(Product, Bank.name, best.c.score, best.c.rule)
            .join(best, best.c.id == Product.id)
            .join(Bank, Bank.id == Product.bank_id)
            .order_by(best.c.score.desc(), Product.annual_rate_pct_min, Product.id)
        )
    ).all()
    return [
        {
            "product_id": product.id,
            "bank_id": product.bank_id,
            "bank_name": bank_name,
            "product_name": product.name,
            "score": int(points),
            "rule": code,
            "requirement": requirement(code, product, need, profile, on),
            "annual_rate_pct_min": product.annual_rate_pct_min,
            "annual_rate_pct_max": product.annual_rate_pct_max,
        }
        for product, bank_name, points, code in rows
    ]


async def matches_with_near_misses(
    session: AsyncSession, *, need_id: uuid.UUID, principal: Principal, intake: IntakeClient, now: datetime, limit: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """`matches` and the near misses of the same need, on one profile read."""
    need = await get_need(session, need_id=need_id, principal=principal)
    profile = await intake.enterprise(need.enterprise_id)
    on = cst_date(now)
    fits = await rank(session, need=need, profile=profile, on=on, limit=limit)
    return fits, await near_misses(session, need=need, profile=profile, on=on, limit=limit)


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
    offered = product.status == ProductStatus.active and (product.valid_until is None or product.valid_until >= on)
    if offered:
        if not exact:
            rows = (
                await session.exec(text("SELECT reltuples FROM pg_class WHERE oid = 'finance.need'::regclass"))
            ).one()
            exact = rows[0] <= max(EXACT_UP_TO_NEEDS, 0)  # -1: never analysed, so small
            share = None if exact else min(1.0, SAMPLED_NEEDS / rows[0])
        N: Any = Need if share is None else aliased(Need, tablesample(Need.__table__, func.system(share * 100)))
        count, first = _misses(_need_rules(N, product, on))
        rule = first.label("rule")
        query = sa_select(rule, func.count()).where(N.status == NeedStatus.open, policy.consents(N), count == 1)
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

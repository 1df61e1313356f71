"""Matching in PostgreSQL: which products fit a need (with a score and reasons), which open needs fit a product.

Eligibility is a WHERE clause served by a GiST index on the products' amount and term ranges, and the
score is computed in the same query, so only the best rows leave the database. Reasons are written in
Python (`domain.reasons`) for those rows alone.
"""

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, String, and_, any_, case, cast, func, literal, or_
from sqlalchemy import select as sa_select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import Principal
from services.common.calendar import cst_date
from services.common.pagination import PageParams, make_page, paginate
from services.finance import domain, policy
from services.finance.domain import NeedStatus, ProductStatus
from services.finance.models import Bank, Need, Product
from services.finance.service.needs import get_need
from services.intake.contract import EnterpriseProfile, IntakeClient


def eligible(profile: EnterpriseProfile, need: Need, on: date) -> list[ColumnElement[bool]]:
    """Every rule a product must pass for this need and enterprise, as SQL on `product`."""
    P = Product
    years = domain.years_between(profile.established_on, on)
    rules = [
        P.status == ProductStatus.active,
        or_(P.valid_until.is_(None), P.valid_until >= on),
        P.amount_range.op("@>")(cast(need.amount_yuan, BigInteger)),
        P.term_range.op("@>")(need.term_months),
        P.collateral_types.op("&&")(cast(need.collateral_available, ARRAY(String))),
        or_(func.cardinality(P.industries) == 0, any_(P.industries) == profile.industry.value),
        or_(func.cardinality(P.towns) == 0, any_(P.towns) == profile.town),
        P.min_years_in_business <= years,
        P.min_annual_revenue_yuan <= (profile.annual_revenue_yuan or 0),
        any_(P.accepted_credit_ratings) == profile.credit_rating.value,
    ]
    if need.max_annual_rate_pct is not None:
        rules.append(P.annual_rate_pct_min <= need.max_annual_rate_pct)
    return rules


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
    probe = select(recent).where(*_lead_rules(recent, product, on))
    rows = list((await session.exec(paginate(probe, recent, page))).all())
    if len(rows) > page.limit:
        return make_page(rows, page)
    window = (await session.exec(select(func.count()).select_from(recent_rows.subquery()))).one()
    if window < LEADS_PROBE:  # the probe saw every remaining open need: the answer is complete
        return make_page(rows, page)
    candidates = sa_select(Need.id, Need.created_at).where(*_lead_rules(Need, product, on))
    fenced = candidates.cte("candidates").prefix_with("MATERIALIZED")
    query = select(Need).where(Need.id.in_(paginate(sa_select(fenced.c.id), fenced.c, page)))
    rows = list((await session.exec(query.order_by(Need.created_at.desc(), Need.id.desc()))).all())
    return make_page(rows, page)


def _lead_rules(N: Any, product: Product, on: date) -> list[ColumnElement[bool]]:
    """Which open needs fit the product, on `Need` or an alias of it."""
    rules = [
        N.status == NeedStatus.open,
        N.amount_yuan.between(product.min_amount_yuan, product.max_amount_yuan),
        N.term_months.between(product.term_months_min, product.term_months_max),
        N.collateral_available.op("&&")(cast(product.collateral_types, ARRAY(String))),
        N.credit_rating.in_(product.accepted_credit_ratings),
        N.annual_revenue_yuan >= product.min_annual_revenue_yuan,
        N.established_on <= domain.years_before(on, product.min_years_in_business),
        or_(N.max_annual_rate_pct.is_(None), N.max_annual_rate_pct >= product.annual_rate_pct_min),
    ]
    if product.industries:
        rules.append(N.industry.in_(product.industries))
    if product.towns:
        rules.append(N.town.in_(product.towns))
    return rules

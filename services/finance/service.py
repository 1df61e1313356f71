"""Rules and queries of the finance service; raises domain errors, never builds HTTP responses.

Matching runs in PostgreSQL: eligibility is a WHERE clause served by a GiST index on the products'
amount and term ranges, and the score is computed in the same query, so only the best rows leave
the database. Reasons are written in Python for those rows alone.
"""

import uuid
from datetime import date
from typing import Any

from sqlalchemy import BigInteger, String, and_, case, cast, func, literal, or_
from sqlalchemy import select as sa_select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import Principal, Role
from services.common.calendar import cst_today
from services.common.db import insert_unique
from services.common.models import utcnow
from services.common.outbox import timeline_message
from services.common.pagination import PageParams, make_page, paginate
from services.common.problems import Invalid, InvalidTransition, NotFound
from services.finance.models import Bank, FinanceOutbox, LoanApplication, MatchmakingEvent, Need, Product
from services.finance.schemas import (
    ApplicationStatus,
    BankCreate,
    Decision,
    DecisionCreate,
    EventCreate,
    NeedCreate,
    NeedStatus,
    ProductCreate,
    ProductStatus,
    SignCreate,
)

COLLATERAL_NAMES = {"credit": "信用", "mortgage": "抵押", "guarantee": "保证", "pledge": "质押"}
TEN_THOUSAND = 10_000


def _wan(yuan: int) -> str:
    """Yuan in 万 (ten thousands), as loan officers say it."""
    value = yuan / TEN_THOUSAND
    return f"{value:g}" if value < 1000 else f"{value:,.0f}"


def years_between(start: date, end: date) -> int:
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


# --- banks and products -------------------------------------------------------------------------


async def create_bank(session: AsyncSession, *, data: BankCreate) -> Bank:
    bank = Bank(**data.model_dump())
    await insert_unique(session, bank, conflict=f"A bank with code {data.code!r} exists already.")
    return bank


async def get_bank(session: AsyncSession, *, bank_id: uuid.UUID) -> Bank:
    bank = await session.get(Bank, bank_id)
    if bank is None:
        raise NotFound("No such bank.")
    return bank


async def list_banks(session: AsyncSession, *, page: PageParams) -> tuple[list[Bank], str | None]:
    return make_page(list((await session.exec(paginate(select(Bank), Bank, page))).all()), page)


def new_product(data: ProductCreate, *, bank_id: uuid.UUID) -> Product:
    """An active product row; enums stored as their values, dates as dates."""
    return Product(
        **data.model_dump(mode="json", exclude={"valid_until"}),
        valid_until=data.valid_until,
        bank_id=bank_id,
        status=ProductStatus.active,
    )


async def create_product(session: AsyncSession, *, data: ProductCreate, principal: Principal) -> Product:
    """A bank posts a product for itself."""
    await get_bank(session, bank_id=principal.bank_id)
    product = new_product(data, bank_id=principal.bank_id)
    session.add(product)
    await session.commit()
    return product


async def list_products(
    session: AsyncSession, *, page: PageParams, bank_id: uuid.UUID | None, status: str | None
) -> tuple[list[Product], str | None]:
    query = select(Product)
    if bank_id is not None:
        query = query.where(Product.bank_id == bank_id)
    if status is not None:
        query = query.where(Product.status == status)
    return make_page(list((await session.exec(paginate(query, Product, page))).all()), page)


async def _own_product(session: AsyncSession, product_id: uuid.UUID, principal: Principal) -> Product:
    product = await session.get(Product, product_id, with_for_update=True)
    if product is None or product.bank_id != principal.bank_id:
        raise NotFound("No such product.")
    return product


async def withdraw_product(session: AsyncSession, *, product_id: uuid.UUID, principal: Principal) -> Product:
    product = await _own_product(session, product_id, principal)
    if product.status != ProductStatus.active:
        raise InvalidTransition("The product is withdrawn already.")
    product.status = ProductStatus.withdrawn
    product.updated_at = utcnow()
    session.add(product)
    await session.commit()
    return product


# --- needs --------------------------------------------------------------------------------------


async def create_need(session: AsyncSession, *, data: NeedCreate, principal: Principal, profile: dict) -> Need:
    """Post a need with a snapshot of the enterprise's profile, which banks' lead lists filter on."""
    need = Need(
        **data.model_dump(mode="json"),
        enterprise_id=principal.enterprise_id,
        status=NeedStatus.open,
        enterprise_name=profile["name"],
        industry=profile["industry"],
        town=profile["town"],
        established_on=date.fromisoformat(profile["established_on"]),
        annual_revenue_yuan=profile.get("annual_revenue_yuan") or 0,
        credit_rating=profile["credit_rating"],
    )
    session.add(need)
    session.add(_event(need.enterprise_id, "need.posted", need.id, f"发布融资需求 {_wan(need.amount_yuan)} 万元"))
    await session.commit()
    return need


def _event(enterprise_id: uuid.UUID, kind: str, ref_id: uuid.UUID, summary: str) -> FinanceOutbox:
    return timeline_message(
        FinanceOutbox, sender="finance", enterprise_id=enterprise_id, kind=kind, ref_id=ref_id, summary=summary
    )


def _need_scope(principal: Principal) -> ColumnElement[bool]:
    if principal.role is Role.admin:
        return literal(True)
    if principal.role is Role.enterprise:
        return Need.enterprise_id == principal.enterprise_id
    return literal(False)


async def list_needs(
    session: AsyncSession, *, principal: Principal, page: PageParams, status: str | None
) -> tuple[list[Need], str | None]:
    query = select(Need).where(_need_scope(principal))
    if status is not None:
        query = query.where(Need.status == status)
    return make_page(list((await session.exec(paginate(query, Need, page))).all()), page)


async def get_need(session: AsyncSession, *, need_id: uuid.UUID, principal: Principal, lock: bool = False) -> Need:
    query = select(Need).where(Need.id == need_id, _need_scope(principal))
    if lock:
        query = query.with_for_update()
    need = (await session.exec(query)).first()
    if need is None:
        raise NotFound("No such need.")
    return need


# --- matching -----------------------------------------------------------------------------------


def _eligible(profile: dict[str, Any], need: Need, on: date) -> list[ColumnElement[bool]]:
    """Every rule a product must pass for this need and enterprise, as SQL on `product`."""
    P = Product
    years = years_between(date.fromisoformat(str(profile["established_on"])), on)
    rules = [
        P.status == ProductStatus.active,
        or_(P.valid_until.is_(None), P.valid_until >= on),
        P.amount_range.op("@>")(cast(need.amount_yuan, BigInteger)),
        P.term_range.op("@>")(need.term_months),
        P.collateral_types.op("&&")(cast(need.collateral_available, ARRAY(String))),
        or_(func.cardinality(P.industries) == 0, P.industries.any(profile["industry"])),
        or_(func.cardinality(P.towns) == 0, P.towns.any(profile["town"])),
        P.min_years_in_business <= years,
        P.min_annual_revenue_yuan <= (profile.get("annual_revenue_yuan") or 0),
        P.accepted_credit_ratings.any(profile["credit_rating"]),
    ]
    if need.max_annual_rate_pct is not None:
        rules.append(P.annual_rate_pct_min <= need.max_annual_rate_pct)
    return rules


def _score(need: Need, profile: dict[str, Any]) -> ColumnElement[int]:
    """0–100: cheaper money first (50), then unsecured credit (20), then products aimed at this
    enterprise's industry (15) and town (15) over general ones."""
    P = Product
    rate = func.least(func.greatest((8.0 - P.annual_rate_pct_min) / 6.0, 0.0), 1.0) * 50
    credit = case((and_(P.collateral_types.any("credit"), literal("credit" in need.collateral_available)), 20), else_=0)
    industry = case((P.industries.any(profile["industry"]), 15), else_=0)
    town = case((P.towns.any(profile["town"]), 15), else_=0)
    return func.round(rate + credit + industry + town).label("score")


async def matches(
    session: AsyncSession, *, need: Need, profile: dict[str, Any], limit: int = 20
) -> list[dict[str, Any]]:
    """The products this enterprise is eligible for, best first, each with plain-word reasons."""
    on = cst_today()
    score = _score(need, profile)
    best = (  # rank on the product table alone; banks are joined to the few rows that win
        sa_select(Product.id, score)
        .where(*_eligible(profile, need, on))
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
            "reasons": reasons(product, need, profile, on),
            "annual_rate_pct_min": product.annual_rate_pct_min,
            "annual_rate_pct_max": product.annual_rate_pct_max,
        }
        for product, bank_name, points in rows
    ]


def reasons(product: Product, need: Need, profile: dict[str, Any], on: date) -> list[str]:
    """Why the product fits, in the words a loan officer would use."""
    said = [
        f"额度 {_wan(product.min_amount_yuan)}–{_wan(product.max_amount_yuan)} 万覆盖需求 {_wan(need.amount_yuan)} 万",
        f"期限 {product.term_months_min}–{product.term_months_max} 个月覆盖 {need.term_months} 个月",
    ]
    shared = [c for c in product.collateral_types if c in need.collateral_available]
    said.append("接受" + "、".join(COLLATERAL_NAMES[c] for c in shared) + "方式")
    rate = f"年利率 {product.annual_rate_pct_min:g}%–{product.annual_rate_pct_max:g}%"
    if need.max_annual_rate_pct is not None:
        rate += f"，最低利率不高于您的上限 {need.max_annual_rate_pct:g}%"
    said.append(rate)
    if product.industries:
        said.append(f"面向 {profile['industry']} 门类行业")
    if product.towns:
        said.append(f"面向{profile['town']}企业")
    if product.min_years_in_business:
        years = years_between(date.fromisoformat(str(profile["established_on"])), on)
        said.append(f"成立 {years} 年，满足至少 {product.min_years_in_business} 年的要求")
    if product.min_annual_revenue_yuan:
        said.append(f"年营业收入达到 {_wan(product.min_annual_revenue_yuan)} 万的门槛")
    said.append(f"信用等级 {profile['credit_rating']} 在准入范围内")
    return said


LEADS_PROBE = 5_000  # newest open needs tried first; see `leads`


async def leads(
    session: AsyncSession, *, product_id: uuid.UUID, principal: Principal, page: PageParams
) -> tuple[list[Need], str | None]:
    """Open needs that fit the bank's product, newest first; the rules mirror `_eligible`.

    Two plans, because the planner cannot tell a product that fits one need in ten from one that fits
    one in ten thousand. First the newest LEADS_PROBE open needs are filtered: when a page of fits is
    among them, that page is exact. Otherwise the fits are rare, and they are collected through the
    profile index (an index-only scan, fenced by a materialised CTE) and paged from there.
    """
    product = await session.get(Product, product_id)
    if product is None or product.bank_id != principal.bank_id:
        raise NotFound("No such product.")
    on = cst_today()
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
        N.established_on <= _years_before(on, product.min_years_in_business),
        or_(N.max_annual_rate_pct.is_(None), N.max_annual_rate_pct >= product.annual_rate_pct_min),
    ]
    if product.industries:
        rules.append(N.industry.in_(product.industries))
    if product.towns:
        rules.append(N.town.in_(product.towns))
    return rules


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


# --- applications and deals ---------------------------------------------------------------------


async def apply(
    session: AsyncSession, *, need_id: uuid.UUID, product_id: uuid.UUID, principal: Principal, profile: dict
) -> LoanApplication:
    """Apply for a product the enterprise is eligible for, against its open need; once per pair."""
    need = await get_need(session, need_id=need_id, principal=principal, lock=True)
    if need.status != NeedStatus.open:
        raise InvalidTransition(f"The need is {need.status}.")
    product = await session.get(Product, product_id)
    if product is None:
        raise Invalid("No such product.", field="product_id")
    eligible = (
        await session.exec(
            sa_select(Product.id).where(Product.id == product_id, *_eligible(profile, need, cst_today()))
        )
    ).first()
    if eligible is None:
        raise Invalid("The enterprise is not eligible for this product for this need.", field="product_id")
    application = LoanApplication(
        need_id=need.id,
        product_id=product.id,
        bank_id=product.bank_id,
        enterprise_id=need.enterprise_id,
        status=ApplicationStatus.submitted,
    )
    await insert_unique(session, application, conflict="This need has already been put to this product.")
    return application


def _application_scope(principal: Principal) -> ColumnElement[bool]:
    if principal.role is Role.admin:
        return literal(True)
    if principal.role is Role.bank:
        return LoanApplication.bank_id == principal.bank_id
    if principal.role is Role.enterprise:
        return LoanApplication.enterprise_id == principal.enterprise_id
    return literal(False)


async def list_applications(
    session: AsyncSession, *, principal: Principal, page: PageParams, status: str | None
) -> tuple[list[LoanApplication], str | None]:
    query = select(LoanApplication).where(_application_scope(principal))
    if status is not None:
        query = query.where(LoanApplication.status == status)
    return make_page(list((await session.exec(paginate(query, LoanApplication, page))).all()), page)


async def get_application(
    session: AsyncSession, *, application_id: uuid.UUID, principal: Principal, lock: bool = False
) -> LoanApplication:
    query = select(LoanApplication).where(LoanApplication.id == application_id, _application_scope(principal))
    if lock:
        query = query.with_for_update()
    found = (await session.exec(query)).first()
    if found is None:
        raise NotFound("No such application.")
    return found


async def decide(
    session: AsyncSession, *, application_id: uuid.UUID, data: DecisionCreate, principal: Principal
) -> LoanApplication:
    """The owning bank approves (with terms) or rejects (with a reason); a rejection leaves the need open."""
    application = await get_application(session, application_id=application_id, principal=principal, lock=True)
    if application.status != ApplicationStatus.submitted:
        raise InvalidTransition(f"The application is {application.status}.")
    need = await session.get(Need, application.need_id, with_for_update=True)
    now = utcnow()
    application.decided_at = application.updated_at = now
    if data.decision is Decision.approve:
        if need.status != NeedStatus.open:
            raise InvalidTransition(f"The need is {need.status}.")
        application.status = ApplicationStatus.approved
        application.approved_amount_yuan = data.approved_amount_yuan or need.amount_yuan
        application.approved_rate_pct = data.annual_rate_pct
        application.approved_term_months = data.term_months or need.term_months
        summary = f"银行已批准贷款申请 {_wan(application.approved_amount_yuan)} 万元"
    else:
        application.status = ApplicationStatus.rejected
        application.reason = data.reason
        summary = "银行未批准贷款申请" + (f"：{data.reason}" if data.reason else "")
    session.add(application)
    session.add(_event(application.enterprise_id, f"application.{application.status}", application.id, summary))
    await session.commit()
    return application


async def sign(
    session: AsyncSession, *, application_id: uuid.UUID, data: SignCreate, principal: Principal
) -> LoanApplication:
    """The contract is signed: the application is a deal and the need is financed."""
    application = await get_application(session, application_id=application_id, principal=principal, lock=True)
    if application.status != ApplicationStatus.approved:
        raise InvalidTransition(f"The application is {application.status}; only an approved one is signed.")
    need = await session.get(Need, application.need_id, with_for_update=True)
    if need.status != NeedStatus.open:
        raise InvalidTransition(f"The need is {need.status}.")
    if data.signed_amount_yuan > (application.approved_amount_yuan or 0):
        raise Invalid("The signed amount exceeds the approved amount.", field="signed_amount_yuan")
    if data.event_id is not None and await session.get(MatchmakingEvent, data.event_id) is None:
        raise Invalid("No such matchmaking event.", field="event_id")
    now = utcnow()
    application.status = ApplicationStatus.signed
    application.signed_amount_yuan = data.signed_amount_yuan
    application.signed_rate_pct = data.annual_rate_pct
    application.signed_term_months = data.term_months
    application.signed_on = data.signed_on
    application.event_id = data.event_id
    application.updated_at = need.updated_at = now
    need.status = NeedStatus.financed
    session.add_all([application, need])
    session.add(
        _event(
            application.enterprise_id,
            "deal.signed",
            application.id,
            f"签订贷款合同 {_wan(data.signed_amount_yuan)} 万元，"
            f"年利率 {data.annual_rate_pct:g}%，期限 {data.term_months} 个月",
        )
    )
    await session.commit()
    return application


# --- events and stats ---------------------------------------------------------------------------


async def create_event(session: AsyncSession, *, data: EventCreate) -> MatchmakingEvent:
    event = MatchmakingEvent(**data.model_dump())
    session.add(event)
    await session.commit()
    return event


async def get_event(session: AsyncSession, *, event_id: uuid.UUID) -> tuple[MatchmakingEvent, dict[str, int]]:
    event = await session.get(MatchmakingEvent, event_id)
    if event is None:
        raise NotFound("No such event.")
    A = LoanApplication
    deals, enterprises, amount = (
        await session.exec(
            sa_select(
                func.count(),
                func.count(func.distinct(A.enterprise_id)),
                func.coalesce(func.sum(A.signed_amount_yuan), 0),
            ).where(A.event_id == event_id, A.status == ApplicationStatus.signed)
        )
    ).one()
    return event, {"deals": deals, "enterprises_signed": enterprises, "amount_signed_yuan": int(amount)}


async def stats(session: AsyncSession) -> dict[str, Any]:
    """County figures: the market's size and what it has signed, by bank and by event."""
    A = LoanApplication
    signed = A.status == ApplicationStatus.signed
    products_active = (
        await session.exec(sa_select(func.count()).where(Product.status == ProductStatus.active))
    ).scalar_one()
    needs_open = (await session.exec(sa_select(func.count()).where(Need.status == NeedStatus.open))).scalar_one()
    applications, deals, enterprises, amount = (
        await session.exec(
            sa_select(
                func.count(),
                func.count().filter(signed),
                func.count(func.distinct(A.enterprise_id)).filter(signed),
                func.coalesce(func.sum(A.signed_amount_yuan).filter(signed), 0),
            )
        )
    ).one()
    by_bank_rows = (
        await session.exec(
            sa_select(
                Bank.code,
                Bank.name,
                func.count(A.id),
                func.count(A.id).filter(signed),
                func.coalesce(func.sum(A.signed_amount_yuan).filter(signed), 0),
            )
            .join(A, A.bank_id == Bank.id, isouter=True)
            .group_by(Bank.id)
        )
    ).all()
    event_rows = (
        await session.exec(
            sa_select(
                MatchmakingEvent.id,
                MatchmakingEvent.title,
                MatchmakingEvent.held_on,
                func.count(A.id),
                func.coalesce(func.sum(A.signed_amount_yuan), 0),
            )
            .join(A, and_(A.event_id == MatchmakingEvent.id, signed), isouter=True)
            .group_by(MatchmakingEvent.id)
            .order_by(MatchmakingEvent.held_on.desc())
        )
    ).all()
    return {
        "products_active": products_active,
        "needs_open": needs_open,
        "applications": applications,
        "deals": deals,
        "enterprises_financed": enterprises,
        "amount_signed_yuan": int(amount),
        "by_bank": {
            code: {"name": name, "applications": apps, "deals": bank_deals, "amount_signed_yuan": int(total)}
            for code, name, apps, bank_deals, total in by_bank_rows
        },
        "events": [
            {"id": str(i), "title": t, "held_on": h.isoformat(), "deals": d, "amount_signed_yuan": int(a)}
            for i, t, h, d, a in event_rows
        ],
    }

"""Policy grants (issue 16): granted without applying (免申即享) in one set-based pass, on a claim (即申即享),
after review; confirmed by the enterprise, revoked, and paid in batches (一键送达) that never pay a grant twice.

Granting without applying reads finance's copy of every enterprise's profile (`profiles`) with the policy's
rules compiled to SQL (`FITS_SQL`, the twin of `domain.POLICY_RULES`; a test holds them to the same answers),
and writes the grants and their timeline messages in one statement, so 100,000 enterprises take seconds.
A grant is unique per policy series and enterprise: the pass, a claim and a profile change can race, and the
enterprise still has one.
"""

import uuid
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from pydantic import TypeAdapter
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common import stats as stats_
from services.common import tracing
from services.common.auth import Principal
from services.common.calendar import CalendarCache, WorkCalendar, cst_date
from services.common.db import insert_unique
from services.common.logs import request_id_var
from services.common.pagination import PageParams, make_page, paginate
from services.common.plain import before_write, plain
from services.common.problems import Invalid, InvalidTransition, NotFound, ProblemKind
from services.common.texts import Text, no_such
from services.finance import domain, policy
from services.finance.domain import GrantStatus, PolicyMode, PolicyStatus
from services.finance.models import FinanceOutbox, Policy, PolicyGrant
from services.finance.schemas import GrantConfirm, PaymentOutcome
from services.finance.service.timeline import emit
from services.intake.contract import TIMELINE_PATH, IntakeClient

# --- granting without applying: the policy's rules as SQL over finance.enterprise_profile ----------------------

_AS_JSON = TypeAdapter(datetime)
SqlRule = Callable[[Mapping[str, Any]], tuple[str, dict[str, Any]]]


def _range(column: str, low_key: str, high_key: str) -> SqlRule:
    def rule(e: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        clauses = [f"{column} IS NOT NULL"]
        if e.get(low_key) is not None:
            clauses.append(f"{column} >= %({low_key})s")
        if e.get(high_key) is not None:
            clauses.append(f"{column} <= %({high_key})s")
        return " AND ".join(clauses), {low_key: e.get(low_key), high_key: e.get(high_key)}

    return rule


FITS_SQL: dict[str, SqlRule] = {
    "industry": lambda e: ("industry = ANY(%(industries)s)", {"industries": list(e["industries"])}),
    "town": lambda e: ("town = ANY(%(towns)s)", {"towns": list(e["towns"])}),
    "revenue": _range("annual_revenue_yuan", "revenue_min_yuan", "revenue_max_yuan"),
    "employees": _range("employees", "employees_min", "employees_max"),
    "credit_rating": lambda e: (
        "credit_rating = ANY(%(credit_ratings)s)",
        {"credit_ratings": list(e["credit_ratings"])},
    ),
    "key_enterprise": lambda e: ("key_enterprise = %(key_enterprise)s", {"key_enterprise": e["key_enterprise"]}),
    "tags": lambda e: ("tags @> %(tags)s::varchar[]", {"tags": list(e["tags"])}),
    "founded_before": lambda e: ("established_on < %(founded_before)s::date", {"founded_before": e["founded_before"]}),
    "founded_after": lambda e: ("established_on >= %(founded_after)s::date", {"founded_after": e["founded_after"]}),
}


def fits_sql(eligibility: Mapping[str, Any], benefit: Mapping[str, Any]) -> tuple[str, str, dict[str, Any]]:
    """The WHERE clause of the enterprises that fit and the amount each receives, as `domain.policy_outcome`
    decides them (a rate of revenue needs revenue on record; PostgreSQL's round() rounds halves up here)."""
    clauses, params = ["TRUE"], {}
    for rule in domain.POLICY_RULES:
        if rule.applies(eligibility):
            clause, values = FITS_SQL[rule.code](eligibility)
            clauses.append(f"({clause})")
            params.update(values)
    if benefit["kind"] == "fixed":
        amount = "%(amount_yuan)s::bigint"
        params["amount_yuan"] = int(benefit["amount_yuan"])
    else:
        clauses.append("annual_revenue_yuan IS NOT NULL")
        amount = "LEAST(%(cap_yuan)s, round(annual_revenue_yuan::numeric * %(rate_pct)s::numeric / 100))::bigint"
        params.update(cap_yuan=int(benefit["cap_yuan"]), rate_pct=str(benefit["rate_pct"]))
    return " AND ".join(clauses), amount, params


_GRANT_ALL = """
WITH fit AS (
    SELECT id AS enterprise_id, {amount} AS amount_yuan FROM finance.enterprise_profile
    WHERE {where} AND (%(only)s::uuid[] IS NULL OR id = ANY(%(only)s::uuid[]))
), granted AS (
    INSERT INTO finance.policy_grant
        (id, created_at, updated_at, policy_id, series_id, enterprise_id, amount_yuan, applied, status, granted_at)
    SELECT gen_random_uuid(), %(now)s, %(now)s, %(policy_id)s, %(series_id)s, enterprise_id, amount_yuan, false,
           'granted', %(now)s
    FROM fit
    ON CONFLICT (series_id, enterprise_id) DO NOTHING
    RETURNING id, enterprise_id, amount_yuan
), message AS MATERIALIZED (  -- materialized: one message id per grant, used twice below
    SELECT gen_random_uuid() AS message_id, id AS grant_id, enterprise_id, amount_yuan FROM granted
), told AS (
    INSERT INTO finance.outbox (id, created_at, updated_at, recipient, path, payload, status, attempts, failures,
                                next_attempt_at, traceparent, request_id)
    SELECT message_id, %(now)s, %(now)s, 'intake', %(path)s,
           jsonb_build_object(
               'id', message_id, 'enterprise_id', enterprise_id, 'at', %(at)s::text, 'service', 'finance',
               'kind', %(kind)s::text, 'ref_id', grant_id,
               'summary',
               left(%(before)s::text || to_char(amount_yuan, 'FM999,999,999,999,990') || %(after)s::text, 500)
           ),
           'pending', 0, 0, %(now)s, %(traceparent)s, %(request_id)s
    FROM message
    RETURNING 1
)
SELECT count(*) FROM told
"""


async def grant_without_applying(
    session: AsyncSession, *, row: Policy, now: datetime, only: list[uuid.UUID] | None = None
) -> int:
    """Grant an `auto` policy to every enterprise that fits (or those of `only`) and has no grant in its series,
    each told on its timeline, in one statement; how many were granted."""
    where, amount, params = fits_sql(row.eligibility, row.benefit)
    before, after = domain.granted_summary_parts(row.title, applied=False)
    for table in (PolicyGrant.__table__, FinanceOutbox.__table__):  # the audit call, and the relay woken on commit
        await before_write(session, table)  # type: ignore[arg-type]
    query = _GRANT_ALL.format(where=where, amount=amount)
    [(count,)] = await plain(
        session,
        query,
        {
            **params,
            "only": only,
            "now": now,
            "policy_id": row.id,
            "series_id": row.series_id,
            "path": TIMELINE_PATH,
            "at": _AS_JSON.dump_python(now, mode="json"),  # as `message()` writes a TimelineEvent's `at`
            "kind": domain.GRANTED_KIND,
            "before": before,
            "after": after,
            "traceparent": tracing.traceparent(),  # as `message()` writes every outbox row
            "request_id": request_id_var.get() or None,
        },
    )
    return count


async def auto_policies_in_force(session: AsyncSession, *, now: datetime) -> list[Policy]:
    today = cst_date(now)
    query = select(Policy).where(Policy.status == PolicyStatus.published, Policy.mode == PolicyMode.auto)
    return [row for row in (await session.exec(query)).all() if domain.in_force(row.valid_from, row.valid_to, today)]


async def grant_in_force(session: AsyncSession, *, now: datetime, only: list[uuid.UUID] | None = None) -> int:
    """Every `auto` policy in force granted to the enterprises (of `only`) that now fit it."""
    return sum(
        [
            await grant_without_applying(session, row=row, now=now, only=only)
            for row in await auto_policies_in_force(session, now=now)
        ]
    )


# --- claims (即申即享, and `review`) ----------------------------------------------------------------------------


async def claim(
    session: AsyncSession,
    *,
    policy_id: uuid.UUID,
    principal: Principal,
    intake: IntakeClient,
    calendar: CalendarCache,
    now: datetime,
) -> PolicyGrant:
    """The enterprise applies: checked against its live profile in intake, granted at once (`instant`) or put to
    the issuing department (`review`); refused with every failing rule (422). Nothing else is asked of it."""
    row = policy.require_policy(principal, await session.get(Policy, policy_id))
    _require_claimable(row, cst_date(now))
    assert principal.enterprise_id is not None  # EnterpriseDep
    profile = await intake.enterprise(principal.enterprise_id)
    failures, amount = domain.policy_outcome(row.eligibility, row.benefit, profile)
    if failures:
        raise Invalid(
            Text("企业不符合政策条件。", "The enterprise does not meet the policy's conditions."),
            kind=ProblemKind.policy_not_met,
            errors=[
                {
                    "field": f"eligibility.{code}",
                    "message": str(domain.policy_requirement(code, row.eligibility)),
                    "code": code,
                }
                for code in failures
            ],
        )
    assert amount is not None  # no failures: the amount could be computed
    review = row.mode is PolicyMode.review
    grant = PolicyGrant(
        policy_id=row.id,
        series_id=row.series_id,
        enterprise_id=profile.id,
        amount_yuan=amount,
        applied=True,
        status=GrantStatus.requested if review else GrantStatus.granted,
        granted_at=None if review else now,
        due_on=(await calendar.get()).due_date(now, row.review_working_days) if review else None,  # type: ignore[arg-type]
        created_at=now,
        updated_at=now,
    )
    await insert_unique(
        session,
        grant,
        conflict=Text("此政策已向该企业兑现或已申请。", "The enterprise has a grant or a claim under this policy."),
        kind=ProblemKind.duplicate_grant,
    )
    if not review:
        emit(session, grant.enterprise_id, domain.granted_event(row.title, amount, applied=True), grant.id, now=now)
    return grant


def _require_claimable(row: Policy, today) -> None:
    if row.status is not PolicyStatus.published or not domain.in_force(row.valid_from, row.valid_to, today):
        raise InvalidTransition(Text("此政策当前不受理申请。", "The policy does not take claims now."))
    if row.mode is PolicyMode.auto:
        raise InvalidTransition(
            Text(
                "免申即享政策无需申请：符合条件的企业已自动兑现。",
                "An auto policy needs no claim: every enterprise that fits is granted without applying.",
            )
        )


# --- a grant's life: confirm, revoke, decide --------------------------------------------------------------------


async def _locked(session: AsyncSession, grant_id: uuid.UUID) -> tuple[PolicyGrant, Policy] | None:
    found = (
        await session.exec(
            select(PolicyGrant, Policy)
            .join(Policy, Policy.id == PolicyGrant.policy_id)
            .where(PolicyGrant.id == grant_id)
            .with_for_update(of=PolicyGrant)
        )
    ).first()
    return (found[0], found[1]) if found is not None else None


async def get_grant(
    session: AsyncSession, *, grant_id: uuid.UUID, principal: Principal, intake: IntakeClient
) -> PolicyGrant:
    visible = policy.grants_visible_to(principal, await intake.liaison_of(principal))
    grant = (await session.exec(select(PolicyGrant).where(PolicyGrant.id == grant_id, visible))).first()
    if grant is None:
        raise NotFound(no_such("奖补", "grant"))
    return grant


async def list_grants(
    session: AsyncSession,
    *,
    principal: Principal,
    intake: IntakeClient,
    page: PageParams,
    policy_id: uuid.UUID | None,
    enterprise_id: uuid.UUID | None,
    status: GrantStatus | None,
) -> tuple[list[PolicyGrant], str | None]:
    query = select(PolicyGrant).where(policy.grants_visible_to(principal, await intake.liaison_of(principal)))
    for column, value in (
        (PolicyGrant.policy_id, policy_id),
        (PolicyGrant.enterprise_id, enterprise_id),
        (PolicyGrant.status, status),
    ):
        if value is not None:
            query = query.where(column == value)
    return make_page(list((await session.exec(paginate(query, PolicyGrant, page))).all()), page)


async def confirm(
    session: AsyncSession, *, grant_id: uuid.UUID, payee: GrantConfirm, principal: Principal, now: datetime
) -> PolicyGrant:
    """The enterprise names the account to be paid into (its own grants only)."""
    found = await _locked(session, grant_id)
    if found is None or found[0].enterprise_id != principal.enterprise_id:
        raise NotFound(no_such("奖补", "grant"))
    grant = found[0]
    domain.confirm_grant(grant, payee.model_dump(), now=now)
    session.add(grant)
    return grant


async def _issued(session: AsyncSession, grant_id: uuid.UUID, principal: Principal) -> tuple[PolicyGrant, Policy]:
    """The grant, locked, for admin or the issuing department (others: 404, as if it were not there)."""
    found = await _locked(session, grant_id)
    if found is None or not policy.may_see_draft(principal, found[1].department):
        raise NotFound(no_such("奖补", "grant"))
    return found


async def revoke(
    session: AsyncSession, *, grant_id: uuid.UUID, reason: str, principal: Principal, now: datetime
) -> PolicyGrant:
    grant, row = await _issued(session, grant_id, principal)
    event = domain.revoke_grant(grant, reason, title=row.title, now=now)
    session.add(grant)
    emit(session, grant.enterprise_id, event, grant.id, now=now)
    return grant


async def decide(
    session: AsyncSession,
    *,
    grant_id: uuid.UUID,
    approve: bool,
    reason: str | None,
    principal: Principal,
    now: datetime,
) -> PolicyGrant:
    """The issuing department decides a `review` claim."""
    grant, row = await _issued(session, grant_id, principal)
    event = domain.decide_claim(grant, approve, reason, title=row.title, now=now)
    session.add(grant)
    emit(session, grant.enterprise_id, event, grant.id, now=now)
    return grant


# --- 一键送达: paying a batch ----------------------------------------------------------------------------------


async def disburse(
    session: AsyncSession, *, grant_ids: list[uuid.UUID], principal: Principal, now: datetime
) -> dict[str, Any]:
    """Pay every confirmed grant of the batch the caller's department issued (admin: any), each under its own
    reference. The grants are locked in id order, so two batches naming the same grant pay it once: the later
    finds it paid and answers `already_paid` with the same reference. Any grant the caller may not pay: 404."""
    rows = (
        await session.exec(
            select(PolicyGrant, Policy)
            .join(Policy, Policy.id == PolicyGrant.policy_id)
            .where(PolicyGrant.id.in_(grant_ids))  # type: ignore[attr-defined]
            .order_by(PolicyGrant.id)
            .with_for_update(of=PolicyGrant)
        )
    ).all()
    found = {grant.id: (grant, row) for grant, row in rows if policy.may_see_draft(principal, row.department)}
    missing = [str(grant_id) for grant_id in grant_ids if grant_id not in found]
    if missing:
        raise NotFound(
            Text(f"没有这些奖补：{', '.join(missing[:5])}", f"No such grants: {', '.join(missing[:5])}"),
        )
    batch_id, paid_on = uuid.uuid4(), cst_date(now)
    items, amount_paid = [], 0
    for grant_id in grant_ids:
        grant, row = found[grant_id]
        if grant.status is GrantStatus.disbursed:
            outcome = PaymentOutcome.already_paid
        elif grant.status is GrantStatus.confirmed:
            outcome = PaymentOutcome.paid
            reference = domain.payment_reference(grant.id, paid_on)
            event = domain.disburse(grant, title=row.title, reference=reference, now=now)
            grant.batch_id = batch_id
            session.add(grant)
            emit(session, grant.enterprise_id, event, grant.id, now=now)
            amount_paid += grant.amount_yuan
        else:
            outcome = PaymentOutcome.not_payable
        items.append(
            {
                "grant_id": grant.id,
                "outcome": outcome,
                "status": grant.status,
                "amount_yuan": grant.amount_yuan,
                "payment_reference": grant.payment_reference,
            }
        )
    paid = sum(item["outcome"] is PaymentOutcome.paid for item in items)
    return {"batch_id": batch_id, "paid": paid, "amount_paid_yuan": amount_paid, "items": items}


# --- county figures --------------------------------------------------------------------------------------------


async def stats(session: AsyncSession, *, calendar: WorkCalendar) -> dict[str, Any]:
    """Per published policy and overall: enterprises reached, amounts granted and paid, the share received without
    applying, and working days from publication to money (p50, p90). Grants of one batch share their payment
    time, so the days are computed per (policy, payment time) and weighted by the grants in it."""
    per_policy = await plain(
        session,
        """
        SELECT p.id, p.title, p.version, p.mode,
               count(g.id) FILTER (WHERE g.status = ANY(%(reached)s)),
               count(DISTINCT g.enterprise_id) FILTER (WHERE g.status = ANY(%(reached)s)),
               coalesce(sum(g.amount_yuan) FILTER (WHERE g.status = ANY(%(reached)s)), 0),
               coalesce(sum(g.amount_yuan) FILTER (WHERE g.status = 'disbursed'), 0),
               count(g.id) FILTER (WHERE g.status = ANY(%(reached)s) AND NOT g.applied)
        FROM finance.policy p LEFT JOIN finance.policy_grant g ON g.policy_id = p.id
        WHERE p.status <> 'draft'
        GROUP BY p.id ORDER BY p.published_at DESC, p.id DESC
        """,
        {"reached": [str(status) for status in domain.REACHED]},
    )
    paid = await plain(
        session,
        """
        SELECT g.policy_id, p.published_at, g.disbursed_at, count(*)
        FROM finance.policy_grant g JOIN finance.policy p ON p.id = g.policy_id
        WHERE g.status = 'disbursed' GROUP BY 1, 2, 3
        """,
    )
    days: dict[uuid.UUID, list[tuple[float, int]]] = {}
    for policy_id, published_at, disbursed_at, count in paid:
        elapsed = calendar.elapsed_working_days(published_at, disbursed_at)
        days.setdefault(policy_id, []).append((elapsed, count))
    [(reached_overall,)] = await plain(
        session,
        "SELECT count(DISTINCT enterprise_id) FROM finance.policy_grant WHERE status = ANY(%(reached)s)",
        {"reached": [str(status) for status in domain.REACHED]},
    )
    by_policy = [
        {
            "policy_id": policy_id,
            "title": title,
            "version": version,
            "mode": mode,
            **_figures(grants_, reached, granted, disbursed, without, days.get(policy_id, [])),
        }
        for policy_id, title, version, mode, grants_, reached, granted, disbursed, without in per_policy
    ]
    overall = _figures(
        sum(item["grants"] for item in by_policy),
        reached_overall,
        sum(item["amount_granted_yuan"] for item in by_policy),
        sum(item["amount_disbursed_yuan"] for item in by_policy),
        sum(row[8] for row in per_policy),
        [pair for pairs in days.values() for pair in pairs],
    )
    return {"overall": overall, "by_policy": by_policy}


def _figures(
    grants_: int, reached: int, granted: int, disbursed: int, without: int, days: list[tuple[float, int]]
) -> dict[str, Any]:
    return {
        "enterprises_reached": reached,
        "grants": grants_,
        "amount_granted_yuan": int(granted),
        "amount_disbursed_yuan": int(disbursed),
        "share_without_application": stats_.rate(without, grants_),
        "working_days_to_money": {"p50": stats_.percentile(days, 0.5), "p90": stats_.percentile(days, 0.9)},
    }

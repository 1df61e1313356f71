"""Policy benefits (issue 16): the issuing department's policies, their versions, and which of them an
enterprise fits.

A policy is a draft until published; publishing fixes its rules, and a change is a new version that supersedes
it when published. An enterprise's fits and near misses come from its live profile in intake against every
published policy in force, by the rules of `domain`. Grants are `grants`' business.
"""

import logging
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import Principal
from services.common.calendar import cst_date
from services.common.pagination import PageParams, make_page, paginate
from services.common.problems import Invalid, InvalidTransition
from services.common.texts import Text
from services.finance import domain, policy
from services.finance.domain import PolicyMode, PolicyStatus
from services.finance.models import Policy
from services.finance.schemas import PolicyCreate
from services.finance.service import grants
from services.intake.contract import IntakeClient

log = logging.getLogger("kuaiban.finance.policies")


async def create_policy(
    session: AsyncSession,
    *,
    data: PolicyCreate,
    principal: Principal,
    now: datetime,
    series_id: uuid.UUID | None = None,
    version: int = 1,
) -> Policy:
    policy.require_issuer(principal, data.department)
    row = Policy(
        series_id=series_id or uuid.uuid4(),
        version=version,
        status=PolicyStatus.draft,
        created_at=now,
        updated_at=now,
        **data.model_dump(exclude={"eligibility", "benefit"}),
        **data.model_dump(mode="json", include={"eligibility", "benefit"}),  # the JSONB columns
    )
    session.add(row)
    return row


async def list_policies(
    session: AsyncSession, *, principal: Principal, page: PageParams, status: PolicyStatus | None
) -> tuple[list[Policy], str | None]:
    query = select(Policy).where(policy.policies_visible_to(principal))
    if status is not None:
        query = query.where(Policy.status == status)
    return make_page(list((await session.exec(paginate(query, Policy, page))).all()), page)


async def get_policy(session: AsyncSession, *, policy_id: uuid.UUID, principal: Principal) -> Policy:
    return policy.require_policy(principal, await session.get(Policy, policy_id))


async def new_version(
    session: AsyncSession, *, policy_id: uuid.UUID, data: PolicyCreate, principal: Principal, now: datetime
) -> Policy:
    """A draft of the policy's next version (its rules as given); publishing it supersedes the one in force.
    Enterprises granted under an earlier version keep their grant and get no second one."""
    row = policy.require_policy(principal, await session.get(Policy, policy_id))
    policy.require_issuer(principal, row.department)
    if data.department != row.department:
        raise Invalid(
            Text("新版本须由同一发文部门发布。", "A new version is issued by the same department."), field="department"
        )
    latest = (
        await session.exec(select(func.max(Policy.version)).where(Policy.series_id == row.series_id))  # type: ignore[call-overload]
    ).one()
    draft = await create_policy(
        session, data=data, principal=principal, now=now, series_id=row.series_id, version=latest + 1
    )
    await session.flush()  # two drafts at once: the second is refused (409) by the series-version key
    return draft


async def publish(session: AsyncSession, *, policy_id: uuid.UUID, principal: Principal, now: datetime) -> Policy:
    """Fix the draft's rules and supersede the series' published version. Publishing an `auto` policy grants
    it to every enterprise that fits, in the same transaction (免申即享)."""
    query = select(Policy).where(Policy.id == policy_id).with_for_update()
    row = policy.require_policy(principal, (await session.exec(query)).first())
    policy.require_issuer(principal, row.department)
    if row.status != PolicyStatus.draft:
        raise InvalidTransition(Text(f"政策状态为 {row.status}，不能再发布。", f"The policy is {row.status} already."))
    domain.publishable(row.mode, row.valid_from, row.valid_to, cst_date(now))
    older = select(Policy).where(Policy.series_id == row.series_id, Policy.status == PolicyStatus.published)
    for previous in (await session.exec(older.with_for_update())).all():
        if previous.version > row.version:
            raise InvalidTransition(
                Text(f"已发布更新的第 {previous.version} 版。", f"Version {previous.version} is published already.")
            )
        previous.status, previous.updated_at = PolicyStatus.superseded, now
        session.add(previous)
    row.status, row.published_at, row.updated_at = PolicyStatus.published, now, now
    session.add(row)
    if row.mode is PolicyMode.auto:
        await session.flush()  # the set-based pass reads the policy's series as published
        granted = await grants.grant_without_applying(session, row=row, now=now)
        log.info("policy %s published: %d enterprises granted without applying", row.id, granted)
    return row


async def enterprise_policies(
    session: AsyncSession, *, enterprise_id: uuid.UUID, principal: Principal, intake: IntakeClient, now: datetime
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The published policies in force the enterprise fits (with the amount) and those it misses by one rule."""
    policy.require_enterprise_view(principal, enterprise_id, await intake.liaison_of(principal))
    profile = await intake.enterprise(enterprise_id)
    today = cst_date(now)
    newest_first = (Policy.published_at.desc(), Policy.id.desc())
    published = (
        await session.exec(select(Policy).where(Policy.status == PolicyStatus.published).order_by(*newest_first))
    ).all()
    fits, near = [], []
    for row in published:  # a county's policies are dozens: the validity rule stays `domain.in_force`
        if not domain.in_force(row.valid_from, row.valid_to, today):
            continue
        failures, amount = domain.policy_outcome(row.eligibility, row.benefit, profile)
        item = {"policy_id": row.id, "title": row.title, "mode": row.mode, "amount_yuan": amount}
        if not failures:
            fits.append({**item, "reasons": _reasons(row)})
        elif len(failures) == 1:
            near.append(
                {**item, "rule": failures[0], "requirement": domain.policy_requirement(failures[0], row.eligibility)}
            )
    return fits, near


def _reasons(row: Policy) -> list[str]:
    """The policy's rules the enterprise meets, in the policy's own words (Chinese, as a match's reasons are)."""
    rules = [rule for rule in domain.POLICY_RULES if rule.applies(row.eligibility)]
    return [f"符合：{rule.requirement(row.eligibility)}" for rule in rules] or ["不限条件"]

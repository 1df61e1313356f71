"""Policy benefits' pure rules: which eligibility rules an enterprise fails, what would make it fit, and the
amount it receives (a fixed sum, or a share of revenue rounded half up and capped)."""

import uuid
from datetime import UTC, date, datetime

import pytest

from services.common.problems import InvalidTransition
from services.finance.domain import (
    BENEFIT_BASIS,
    POLICY_RULE_CODES,
    GrantStatus,
    PolicyMode,
    benefit_amount,
    confirm_grant,
    decide_claim,
    disburse,
    granted_event,
    in_force,
    payment_reference,
    policy_failures,
    policy_outcome,
    policy_requirement,
    publishable,
    revoke_grant,
)
from services.finance.models import PolicyGrant
from services.intake.contract import EnterpriseProfile
from tests.helpers import finance_rows

FIXED = {"kind": "fixed", "amount_yuan": 200_000}
SHARE = {"kind": "rate", "rate_pct": 1.5, "cap_yuan": 500_000}


def profile(**overrides) -> EnterpriseProfile:
    """The shared test enterprise, in the park the policies below name."""
    return finance_rows.profile(**{"town": "濉溪经济开发区", "tags": ["专精特新", "高新技术企业"], **overrides})


EVERY_RULE = {
    "industries": ["C"],
    "towns": ["濉溪经济开发区"],
    "revenue_min_yuan": 20_000_000,
    "revenue_max_yuan": 400_000_000,
    "employees_min": 50,
    "employees_max": 1000,
    "credit_ratings": ["A", "B"],
    "key_enterprise": True,
    "tags": ["专精特新"],
    "founded_before": "2020-01-01",
    "founded_after": "2010-01-01",
}


def test_an_enterprise_that_fits_every_rule_fails_none():
    assert policy_failures(EVERY_RULE, profile()) == []


def test_an_empty_eligibility_admits_everyone():
    assert policy_failures({}, profile(industry="A", annual_revenue_yuan=None, employees=None)) == []


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"industry": "F"}, "industry"),
        ({"town": "临涣镇"}, "town"),
        ({"annual_revenue_yuan": 19_999_999}, "revenue"),
        ({"annual_revenue_yuan": None}, "revenue"),
        ({"employees": 1001}, "employees"),
        ({"credit_rating": "C"}, "credit_rating"),
        ({"key_enterprise": False}, "key_enterprise"),
        ({"tags": ["高新技术企业"]}, "tags"),
        ({"tags": []}, "tags"),
        ({"established_on": date(2020, 1, 1)}, "founded_before"),
        ({"established_on": date(2009, 12, 31)}, "founded_after"),
    ],
)
def test_each_rule_fails_alone_on_its_boundary(overrides: dict, code: str):
    assert policy_failures(EVERY_RULE, profile(**overrides)) == [code]
    assert policy_requirement(code, EVERY_RULE) and policy_requirement(code, EVERY_RULE).en


def test_the_boundaries_themselves_fit():
    edges = profile(annual_revenue_yuan=20_000_000, employees=1000, established_on=date(2010, 1, 1))
    assert policy_failures(EVERY_RULE, edges) == []


def test_every_rule_has_a_code_and_words():
    assert len(set(POLICY_RULE_CODES)) == len(POLICY_RULE_CODES) == 9
    assert "2,000" in policy_requirement("revenue", EVERY_RULE)  # 万元, as officers write it
    assert policy_requirement("revenue", {"revenue_min_yuan": 5_000_000}).en.startswith(
        "Annual revenue must be at least"
    )


def test_a_fixed_benefit_and_a_capped_share_of_revenue():
    assert benefit_amount(FIXED, profile(annual_revenue_yuan=None)) == 200_000
    assert benefit_amount(SHARE, profile(annual_revenue_yuan=10_000_033)) == 150_000  # 150,000.495 rounds down
    assert benefit_amount(SHARE, profile(annual_revenue_yuan=10_000_034)) == 150_001  # 150,000.51 rounds up
    assert benefit_amount(SHARE, profile(annual_revenue_yuan=100_000_000)) == 500_000  # capped


def test_a_share_of_unknown_revenue_is_a_failure_of_its_own():
    failures, amount = policy_outcome({}, SHARE, profile(annual_revenue_yuan=None))
    assert failures == [BENEFIT_BASIS] and amount is None
    assert "营业收入" in policy_requirement(BENEFIT_BASIS, {})


def test_in_force_includes_both_ends():
    assert in_force(date(2026, 1, 1), date(2026, 12, 31), date(2026, 12, 31))
    assert in_force(date(2026, 1, 1), None, date(2030, 1, 1))
    assert not in_force(date(2026, 1, 1), date(2026, 12, 31), date(2027, 1, 1))
    assert not in_force(date(2026, 1, 1), None, date(2025, 12, 31))


def test_a_grant_moves_granted_confirmed_disbursed_and_not_back():
    grant = PolicyGrant(
        policy_id=uuid.uuid4(),
        series_id=uuid.uuid4(),
        enterprise_id=uuid.uuid4(),
        amount_yuan=200_000,
        applied=False,
        status=GrantStatus.granted,
    )
    now = datetime(2026, 12, 1, 2, tzinfo=UTC)
    confirm_grant(grant, {"account_name": "甲", "bank_name": "乙", "account_no": "12345678"}, now=now)
    assert grant.status is GrantStatus.confirmed and grant.payee["account_no"] == "12345678"
    reference = payment_reference(grant.id, date(2026, 12, 1))
    kind, summary = disburse(grant, title="奖补", reference=reference, now=now)
    assert (kind, grant.status, grant.payment_reference) == ("policy.disbursed", GrantStatus.disbursed, reference)
    assert "200,000" in summary and reference in summary
    with pytest.raises(InvalidTransition):
        revoke_grant(grant, "材料不实", title="奖补", now=now)
    with pytest.raises(InvalidTransition):
        confirm_grant(grant, {"account_name": "甲", "bank_name": "乙", "account_no": "12345678"}, now=now)


def test_a_review_claim_is_granted_or_refused_once():
    def requested() -> PolicyGrant:
        return PolicyGrant(
            policy_id=uuid.uuid4(),
            series_id=uuid.uuid4(),
            enterprise_id=uuid.uuid4(),
            amount_yuan=50_000,
            applied=True,
            status=GrantStatus.requested,
        )

    now = datetime(2026, 12, 1, 2, tzinfo=UTC)
    approved = requested()
    kind, summary = decide_claim(approved, True, None, title="技改补贴", now=now)
    assert (kind, approved.status, approved.granted_at) == ("policy.granted", GrantStatus.granted, now)
    assert summary == granted_event("技改补贴", 50_000, applied=True)[1] and "50,000" in summary
    refused = requested()
    decide_claim(refused, False, "不在支持范围", title="技改补贴", now=now)
    assert (refused.status, refused.revoked_reason) == (GrantStatus.refused, "不在支持范围")
    with pytest.raises(InvalidTransition):
        decide_claim(refused, True, None, title="技改补贴", now=now)


def test_an_auto_policy_is_published_while_in_force_and_none_after_its_end():
    today = date(2026, 12, 1)
    publishable(PolicyMode.auto, today, None, today)
    publishable(PolicyMode.instant, date(2027, 1, 1), None, today)  # claims open on its first day
    with pytest.raises(InvalidTransition):
        publishable(PolicyMode.auto, date(2027, 1, 1), None, today)  # it would grant before it applies
    with pytest.raises(InvalidTransition):
        publishable(PolicyMode.instant, date(2026, 1, 1), date(2026, 11, 30), today)


def test_every_rule_has_its_sql_twin():
    """The set-based grant compiles each rule to SQL: a rule without its twin would fail at its first publication."""
    from services.finance.service.grants import FITS_SQL

    assert set(FITS_SQL) == set(POLICY_RULE_CODES)

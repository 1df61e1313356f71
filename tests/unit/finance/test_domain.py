"""Finance's pure rules, with rows built in memory: how a loan application moves (and what a refused move
leaves alone), the words that explain a match, 万 amounts and the counting of years in business."""

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from services.common.problems import Invalid, InvalidTransition
from services.finance import domain
from services.finance.domain import Decision, LoanStatus, NeedStatus, ProductStatus
from services.finance.models import LoanApplication, Need
from tests.helpers.finance_rows import BEFORE, loan, need, product, profile

NOW = datetime(2026, 11, 29, 9, 30, tzinfo=UTC)
ON = date(2026, 11, 29)


def decide(application: LoanApplication, of: Need, decision: Decision, **terms) -> domain.Event:
    values = {"amount_yuan": None, "rate_pct": None, "term_months": None, "reason": None, **terms}
    return domain.decide(application, of, decision=decision, now=NOW, **values)


def sign(application: LoanApplication, of: Need, **terms) -> domain.Event:
    values = {
        "amount_yuan": 2_800_000,
        "rate_pct": 4.2,
        "term_months": 24,
        "signed_on": ON,
        "event_id": None,
        "event_exists": False,
        **terms,
    }
    return domain.sign(application, of, now=NOW, **values)


def snapshot(*rows) -> list[dict]:
    return [row.model_dump() for row in rows]


# --- withdrawing a product --------------------------------------------------------------------------


def test_a_product_is_withdrawn_once():
    offer = product()
    domain.withdraw_product(offer, now=NOW)
    assert (offer.status, offer.updated_at) == (ProductStatus.withdrawn, NOW)
    with pytest.raises(InvalidTransition, match="withdrawn already"):
        domain.withdraw_product(offer, now=NOW + timedelta(days=1))
    assert offer.updated_at == NOW


# --- deciding ---------------------------------------------------------------------------------------


def test_approving_takes_the_needs_terms_unless_the_bank_names_its_own():
    application, wanted = loan(), need()
    event = decide(application, wanted, Decision.approve)
    assert event == ("application.approved", "银行已批准贷款申请 300 万元")
    assert application.status is LoanStatus.approved
    assert (application.approved_amount_yuan, application.approved_rate_pct, application.approved_term_months) == (
        3_000_000,
        None,
        24,
    )
    assert application.decided_at == application.updated_at == NOW
    assert wanted.status is NeedStatus.open and wanted.updated_at == BEFORE  # approval does not touch the need

    own_terms = loan()
    event = decide(own_terms, need(), Decision.approve, amount_yuan=12_500_000, rate_pct=4.2, term_months=36)
    assert event == ("application.approved", "银行已批准贷款申请 1,250 万元")
    assert (own_terms.approved_amount_yuan, own_terms.approved_rate_pct, own_terms.approved_term_months) == (
        12_500_000,
        4.2,
        36,
    )
    assert own_terms.reason is None


def test_rejecting_keeps_the_reason_and_tells_it_on_one_line():
    application = loan()
    event = decide(application, need(), Decision.reject, reason="抵押物不足\n建议补充担保")
    assert event == ("application.rejected", "银行未批准贷款申请：抵押物不足 建议补充担保")
    assert application.status is LoanStatus.rejected and application.reason == "抵押物不足\n建议补充担保"
    assert application.decided_at == NOW and application.approved_amount_yuan is None

    silent = loan()
    assert decide(silent, need(), Decision.reject) == ("application.rejected", "银行未批准贷款申请")
    assert silent.reason is None


@pytest.mark.parametrize("status", [LoanStatus.approved, LoanStatus.rejected, LoanStatus.signed])
@pytest.mark.parametrize("decision", list(Decision))
def test_only_a_submitted_application_is_decided(status: LoanStatus, decision: Decision):
    application, wanted = loan(status), need()
    before = snapshot(application, wanted)
    with pytest.raises(InvalidTransition, match=f"The application is {status}."):
        decide(application, wanted, decision)
    assert snapshot(application, wanted) == before


@pytest.mark.parametrize("status", [NeedStatus.financed, NeedStatus.closed])
def test_an_application_to_a_need_no_longer_open_is_rejected_not_approved(status: NeedStatus):
    application, wanted = loan(), need(status=status)
    before = snapshot(application, wanted)
    with pytest.raises(InvalidTransition, match=f"The need is {status}."):
        decide(application, wanted, Decision.approve)
    assert snapshot(application, wanted) == before  # refused before anything changed
    assert decide(application, wanted, Decision.reject)[0] == "application.rejected"


# --- signing ----------------------------------------------------------------------------------------


def test_signing_makes_a_deal_and_finances_the_need():
    application, wanted = loan(LoanStatus.approved, approved_amount_yuan=3_000_000), need()
    event_id = uuid.uuid4()
    event = sign(application, wanted, amount_yuan=3_000_000, rate_pct=3.85, event_id=event_id, event_exists=True)
    assert event == ("deal.signed", "签订贷款合同 300 万元，年利率 3.85%，期限 24 个月")
    assert application.status is LoanStatus.signed
    assert (application.signed_amount_yuan, application.signed_rate_pct, application.signed_term_months) == (
        3_000_000,
        3.85,
        24,
    )
    assert (application.signed_on, application.event_id) == (ON, event_id)
    assert wanted.status is NeedStatus.financed
    assert application.updated_at == wanted.updated_at == NOW


def test_signing_less_than_approved_without_an_event():
    application, wanted = loan(LoanStatus.approved, approved_amount_yuan=3_000_000), need()
    assert sign(application, wanted, amount_yuan=500_000, rate_pct=4.0, term_months=12)[1] == (
        "签订贷款合同 50 万元，年利率 4%，期限 12 个月"
    )
    assert application.event_id is None and wanted.status is NeedStatus.financed


@pytest.mark.parametrize("status", [LoanStatus.submitted, LoanStatus.rejected, LoanStatus.signed])
def test_only_an_approved_application_is_signed(status: LoanStatus):
    application, wanted = loan(status, approved_amount_yuan=3_000_000), need()
    before = snapshot(application, wanted)
    with pytest.raises(InvalidTransition, match=f"The application is {status}; only an approved one is signed."):
        sign(application, wanted)
    assert snapshot(application, wanted) == before


@pytest.mark.parametrize(
    ("wanted", "terms", "refusal", "field"),
    [
        pytest.param(need(status=NeedStatus.financed), {}, InvalidTransition, None, id="need financed"),
        pytest.param(need(status=NeedStatus.closed), {}, InvalidTransition, None, id="need closed"),
        pytest.param(need(), {"amount_yuan": 3_000_001}, Invalid, "signed_amount_yuan", id="more than approved"),
        pytest.param(
            need(), {"event_id": uuid.uuid4(), "event_exists": False}, Invalid, "event_id", id="no such event"
        ),
    ],
)
def test_a_refused_signature_changes_nothing(wanted: Need, terms: dict, refusal: type, field: str | None):
    application = loan(LoanStatus.approved, approved_amount_yuan=3_000_000)
    before = snapshot(application, wanted)
    with pytest.raises(refusal) as refused:
        sign(application, wanted, **terms)
    if field is not None:
        assert refused.value.errors == [{"field": field, "message": refused.value.detail, "code": refused.value.kind}]
    assert snapshot(application, wanted) == before


def test_the_amount_is_checked_before_the_event():
    application = loan(LoanStatus.approved, approved_amount_yuan=3_000_000)
    with pytest.raises(Invalid) as refused:
        sign(application, need(), amount_yuan=4_000_000, event_id=uuid.uuid4(), event_exists=False)
    assert refused.value.errors[0]["field"] == "signed_amount_yuan"


def test_a_need_that_is_open_passes():
    domain.require_open(need())
    with pytest.raises(InvalidTransition, match="The need is financed"):
        domain.require_open(need(status=NeedStatus.financed))


# --- reasons ----------------------------------------------------------------------------------------


def test_reasons_say_each_rule_a_product_passes():
    said = domain.reasons(product(), need(), profile(), ON)
    assert said == [
        "额度 100–1,000 万覆盖需求 300 万",
        "期限 12–36 个月覆盖 24 个月",
        "接受信用方式",
        "年利率 3.45%–4.35%，最低利率不高于您的上限 6%",
        "面向 C 门类行业",
        "面向濉溪镇企业",
        "成立 8 年，满足至少 3 年的要求",
        "年营业收入达到 1,000 万的门槛",
        "信用等级 A 在准入范围内",
    ]


def test_reasons_leave_out_the_rules_a_general_product_does_not_set():
    general = product(industries=[], towns=[], min_years_in_business=0, min_annual_revenue_yuan=0)
    said = domain.reasons(general, need(max_annual_rate_pct=None), profile(credit_rating="B"), ON)
    assert said == [
        "额度 100–1,000 万覆盖需求 300 万",
        "期限 12–36 个月覆盖 24 个月",
        "接受信用方式",
        "年利率 3.45%–4.35%",
        "信用等级 B 在准入范围内",
    ]


def test_reasons_name_every_shared_collateral_in_the_products_order():
    secured = product(collateral_types=["pledge", "mortgage", "guarantee", "credit"])
    wanted = need(collateral_available=["credit", "mortgage", "pledge"])
    assert domain.reasons(secured, wanted, profile(), ON)[2] == "接受质押、抵押、信用方式"
    assert domain.reasons(product(collateral_types=["guarantee"]), need(collateral_available=["guarantee"]),
                          profile(), ON)[2] == "接受保证方式"  # fmt: skip


def test_reasons_count_whole_years_on_the_day_asked():
    founded = profile(established_on=date(2023, 11, 30))
    assert "成立 2 年，满足至少 2 年的要求" in domain.reasons(product(min_years_in_business=2), need(), founded, ON)
    assert "成立 3 年，满足至少 2 年的要求" in domain.reasons(
        product(min_years_in_business=2), need(), founded, date(2026, 11, 30)
    )


# --- amounts and years ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("yuan", "said"),
    [
        (0, "0"),
        (5_000, "0.5"),
        (10_000, "1"),
        (123_456, "12.3456"),
        (3_000_000, "300"),
        (9_990_000, "999"),
        (1_234_567, "123.457"),
        (9_995_000, "999.5"),
        (9_999_999, "1,000"),
        (10_000_000, "1,000"),
        (12_345_678, "1,235"),
        (1_770_000_000, "177,000"),
    ],
)
def test_wan_says_yuan_in_ten_thousands(yuan: int, said: str):
    assert domain.wan(yuan) == said


@pytest.mark.parametrize(
    ("start", "end", "years"),
    [
        (date(2018, 5, 20), date(2026, 5, 19), 7),
        (date(2018, 5, 20), date(2026, 5, 20), 8),
        (date(2018, 5, 20), date(2026, 11, 29), 8),
        (date(2026, 11, 29), date(2026, 11, 29), 0),
        (date(2020, 2, 29), date(2021, 2, 28), 0),
        (date(2020, 2, 29), date(2021, 3, 1), 1),
        (date(2020, 2, 29), date(2024, 2, 29), 4),
        (date(2019, 3, 1), date(2024, 2, 29), 4),
        (date(2019, 2, 28), date(2024, 2, 29), 5),
    ],
)
def test_years_between_counts_as_an_age_is_counted(start: date, end: date, years: int):
    assert domain.years_between(start, end) == years


@pytest.mark.parametrize(
    ("day", "years", "before"),
    [
        (date(2026, 11, 29), 0, date(2026, 11, 29)),
        (date(2026, 11, 29), 3, date(2023, 11, 29)),
        (date(2024, 2, 29), 4, date(2020, 2, 29)),  # leap year to leap year
        (date(2024, 2, 29), 1, date(2023, 2, 28)),  # 29 February: the day before in a common year
        (date(2024, 2, 29), 5, date(2019, 2, 28)),
        (date(2025, 2, 28), 1, date(2024, 2, 28)),
    ],
)
def test_years_before_on_29_february(day: date, years: int, before: date):
    assert domain.years_before(day, years) == before


@pytest.mark.parametrize("day", [date(2024, 2, 29), date(2024, 3, 1), date(2026, 11, 29), date(2025, 2, 28)])
@pytest.mark.parametrize("years", [0, 1, 3, 4, 5])
def test_years_before_is_the_latest_founding_day_old_enough(day: date, years: int):
    """The leads' SQL (founded on or before `years_before`) and matching (`years_between`) agree on every day."""
    latest = domain.years_before(day, years)
    assert domain.years_between(latest, day) >= years
    assert domain.years_between(latest + timedelta(days=1), day) < years

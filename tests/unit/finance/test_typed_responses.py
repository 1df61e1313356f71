"""Finance's answers typed to the letter: the kinds it puts on the timeline are the contract's, and the
county figures by bank and by matchmaking event read as models without changing their JSON."""

import uuid
from datetime import UTC, date, datetime

from services.finance import domain
from services.finance.domain import Decision, LoanStatus, NeedStatus
from services.finance.models import LoanApplication, Need
from services.finance.schemas import FinanceStats
from services.intake.contract import TimelineKind

NOW = datetime(2026, 4, 2, 2, 0, tzinfo=UTC)


def need() -> Need:
    return Need(
        enterprise_id=uuid.uuid4(),
        amount_yuan=5_000_000,
        term_months=36,
        purpose="购置数控机床",
        collateral_available=["credit"],
        status=NeedStatus.open,
        enterprise_name="安徽濉溪经济开发区新材料有限公司",
        industry="C",
        town="濉溪镇",
        established_on=date(2019, 5, 16),
        credit_rating="A",
        created_at=NOW,
        updated_at=NOW,
    )


def loan() -> LoanApplication:
    ids = {name: uuid.uuid4() for name in ("need_id", "product_id", "bank_id", "enterprise_id")}
    return LoanApplication(**ids, status=LoanStatus.submitted, created_at=NOW, updated_at=NOW)


def test_every_event_finance_emits_is_a_timeline_kind():
    terms = {"amount_yuan": None, "rate_pct": 3.45, "term_months": None, "reason": None, "now": NOW}
    rejected, _ = domain.decide(loan(), need(), decision=Decision.reject, **terms)
    approved_loan, wanted = loan(), need()
    approved, _ = domain.decide(approved_loan, wanted, decision=Decision.approve, **terms)
    signed, _ = domain.sign(
        approved_loan,
        wanted,
        amount_yuan=5_000_000,
        rate_pct=3.45,
        term_months=36,
        signed_on=NOW.date(),
        event_id=None,
        event_exists=False,
        now=NOW,
    )
    kinds = [TimelineKind(kind) for kind in (rejected, approved, signed, "need.posted")]
    assert kinds == [
        TimelineKind.application_rejected,
        TimelineKind.application_approved,
        TimelineKind.deal_signed,
        TimelineKind.need_posted,
    ]


def test_the_county_figures_read_as_models_and_keep_their_json():
    event_id = uuid.uuid4()
    figures = {
        "products_active": 3,
        "needs_open": 2,
        "applications": 4,
        "deals": 1,
        "enterprises_financed": 1,
        "amount_signed_yuan": 5_000_000,
        "by_bank": {
            "suixi-rcb": {"name": "濉溪农村商业银行", "applications": 4, "deals": 1, "amount_signed_yuan": 5_000_000}
        },
        "events": [
            {
                "id": str(event_id),
                "title": "濉溪县2026年银企对接会",
                "held_on": "2026-04-02",
                "deals": 1,
                "amount_signed_yuan": 5_000_000,
            }
        ],
        "policies": {
            "overall": {
                "enterprises_reached": 0,
                "grants": 0,
                "amount_granted_yuan": 0,
                "amount_disbursed_yuan": 0,
                "share_without_application": None,
                "working_days_to_money": {"p50": None, "p90": None},
            },
            "by_policy": [],
        },
    }
    stats = FinanceStats.model_validate(figures)
    assert stats.events[0].id == event_id and stats.events[0].held_on == date(2026, 4, 2)
    assert stats.by_bank["suixi-rcb"].deals == 1
    assert stats.model_dump(mode="json") == figures

"""Loan applications in process: apply, decide, sign, every move out of order (409), the checks on terms
(422), and the events each step puts on the enterprise's timeline in intake."""

import uuid

from services.finance.models import FinanceOutbox
from tests.api.finance._support import ADMIN, Finance
from tests.helpers.problems import assert_problem


async def test_every_wrong_order_is_409(fin: Finance):
    bank = await fin.new_bank()
    enterprise = await fin.new_enterprise()
    cheap = await fin.post_product(bank, enterprise.town, annual_rate_pct_min=3.0)
    dear = await fin.post_product(bank, enterprise.town, annual_rate_pct_min=4.5)
    spare = await fin.post_product(bank, enterprise.town, annual_rate_pct_min=5.0)
    ineligible = await fin.post_product(bank, enterprise.town, industries=["F"])
    need = await fin.post_need(enterprise)
    before = await fin.matched_ids(enterprise.headers, need["id"])
    assert {cheap["id"], dear["id"], spare["id"]} <= set(before) and ineligible["id"] not in before

    assert_problem(await fin.apply(enterprise, need["id"], ineligible["id"]), 422)
    unknown = assert_problem(await fin.apply(enterprise, need["id"], str(uuid.uuid4())), 422)
    assert unknown["errors"][0]["field"] == "product_id"
    first = await fin.applied(enterprise, need["id"], cheap["id"])
    assert_problem(await fin.apply(enterprise, need["id"], cheap["id"]), 409)
    assert_problem(await fin.sign(bank.headers, first["id"]), 409)  # sign before approve

    rejected = await fin.decide(bank.headers, first["id"], "reject", reason="抵押物不足，建议补充担保")
    assert rejected.status_code == 200, rejected.text
    assert rejected.json()["status"] == "rejected" and rejected.json()["reason"] == "抵押物不足，建议补充担保"
    assert rejected.json()["decided_at"].endswith("Z") and rejected.json()["approved_amount_yuan"] is None
    assert_problem(await fin.decide(bank.headers, first["id"], "approve"), 409)  # decide twice
    assert_problem(await fin.decide(bank.headers, first["id"], "reject"), 409)
    assert_problem(await fin.sign(bank.headers, first["id"]), 409)  # sign a rejected one
    assert_problem(await fin.apply(enterprise, need["id"], cheap["id"]), 409)  # not again after a rejection

    # A rejection leaves the need open and the next best matches available.
    assert await fin.need_status(enterprise.headers, need["id"]) == "open"
    after_rejection = await fin.matched_ids(enterprise.headers, need["id"])
    assert dear["id"] in after_rejection and spare["id"] in after_rejection

    second = await fin.applied(enterprise, need["id"], dear["id"])
    third = await fin.applied(enterprise, need["id"], spare["id"])
    approved = await fin.decide(bank.headers, second["id"], "approve", annual_rate_pct=4.5)
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    assert approved.json()["approved_amount_yuan"] == 3_000_000  # the need's amount unless the bank says less
    assert approved.json()["approved_term_months"] == 24  # the need's term unless the bank says otherwise
    assert_problem(await fin.decide(bank.headers, second["id"], "approve"), 409)
    assert_problem(await fin.decide(bank.headers, second["id"], "reject"), 409)
    no_event = assert_problem(await fin.sign(bank.headers, second["id"], event_id=str(uuid.uuid4())), 422)
    assert no_event["errors"][0]["field"] == "event_id"
    assert await fin.application_status(bank.headers, second["id"]) == "approved"
    assert await fin.need_status(enterprise.headers, need["id"]) == "open"
    approved_third = await fin.decide(bank.headers, third["id"], "approve")
    assert approved_third.status_code == 200

    signed = await fin.sign(bank.headers, second["id"])
    assert signed.status_code == 200 and signed.json()["status"] == "signed"
    assert signed.json()["event_id"] is None
    assert_problem(await fin.sign(bank.headers, second["id"]), 409)  # sign twice
    assert_problem(await fin.decide(bank.headers, second["id"], "approve"), 409)
    assert_problem(await fin.sign(bank.headers, third["id"]), 409)  # the need is financed already
    assert await fin.need_status(enterprise.headers, need["id"]) == "financed"

    late = await fin.post_product(bank, enterprise.town)
    assert_problem(await fin.apply(enterprise, need["id"], late["id"]), 409)  # against a financed need
    assert await fin.need_status(enterprise.headers, need["id"]) == "financed"

    gone = await fin.post_product(bank, enterprise.town)
    await fin.withdraw(bank, gone["id"])
    assert_problem(await fin.http.post(f"/finance/products/{gone['id']}/withdraw", headers=bank.headers), 409)
    fresh_need = await fin.post_need(enterprise)
    assert_problem(await fin.apply(enterprise, fresh_need["id"], gone["id"]), 422)  # withdrawn: not eligible

    by_status = {
        status: [n["id"] for n in await fin.collect("/finance/needs", enterprise.headers, status=status)]
        for status in ("open", "financed", "closed")
    }
    assert by_status == {"open": [fresh_need["id"]], "financed": [need["id"]], "closed": []}
    signed_only = await fin.collect("/finance/applications", enterprise.headers, status="signed")
    assert {a["id"]: a["status"] for a in signed_only} == {second["id"]: "signed"}
    submitted_or_approved = {
        status: [a["id"] for a in await fin.collect("/finance/applications", bank.headers, status=status)]
        for status in ("submitted", "approved", "rejected")
    }
    assert submitted_or_approved == {"submitted": [], "approved": [third["id"]], "rejected": [first["id"]]}
    await fin.assert_timeline(
        enterprise.id,
        ("need.posted", need["id"]),
        ("need.posted", fresh_need["id"]),
        ("application.rejected", first["id"]),
        ("application.approved", second["id"]),
        ("application.approved", third["id"]),
        ("deal.signed", second["id"]),
    )


async def test_an_application_whose_need_is_financed_can_only_be_rejected(fin: Finance):
    """Once the need is financed, the other approved-or-pending applications can only be rejected."""
    bank = await fin.new_bank()
    enterprise = await fin.new_enterprise()
    one = await fin.post_product(bank, enterprise.town)
    other = await fin.post_product(bank, enterprise.town)
    need = await fin.post_need(enterprise)
    await fin.finance(bank, enterprise, need["id"], one["id"])
    # (the application to `other` is refused before it exists: the need is financed)
    assert_problem(await fin.apply(enterprise, need["id"], other["id"]), 409)

    pending_need = await fin.post_need(enterprise)
    pending = await fin.applied(enterprise, pending_need["id"], other["id"])
    await fin.finance(bank, enterprise, pending_need["id"], one["id"])
    assert_problem(await fin.decide(bank.headers, pending["id"], "approve"), 409)  # the need is financed
    assert await fin.application_status(bank.headers, pending["id"]) == "submitted"
    refused = await fin.decide(bank.headers, pending["id"], "reject")
    assert refused.status_code == 200 and refused.json()["status"] == "rejected" and refused.json()["reason"] is None


async def test_signing_more_than_approved_is_refused(fin: Finance):
    bank = await fin.new_bank()
    enterprise = await fin.new_enterprise()
    product = await fin.post_product(bank, enterprise.town)
    need = await fin.post_need(enterprise)
    application = await fin.applied(enterprise, need["id"], product["id"])
    approved = await fin.decide(bank.headers, application["id"], "approve", approved_amount_yuan=2_000_000)
    assert approved.status_code == 200 and approved.json()["approved_amount_yuan"] == 2_000_000
    too_much = assert_problem(await fin.sign(bank.headers, application["id"], signed_amount_yuan=2_000_001), 422)
    assert too_much["errors"][0]["field"] == "signed_amount_yuan"
    assert await fin.need_status(enterprise.headers, need["id"]) == "open"
    signed = await fin.sign(bank.headers, application["id"], signed_amount_yuan=2_000_000)
    assert signed.status_code == 200


async def test_each_step_is_told_on_the_timeline_in_plain_words(fin: Finance):
    bank = await fin.new_bank()
    enterprise = await fin.new_enterprise()
    product = await fin.post_product(bank, enterprise.town, max_amount_yuan=20_000_000)
    need = await fin.post_need(enterprise, amount_yuan=12_345_678, term_months=24)
    rejected_need = await fin.post_need(enterprise)
    refused = await fin.applied(enterprise, rejected_need["id"], product["id"])
    # A bank's reason may run over several lines; the timeline takes it on one.
    reason = "抵押物不足\n建议补充担保\t或追加保证人"
    rejection = await fin.decide(bank.headers, refused["id"], "reject", reason=reason)
    assert rejection.status_code == 200, rejection.text
    assert rejection.json()["reason"] == reason
    application = await fin.applied(enterprise, need["id"], product["id"])
    approved = await fin.decide(bank.headers, application["id"], "approve", approved_amount_yuan=10_000_000)
    assert approved.status_code == 200, approved.text
    signed = await fin.sign(bank.headers, application["id"], signed_amount_yuan=9_500_000, annual_rate_pct=3.85)
    assert signed.status_code == 200, signed.text

    await fin.deliver()
    assert await fin.timeline_summaries(enterprise.id) == {
        ("need.posted", need["id"]): "发布融资需求 1,235 万元",
        ("need.posted", rejected_need["id"]): "发布融资需求 300 万元",
        ("application.rejected", refused["id"]): "银行未批准贷款申请：抵押物不足 建议补充担保 或追加保证人",
        ("application.approved", application["id"]): "银行已批准贷款申请 1,000 万元",
        ("deal.signed", application["id"]): "签订贷款合同 950 万元，年利率 3.85%，期限 24 个月",
    }


async def test_timeline_events_wait_for_intake_and_arrive_once(fin: Finance):
    """Intake away delays the events, never loses them; a second round after the lease sends nothing twice."""
    bank = await fin.new_bank()
    enterprise = await fin.new_enterprise()
    product = await fin.post_product(bank, enterprise.town)
    need = await fin.post_need(enterprise)
    application = await fin.applied(enterprise, need["id"], product["id"])
    fin.kuaiban.transport.down.add("intake")
    assert (await fin.decide(bank.headers, application["id"], "approve")).status_code == 200  # no intake needed
    relay = fin.kuaiban.relay("finance", FinanceOutbox)
    assert await relay.deliver_once() == 0
    fin.kuaiban.transport.down.discard("intake")
    assert await fin.finance_events(enterprise.id) == []
    fin.kuaiban.clock.advance(minutes=10)  # past the backoff and the claim's lease
    await fin.assert_timeline(enterprise.id, ("need.posted", need["id"]), ("application.approved", application["id"]))
    fin.kuaiban.clock.advance(minutes=10)
    assert await relay.deliver_once() == 0
    assert len(await fin.finance_events(enterprise.id)) == 2
    own_view = await fin.intake.get(f"/intake/enterprises/{enterprise.id}/timeline", headers=enterprise.headers)
    assert own_view.status_code == 200
    assert {item["kind"] for item in own_view.json()["items"]} == {"need.posted", "application.approved"}
    assert await fin.application_status(ADMIN, application["id"]) == "approved"

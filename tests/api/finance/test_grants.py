"""Policy grants (issue 16): 免申即享 on publication and on a profile change, 即申即享 claims, review claims,
confirmation, revocation and batches paid once (一键送达), finance's copy of profiles, and the county figures."""

import uuid

import pytest

from services.finance import domain
from services.finance.contract import PROFILE_EVENTS_PATH
from services.intake.contract import EnterpriseChanged, EnterpriseProfile, TimelineEvent
from tests.api.finance._support import ADMIN, ISSUER, OTHER_DEPARTMENT, Finance, Party, new_town, policy_body, published
from tests.helpers.factories import headers_for
from tests.helpers.inprocess import make_liaison
from tests.helpers.problems import assert_problem

PARK = "濉溪经济开发区"
PAYEE = {
    "account_name": "濉溪县测试铝业有限公司",
    "bank_name": "濉溪农商银行城关支行",
    "account_no": "6230901234567890123",
}
INTERNAL = headers_for("internal", username="intake")


async def grants_of(fin: Finance, policy_id: str, headers: dict = ADMIN) -> dict[str, dict]:
    """The policy's grants by enterprise id."""
    return {item["enterprise_id"]: item for item in await fin.collect("/finance/grants", headers, policy_id=policy_id)}


async def auto_policy(fin: Finance, town: str, **overrides) -> dict:
    """免申即享 for tagged manufacturers in `town`."""
    eligibility = {"industries": ["C"], "towns": [town], "tags": ["专精特新"]}
    return await published(fin, title="专精特新奖补", mode="auto", eligibility=eligibility, **overrides)


async def profile_copy(fin: Finance, enterprise_id: str) -> tuple | None:
    rows = await fin.kuaiban.connection.exec_driver_sql(
        "SELECT revision, tags FROM finance.enterprise_profile WHERE id = %(id)s", {"id": uuid.UUID(enterprise_id)}
    )
    return rows.first()


async def test_publishing_an_auto_policy_grants_every_enterprise_that_fits_once(fin: Finance):
    town = new_town()
    fits = [await fin.new_enterprise(town=town, tags=["专精特新"]) for _ in range(3)]
    untagged = await fin.new_enterprise(town=town)
    elsewhere = await fin.new_enterprise(tags=["专精特新"])
    await fin.deliver_profiles()

    policy = await auto_policy(fin, town)
    granted = await grants_of(fin, policy["id"])
    assert set(granted) == {party.id for party in fits}
    assert untagged.id not in granted and elsewhere.id not in granted
    assert {(g["status"], g["amount_yuan"], g["applied"]) for g in granted.values()} == {("granted", 200_000, False)}

    rows = await fin.kuaiban.connection.exec_driver_sql(
        "SELECT id, payload FROM finance.outbox WHERE payload ->> 'kind' = 'policy.granted'"
        " AND (payload ->> 'ref_id')::uuid = ANY(%(grants)s)",
        {"grants": [uuid.UUID(g["id"]) for g in granted.values()]},
    )
    told = [(message_id, TimelineEvent.model_validate(payload)) for message_id, payload in rows.all()]
    assert len(told) == 3 and all(message_id == event.id for message_id, event in told)  # written in SQL, to contract
    await fin.deliver()
    summary = (await fin.timeline_summaries(fits[0].id))[("policy.granted", granted[fits[0].id]["id"])]
    assert summary == domain.granted_event("专精特新奖补", 200_000, applied=False)[1]

    # a new version grants nobody twice; a profile redelivered grants nothing more
    version = await fin.http.post(
        f"/finance/policies/{policy['id']}/versions",
        json={
            **{k: policy[k] for k in ("title", "department", "legal_basis", "mode", "eligibility", "benefit")},
            "valid_from": policy["valid_from"],
            "valid_to": policy["valid_to"],
        },
        headers=ISSUER,
    )
    assert version.status_code == 201, version.text
    assert (version.json()["series_id"], version.json()["version"]) == (policy["series_id"], 2)
    done = await fin.http.post(f"/finance/policies/{version.json()['id']}/publish", headers=ISSUER)
    assert done.status_code == 200, done.text
    assert not await grants_of(fin, version.json()["id"])
    old = await fin.http.get(f"/finance/policies/{policy['id']}", headers=ADMIN)
    assert old.json()["status"] == "superseded"


async def test_a_rate_benefit_in_sql_pays_what_the_rules_say(fin: Finance):
    """The set-based pass and `domain.policy_outcome` agree on who fits and on every amount, boundaries included."""
    town = new_town()
    eligibility = {
        "towns": [town],
        "revenue_min_yuan": 20_000_000,
        "employees_max": 500,
        "credit_ratings": ["A", "B"],
        "key_enterprise": True,
        "founded_before": "2020-01-01",
        "founded_after": "2010-01-01",
        "tags": ["专精特新"],
    }
    benefit = {"kind": "rate", "rate_pct": 1.5, "cap_yuan": 500_000}
    variants = [
        {},
        {"annual_revenue_yuan": 20_000_000, "employees": 500, "established_on": "2010-01-01"},  # every edge fits
        {"annual_revenue_yuan": 10_000_033 * 2},  # 300,000.99 rounds up
        {"annual_revenue_yuan": 19_999_999},
        {"annual_revenue_yuan": None},
        {"annual_revenue_yuan": 900_000_000},  # capped
        {"employees": 501},
        {"employees": None},
        {"credit_rating": "C"},
        {"key_enterprise": False},
        {"established_on": "2020-01-01"},
        {"established_on": "2009-12-31"},
        {"tags": ["高新技术企业"]},
        {"tags": ["高新技术企业", "专精特新"]},
    ]
    parties = [await fin.new_enterprise(town=town, **{"tags": ["专精特新"], **variant}) for variant in variants]
    await fin.deliver_profiles()
    policy = await published(fin, mode="auto", eligibility=eligibility, benefit=benefit)
    granted = await grants_of(fin, policy["id"])

    expected = {}
    for party in parties:
        found = await fin.intake.get(f"/intake/enterprises/{party.id}", headers=ADMIN)
        failures, amount = domain.policy_outcome(eligibility, benefit, EnterpriseProfile.model_validate(found.json()))
        if not failures:
            expected[party.id] = amount
    assert {enterprise: grant["amount_yuan"] for enterprise, grant in granted.items()} == expected
    assert len(expected) == 5 and max(expected.values()) == 500_000 and 300_001 in expected.values()


async def test_a_profile_change_in_intake_grants_what_now_fits(fin: Finance):
    town = new_town()
    enterprise = await fin.new_enterprise(town=town)
    await fin.deliver_profiles()
    policy = await auto_policy(fin, town)
    assert enterprise.id not in await grants_of(fin, policy["id"])

    changed = await fin.intake.patch(f"/intake/enterprises/{enterprise.id}", json={"tags": ["专精特新"]}, headers=ADMIN)
    assert changed.status_code == 200 and changed.json()["revision"] == 2
    await fin.deliver_profiles()
    assert (await profile_copy(fin, enterprise.id)) == (2, ["专精特新"])
    [grant] = (await grants_of(fin, policy["id"])).values()
    assert grant["enterprise_id"] == enterprise.id

    # the same event again, or an older one, stores nothing and grants nothing more
    profile = EnterpriseProfile.model_validate(changed.json())
    event = EnterpriseChanged(id=uuid.uuid4(), kind="enterprise.updated", at=fin.kuaiban.clock(), profile=profile)
    async with fin.kuaiban.client("finance") as internal:
        again = await internal.post(PROFILE_EVENTS_PATH, json=event.model_dump(mode="json"), headers=INTERNAL)
        assert again.status_code == 200 and again.json() == {"id": str(event.id), "stored": False, "granted": 0}
        older = event.model_copy(update={"profile": profile.model_copy(update={"revision": 1, "tags": []})})
        stale = await internal.post(PROFILE_EVENTS_PATH, json=older.model_dump(mode="json"), headers=INTERNAL)
        assert stale.json()["stored"] is False
        assert_problem(await internal.post(PROFILE_EVENTS_PATH, json={}, headers=INTERNAL), 422)
        assert_problem(await internal.post(PROFILE_EVENTS_PATH, json=event.model_dump(mode="json"), headers=ADMIN), 403)
    assert (await profile_copy(fin, enterprise.id)) == (2, ["专精特新"])
    assert len(await grants_of(fin, policy["id"])) == 1


async def test_a_resync_repairs_a_copy_that_missed_events(fin: Finance):
    town = new_town()
    missed = await fin.new_enterprise(town=town, tags=["专精特新"])  # its event is never delivered
    policy = await auto_policy(fin, town)
    assert not await grants_of(fin, policy["id"]) and await profile_copy(fin, missed.id) is None

    assert_problem(await fin.http.post("/finance/enterprise-profiles/resync", headers=ISSUER), 403)
    resync = await fin.http.post("/finance/enterprise-profiles/resync", headers=ADMIN)
    assert resync.status_code == 200, resync.text
    assert resync.json()["changed"] >= 1 and resync.json()["granted"] >= 1
    assert resync.json()["enterprises"] >= resync.json()["changed"]
    assert (await profile_copy(fin, missed.id)) == (1, ["专精特新"])
    assert set(await grants_of(fin, policy["id"])) == {missed.id}
    again = await fin.http.post("/finance/enterprise-profiles/resync", headers=ADMIN)
    assert (again.json()["changed"], again.json()["granted"]) == (0, 0)


async def test_an_instant_claim_is_answered_at_once(fin: Finance):
    fits = await fin.new_enterprise(town=PARK, tags=["专精特新"])
    misses = await fin.new_enterprise(industry="F", credit_rating="C")
    policy = await published(fin, eligibility={"industries": ["C"], "credit_ratings": ["A", "B"], "tags": ["专精特新"]})
    path = f"/finance/policies/{policy['id']}/claims"

    claimed = await fin.http.post(path, headers=fits.headers)
    assert claimed.status_code == 201, claimed.text
    grant = claimed.json()
    assert claimed.headers["location"] == f"/finance/grants/{grant['id']}"
    assert (grant["status"], grant["amount_yuan"], grant["applied"], grant["enterprise_id"]) == (
        "granted",
        200_000,
        True,
        fits.id,
    )
    assert assert_problem(await fin.http.post(path, headers=fits.headers), 409)["code"] == "duplicate_grant"

    refused = await fin.http.post(path, headers=misses.headers)
    assert assert_problem(refused, 422)["code"] == "policy_not_met"
    errors = refused.json()["errors"]
    assert [error["code"] for error in errors] == ["industry", "credit_rating", "tags"]
    assert errors[0]["field"] == "eligibility.industry" and "C" in errors[0]["message"]

    auto = await auto_policy(fin, new_town())
    assert_problem(await fin.http.post(f"/finance/policies/{auto['id']}/claims", headers=fits.headers), 409)
    assert_problem(await fin.http.post(path, headers=ISSUER), 403)
    assert_problem(await fin.http.post(f"/finance/policies/{uuid.uuid4()}/claims", headers=fits.headers), 404)
    await fin.deliver()
    assert ("policy.granted", grant["id"]) in await fin.finance_events(fits.id)


async def test_a_review_claim_waits_for_the_issuing_department(fin: Finance):
    enterprise = await fin.new_enterprise()
    policy = await published(fin, title="技改补贴", mode="review", review_working_days=5)
    claimed = await fin.http.post(f"/finance/policies/{policy['id']}/claims", headers=enterprise.headers)
    assert claimed.status_code == 201, claimed.text
    grant = claimed.json()
    assert (grant["status"], grant["granted_at"]) == ("requested", None)
    assert grant["due_on"] > fin.today().isoformat()
    decision = f"/finance/grants/{grant['id']}/decision"
    assert_problem(await fin.http.post(decision, json={"decision": "reject"}, headers=ISSUER), 422)
    assert_problem(await fin.http.post(decision, json={"decision": "approve"}, headers=OTHER_DEPARTMENT), 404)
    approved = await fin.http.post(decision, json={"decision": "approve"}, headers=ISSUER)
    assert approved.status_code == 200 and approved.json()["status"] == "granted", approved.text
    assert_problem(await fin.http.post(decision, json={"decision": "approve"}, headers=ISSUER), 409)


async def confirmed_grant(fin: Finance, enterprise: Party, policy_id: str) -> dict:
    claimed = await fin.http.post(f"/finance/policies/{policy_id}/claims", headers=enterprise.headers)
    assert claimed.status_code == 201, claimed.text
    confirmed = await fin.http.post(
        f"/finance/grants/{claimed.json()['id']}/confirm", json=PAYEE, headers=enterprise.headers
    )
    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.json()["status"] == "confirmed" and confirmed.json()["payee"] == PAYEE
    return confirmed.json()


async def test_a_batch_pays_confirmed_grants_once(fin: Finance):
    policy = await published(fin)
    first, second, unconfirmed = [await fin.new_enterprise() for _ in range(3)]
    paid_one = await confirmed_grant(fin, first, policy["id"])
    paid_two = await confirmed_grant(fin, second, policy["id"])
    waiting = await fin.http.post(f"/finance/policies/{policy['id']}/claims", headers=unconfirmed.headers)
    ids = [paid_one["id"], paid_two["id"], waiting.json()["id"]]

    async def pay(grant_ids: list, headers: dict):
        return await fin.http.post("/finance/disbursements", json={"grant_ids": grant_ids}, headers=headers)

    assert_problem(await pay(ids, OTHER_DEPARTMENT), 404)
    assert_problem(await pay(ids, first.headers), 403)
    assert_problem(await pay([], ISSUER), 422)
    assert_problem(await pay([ids[0], ids[0]], ISSUER), 422)

    batch = await pay(ids, ISSUER)
    assert batch.status_code == 200, batch.text
    body = batch.json()
    assert (body["paid"], body["amount_paid_yuan"]) == (2, 400_000)
    outcomes = {item["grant_id"]: item for item in body["items"]}
    assert [outcomes[i]["outcome"] for i in ids] == ["paid", "paid", "not_payable"]
    references = {outcomes[i]["payment_reference"] for i in ids[:2]}
    assert len(references) == 2 and all(ref.startswith("ZJ") for ref in references)

    retried = await pay(ids, ISSUER)
    again = {item["grant_id"]: item for item in retried.json()["items"]}
    assert retried.json()["paid"] == 0 and retried.json()["amount_paid_yuan"] == 0
    assert [again[i]["outcome"] for i in ids] == ["already_paid", "already_paid", "not_payable"]
    assert {again[i]["payment_reference"] for i in ids[:2]} == references

    paid = await fin.http.get(f"/finance/grants/{ids[0]}", headers=first.headers)
    assert paid.json()["status"] == "disbursed" and paid.json()["batch_id"] == body["batch_id"]
    assert_problem(
        await fin.http.post(f"/finance/grants/{ids[0]}/revoke", json={"reason": "核查"}, headers=ISSUER), 409
    )
    assert_problem(await fin.http.post(f"/finance/grants/{ids[0]}/confirm", json=PAYEE, headers=first.headers), 409)
    await fin.deliver()
    summaries = await fin.timeline_summaries(first.id)
    assert outcomes[ids[0]]["payment_reference"] in summaries[("policy.disbursed", ids[0])]


async def test_a_grant_is_revoked_before_payment_with_a_reason(fin: Finance):
    enterprise = await fin.new_enterprise()
    policy = await published(fin)
    grant = await confirmed_grant(fin, enterprise, policy["id"])
    path = f"/finance/grants/{grant['id']}/revoke"
    assert_problem(await fin.http.post(path, json={}, headers=ISSUER), 422)
    assert_problem(await fin.http.post(path, json={"reason": "x"}, headers=enterprise.headers), 403)
    revoked = await fin.http.post(path, json={"reason": "经核查不符合申报条件"}, headers=ISSUER)
    assert revoked.status_code == 200, revoked.text
    assert (revoked.json()["status"], revoked.json()["revoked_reason"]) == ("revoked", "经核查不符合申报条件")
    batch = await fin.http.post("/finance/disbursements", json={"grant_ids": [grant["id"]]}, headers=ISSUER)
    assert batch.json()["items"][0]["outcome"] == "not_payable"
    await fin.deliver()
    assert ("policy.revoked", grant["id"]) in await fin.finance_events(enterprise.id)


async def test_each_caller_sees_only_its_grants(fin: Finance):
    enterprise, other = await fin.new_enterprise(), await fin.new_enterprise()
    policy = await published(fin)
    grant = await confirmed_grant(fin, enterprise, policy["id"])
    path = f"/finance/grants/{grant['id']}"
    for allowed in (enterprise.headers, ISSUER, ADMIN):
        assert (await fin.http.get(path, headers=allowed)).status_code == 200
    for refused in (other.headers, OTHER_DEPARTMENT):
        assert_problem(await fin.http.get(path, headers=refused), 404)
    assert_problem(await fin.http.post(f"{path}/confirm", json=PAYEE, headers=other.headers), 404)
    _, liaison = await make_liaison(fin.kuaiban, enterprise.id)
    assert (await fin.http.get(path, headers=liaison)).status_code == 200
    assert [g["id"] for g in await fin.collect("/finance/grants", liaison)] == [grant["id"]]
    assert not await fin.collect("/finance/grants", other.headers)
    bank = await fin.new_bank()
    assert_problem(await fin.http.get("/finance/grants", headers=bank.headers), 403)
    assert_problem(await fin.http.get(path, headers=bank.headers), 403)
    assert not await fin.collect("/finance/grants", OTHER_DEPARTMENT, policy_id=policy["id"])
    bad = {**PAYEE, "account_no": "12-34"}
    assert_problem(await fin.http.post(f"{path}/confirm", json=bad, headers=enterprise.headers), 422)


async def test_the_county_sees_reach_amounts_and_days_to_money(fin: Finance):
    town = new_town()
    tagged = [await fin.new_enterprise(town=town, tags=["专精特新"]) for _ in range(2)]
    await fin.deliver_profiles()
    auto = await auto_policy(fin, town)
    instant = await published(fin, title="即申即享补贴", benefit={"kind": "fixed", "amount_yuan": 50_000})
    applied = await confirmed_grant(fin, tagged[0], instant["id"])
    auto_grants = await grants_of(fin, auto["id"])
    confirmed = await fin.http.post(
        f"/finance/grants/{auto_grants[tagged[0].id]['id']}/confirm", json=PAYEE, headers=tagged[0].headers
    )
    assert confirmed.status_code == 200
    fin.kuaiban.clock.advance(days=7)
    ids = [applied["id"], confirmed.json()["id"]]
    assert (await fin.http.post("/finance/disbursements", json={"grant_ids": ids}, headers=ISSUER)).json()["paid"] == 2

    policies = (await fin.county_stats())["policies"]
    by_policy = {item["policy_id"]: item for item in policies["by_policy"]}
    assert by_policy[auto["id"]] | {"working_days_to_money": None} == {
        "policy_id": auto["id"],
        "title": "专精特新奖补",
        "version": 1,
        "mode": "auto",
        "enterprises_reached": 2,
        "grants": 2,
        "amount_granted_yuan": 400_000,
        "amount_disbursed_yuan": 200_000,
        "share_without_application": 1.0,
        "working_days_to_money": None,
    }
    assert by_policy[instant["id"]]["share_without_application"] == 0.0
    days = by_policy[auto["id"]]["working_days_to_money"]
    assert days["p50"] == days["p90"] and 4 <= days["p50"] <= 7  # a week holds 4 to 5 working days (holidays)
    overall = policies["overall"]
    assert overall["enterprises_reached"] >= 2 and overall["amount_disbursed_yuan"] >= 250_000
    assert_problem(await fin.http.get("/finance/stats", headers=ISSUER), 403)


@pytest.mark.parametrize(
    "overrides",
    [
        {"valid_from": "2020-01-01", "valid_to": "2020-12-31"},  # ended
        {"mode": "auto", "valid_from": "2099-01-01", "valid_to": None},  # would grant before it applies
    ],
)
async def test_a_policy_out_of_its_dates_is_not_published(fin: Finance, overrides: dict):
    drafted = await fin.http.post("/finance/policies", json=policy_body(fin, **overrides), headers=ISSUER)
    assert drafted.status_code == 201, drafted.text
    assert_problem(await fin.http.post(f"/finance/policies/{drafted.json()['id']}/publish", headers=ISSUER), 409)

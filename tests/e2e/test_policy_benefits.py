"""Policy benefits over real processes (issue 16's "done means"): a department publishes a subsidy for 专精特新
manufacturers in one park; every fitting enterprise finds the grant on its timeline without applying, one that
comes to fit through a profile change in intake gets it within seconds, a resync repairs what finance's copy
missed, each confirms, and batches sent at once by several clients pay every grant exactly once."""

import secrets
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

import httpx

from launcher.system import System
from services.common.calendar import CST
from tests.helpers.approval_flows import new_enterprise, sql
from tests.helpers.http import collect, make_account
from tests.helpers.problems import assert_problem
from tests.helpers.waiting import wait_until

PAYEE = {
    "account_name": "濉溪县测试铝业有限公司",
    "bank_name": "濉溪农商银行城关支行",
    "account_no": "6230901234567890",
}


def kinds_on_timeline(gateway: httpx.Client, headers: dict, enterprise_id: str) -> set[tuple[str, str]]:
    timeline = collect(gateway, f"/intake/enterprises/{enterprise_id}/timeline", headers)
    return {(item["kind"], item["ref_id"]) for item in timeline if item["service"] == "finance"}


def grants_of(gateway: httpx.Client, headers: dict, policy_id: str) -> dict[str, dict]:
    return {g["enterprise_id"]: g for g in collect(gateway, "/finance/grants", headers, policy_id=policy_id)}


def test_a_subsidy_reaches_every_fitting_enterprise_and_is_paid_once(
    gateway: httpx.Client, admin_headers: dict, system: System, database_url: str
):
    park = f"濉溪经济开发区{secrets.token_hex(2)}区"  # this test's own park: other tests' enterprises stay out
    officer = make_account(gateway, admin_headers, "officer", department="development_reform")[1]
    tagged = [new_enterprise(gateway, admin_headers, town=park, tags=["专精特新"]) for _ in range(3)]
    later_id, later = new_enterprise(gateway, admin_headers, town=park)  # comes to fit by a profile change
    missed_id, _ = new_enterprise(gateway, admin_headers, town=park, tags=["专精特新"])  # finance misses it
    wait_until(
        lambda: sql(database_url, "SELECT 1 FROM finance.enterprise_profile WHERE id = %s", missed_id),
        "the registration reaching finance",
        timeout=10,
    )
    sql(database_url, "DELETE FROM finance.enterprise_profile WHERE id = %s", missed_id)

    today = datetime.now(CST).date()
    body = {
        "title": "专精特新制造业企业奖补",
        "department": "development_reform",
        "legal_basis": "濉溪县促进制造业高质量发展若干政策（2026）第五条",
        "valid_from": today.isoformat(),
        "valid_to": (today + timedelta(days=365)).isoformat(),
        "mode": "auto",
        "eligibility": {"industries": ["C"], "towns": [park], "tags": ["专精特新"]},
        "benefit": {"kind": "fixed", "amount_yuan": 200_000},
    }
    draft = gateway.post("/finance/policies", json=body, headers=officer)
    assert draft.status_code == 201, draft.text
    policy_id = draft.json()["id"]
    published = gateway.post(f"/finance/policies/{policy_id}/publish", headers=officer)
    assert published.status_code == 200, published.text
    granted = grants_of(gateway, officer, policy_id)
    assert set(granted) == {enterprise_id for enterprise_id, _ in tagged}

    changed = gateway.patch(f"/intake/enterprises/{later_id}", json={"tags": ["专精特新"]}, headers=admin_headers)
    assert changed.status_code == 200, changed.text
    wait_until(lambda: later_id in grants_of(gateway, officer, policy_id), "the profile change's grant", timeout=10)

    resync = gateway.post("/finance/enterprise-profiles/resync", headers=admin_headers)
    assert resync.status_code == 200, resync.text
    assert resync.json()["changed"] >= 1 and resync.json()["granted"] >= 1
    granted = grants_of(gateway, officer, policy_id)
    assert set(granted) == {enterprise_id for enterprise_id, _ in tagged} | {later_id, missed_id}

    first_id, first = tagged[0]
    grant_id = granted[first_id]["id"]
    wait_until(
        lambda: ("policy.granted", grant_id) in kinds_on_timeline(gateway, first, first_id),
        "the grant on the enterprise's timeline",
        timeout=10,
    )
    to_pay = []
    for enterprise_id, headers in [*tagged, (later_id, later)]:
        confirmed = gateway.post(f"/finance/grants/{granted[enterprise_id]['id']}/confirm", json=PAYEE, headers=headers)
        assert confirmed.status_code == 200, confirmed.text
        to_pay.append(granted[enterprise_id]["id"])

    def pay(_: int) -> httpx.Response:
        with httpx.Client(base_url=system.gateway_url, timeout=30) as client:
            return client.post("/finance/disbursements", json={"grant_ids": to_pay}, headers=officer)

    with ThreadPoolExecutor(max_workers=5) as pool:
        answers = list(pool.map(pay, range(5)))
    assert {answer.status_code for answer in answers} == {200}, [answer.text for answer in answers]
    outcomes = [item for answer in answers for item in answer.json()["items"]]
    paid = [item for item in outcomes if item["outcome"] == "paid"]
    assert sorted(item["grant_id"] for item in paid) == sorted(to_pay)  # each grant paid by exactly one batch
    references = {item["grant_id"]: item["payment_reference"] for item in paid}
    assert all(references[item["grant_id"]] == item["payment_reference"] for item in outcomes)
    assert sum(answer.json()["amount_paid_yuan"] for answer in answers) == 200_000 * len(to_pay)
    [(rows,)] = sql(
        database_url,
        "SELECT count(*) FROM finance.policy_grant WHERE id = ANY(%s::uuid[]) AND status = 'disbursed'",
        to_pay,
    )
    assert rows == len(to_pay)
    wait_until(
        lambda: ("policy.disbursed", grant_id) in kinds_on_timeline(gateway, first, first_id),
        "the payment on the enterprise's timeline",
        timeout=10,
    )

    figures = gateway.get("/finance/stats", headers=admin_headers).json()["policies"]
    [mine] = [item for item in figures["by_policy"] if item["policy_id"] == policy_id]
    assert (mine["enterprises_reached"], mine["amount_disbursed_yuan"]) == (5, 200_000 * 4)
    assert mine["share_without_application"] == 1.0 and mine["working_days_to_money"]["p50"] is not None


def test_an_instant_claim_is_answered_in_one_call(gateway: httpx.Client, admin_headers: dict):
    officer = make_account(gateway, admin_headers, "officer", department="development_reform")[1]
    _, fits = new_enterprise(gateway, admin_headers, credit_rating="A")
    _, misses = new_enterprise(gateway, admin_headers, credit_rating="D")
    today = datetime.now(CST).date()
    body = {
        "title": "小微企业贷款贴息",
        "department": "development_reform",
        "legal_basis": "濉溪县小微企业贷款贴息办法",
        "valid_from": today.isoformat(),
        "mode": "instant",
        "eligibility": {"credit_ratings": ["A", "B"]},
        "benefit": {"kind": "rate", "rate_pct": 0.5, "cap_yuan": 100_000},
    }
    policy_id = gateway.post("/finance/policies", json=body, headers=officer).json()["id"]
    assert gateway.post(f"/finance/policies/{policy_id}/publish", headers=officer).status_code == 200
    claimed = gateway.post(f"/finance/policies/{policy_id}/claims", headers=fits)
    assert claimed.status_code == 201, claimed.text
    assert (claimed.json()["status"], claimed.json()["amount_yuan"]) == (
        "granted",
        100_000,
    )  # 0.5 % of 3,500 万, capped
    refused = assert_problem(gateway.post(f"/finance/policies/{policy_id}/claims", headers=misses), 422)
    assert [error["code"] for error in refused["errors"]] == ["credit_rating"]
    assert_problem(gateway.post(f"/finance/policies/{uuid.uuid4()}/claims", headers=fits), 404)

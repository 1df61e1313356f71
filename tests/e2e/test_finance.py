"""Bank-enterprise financing over real processes: idempotent product posts, matching rule by rule with
reasons, leads without contact data, applications to signed deals with event and county stats, every
wrong-order 409, the visibility matrix of two banks and two enterprises, and bad input."""

import secrets
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import httpx
import pytest

from launcher.system import System
from services.common.calendar import CST
from tests.helpers.factories import enterprise_payload, unique_name
from tests.helpers.http import collect, make_account, make_bank
from tests.helpers.problems import assert_problem

LEAD_FIELDS = {"need_id", "enterprise_name", "industry", "town", "amount_yuan", "term_months", "posted_at"}
TIMELINE_SECONDS = 20


def today_cst() -> date:
    return datetime.now(CST).date()


def new_town() -> str:
    """A town of its own, so that one test's town-bound products and needs do not meet another's."""
    return f"测试{secrets.token_hex(3)}镇"


@dataclass
class Party:
    """An account and the id of the enterprise or bank behind it."""

    headers: dict
    id: str
    name: str = ""
    town: str = ""
    code: str = ""


def new_enterprise(gateway: httpx.Client, admin: dict, **fields) -> Party:
    body = enterprise_payload(town=fields.pop("town", None) or new_town(), **fields)
    response = gateway.post("/intake/enterprises", json=body, headers=admin)
    assert response.status_code == 201, response.text
    enterprise = response.json()
    headers = make_account(gateway, admin, "enterprise", enterprise_id=enterprise["id"])[1]
    return Party(headers=headers, id=enterprise["id"], name=body["name"], town=body["town"])


def new_bank(gateway: httpx.Client, admin: dict, name: str = "淮北农村商业银行濉溪支行") -> Party:
    bank_id = make_bank(gateway, admin, name)
    bank = gateway.get(f"/finance/banks/{bank_id}", headers=admin)
    assert bank.status_code == 200, bank.text
    headers = make_account(gateway, admin, "bank", bank_id=bank_id)[1]
    return Party(headers=headers, id=bank_id, name=name, code=bank.json()["code"])


@dataclass
class Cast:
    admin: dict
    officer: dict
    bank: Party
    rival: Party  # a second bank
    own: Party  # an enterprise: industry C, its own town, founded 2018, revenue 3,500 万, rated A
    other: Party  # a second enterprise in another town


@pytest.fixture(scope="module")
def cast(gateway: httpx.Client, admin_headers: dict) -> Cast:
    return Cast(
        admin=admin_headers,
        officer=make_account(gateway, admin_headers, "officer", department="finance_office")[1],
        bank=new_bank(gateway, admin_headers),
        rival=new_bank(gateway, admin_headers, "中国建设银行濉溪支行"),
        own=new_enterprise(gateway, admin_headers),
        other=new_enterprise(gateway, admin_headers),
    )


def product_body(town: str | None = None, **overrides) -> dict:
    """An eligible baseline for the enterprises of `enterprise_payload` asking 300 万 for 24 months on credit."""
    body = {
        "name": unique_name("科技贷"),
        "min_amount_yuan": 1_000_000,
        "max_amount_yuan": 10_000_000,
        "annual_rate_pct_min": 3.5,
        "annual_rate_pct_max": 5.5,
        "term_months_min": 12,
        "term_months_max": 36,
        "collateral_types": ["credit"],
        "industries": ["C"],
        "towns": [town] if town else [],
        "min_years_in_business": 3,
        "min_annual_revenue_yuan": 10_000_000,
        "accepted_credit_ratings": ["A", "B"],
        "valid_until": (today_cst() + timedelta(days=365)).isoformat(),
    }
    body.update(overrides)
    return body


def post_product(gateway: httpx.Client, bank: Party, town: str | None = None, **overrides) -> dict:
    response = gateway.post("/finance/products", json=product_body(town, **overrides), headers=bank.headers)
    assert response.status_code == 201, response.text
    product = response.json()
    assert product["status"] == "active" and product["bank_id"] == bank.id
    return product


def need_body(**overrides) -> dict:
    body = {
        "amount_yuan": 3_000_000,
        "term_months": 24,
        "purpose": "购置铝型材挤压生产线",
        "collateral_available": ["credit", "mortgage"],
        "max_annual_rate_pct": 6.0,
    }
    body.update(overrides)
    return body


def post_need(gateway: httpx.Client, enterprise: Party, **overrides) -> dict:
    response = gateway.post("/finance/needs", json=need_body(**overrides), headers=enterprise.headers)
    assert response.status_code == 201, response.text
    need = response.json()
    assert need["status"] == "open" and need["enterprise_id"] == enterprise.id
    return need


def matches_of(gateway: httpx.Client, headers: dict, need_id: str) -> list[dict]:
    response = gateway.get(f"/finance/needs/{need_id}/matches", params={"limit": 100}, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()["items"]


def matched_ids(gateway: httpx.Client, headers: dict, need_id: str) -> list[str]:
    return [item["product_id"] for item in matches_of(gateway, headers, need_id)]


def lead_ids(gateway: httpx.Client, bank: Party, product_id: str) -> set[str]:
    return {lead["need_id"] for lead in collect(gateway, f"/finance/products/{product_id}/leads", bank.headers)}


def apply(gateway: httpx.Client, enterprise: Party, need_id: str, product_id: str) -> httpx.Response:
    return gateway.post(
        "/finance/applications", json={"need_id": need_id, "product_id": product_id}, headers=enterprise.headers
    )


def applied(gateway: httpx.Client, enterprise: Party, need_id: str, product_id: str) -> dict:
    response = apply(gateway, enterprise, need_id, product_id)
    assert response.status_code == 201, response.text
    application = response.json()
    assert application["status"] == "submitted"
    assert (application["need_id"], application["product_id"]) == (need_id, product_id)
    assert application["enterprise_id"] == enterprise.id
    return application


def decide(gateway: httpx.Client, headers: dict, application_id: str, decision: str, **fields) -> httpx.Response:
    return gateway.post(
        f"/finance/applications/{application_id}/decision", json={"decision": decision, **fields}, headers=headers
    )


def sign(gateway: httpx.Client, headers: dict, application_id: str, **fields) -> httpx.Response:
    body = {
        "signed_amount_yuan": 3_000_000,
        "annual_rate_pct": 4.35,
        "term_months": 24,
        "signed_on": today_cst().isoformat(),
        **fields,
    }
    return gateway.post(f"/finance/applications/{application_id}/sign", json=body, headers=headers)


def finance(gateway: httpx.Client, bank: Party, enterprise: Party, need_id: str, product_id: str, **terms) -> dict:
    """Apply, approve and sign: the need is financed."""
    application = applied(gateway, enterprise, need_id, product_id)
    approved = decide(gateway, bank.headers, application["id"], "approve")
    assert approved.status_code == 200, approved.text
    signed = sign(gateway, bank.headers, application["id"], **terms)
    assert signed.status_code == 200, signed.text
    return signed.json()


def need_status(gateway: httpx.Client, headers: dict, need_id: str) -> str:
    response = gateway.get(f"/finance/needs/{need_id}", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()["status"]


def county_stats(gateway: httpx.Client, cast: Cast) -> dict:
    response = gateway.get("/finance/stats", headers=cast.admin)
    assert response.status_code == 200, response.text
    return response.json()


def finance_events(gateway: httpx.Client, admin: dict, enterprise_id: str) -> list[tuple[str, str]]:
    timeline = collect(gateway, f"/intake/enterprises/{enterprise_id}/timeline", admin)
    mine = [item for item in timeline if item["service"] == "finance"]
    assert all(item["at"].endswith("Z") and item["summary"] for item in mine), mine
    return sorted((item["kind"], item["ref_id"]) for item in mine)


def wait_for_timeline(gateway: httpx.Client, admin: dict, enterprise_id: str, *expected: tuple[str, str]) -> None:
    """Until the enterprise's finance events are exactly these, each once."""
    deadline = time.monotonic() + TIMELINE_SECONDS
    while (seen := finance_events(gateway, admin, enterprise_id)) != sorted(expected):
        assert set(seen) <= set(expected) and len(seen) == len(set(seen)), seen
        assert time.monotonic() < deadline, f"not delivered within {TIMELINE_SECONDS} s: {seen}"
        time.sleep(0.3)


# --- products: idempotent posts -------------------------------------------------------------------


def bank_products(gateway: httpx.Client, bank: Party) -> list[dict]:
    return collect(gateway, "/finance/products", bank.headers, bank_id=bank.id)


def test_a_retried_product_post_creates_one_product(gateway: httpx.Client, cast: Cast):
    bank = new_bank(gateway, cast.admin)
    body = product_body()
    headers = {**bank.headers, "Idempotency-Key": f"product-{uuid.uuid4()}"}
    first = gateway.post("/finance/products", json=body, headers=headers)
    again = gateway.post("/finance/products", json=body, headers=headers)
    assert first.status_code == again.status_code == 201, (first.text, again.text)
    assert first.json() == again.json()
    assert again.headers["idempotent-replayed"] == "true" and "idempotent-replayed" not in first.headers
    assert [p["id"] for p in bank_products(gateway, bank)] == [first.json()["id"]]

    different = gateway.post("/finance/products", json={**body, "annual_rate_pct_min": 3.6}, headers=headers)
    assert_problem(different, 422)
    assert [p["id"] for p in bank_products(gateway, bank)] == [first.json()["id"]]

    without_key = gateway.post("/finance/products", json=body, headers=bank.headers)
    assert without_key.status_code == 201 and without_key.json()["id"] != first.json()["id"]
    assert len(bank_products(gateway, bank)) == 2  # the key is what makes a retry safe


def test_concurrent_product_retries_create_one_product(gateway: httpx.Client, cast: Cast, system: System):
    bank = new_bank(gateway, cast.admin)
    body = product_body()
    headers = {**bank.headers, "Idempotency-Key": f"concurrent-{uuid.uuid4()}"}

    def post(_: int) -> httpx.Response:
        with httpx.Client(base_url=system.gateway_url, timeout=15) as client:
            return client.post("/finance/products", json=body, headers=headers)

    with ThreadPoolExecutor(max_workers=10) as pool:
        responses = list(pool.map(post, range(10)))
    assert {r.status_code for r in responses} <= {201, 409}, [r.text for r in responses]
    created = {r.json()["id"] for r in responses if r.status_code == 201}
    assert len(created) == 1, created
    for response in responses:
        if response.status_code == 409:
            assert_problem(response, 409)
    assert [p["id"] for p in bank_products(gateway, bank)] == list(created)
    replay = gateway.post("/finance/products", json=body, headers=headers)
    assert replay.status_code == 201 and replay.json()["id"] in created
    assert_problem(gateway.post("/finance/products", json={**body, "name": "另一个"}, headers=headers), 422)
    assert len(bank_products(gateway, bank)) == 1


def test_products_are_listed_with_filters(gateway: httpx.Client, cast: Cast):
    bank = new_bank(gateway, cast.admin)
    kept = post_product(gateway, bank)
    gone = post_product(gateway, bank)
    withdrawn = gateway.post(f"/finance/products/{gone['id']}/withdraw", headers=bank.headers)
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "withdrawn"
    for key in ("id", "created_at", "updated_at"):
        assert kept[key]
    assert kept["created_at"].endswith("Z")
    by_status = {
        status: [
            p["id"] for p in collect(gateway, "/finance/products", cast.own.headers, bank_id=bank.id, status=status)
        ]
        for status in ("active", "withdrawn")
    }
    assert by_status == {"active": [kept["id"]], "withdrawn": [gone["id"]]}
    assert_problem(gateway.get("/finance/products", params={"status": "paused"}, headers=cast.own.headers), 422)


# --- matching, rule by rule -----------------------------------------------------------------------


def test_matching_applies_each_eligibility_rule_with_reasons_and_ranking(gateway: httpx.Client, cast: Cast):
    bank = new_bank(gateway, cast.admin, "徽商银行濉溪支行")
    enterprise = new_enterprise(gateway, cast.admin)  # C, founded 2018-05-20, revenue 3,500 万, rated A
    town = enterprise.town
    need = post_need(gateway, enterprise)  # 300 万, 24 months, credit or mortgage, at most 6 %

    baseline = post_product(gateway, bank, town, name="baseline")
    included = {
        "baseline": baseline,
        "cheaper": post_product(gateway, bank, town, annual_rate_pct_min=3.0, annual_rate_pct_max=5.0),
        "dearer": post_product(gateway, bank, town, annual_rate_pct_min=5.0, annual_rate_pct_max=7.0),
        "all industries and towns": post_product(gateway, bank, industries=[], towns=[]),
        "amount at the lower bound": post_product(gateway, bank, town, min_amount_yuan=3_000_000),
        "amount at the upper bound": post_product(gateway, bank, town, max_amount_yuan=3_000_000),
        "term at the bounds": post_product(gateway, bank, town, term_months_min=24, term_months_max=24),
        "one shared collateral of two": post_product(gateway, bank, town, collateral_types=["mortgage", "pledge"]),
        "rate minimum at the cap": post_product(gateway, bank, town, annual_rate_pct_min=6.0, annual_rate_pct_max=7.0),
        "years exactly met": post_product(gateway, bank, town, min_years_in_business=0),
        "revenue exactly met": post_product(gateway, bank, town, min_annual_revenue_yuan=35_000_000),
        "valid today": post_product(gateway, bank, town, valid_until=today_cst().isoformat()),
        "no expiry": post_product(gateway, bank, town, valid_until=None),
    }
    excluded = {
        "amount below the range": post_product(gateway, bank, town, min_amount_yuan=5_000_000),
        "amount above the range": post_product(gateway, bank, town, max_amount_yuan=2_000_000),
        "term below the range": post_product(gateway, bank, town, term_months_min=36, term_months_max=60),
        "term above the range": post_product(gateway, bank, town, term_months_min=3, term_months_max=12),
        "no shared collateral": post_product(gateway, bank, town, collateral_types=["guarantee", "pledge"]),
        "industry not listed": post_product(gateway, bank, town, industries=["A", "F"]),
        "town not listed": post_product(gateway, bank, new_town()),
        "too few years in business": post_product(gateway, bank, town, min_years_in_business=20),
        "revenue too low": post_product(gateway, bank, town, min_annual_revenue_yuan=35_000_001),
        "credit rating not accepted": post_product(gateway, bank, town, accepted_credit_ratings=["B", "C", "D"]),
        "rate cap below the minimum rate": post_product(
            gateway, bank, town, annual_rate_pct_min=6.01, annual_rate_pct_max=8.0
        ),
        "withdrawn": post_product(gateway, bank, town),
        "expired": post_product(gateway, bank, town, valid_until=(today_cst() - timedelta(days=1)).isoformat()),
    }
    withdrawn = gateway.post(f"/finance/products/{excluded['withdrawn']['id']}/withdraw", headers=bank.headers)
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "withdrawn"

    items = matches_of(gateway, enterprise.headers, need["id"])
    assert items == matches_of(gateway, cast.admin, need["id"])
    order = [item["product_id"] for item in items]
    for rule, product in included.items():
        assert product["id"] in order, f"{rule}: should match"
    for rule, product in excluded.items():
        assert product["id"] not in order, f"{rule}: should not match"

    by_id = {item["product_id"]: item for item in items}
    for item in items:
        assert 0 <= item["score"] <= 100 and isinstance(item["score"], int), item
        assert item["reasons"] and all(isinstance(r, str) and r.strip() for r in item["reasons"]), item
    scores = [item["score"] for item in items]
    assert scores == sorted(scores, reverse=True), "best first"
    best = by_id[baseline["id"]]
    assert best["bank_id"] == bank.id and best["bank_name"] == "徽商银行濉溪支行"
    assert best["product_name"] == "baseline"
    assert any("额度" in r and "300" in r for r in best["reasons"]), best["reasons"]
    assert any("信用" in r for r in best["reasons"]), best["reasons"]  # the shared collateral, by name
    mortgage = by_id[included["one shared collateral of two"]["id"]]
    assert any("抵押" in r for r in mortgage["reasons"]), mortgage["reasons"]
    cheaper, dearer = included["cheaper"]["id"], included["dearer"]["id"]
    assert order.index(cheaper) < order.index(dearer)
    assert by_id[cheaper]["score"] > by_id[dearer]["score"]
    assert by_id[cheaper]["score"] >= by_id[baseline["id"]]["score"] >= by_id[dearer]["score"]

    limited = gateway.get(f"/finance/needs/{need['id']}/matches", params={"limit": 2}, headers=enterprise.headers)
    assert limited.status_code == 200 and limited.json()["items"] == items[:2]
    for bad in (0, 101):
        response = gateway.get(f"/finance/needs/{need['id']}/matches", params={"limit": bad}, headers=cast.admin)
        assert_problem(response, 422)

    # The bank's side mirrors the rules: the need is a lead of every included product and of no other.
    for rule, product in included.items():
        assert need["id"] in lead_ids(gateway, bank, product["id"]), f"{rule}: should be a lead"
    for rule, product in excluded.items():
        assert need["id"] not in lead_ids(gateway, bank, product["id"]), f"{rule}: should not be a lead"

    # Applying to a product the enterprise is not eligible for is refused on every rule.
    for rule, product in excluded.items():
        response = apply(gateway, enterprise, need["id"], product["id"])
        assert response.status_code == 422, (rule, response.text)
        assert_problem(response, 422)


def test_a_need_without_a_rate_cap_matches_any_rate(gateway: httpx.Client, cast: Cast):
    bank = new_bank(gateway, cast.admin)
    enterprise = new_enterprise(gateway, cast.admin, credit_rating="D", annual_revenue_yuan=None)
    dear = post_product(
        gateway, bank, enterprise.town, annual_rate_pct_min=12.0, annual_rate_pct_max=24.0,
        accepted_credit_ratings=["D"], min_annual_revenue_yuan=0, collateral_types=["mortgage"],
    )  # fmt: skip
    needs_revenue = post_product(gateway, bank, enterprise.town, accepted_credit_ratings=["D"])
    need = post_need(gateway, enterprise, max_annual_rate_pct=None, collateral_available=["mortgage"])
    ids = matched_ids(gateway, enterprise.headers, need["id"])
    assert dear["id"] in ids and needs_revenue["id"] not in ids  # no revenue on file counts as none
    item = next(i for i in matches_of(gateway, enterprise.headers, need["id"]) if i["product_id"] == dear["id"])
    assert any("抵押" in r for r in item["reasons"])


# --- leads ----------------------------------------------------------------------------------------


def test_leads_list_fitting_open_needs_without_contact_data(gateway: httpx.Client, cast: Cast):
    bank = new_bank(gateway, cast.admin)
    enterprise = new_enterprise(gateway, cast.admin)
    elsewhere = new_enterprise(gateway, cast.admin)  # same profile, another town
    product = post_product(gateway, bank, enterprise.town)
    fitting = post_need(gateway, enterprise)
    too_big = post_need(gateway, enterprise, amount_yuan=20_000_000)
    pledge_only = post_need(gateway, enterprise, collateral_available=["pledge"])
    other_town = post_need(gateway, elsewhere)
    to_finance = post_need(gateway, enterprise, amount_yuan=2_000_000)

    leads = collect(gateway, f"/finance/products/{product['id']}/leads", bank.headers)
    assert {lead["need_id"] for lead in leads} == {fitting["id"], to_finance["id"]}
    for lead in leads:
        assert set(lead) == LEAD_FIELDS, lead  # no uscc, enterprise_id, contact or purpose
        assert lead["enterprise_name"] == enterprise.name and lead["town"] == enterprise.town
        assert lead["industry"] == "C" and lead["term_months"] == 24 and lead["posted_at"].endswith("Z")
    assert {lead["need_id"]: lead["amount_yuan"] for lead in leads} == {
        fitting["id"]: 3_000_000,
        to_finance["id"]: 2_000_000,
    }
    assert not {too_big["id"], pledge_only["id"], other_town["id"]} & {lead["need_id"] for lead in leads}

    finance(gateway, bank, enterprise, to_finance["id"], product["id"], signed_amount_yuan=2_000_000)
    assert need_status(gateway, enterprise.headers, to_finance["id"]) == "financed"
    assert lead_ids(gateway, bank, product["id"]) == {fitting["id"]}

    paged = gateway.get(f"/finance/products/{product['id']}/leads", params={"limit": 1}, headers=bank.headers)
    assert paged.status_code == 200 and len(paged.json()["items"]) == 1 and paged.json()["next_cursor"] is None

    assert_problem(gateway.get(f"/finance/products/{product['id']}/leads", headers=cast.rival.headers), 404)
    assert_problem(gateway.get(f"/finance/products/{uuid.uuid4()}/leads", headers=bank.headers), 404)

    withdrawn = gateway.post(f"/finance/products/{product['id']}/withdraw", headers=bank.headers)
    assert withdrawn.status_code == 200
    assert lead_ids(gateway, bank, product["id"]) == set()


# --- applications to signed deals -----------------------------------------------------------------


def test_application_to_signed_deal_moves_event_and_county_stats(gateway: httpx.Client, cast: Cast):
    before = county_stats(gateway, cast)
    bank = new_bank(gateway, cast.admin, "濉溪县融资担保合作银行")
    enterprise = new_enterprise(gateway, cast.admin)
    product = post_product(gateway, bank, enterprise.town)
    need = post_need(gateway, enterprise)
    second_need = post_need(gateway, enterprise, amount_yuan=1_500_000, term_months=12)
    event = gateway.post(
        "/finance/events",
        json={"title": "濉溪县2026年银企对接会", "held_on": today_cst().isoformat(), "location": "县政务服务中心"},
        headers=cast.admin,
    )
    assert event.status_code == 201, event.text
    event = event.json()
    assert gateway.get(f"/finance/events/{event['id']}", headers=cast.admin).json()["stats"] == {
        "deals": 0,
        "enterprises_signed": 0,
        "amount_signed_yuan": 0,
    }
    posted = county_stats(gateway, cast)
    assert posted["products_active"] == before["products_active"] + 1
    assert posted["needs_open"] == before["needs_open"] + 2
    assert posted["by_bank"][bank.code] == {
        "name": bank.name,
        "applications": 0,
        "deals": 0,
        "amount_signed_yuan": 0,
    }

    assert product["id"] in matched_ids(gateway, enterprise.headers, need["id"])
    application = applied(gateway, enterprise, need["id"], product["id"])
    assert application["bank_id"] == bank.id
    assert county_stats(gateway, cast)["applications"] == before["applications"] + 1
    seen_by_bank = gateway.get(f"/finance/applications/{application['id']}", headers=bank.headers)
    assert seen_by_bank.status_code == 200 and seen_by_bank.json()["status"] == "submitted"

    approved = decide(
        gateway, bank.headers, application["id"], "approve",
        approved_amount_yuan=2_800_000, annual_rate_pct=4.2, term_months=24,
    )  # fmt: skip
    assert approved.status_code == 200, approved.text
    approved = approved.json()
    assert approved["status"] == "approved" and approved["decided_at"].endswith("Z")
    assert (approved["approved_amount_yuan"], approved["approved_rate_pct"], approved["approved_term_months"]) == (
        2_800_000,
        4.2,
        24,
    )
    assert need_status(gateway, enterprise.headers, need["id"]) == "open"

    signed = sign(
        gateway, bank.headers, application["id"],
        signed_amount_yuan=2_800_000, annual_rate_pct=4.2, term_months=24, event_id=event["id"],
    )  # fmt: skip
    assert signed.status_code == 200, signed.text
    signed = signed.json()
    assert signed["status"] == "signed" and signed["event_id"] == event["id"]
    assert (signed["signed_amount_yuan"], signed["signed_rate_pct"], signed["signed_term_months"]) == (
        2_800_000,
        4.2,
        24,
    )
    assert signed["signed_on"] == today_cst().isoformat()
    assert need_status(gateway, enterprise.headers, need["id"]) == "financed"
    assert need_status(gateway, cast.admin, need["id"]) == "financed"

    stats = gateway.get(f"/finance/events/{event['id']}", headers=cast.admin).json()["stats"]
    assert stats == {"deals": 1, "enterprises_signed": 1, "amount_signed_yuan": 2_800_000}

    # The same enterprise signs a second deal at the event: two deals, still one enterprise.
    second = finance(
        gateway, bank, enterprise, second_need["id"], product["id"],
        signed_amount_yuan=1_500_000, term_months=12, event_id=event["id"],
    )  # fmt: skip
    assert second["status"] == "signed"
    event_now = gateway.get(f"/finance/events/{event['id']}", headers=cast.officer)
    assert event_now.status_code == 200, event_now.text
    assert event_now.json()["title"] == "濉溪县2026年银企对接会"
    assert event_now.json()["stats"] == {"deals": 2, "enterprises_signed": 1, "amount_signed_yuan": 4_300_000}

    after = county_stats(gateway, cast)
    assert after["products_active"] == before["products_active"] + 1
    assert after["needs_open"] == before["needs_open"]
    assert after["applications"] == before["applications"] + 2
    assert after["deals"] == before["deals"] + 2
    assert after["enterprises_financed"] == before["enterprises_financed"] + 1
    assert after["amount_signed_yuan"] == before["amount_signed_yuan"] + 4_300_000
    assert after["by_bank"][bank.code] == {
        "name": bank.name,
        "applications": 2,
        "deals": 2,
        "amount_signed_yuan": 4_300_000,
    }
    listed = [e for e in after["events"] if e["id"] == event["id"]]
    assert len(listed) == 1 and listed[0]["deals"] == 2 and listed[0]["amount_signed_yuan"] == 4_300_000

    wait_for_timeline(
        gateway,
        cast.admin,
        enterprise.id,
        ("need.posted", need["id"]),
        ("need.posted", second_need["id"]),
        ("application.approved", application["id"]),
        ("deal.signed", application["id"]),
        ("application.approved", second["id"]),
        ("deal.signed", second["id"]),
    )
    time.sleep(1.5)  # a late redelivery would show up as a duplicate
    assert len(finance_events(gateway, cast.admin, enterprise.id)) == 6
    own_view = gateway.get(f"/intake/enterprises/{enterprise.id}/timeline", headers=enterprise.headers)
    assert own_view.status_code == 200
    assert {item["kind"] for item in own_view.json()["items"]} >= {"need.posted", "application.approved", "deal.signed"}

    assert_problem(gateway.get(f"/finance/events/{uuid.uuid4()}", headers=cast.admin), 404)


def test_every_wrong_order_is_409(gateway: httpx.Client, cast: Cast):
    bank = new_bank(gateway, cast.admin)
    enterprise = new_enterprise(gateway, cast.admin)
    cheap = post_product(gateway, bank, enterprise.town, annual_rate_pct_min=3.0)
    dear = post_product(gateway, bank, enterprise.town, annual_rate_pct_min=4.5)
    spare = post_product(gateway, bank, enterprise.town, annual_rate_pct_min=5.0)
    ineligible = post_product(gateway, bank, enterprise.town, industries=["F"])
    need = post_need(gateway, enterprise)
    before = matched_ids(gateway, enterprise.headers, need["id"])
    assert {cheap["id"], dear["id"], spare["id"]} <= set(before) and ineligible["id"] not in before

    assert_problem(apply(gateway, enterprise, need["id"], ineligible["id"]), 422)
    assert_problem(apply(gateway, enterprise, need["id"], str(uuid.uuid4())), 422)
    first = applied(gateway, enterprise, need["id"], cheap["id"])
    assert_problem(apply(gateway, enterprise, need["id"], cheap["id"]), 409)
    assert_problem(sign(gateway, bank.headers, first["id"]), 409)  # sign before approve

    rejected = decide(gateway, bank.headers, first["id"], "reject", reason="抵押物不足，建议补充担保")
    assert rejected.status_code == 200, rejected.text
    assert rejected.json()["status"] == "rejected" and rejected.json()["reason"] == "抵押物不足，建议补充担保"
    assert_problem(decide(gateway, bank.headers, first["id"], "approve"), 409)  # decide twice
    assert_problem(decide(gateway, bank.headers, first["id"], "reject"), 409)
    assert_problem(sign(gateway, bank.headers, first["id"]), 409)  # sign a rejected one
    assert_problem(apply(gateway, enterprise, need["id"], cheap["id"]), 409)  # not again after a rejection

    # A rejection leaves the need open and the next best matches available.
    assert need_status(gateway, enterprise.headers, need["id"]) == "open"
    after_rejection = matched_ids(gateway, enterprise.headers, need["id"])
    assert dear["id"] in after_rejection and spare["id"] in after_rejection

    second = applied(gateway, enterprise, need["id"], dear["id"])
    third = applied(gateway, enterprise, need["id"], spare["id"])
    approved = decide(gateway, bank.headers, second["id"], "approve", annual_rate_pct=4.5)
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    assert approved.json()["approved_amount_yuan"] == 3_000_000  # the need's amount unless the bank says less
    assert_problem(decide(gateway, bank.headers, second["id"], "approve"), 409)
    assert_problem(decide(gateway, bank.headers, second["id"], "reject"), 409)
    assert_problem(sign(gateway, bank.headers, second["id"], event_id=str(uuid.uuid4())), 422)  # no such event
    assert gateway.get(f"/finance/applications/{second['id']}", headers=bank.headers).json()["status"] == "approved"
    approved_third = decide(gateway, bank.headers, third["id"], "approve")
    assert approved_third.status_code == 200

    signed = sign(gateway, bank.headers, second["id"])
    assert signed.status_code == 200 and signed.json()["status"] == "signed"
    assert_problem(sign(gateway, bank.headers, second["id"]), 409)  # sign twice
    assert_problem(decide(gateway, bank.headers, second["id"], "approve"), 409)
    assert_problem(sign(gateway, bank.headers, third["id"]), 409)  # the need is financed already
    assert need_status(gateway, enterprise.headers, need["id"]) == "financed"

    late = post_product(gateway, bank, enterprise.town)
    assert_problem(apply(gateway, enterprise, need["id"], late["id"]), 409)  # against a financed need
    assert need_status(gateway, enterprise.headers, need["id"]) == "financed"

    gone = post_product(gateway, bank, enterprise.town)
    assert gateway.post(f"/finance/products/{gone['id']}/withdraw", headers=bank.headers).status_code == 200
    assert_problem(gateway.post(f"/finance/products/{gone['id']}/withdraw", headers=bank.headers), 409)
    fresh_need = post_need(gateway, enterprise)
    assert_problem(apply(gateway, enterprise, fresh_need["id"], gone["id"]), 422)  # withdrawn: not eligible

    statuses = {
        a["id"]: a["status"] for a in collect(gateway, "/finance/applications", enterprise.headers, status="signed")
    }
    assert statuses == {second["id"]: "signed"}
    wait_for_timeline(
        gateway,
        cast.admin,
        enterprise.id,
        ("need.posted", need["id"]),
        ("need.posted", fresh_need["id"]),
        ("application.rejected", first["id"]),
        ("application.approved", second["id"]),
        ("application.approved", third["id"]),
        ("deal.signed", second["id"]),
    )


# --- visibility -----------------------------------------------------------------------------------


def test_visibility_between_two_banks_and_two_enterprises(gateway: httpx.Client, cast: Cast):
    own, other, bank, rival = cast.own, cast.other, cast.bank, cast.rival
    own_product = post_product(gateway, bank, own.town)
    rival_product = post_product(gateway, rival, other.town)
    shared = post_product(gateway, rival, industries=[], towns=[])
    own_need = post_need(gateway, own)
    other_need = post_need(gateway, other)
    own_app = applied(gateway, own, own_need["id"], own_product["id"])
    other_app = applied(gateway, other, other_need["id"], rival_product["id"])
    own_at_rival = applied(gateway, own, own_need["id"], shared["id"])

    # Needs: an enterprise its own, admin all; banks and officers are the wrong role.
    listed = {n["id"] for n in collect(gateway, "/finance/needs", own.headers)}
    assert own_need["id"] in listed and other_need["id"] not in listed
    everyone = {n["id"] for n in collect(gateway, "/finance/needs", cast.admin)}
    assert {own_need["id"], other_need["id"]} <= everyone
    assert gateway.get(f"/finance/needs/{own_need['id']}", headers=own.headers).status_code == 200
    assert gateway.get(f"/finance/needs/{own_need['id']}", headers=cast.admin).status_code == 200
    assert_problem(gateway.get(f"/finance/needs/{other_need['id']}", headers=own.headers), 404)
    assert_problem(gateway.get(f"/finance/needs/{uuid.uuid4()}", headers=own.headers), 404)
    for wrong in (bank.headers, cast.officer):
        assert_problem(gateway.get("/finance/needs", headers=wrong), 403)
        assert_problem(gateway.get(f"/finance/needs/{own_need['id']}", headers=wrong), 403)
        assert_problem(gateway.get(f"/finance/needs/{own_need['id']}/matches", headers=wrong), 403)

    # Matches: the need's enterprise and admin.
    assert own_product["id"] in matched_ids(gateway, own.headers, own_need["id"])
    assert rival_product["id"] not in matched_ids(gateway, own.headers, own_need["id"])  # another town's product
    assert own_product["id"] in matched_ids(gateway, cast.admin, own_need["id"])
    assert_problem(gateway.get(f"/finance/needs/{other_need['id']}/matches", headers=own.headers), 404)

    # Leads: only the owning bank.
    assert own_need["id"] in lead_ids(gateway, bank, own_product["id"])
    assert other_need["id"] in lead_ids(gateway, rival, rival_product["id"])
    assert_problem(gateway.get(f"/finance/products/{own_product['id']}/leads", headers=rival.headers), 404)
    assert_problem(gateway.get(f"/finance/products/{rival_product['id']}/leads", headers=bank.headers), 404)
    for wrong in (own.headers, cast.admin, cast.officer):
        assert_problem(gateway.get(f"/finance/products/{own_product['id']}/leads", headers=wrong), 403)

    # Applications: a bank those to its products, an enterprise its own, admin all; officers none.
    def visible(headers: dict) -> set[str]:
        return {a["id"] for a in collect(gateway, "/finance/applications", headers)}

    ids = {own_app["id"], other_app["id"], own_at_rival["id"]}
    assert visible(bank.headers) & ids == {own_app["id"]}
    assert visible(rival.headers) & ids == {other_app["id"], own_at_rival["id"]}
    assert visible(own.headers) & ids == {own_app["id"], own_at_rival["id"]}
    assert visible(other.headers) & ids == {other_app["id"]}
    assert visible(cast.admin) >= ids
    assert_problem(gateway.get("/finance/applications", headers=cast.officer), 403)
    for headers, application in (
        (bank.headers, own_app),
        (rival.headers, other_app),
        (rival.headers, own_at_rival),
        (own.headers, own_app),
        (own.headers, own_at_rival),
        (other.headers, other_app),
        (cast.admin, own_app),
    ):
        got = gateway.get(f"/finance/applications/{application['id']}", headers=headers)
        assert got.status_code == 200 and got.json()["id"] == application["id"], got.text
    for headers, application in (
        (bank.headers, other_app),
        (bank.headers, own_at_rival),
        (rival.headers, own_app),
        (own.headers, other_app),
        (other.headers, own_app),
        (other.headers, own_at_rival),
    ):
        assert_problem(gateway.get(f"/finance/applications/{application['id']}", headers=headers), 404)
    assert_problem(gateway.get(f"/finance/applications/{own_app['id']}", headers=cast.officer), 403)

    # Decision and signature: only the owning bank; another bank cannot see it; other roles are wrong.
    assert_problem(decide(gateway, rival.headers, own_app["id"], "approve"), 404)
    assert_problem(decide(gateway, bank.headers, other_app["id"], "reject"), 404)
    for wrong in (own.headers, other.headers, cast.admin, cast.officer):
        assert_problem(decide(gateway, wrong, own_app["id"], "approve"), 403)
    assert gateway.get(f"/finance/applications/{own_app['id']}", headers=bank.headers).json()["status"] == "submitted"
    assert decide(gateway, bank.headers, own_app["id"], "approve").status_code == 200
    assert_problem(sign(gateway, rival.headers, own_app["id"]), 404)
    for wrong in (own.headers, other.headers, cast.admin, cast.officer):
        assert_problem(sign(gateway, wrong, own_app["id"]), 403)
    assert gateway.get(f"/finance/applications/{own_app['id']}", headers=bank.headers).json()["status"] == "approved"

    # Creating and withdrawing: each role its own.
    assert_problem(apply(gateway, other, own_need["id"], own_product["id"]), 404)  # another's need
    for wrong in (bank.headers, cast.admin, cast.officer):
        body = {"need_id": own_need["id"], "product_id": own_product["id"]}
        assert_problem(gateway.post("/finance/applications", json=body, headers=wrong), 403)
        assert_problem(gateway.post("/finance/needs", json=need_body(), headers=wrong), 403)
    for wrong in (own.headers, cast.admin, cast.officer):
        assert_problem(gateway.post("/finance/products", json=product_body(), headers=wrong), 403)
        assert_problem(gateway.post(f"/finance/products/{own_product['id']}/withdraw", headers=wrong), 403)
    for wrong in (bank.headers, own.headers, cast.officer):
        assert_problem(gateway.post("/finance/banks", json={"code": unique_name("b"), "name": "x"}, headers=wrong), 403)
        event = {"title": "对接会", "held_on": "2026-12-01", "location": "濉溪"}
        assert_problem(gateway.post("/finance/events", json=event, headers=wrong), 403)
        assert_problem(gateway.get("/finance/stats", headers=wrong), 403)
    assert_problem(gateway.post(f"/finance/products/{own_product['id']}/withdraw", headers=rival.headers), 404)
    assert gateway.get(f"/finance/products/{own_product['id']}/leads", headers=bank.headers).status_code == 200
    withdrawn = gateway.post(f"/finance/products/{own_product['id']}/withdraw", headers=bank.headers)
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "withdrawn"
    assert own_product["id"] not in matched_ids(gateway, own.headers, own_need["id"])

    # Products and banks are public to any signed-in caller; nothing is public to no one.
    for anyone in (own.headers, bank.headers, cast.officer):
        assert gateway.get("/finance/products", params={"bank_id": bank.id}, headers=anyone).status_code == 200
        assert gateway.get(f"/finance/banks/{bank.id}", headers=anyone).status_code == 200
    for path in ("/finance/products", "/finance/needs", "/finance/applications", "/finance/stats"):
        assert_problem(gateway.get(path), 401)
    assert_problem(gateway.post("/finance/products", json=product_body()), 401)


# --- bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "overrides",
    [
        pytest.param({"min_amount_yuan": 5_000_000, "max_amount_yuan": 1_000_000}, id="amount min above max"),
        pytest.param({"annual_rate_pct_min": 6.0, "annual_rate_pct_max": 4.0}, id="rate min above max"),
        pytest.param({"term_months_min": 36, "term_months_max": 12}, id="term min above max"),
        pytest.param({"collateral_types": ["credit", "house"]}, id="unknown collateral"),
        pytest.param({"collateral_types": []}, id="empty collateral"),
        pytest.param({"collateral_types": ["credit", "credit"]}, id="repeated collateral"),
        pytest.param({"annual_rate_pct_max": 36.5}, id="rate above 36"),
        pytest.param({"annual_rate_pct_min": 0}, id="rate zero"),
        pytest.param({"bank_id": str(uuid.uuid4())}, id="unknown field bank_id"),
        pytest.param({"status": "withdrawn"}, id="unknown field status"),
        pytest.param({"name": "科技\x00贷"}, id="NUL in name"),
        pytest.param({"name": ""}, id="empty name"),
        pytest.param({"min_amount_yuan": -1}, id="negative amount"),
        pytest.param({"min_amount_yuan": 0, "max_amount_yuan": 0}, id="zero amounts"),
        pytest.param({"industries": ["Z"]}, id="unknown industry"),
        pytest.param({"accepted_credit_ratings": ["E"]}, id="unknown rating"),
        pytest.param({"accepted_credit_ratings": []}, id="no rating"),
        pytest.param({"valid_until": "2026-02-30"}, id="impossible date"),
        pytest.param({"term_months_min": 0}, id="term zero"),
        pytest.param({"min_years_in_business": -1}, id="negative years"),
    ],
)
def test_bad_products_are_422(gateway: httpx.Client, cast: Cast, overrides: dict):
    body = product_body(**overrides)
    problem = assert_problem(gateway.post("/finance/products", json=body, headers=cast.rival.headers), 422)
    assert problem["errors"] and all(e["field"] and e["message"] for e in problem["errors"]), problem


def test_bad_products_create_nothing(gateway: httpx.Client, cast: Cast):
    bank = new_bank(gateway, cast.admin)
    for overrides in ({"annual_rate_pct_min": 6.0, "annual_rate_pct_max": 4.0}, {"collateral_types": []}):
        assert_problem(gateway.post("/finance/products", json=product_body(**overrides), headers=bank.headers), 422)
    missing = {k: v for k, v in product_body().items() if k != "accepted_credit_ratings"}
    assert_problem(gateway.post("/finance/products", json=missing, headers=bank.headers), 422)
    assert bank_products(gateway, bank) == []


@pytest.mark.parametrize(
    "overrides",
    [
        pytest.param({"amount_yuan": 0}, id="zero amount"),
        pytest.param({"term_months": 0}, id="zero term"),
        pytest.param({"collateral_available": ["house"]}, id="unknown collateral"),
        pytest.param({"collateral_available": []}, id="empty collateral"),
        pytest.param({"max_annual_rate_pct": 36.01}, id="rate cap above 36"),
        pytest.param({"enterprise_id": str(uuid.uuid4())}, id="unknown field enterprise_id"),
        pytest.param({"status": "financed"}, id="unknown field status"),
        pytest.param({"purpose": "流动\x00资金"}, id="NUL in purpose"),
        pytest.param({"amount_yuan": "三百万"}, id="amount not a number"),
    ],
)
def test_bad_needs_are_422(gateway: httpx.Client, cast: Cast, overrides: dict):
    problem = assert_problem(gateway.post("/finance/needs", json=need_body(**overrides), headers=cast.own.headers), 422)
    assert problem["errors"], problem


def test_other_bad_finance_input_is_422(gateway: httpx.Client, cast: Cast):
    admin, bank, own = cast.admin, cast.bank, cast.own
    nul = gateway.post("/finance/banks", json={"code": unique_name("b"), "name": "濉溪\x00银行"}, headers=admin)
    assert_problem(nul, 422)
    assert_problem(gateway.post("/finance/banks", json={"code": "bad code!", "name": "x"}, headers=admin), 422)
    extra = {"code": unique_name("b"), "name": "x", "id": str(uuid.uuid4())}
    assert_problem(gateway.post("/finance/banks", json=extra, headers=admin), 422)
    duplicate = {"code": unique_name("b"), "name": "濉溪银行"}
    assert gateway.post("/finance/banks", json=duplicate, headers=admin).status_code == 201
    assert_problem(gateway.post("/finance/banks", json=duplicate, headers=admin), 409)

    bad_event = {"title": "对接会", "held_on": "2026-13-01", "location": "濉溪"}
    assert_problem(gateway.post("/finance/events", json=bad_event, headers=admin), 422)
    assert_problem(gateway.post("/finance/events", json={"title": "对接会", "location": "濉溪"}, headers=admin), 422)

    product = post_product(gateway, bank, own.town)
    need = post_need(gateway, own)
    body = {"need_id": need["id"], "product_id": product["id"]}
    assert_problem(gateway.post("/finance/applications", json={**body, "bank_id": bank.id}, headers=own.headers), 422)
    assert_problem(gateway.post("/finance/applications", json={**body, "need_id": "nope"}, headers=own.headers), 422)
    application = applied(gateway, own, need["id"], product["id"])
    assert_problem(decide(gateway, bank.headers, application["id"], "maybe"), 422)
    assert_problem(decide(gateway, bank.headers, application["id"], "approve", annual_rate_pct=40), 422)
    assert_problem(decide(gateway, bank.headers, application["id"], "approve", status="signed"), 422)
    assert_problem(gateway.get(f"/finance/applications/{application['id']}x", headers=bank.headers), 422)
    assert decide(gateway, bank.headers, application["id"], "approve").status_code == 200
    assert_problem(sign(gateway, bank.headers, application["id"], signed_amount_yuan=0), 422)
    assert_problem(sign(gateway, bank.headers, application["id"], signed_on="yesterday"), 422)
    assert_problem(sign(gateway, bank.headers, application["id"], extra=True), 422)
    assert gateway.get(f"/finance/applications/{application['id']}", headers=own.headers).json()["status"] == "approved"
    assert_problem(gateway.get("/finance/needs", params={"limit": 0}, headers=own.headers), 422)
    assert_problem(gateway.get("/finance/applications", params={"limit": 101}, headers=own.headers), 422)


def test_signing_more_than_approved_is_refused(gateway: httpx.Client, cast: Cast):
    product = post_product(gateway, cast.bank, town=cast.own.town)
    need = post_need(gateway, cast.own)
    application = applied(gateway, cast.own, need["id"], product["id"])
    approved = decide(gateway, cast.bank.headers, application["id"], "approve", approved_amount_yuan=2_000_000)
    assert approved.status_code == 200 and approved.json()["approved_amount_yuan"] == 2_000_000
    assert_problem(sign(gateway, cast.bank.headers, application["id"], signed_amount_yuan=2_000_001), 422)
    assert sign(gateway, cast.bank.headers, application["id"], signed_amount_yuan=2_000_000).status_code == 200

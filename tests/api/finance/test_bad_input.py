"""Bad input to finance in process: every malformed body, query or path is 422 with the field named, and
creates nothing."""

import uuid

import pytest

from tests.api.finance._support import ADMIN, Finance, need_body
from tests.helpers.factories import unique_name
from tests.helpers.problems import assert_problem


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
async def test_bad_products_are_422(fin: Finance, overrides: dict):
    bank = await fin.new_bank()
    body = fin.product_body(**overrides)
    problem = assert_problem(await fin.http.post("/finance/products", json=body, headers=bank.headers), 422)
    assert problem["errors"] and all(e["field"] and e["message"] for e in problem["errors"]), problem
    assert await fin.bank_products(bank) == []


async def test_bad_products_create_nothing(fin: Finance):
    bank = await fin.new_bank()
    for overrides in ({"annual_rate_pct_min": 6.0, "annual_rate_pct_max": 4.0}, {"collateral_types": []}):
        response = await fin.http.post("/finance/products", json=fin.product_body(**overrides), headers=bank.headers)
        assert_problem(response, 422)
    missing = {k: v for k, v in fin.product_body().items() if k != "accepted_credit_ratings"}
    problem = assert_problem(await fin.http.post("/finance/products", json=missing, headers=bank.headers), 422)
    assert [e["field"] for e in problem["errors"]] == ["accepted_credit_ratings"]
    assert await fin.bank_products(bank) == []


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
async def test_bad_needs_are_422(fin: Finance, overrides: dict):
    enterprise = await fin.new_enterprise()
    response = await fin.http.post("/finance/needs", json=need_body(**overrides), headers=enterprise.headers)
    problem = assert_problem(response, 422)
    assert problem["errors"], problem
    assert await fin.collect("/finance/needs", enterprise.headers) == []


async def test_other_bad_finance_input_is_422(fin: Finance):
    http = fin.http
    bank, own = await fin.new_bank(), await fin.new_enterprise()
    nul = await http.post("/finance/banks", json={"code": unique_name("b"), "name": "濉溪\x00银行"}, headers=ADMIN)
    assert_problem(nul, 422)
    assert_problem(await http.post("/finance/banks", json={"code": "bad code!", "name": "x"}, headers=ADMIN), 422)
    extra = {"code": unique_name("b"), "name": "x", "id": str(uuid.uuid4())}
    assert_problem(await http.post("/finance/banks", json=extra, headers=ADMIN), 422)
    duplicate = {"code": unique_name("b"), "name": "濉溪银行"}
    assert (await http.post("/finance/banks", json=duplicate, headers=ADMIN)).status_code == 201
    assert_problem(await http.post("/finance/banks", json=duplicate, headers=ADMIN), 409)

    bad_event = {"title": "对接会", "held_on": "2026-13-01", "location": "濉溪"}
    assert_problem(await http.post("/finance/events", json=bad_event, headers=ADMIN), 422)
    assert_problem(await http.post("/finance/events", json={"title": "对接会", "location": "濉溪"}, headers=ADMIN), 422)
    too_late = {"title": "对接会", "held_on": "2101-01-01", "location": "濉溪"}
    assert_problem(await http.post("/finance/events", json=too_late, headers=ADMIN), 422)

    product = await fin.post_product(bank, own.town)
    need = await fin.post_need(own)
    body = {"need_id": need["id"], "product_id": product["id"]}
    assert_problem(
        await http.post("/finance/applications", json={**body, "bank_id": bank.id}, headers=own.headers), 422
    )
    assert_problem(await http.post("/finance/applications", json={**body, "need_id": "nope"}, headers=own.headers), 422)
    application = await fin.applied(own, need["id"], product["id"])
    assert_problem(await fin.decide(bank.headers, application["id"], "maybe"), 422)
    assert_problem(await fin.decide(bank.headers, application["id"], "approve", annual_rate_pct=40), 422)
    assert_problem(await fin.decide(bank.headers, application["id"], "approve", status="signed"), 422)
    assert_problem(await fin.decide(bank.headers, application["id"], "approve", approved_amount_yuan=0), 422)
    assert_problem(await http.get(f"/finance/applications/{application['id']}x", headers=bank.headers), 422)
    assert await fin.application_status(own.headers, application["id"]) == "submitted"
    assert (await fin.decide(bank.headers, application["id"], "approve")).status_code == 200
    assert_problem(await fin.sign(bank.headers, application["id"], signed_amount_yuan=0), 422)
    assert_problem(await fin.sign(bank.headers, application["id"], signed_on="yesterday"), 422)
    assert_problem(await fin.sign(bank.headers, application["id"], extra=True), 422)
    assert await fin.application_status(own.headers, application["id"]) == "approved"
    assert_problem(await http.get("/finance/needs", params={"limit": 0}, headers=own.headers), 422)
    assert_problem(await http.get("/finance/applications", params={"limit": 101}, headers=own.headers), 422)
    assert_problem(await http.get("/finance/needs", params={"status": "lost"}, headers=own.headers), 422)
    assert_problem(await http.get("/finance/applications", params={"status": "lost"}, headers=own.headers), 422)
    assert_problem(await http.get("/finance/needs", params={"cursor": "!"}, headers=own.headers), 422)

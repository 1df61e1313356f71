"""Near misses in process: the products a need fails by exactly one rule (and not two), with what would make each
fit in numbers, in Chinese and in English; and a bank's counts of the open needs that miss its product by one rule,
by rule, with no enterprise data, for the owning bank and admin only."""

import uuid

import pytest
from sqlalchemy import text

from services.finance.service import matching
from tests.api.finance._support import ADMIN, OFFICER, Finance
from tests.helpers.problems import assert_problem


async def near_misses_of(fin: Finance, headers: dict, need_id: str, **extra) -> dict:
    params = {"include": "near_misses", "limit": 100}
    response = await fin.http.get(f"/finance/needs/{need_id}/matches", params=params, headers={**headers, **extra})
    assert response.status_code == 200, response.text
    return response.json()


async def test_a_need_sees_the_products_it_misses_by_one_rule_and_what_would_make_them_fit(fin: Finance):
    bank, rival = await fin.new_bank(), await fin.new_bank("中国建设银行濉溪支行")
    enterprise = await fin.new_enterprise(annual_revenue_yuan=35_000_000, credit_rating="A")
    fits = await fin.post_product(bank, enterprise.town)
    revenue = await fin.post_product(bank, enterprise.town, min_annual_revenue_yuan=50_000_000)
    rating = await fin.post_product(rival, enterprise.town, accepted_credit_ratings=["B"])
    town = await fin.post_product(rival, "韩村镇")
    two = await fin.post_product(bank, enterprise.town, min_annual_revenue_yuan=50_000_000, term_months_max=12)
    withdrawn = await fin.post_product(bank, enterprise.town, accepted_credit_ratings=["C"])
    await fin.withdraw(bank, withdrawn["id"])
    need = await fin.post_need(enterprise)
    mine = {p["id"] for p in (fits, revenue, rating, town, two, withdrawn)}

    body = await near_misses_of(fin, enterprise.headers, need["id"])
    assert [item["product_id"] for item in body["items"] if item["product_id"] in mine] == [fits["id"]]
    near = {item["product_id"]: item for item in body["near_misses"] if item["product_id"] in mine}
    assert {pid: (item["rule"], item["requirement"]) for pid, item in near.items()} == {
        revenue["id"]: ("min_annual_revenue", "年营业收入需不低于 5,000 万元（当前 3,500 万元）"),
        rating["id"]: ("credit_rating", "信用等级需为 B（当前 A）"),
        town["id"]: ("town", f"所在乡镇需为 韩村镇（当前 {enterprise.town}）"),
    }  # not the product failing two rules, not the withdrawn one, not the one that fits
    assert near[rating["id"]]["bank_name"] == "中国建设银行濉溪支行" and near[revenue["id"]]["bank_id"] == bank.id
    assert all(0 <= item["score"] <= 100 for item in near.values())

    english = await near_misses_of(fin, ADMIN, need["id"], **{"Accept-Language": "en"})
    said = {item["product_id"]: item["requirement"] for item in english["near_misses"]}
    assert said[revenue["id"]] == "Annual revenue must be at least 50,000,000 yuan (now 35,000,000 yuan)"
    assert said[rating["id"]] == "The credit rating must be B (now A)"

    # Relaxing the one rule turns the near miss into a fit: the same rules decide both.
    applied = await fin.apply(enterprise, need["id"], revenue["id"])
    assert_problem(applied, 422)
    assert (await fin.apply(enterprise, need["id"], fits["id"])).status_code == 201

    plain = await fin.http.get(f"/finance/needs/{need['id']}/matches", headers=enterprise.headers)
    assert plain.status_code == 200 and plain.json()["near_misses"] is None
    wrong = await fin.http.get(
        f"/finance/needs/{need['id']}/matches", params={"include": "everything"}, headers=enterprise.headers
    )
    assert_problem(wrong, 422)
    other = await fin.new_enterprise()
    assert_problem(
        await fin.http.get(
            f"/finance/needs/{need['id']}/matches", params={"include": "near_misses"}, headers=other.headers
        ),
        404,
    )


async def test_a_bank_counts_the_needs_that_miss_its_product_by_one_rule(fin: Finance):
    bank, rival = await fin.new_bank(), await fin.new_bank("中国建设银行濉溪支行")
    small = await fin.new_enterprise(annual_revenue_yuan=35_000_000)
    big = await fin.new_enterprise(annual_revenue_yuan=60_000_000, town=small.town)
    product = await fin.post_product(bank, small.town, min_annual_revenue_yuan=50_000_000)
    await fin.post_need(small)  # misses on revenue
    await fin.post_need(small, amount_yuan=20_000_000)  # revenue and amount: two rules, not counted
    await fin.post_need(big, amount_yuan=20_000_000)  # misses on amount
    await fin.post_need(big, term_months=60)  # misses on term
    await fin.post_need(big, term_months=60, amount_yuan=20_000_000)  # two rules
    await fin.post_need(big)  # fits: a lead, not a near miss
    path = f"/finance/products/{product['id']}/near-misses"

    response = await fin.http.get(path, headers=bank.headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"product_id", "needs", "by_rule", "estimated", "sample_share"}
    assert body["product_id"] == product["id"] and (body["estimated"], body["sample_share"]) == (False, None)
    assert all(set(item) == {"rule", "label", "needs"} for item in body["by_rule"])  # no enterprise data
    counts = {item["rule"]: item["needs"] for item in body["by_rule"]}
    assert len(counts) == 9
    assert (counts["min_annual_revenue"], counts["amount"], counts["term"]) == (1, 1, 1)
    assert counts["industry"] == counts["credit_rating"] == counts["collateral"] == 0
    assert body["needs"] == sum(counts.values())
    assert [item["needs"] for item in body["by_rule"]] == sorted(counts.values(), reverse=True)
    labels = {item["rule"]: item["label"] for item in body["by_rule"]}
    assert labels["min_annual_revenue"] == "年营业收入"

    english = await fin.http.get(path, headers={**ADMIN, "Accept-Language": "en"})
    assert english.status_code == 200
    assert {i["rule"]: i["label"] for i in english.json()["by_rule"]}["min_annual_revenue"] == "Annual revenue"
    assert {i["rule"]: i["needs"] for i in english.json()["by_rule"]} == counts

    assert_problem(await fin.http.get(path, headers=rival.headers), 404)
    assert_problem(await fin.http.get(f"/finance/products/{uuid.uuid4()}/near-misses", headers=ADMIN), 404)
    for wrong in (small.headers, OFFICER):
        assert_problem(await fin.http.get(path, headers=wrong), 403)

    await fin.withdraw(bank, product["id"])
    withdrawn = (await fin.http.get(path, headers=bank.headers)).json()
    assert withdrawn["needs"] == 0


async def test_above_the_exact_limit_the_counts_are_estimated_from_a_sample(
    fin: Finance, monkeypatch: pytest.MonkeyPatch
):
    """At a million needs an exact count reads them all: the answer then comes from a page sample, scaled."""
    bank = await fin.new_bank()
    small = await fin.new_enterprise(annual_revenue_yuan=35_000_000)
    product = await fin.post_product(bank, small.town, min_annual_revenue_yuan=50_000_000)
    for _ in range(3):
        await fin.post_need(small)  # each misses on revenue
    path = f"/finance/products/{product['id']}/near-misses"
    exact = (await fin.http.get(path, headers=bank.headers)).json()
    await fin.kuaiban.connection.execute(text("ANALYZE finance.need"))  # the planner's row count, as in production
    monkeypatch.setattr(matching, "EXACT_UP_TO_NEEDS", 0)
    monkeypatch.setattr(matching, "SAMPLED_NEEDS", 10**9)  # a sample of every page: the estimate is exact here

    sampled = (await fin.http.get(path, headers=bank.headers)).json()
    assert (sampled["estimated"], sampled["sample_share"]) == (True, 1.0)
    assert sampled["by_rule"] == exact["by_rule"] and sampled["needs"] == exact["needs"] >= 3

"""Matching in process, rule by rule: which products fit a need, best first with plain-word reasons; the bank's
leads mirror the same rules, and applying for a product that does not fit is refused on each of them."""

import uuid
from datetime import timedelta

from services.finance.domain import years_before
from tests.api.finance._support import ADMIN, Finance, Party, need_body, new_town
from tests.helpers.factories import headers_for
from tests.helpers.problems import assert_problem


async def test_matching_applies_each_eligibility_rule_with_reasons_and_ranking(fin: Finance):
    bank = await fin.new_bank("徽商银行濉溪支行")
    enterprise = await fin.new_enterprise()  # C, founded 2018-05-20, revenue 3,500 万, rated A
    town = enterprise.town
    need = await fin.post_need(enterprise)  # 300 万, 24 months, credit or mortgage, at most 6 %
    today = fin.today()
    post = fin.post_product

    baseline = await post(bank, town, name="baseline")
    included = {
        "baseline": baseline,
        "cheaper": await post(bank, town, annual_rate_pct_min=3.0, annual_rate_pct_max=5.0),
        "dearer": await post(bank, town, annual_rate_pct_min=5.0, annual_rate_pct_max=7.0),
        "all industries and towns": await post(bank, industries=[], towns=[]),
        "amount at the lower bound": await post(bank, town, min_amount_yuan=3_000_000),
        "amount at the upper bound": await post(bank, town, max_amount_yuan=3_000_000),
        "term at the bounds": await post(bank, town, term_months_min=24, term_months_max=24),
        "one shared collateral of two": await post(bank, town, collateral_types=["mortgage", "pledge"]),
        "rate minimum at the cap": await post(bank, town, annual_rate_pct_min=6.0, annual_rate_pct_max=7.0),
        "years exactly met": await post(bank, town, min_years_in_business=0),
        "revenue exactly met": await post(bank, town, min_annual_revenue_yuan=35_000_000),
        "valid today": await post(bank, town, valid_until=today.isoformat()),
        "no expiry": await post(bank, town, valid_until=None),
    }
    excluded = {
        "amount below the range": await post(bank, town, min_amount_yuan=5_000_000),
        "amount above the range": await post(bank, town, max_amount_yuan=2_000_000),
        "term below the range": await post(bank, town, term_months_min=36, term_months_max=60),
        "term above the range": await post(bank, town, term_months_min=3, term_months_max=12),
        "no shared collateral": await post(bank, town, collateral_types=["guarantee", "pledge"]),
        "industry not listed": await post(bank, town, industries=["A", "F"]),
        "town not listed": await post(bank, new_town()),
        "too few years in business": await post(bank, town, min_years_in_business=20),
        "revenue too low": await post(bank, town, min_annual_revenue_yuan=35_000_001),
        "credit rating not accepted": await post(bank, town, accepted_credit_ratings=["B", "C", "D"]),
        "rate cap below the minimum rate": await post(bank, town, annual_rate_pct_min=6.01, annual_rate_pct_max=8.0),
        "withdrawn": await post(bank, town),
        "expired": await post(bank, town, valid_until=(today - timedelta(days=1)).isoformat()),
    }
    await fin.withdraw(bank, excluded["withdrawn"]["id"])

    items = await fin.matches_of(enterprise.headers, need["id"])
    assert items == await fin.matches_of(ADMIN, need["id"])
    order = [item["product_id"] for item in items]
    for rule, product in included.items():
        assert product["id"] in order, f"{rule}: should match"
    for rule, product in excluded.items():
        assert product["id"] not in order, f"{rule}: should not match"
    assert len(order) == len(included) == len(set(order))

    by_id = {item["product_id"]: item for item in items}
    for item in items:
        assert 0 <= item["score"] <= 100 and isinstance(item["score"], int), item
        assert item["reasons"] and all(isinstance(r, str) and r.strip() for r in item["reasons"]), item
    scores = [item["score"] for item in items]
    assert scores == sorted(scores, reverse=True), "best first"
    best = by_id[baseline["id"]]
    assert best["bank_id"] == bank.id and best["bank_name"] == "徽商银行濉溪支行"
    assert best["product_name"] == "baseline"
    assert (best["annual_rate_pct_min"], best["annual_rate_pct_max"]) == (3.5, 5.5)
    assert any("额度" in r and "300" in r for r in best["reasons"]), best["reasons"]
    assert any("信用" in r for r in best["reasons"]), best["reasons"]  # the shared collateral, by name
    assert best["reasons"] == [
        "额度 100–1,000 万覆盖需求 300 万",
        "期限 12–36 个月覆盖 24 个月",
        "接受信用方式",
        "年利率 3.5%–5.5%，最低利率不高于您的上限 6%",
        "面向 C 门类行业",
        f"面向{town}企业",
        f"成立 {today.year - 2018 - ((today.month, today.day) < (5, 20))} 年，满足至少 3 年的要求",
        "年营业收入达到 1,000 万的门槛",
        "信用等级 A 在准入范围内",
    ]
    # 50 × (8 − 3.5) / 6 for the rate, 20 for credit, 15 each for the enterprise's industry and town
    assert best["score"] == round(50 * 4.5 / 6 + 20 + 15 + 15)
    general = by_id[included["all industries and towns"]["id"]]
    assert general["score"] == best["score"] - 30
    assert not any(r.startswith("面向") for r in general["reasons"])
    mortgage = by_id[included["one shared collateral of two"]["id"]]
    assert any("抵押" in r for r in mortgage["reasons"]), mortgage["reasons"]
    assert "接受抵押方式" in mortgage["reasons"] and mortgage["score"] == best["score"] - 20  # no credit points
    assert not any("成立" in r for r in by_id[included["years exactly met"]["id"]]["reasons"])
    cheaper, dearer = included["cheaper"]["id"], included["dearer"]["id"]
    assert order.index(cheaper) < order.index(dearer)
    assert by_id[cheaper]["score"] > by_id[dearer]["score"]
    assert by_id[cheaper]["score"] >= by_id[baseline["id"]]["score"] >= by_id[dearer]["score"]

    limited = await fin.http.get(
        f"/finance/needs/{need['id']}/matches", params={"limit": 2}, headers=enterprise.headers
    )
    assert limited.status_code == 200 and limited.json()["items"] == items[:2]
    for bad in (0, 101):
        response = await fin.http.get(f"/finance/needs/{need['id']}/matches", params={"limit": bad}, headers=ADMIN)
        assert_problem(response, 422)

    # The bank's side mirrors the rules: the need is a lead of every included product and of no other.
    for rule, product in included.items():
        assert need["id"] in await fin.lead_ids(bank, product["id"]), f"{rule}: should be a lead"
    for rule, product in excluded.items():
        assert need["id"] not in await fin.lead_ids(bank, product["id"]), f"{rule}: should not be a lead"

    # Applying to a product the enterprise is not eligible for is refused on every rule.
    for rule, product in excluded.items():
        response = await fin.apply(enterprise, need["id"], product["id"])
        assert response.status_code == 422, (rule, response.text)
        problem = assert_problem(response, 422)
        assert problem["errors"][0]["field"] == "product_id", rule


async def test_a_need_without_a_rate_cap_matches_any_rate(fin: Finance):
    bank = await fin.new_bank()
    enterprise = await fin.new_enterprise(credit_rating="D", annual_revenue_yuan=None)
    dear = await fin.post_product(
        bank, enterprise.town, annual_rate_pct_min=12.0, annual_rate_pct_max=24.0,
        accepted_credit_ratings=["D"], min_annual_revenue_yuan=0, collateral_types=["mortgage"],
    )  # fmt: skip
    needs_revenue = await fin.post_product(bank, enterprise.town, accepted_credit_ratings=["D"])
    need = await fin.post_need(enterprise, max_annual_rate_pct=None, collateral_available=["mortgage"])
    ids = await fin.matched_ids(enterprise.headers, need["id"])
    assert dear["id"] in ids and needs_revenue["id"] not in ids  # no revenue on file counts as none
    item = next(i for i in await fin.matches_of(enterprise.headers, need["id"]) if i["product_id"] == dear["id"])
    assert any("抵押" in r for r in item["reasons"])
    assert "年利率 12%–24%" in item["reasons"] and not any("上限" in r for r in item["reasons"])
    assert item["score"] == 15 + 15  # aimed at its industry and town; dearer than 8 % and secured: nothing more
    # The bank's leads agree: the need is a lead of the dear product, not of the one that wants revenue.
    assert need["id"] in await fin.lead_ids(bank, dear["id"])
    assert need["id"] not in await fin.lead_ids(bank, needs_revenue["id"])


async def test_matching_reads_the_enterprise_as_it_is_now(fin: Finance):
    """Eligibility is checked against intake's profile at the time of asking (founding years on the clock)."""
    bank = await fin.new_bank()
    today = fin.today()
    enterprise = await fin.new_enterprise(established_on=years_before(today, 3).isoformat())
    product = await fin.post_product(bank, enterprise.town, min_years_in_business=4, valid_until=None)
    need = await fin.post_need(enterprise)
    assert product["id"] not in await fin.matched_ids(enterprise.headers, need["id"])
    assert need["id"] not in await fin.lead_ids(bank, product["id"])
    fin.kuaiban.clock.advance(days=366)  # a fourth anniversary has passed, on any calendar
    assert product["id"] in await fin.matched_ids(enterprise.headers, need["id"])
    assert need["id"] in await fin.lead_ids(bank, product["id"])
    expiring = await fin.post_product(bank, enterprise.town, valid_until=fin.today().isoformat())
    assert expiring["id"] in await fin.matched_ids(enterprise.headers, need["id"])
    fin.kuaiban.clock.advance(days=1)
    assert expiring["id"] not in await fin.matched_ids(enterprise.headers, need["id"])
    assert await fin.lead_ids(bank, expiring["id"]) == set()
    assert_problem(await fin.apply(enterprise, need["id"], expiring["id"]), 422)


async def test_matching_needs_intake(fin: Finance):
    """Matching asks intake for the profile: intake away is 503, never a guess; an unknown enterprise is 422."""
    bank = await fin.new_bank()
    enterprise = await fin.new_enterprise()
    product = await fin.post_product(bank, enterprise.town)
    need = await fin.post_need(enterprise)
    fin.kuaiban.transport.down.add("intake")
    assert_problem(await fin.http.get(f"/finance/needs/{need['id']}/matches", headers=enterprise.headers), 503)
    assert_problem(await fin.apply(enterprise, need["id"], product["id"]), 503)
    assert_problem(await fin.http.post("/finance/needs", json=need_body(), headers=enterprise.headers), 503)
    fin.kuaiban.transport.down.discard("intake")
    assert [n["id"] for n in await fin.collect("/finance/needs", enterprise.headers)] == [need["id"]]
    assert await fin.collect("/finance/applications", enterprise.headers) == []
    assert product["id"] in await fin.matched_ids(enterprise.headers, need["id"])

    ghost = Party(headers=headers_for("enterprise", enterprise_id=str(uuid.uuid4())), id="")
    for refused in (
        await fin.http.post("/finance/needs", json=need_body(), headers=ghost.headers),
        await fin.apply(ghost, need["id"], product["id"]),
    ):
        assert assert_problem(refused, 422)["errors"][0]["field"] == "enterprise_id"

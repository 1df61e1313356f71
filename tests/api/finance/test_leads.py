"""Leads in process: the open needs that fit a bank's product, newest first and without contact data, on both
plans of `matching.leads` (the probe of the newest open needs, and the candidates through the profile index
when fits are rare), with pages that follow one another exactly."""

import uuid

import pytest
from sqlalchemy import text

from services.finance.service import matching
from tests.api.finance._support import LEAD_FIELDS, Finance, Party, new_town
from tests.helpers.inprocess import pages
from tests.helpers.problems import assert_problem

FILLERS = text("""
    INSERT INTO finance.need (id, created_at, updated_at, enterprise_id, amount_yuan, term_months, purpose,
                              collateral_available, max_annual_rate_pct, status, enterprise_name, industry, town,
                              established_on, annual_revenue_yuan, credit_rating)
    SELECT gen_random_uuid(), :start + g * interval '1 millisecond', :start + g * interval '1 millisecond',
           :enterprise_id,
           CASE WHEN g % 2 = 0 THEN 50000000 ELSE 3000000 END,  -- in the town too big, or elsewhere
           24, '扩大产能', ARRAY['credit']::varchar[], NULL, 'open', '濉溪县填充企业', 'C',
           CASE WHEN g % 2 = 0 THEN :town ELSE :elsewhere END,
           DATE '2010-01-01', 35000000, 'A'
    FROM generate_series(1, :count) AS g
""")


async def test_leads_list_fitting_open_needs_without_contact_data(fin: Finance):
    bank, rival = await fin.new_bank(), await fin.new_bank("中国建设银行濉溪支行")
    enterprise = await fin.new_enterprise()
    elsewhere = await fin.new_enterprise()  # same profile, another town
    product = await fin.post_product(bank, enterprise.town)
    fitting = await fin.post_need(enterprise)
    too_big = await fin.post_need(enterprise, amount_yuan=20_000_000)
    pledge_only = await fin.post_need(enterprise, collateral_available=["pledge"])
    other_town = await fin.post_need(elsewhere)
    fin.kuaiban.clock.advance(seconds=1)
    to_finance = await fin.post_need(enterprise, amount_yuan=2_000_000)

    leads = await fin.leads(bank, product["id"])
    assert [lead["need_id"] for lead in leads] == [to_finance["id"], fitting["id"]]  # newest first
    for lead in leads:
        assert set(lead) == LEAD_FIELDS, lead  # no uscc, enterprise_id, contact or purpose
        assert lead["enterprise_name"] == enterprise.name and lead["town"] == enterprise.town
        assert lead["industry"] == "C" and lead["term_months"] == 24 and lead["posted_at"].endswith("Z")
    assert {lead["need_id"]: lead["amount_yuan"] for lead in leads} == {
        fitting["id"]: 3_000_000,
        to_finance["id"]: 2_000_000,
    }
    assert {lead["need_id"]: lead["posted_at"] for lead in leads} == {
        need["id"]: need["created_at"] for need in (fitting, to_finance)
    }
    assert not {too_big["id"], pledge_only["id"], other_town["id"]} & {lead["need_id"] for lead in leads}

    await fin.finance(bank, enterprise, to_finance["id"], product["id"], signed_amount_yuan=2_000_000)
    assert await fin.need_status(enterprise.headers, to_finance["id"]) == "financed"
    assert await fin.lead_ids(bank, product["id"]) == {fitting["id"]}

    paged = await fin.http.get(f"/finance/products/{product['id']}/leads", params={"limit": 1}, headers=bank.headers)
    assert paged.status_code == 200 and len(paged.json()["items"]) == 1 and paged.json()["next_cursor"] is None

    assert_problem(await fin.http.get(f"/finance/products/{product['id']}/leads", headers=rival.headers), 404)
    assert_problem(await fin.http.get(f"/finance/products/{uuid.uuid4()}/leads", headers=bank.headers), 404)

    await fin.withdraw(bank, product["id"])
    assert await fin.lead_ids(bank, product["id"]) == set()


async def test_an_expired_product_has_no_leads(fin: Finance):
    bank = await fin.new_bank()
    enterprise = await fin.new_enterprise()
    product = await fin.post_product(bank, enterprise.town, valid_until=fin.today().isoformat())
    need = await fin.post_need(enterprise)
    assert await fin.lead_ids(bank, product["id"]) == {need["id"]}
    fin.kuaiban.clock.advance(days=1)
    body = (await fin.http.get(f"/finance/products/{product['id']}/leads", headers=bank.headers)).json()
    assert body == {"items": [], "next_cursor": None}


async def post_fits(fin: Finance, enterprise: Party, amounts: list[int]) -> list[str]:
    """Needs that fit, one second apart, as ids newest first."""
    ids = []
    for amount in amounts:
        fin.kuaiban.clock.advance(seconds=1)
        ids.append((await fin.post_need(enterprise, amount_yuan=amount))["id"])
    return ids[::-1]


async def lead_pages(fin: Finance, bank: Party, product_id: str, limit: int) -> list[list[str]]:
    """The lead ids page by page, following `next_cursor`."""
    leads = pages(fin.http, f"/finance/products/{product_id}/leads", bank.headers, limit=limit)
    return [[lead["need_id"] for lead in page["items"]] async for page in leads]


def chunks(ids: list[str], size: int) -> list[list[str]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)] or [[]]


async def test_rare_fits_behind_thousands_of_newer_needs_are_found_in_order(fin: Finance):
    """More than LEADS_PROBE open needs are newer than most fits: the probe cannot see them, the profile
    index must, newest first, with pages that neither skip nor repeat a lead."""
    bank = await fin.new_bank()
    enterprise = await fin.new_enterprise()
    product = await fin.post_product(bank, enterprise.town, valid_until=None)
    old = await post_fits(fin, enterprise, [2_000_000, 3_000_000, 4_000_000, 5_000_000])
    start = fin.kuaiban.clock.advance(hours=1)
    await fin.kuaiban.connection.execute(
        FILLERS,
        {
            "start": start,
            "enterprise_id": uuid.UUID(enterprise.id),
            "town": enterprise.town,
            "elsewhere": new_town(),
            "count": matching.LEADS_PROBE + 100,
        },
    )
    fin.kuaiban.clock.advance(hours=1)
    new = await post_fits(fin, enterprise, [6_000_000, 7_000_000, 8_000_000])
    expected = new + old

    assert [lead["need_id"] for lead in await fin.leads(bank, product["id"])] == expected
    for limit in (1, 2, 3, 5, 7, 20):
        assert await lead_pages(fin, bank, product["id"], limit) == chunks(expected, limit), limit

    # Financing the newest fit takes it out; the rest keep their order.
    await fin.finance(bank, enterprise, new[0], product["id"], signed_amount_yuan=8_000_000)
    assert await lead_pages(fin, bank, product["id"], 2) == chunks(expected[1:], 2)


@pytest.mark.parametrize("probe", [1, 2, 4, 50])
async def test_both_plans_give_the_same_pages(fin: Finance, monkeypatch: pytest.MonkeyPatch, probe: int):
    """Whatever the probe's size, fits dense or sparse among the newest needs page the same way."""
    monkeypatch.setattr(matching, "LEADS_PROBE", probe)
    bank = await fin.new_bank()
    enterprise = await fin.new_enterprise()
    product = await fin.post_product(bank, enterprise.town, valid_until=None)
    # Oldest first: fits (F) and needs too big for the product (x): F F x x x F x F F x x x x x F
    pattern = "FFxxxFxFFxxxxxF"
    ids = []
    for mark in pattern:
        fin.kuaiban.clock.advance(seconds=1)
        need = await fin.post_need(enterprise, amount_yuan=3_000_000 if mark == "F" else 30_000_000)
        ids.append((mark, need["id"]))
    expected = [need_id for mark, need_id in reversed(ids) if mark == "F"]
    assert [lead["need_id"] for lead in await fin.leads(bank, product["id"])] == expected
    for limit in (1, 2, 3, 6, 7):
        assert await lead_pages(fin, bank, product["id"], limit) == chunks(expected, limit), limit


async def test_leads_of_a_product_for_every_town_and_industry(fin: Finance):
    """A product without town or industry lists takes needs from any town, still by every other rule."""
    bank = await fin.new_bank()
    here, there = await fin.new_enterprise(), await fin.new_enterprise(industry="F")
    product = await fin.post_product(bank, industries=[], towns=[], min_years_in_business=0)
    mine = await fin.post_need(here)
    fin.kuaiban.clock.advance(seconds=1)
    theirs = await fin.post_need(there)
    capped = await fin.post_need(there, max_annual_rate_pct=3.0)  # below the product's 3.5 %
    leads = await fin.lead_ids(bank, product["id"])
    assert {mine["id"], theirs["id"]} <= leads and capped["id"] not in leads
    listed = [lead["need_id"] for lead in await fin.leads(bank, product["id"])]
    assert listed.index(theirs["id"]) < listed.index(mine["id"])

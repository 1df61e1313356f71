"""Matchmaking events and the county's figures in process: a deal signed at an event moves the event's stats
and the county's, by bank and by event, and reaches the enterprise's timeline once."""

import uuid

from tests.api.finance._support import ADMIN, OFFICER, Finance, Party
from tests.helpers.problems import assert_problem


def assert_grew(before: dict, after: dict, **by: int) -> None:
    """Each named county figure moved by exactly this much from one reading of the stats to the next."""
    assert {figure: after[figure] - before[figure] for figure in by} == by


def bank_figures(bank: Party, applications: int = 0, deals: int = 0, amount_signed_yuan: int = 0) -> dict:
    """The bank's line in the county's figures."""
    return {"name": bank.name, "applications": applications, "deals": deals, "amount_signed_yuan": amount_signed_yuan}


async def test_application_to_signed_deal_moves_event_and_county_stats(fin: Finance):
    before = await fin.county_stats()
    bank = await fin.new_bank("濉溪县融资担保合作银行")
    enterprise = await fin.new_enterprise()
    product = await fin.post_product(bank, enterprise.town)
    need = await fin.post_need(enterprise)
    second_need = await fin.post_need(enterprise, amount_yuan=1_500_000, term_months=12)
    held_on = fin.today().isoformat()
    event = await fin.http.post(
        "/finance/events",
        json={"title": "濉溪县2026年银企对接会", "held_on": held_on, "location": "县政务服务中心"},
        headers=ADMIN,
    )
    assert event.status_code == 201, event.text
    event = event.json()
    assert (event["held_on"], event["location"]) == (held_on, "县政务服务中心") and event["created_at"].endswith("Z")
    fresh = await fin.http.get(f"/finance/events/{event['id']}", headers=ADMIN)
    assert fresh.json()["stats"] == {"deals": 0, "enterprises_signed": 0, "amount_signed_yuan": 0}
    assert {k: v for k, v in fresh.json().items() if k != "stats"} == event
    posted = await fin.county_stats()
    assert_grew(before, posted, products_active=1, needs_open=2)
    assert posted["by_bank"][bank.code] == bank_figures(bank)
    listed_event = [e for e in posted["events"] if e["id"] == event["id"]]
    assert listed_event == [{"id": event["id"], "title": "濉溪县2026年银企对接会", "held_on": held_on, "deals": 0,
                             "amount_signed_yuan": 0}]  # fmt: skip

    assert product["id"] in await fin.matched_ids(enterprise.headers, need["id"])
    application = await fin.applied(enterprise, need["id"], product["id"])
    assert application["bank_id"] == bank.id
    assert_grew(before, await fin.county_stats(), applications=1)
    seen_by_bank = await fin.http.get(f"/finance/applications/{application['id']}", headers=bank.headers)
    assert seen_by_bank.status_code == 200 and seen_by_bank.json()["status"] == "submitted"

    approved = await fin.decide(
        bank.headers, application["id"], "approve", approved_amount_yuan=2_800_000, annual_rate_pct=4.2, term_months=24
    )
    assert approved.status_code == 200, approved.text
    approved = approved.json()
    assert approved["status"] == "approved" and approved["decided_at"].endswith("Z")
    assert (approved["approved_amount_yuan"], approved["approved_rate_pct"], approved["approved_term_months"]) == (
        2_800_000,
        4.2,
        24,
    )
    assert await fin.need_status(enterprise.headers, need["id"]) == "open"

    signed = await fin.sign(
        bank.headers, application["id"], signed_amount_yuan=2_800_000, annual_rate_pct=4.2, term_months=24,
        event_id=event["id"],
    )  # fmt: skip
    assert signed.status_code == 200, signed.text
    signed = signed.json()
    assert signed["status"] == "signed" and signed["event_id"] == event["id"]
    assert (signed["signed_amount_yuan"], signed["signed_rate_pct"], signed["signed_term_months"]) == (
        2_800_000,
        4.2,
        24,
    )
    assert signed["signed_on"] == fin.today().isoformat()
    assert await fin.need_status(enterprise.headers, need["id"]) == "financed"
    assert await fin.need_status(ADMIN, need["id"]) == "financed"

    stats = (await fin.http.get(f"/finance/events/{event['id']}", headers=ADMIN)).json()["stats"]
    assert stats == {"deals": 1, "enterprises_signed": 1, "amount_signed_yuan": 2_800_000}

    # The same enterprise signs a second deal at the event: two deals, still one enterprise.
    second = await fin.finance(
        bank, enterprise, second_need["id"], product["id"], signed_amount_yuan=1_500_000, term_months=12,
        event_id=event["id"],
    )  # fmt: skip
    assert second["status"] == "signed"
    event_now = await fin.http.get(f"/finance/events/{event['id']}", headers=OFFICER)
    assert event_now.status_code == 200, event_now.text
    assert event_now.json()["title"] == "濉溪县2026年银企对接会"
    assert event_now.json()["stats"] == {"deals": 2, "enterprises_signed": 1, "amount_signed_yuan": 4_300_000}

    after = await fin.county_stats()
    assert_grew(
        before,
        after,
        products_active=1,
        needs_open=0,
        applications=2,
        deals=2,
        enterprises_financed=1,
        amount_signed_yuan=4_300_000,
    )
    assert after["by_bank"][bank.code] == bank_figures(bank, applications=2, deals=2, amount_signed_yuan=4_300_000)
    listed = [e for e in after["events"] if e["id"] == event["id"]]
    assert len(listed) == 1 and listed[0]["deals"] == 2 and listed[0]["amount_signed_yuan"] == 4_300_000

    await fin.assert_timeline(
        enterprise.id,
        ("need.posted", need["id"]),
        ("need.posted", second_need["id"]),
        ("application.approved", application["id"]),
        ("deal.signed", application["id"]),
        ("application.approved", second["id"]),
        ("deal.signed", second["id"]),
    )
    # A late redelivery would show up as a duplicate: run the relay again once every lease has run out.
    fin.kuaiban.clock.advance(minutes=10)
    await fin.deliver()
    assert len(await fin.finance_events(enterprise.id)) == 6
    own_view = await fin.intake.get(f"/intake/enterprises/{enterprise.id}/timeline", headers=enterprise.headers)
    assert own_view.status_code == 200
    assert {item["kind"] for item in own_view.json()["items"]} >= {"need.posted", "application.approved", "deal.signed"}

    assert_problem(await fin.http.get(f"/finance/events/{uuid.uuid4()}", headers=ADMIN), 404)


async def test_a_rejection_counts_as_an_application_but_not_a_deal(fin: Finance):
    before = await fin.county_stats()
    bank = await fin.new_bank()
    enterprise = await fin.new_enterprise()
    product = await fin.post_product(bank, enterprise.town)
    need = await fin.post_need(enterprise)
    application = await fin.applied(enterprise, need["id"], product["id"])
    assert (await fin.decide(bank.headers, application["id"], "reject", reason="资料不全")).status_code == 200
    after = await fin.county_stats()
    assert after["by_bank"][bank.code] == bank_figures(bank, applications=1)
    assert_grew(before, after, applications=1, deals=0, needs_open=1, enterprises_financed=0)
    await fin.withdraw(bank, product["id"])
    assert_grew(before, await fin.county_stats(), products_active=0)


async def test_events_are_listed_newest_held_first(fin: Finance):
    older = await fin.http.post(
        "/finance/events", json={"title": "春季对接会", "held_on": "2031-03-01", "location": "濉溪"}, headers=ADMIN
    )
    newer = await fin.http.post(
        "/finance/events", json={"title": "秋季对接会", "held_on": "2031-09-01", "location": "濉溪"}, headers=ADMIN
    )
    ids = [e["id"] for e in (await fin.county_stats())["events"]]
    assert ids.index(newer.json()["id"]) < ids.index(older.json()["id"])

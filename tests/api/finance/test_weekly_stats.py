"""Financing week by week for the leader's dashboard, and each matchmaking event's results by bank; the county
leader reads the figures and changes nothing."""

from datetime import date, timedelta

from tests.api.finance._support import ADMIN, OFFICER, Finance
from tests.helpers.factories import headers_for
from tests.helpers.problems import assert_problem

LEADER = headers_for("leader", username="county-leader")


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


async def weekly(fin: Finance, weeks: int = 12, headers: dict = LEADER) -> dict:
    response = await fin.http.get("/finance/stats/weekly", params={"weeks": weeks}, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def test_weeks_and_event_results_by_bank(fin: Finance):
    today = fin.today()
    last_week = today - timedelta(weeks=1)
    before = await weekly(fin, 2)
    bank, rival = await fin.new_bank("濉溪农村商业银行"), await fin.new_bank("中国建设银行濉溪支行")
    first, second = await fin.new_enterprise(), await fin.new_enterprise()
    products = {
        party.id: await fin.post_product(party, industries=[], towns=[]) for party in (bank, rival)
    }  # fmt: skip
    event = await fin.http.post(
        "/finance/events",
        json={"title": "濉溪县银企对接会（第一场）", "held_on": today.isoformat(), "location": "县政务服务中心"},
        headers=ADMIN,
    )
    assert event.status_code == 201, event.text
    event = event.json()
    quiet = await fin.http.post(
        "/finance/events",
        json={"title": "临涣镇银企恳谈会", "held_on": (today - timedelta(days=400)).isoformat(), "location": "临涣镇"},
        headers=ADMIN,
    )
    assert quiet.status_code == 201, quiet.text

    async def deal(lender, enterprise, amount: int, event_id: str | None = event["id"]) -> None:
        need = await fin.post_need(enterprise)
        terms = {"signed_amount_yuan": amount}  # signed today, on the tests' clock
        if event_id:
            terms["event_id"] = event_id
        await fin.finance(lender, enterprise, need["id"], products[lender.id]["id"], **terms)

    now = fin.kuaiban.clock.now
    fin.kuaiban.clock.now = now - timedelta(weeks=1)
    await deal(rival, first, 500_000)
    await deal(rival, second, 700_000, event_id=None)  # not at an event
    fin.kuaiban.clock.now = now
    await deal(bank, first, 2_800_000)
    await deal(bank, second, 1_000_000)

    after = await weekly(fin, 2)
    assert [w["starts_on"] for w in after["weeks"]] == [monday(last_week).isoformat(), monday(today).isoformat()]
    grew = [
        {k: a[k] - b[k] for k in ("deals", "enterprises", "amount_signed_yuan")}
        for b, a in zip(before["weeks"], after["weeks"], strict=True)
    ]
    assert grew == [
        {"deals": 2, "enterprises": 2, "amount_signed_yuan": 1_200_000},
        {"deals": 2, "enterprises": 2, "amount_signed_yuan": 3_800_000},
    ]
    results = {e["id"]: e for e in after["events"]}
    assert results[event["id"]] == {
        "id": event["id"],
        "title": "濉溪县银企对接会（第一场）",
        "held_on": today.isoformat(),
        "location": "县政务服务中心",
        "deals": 3,
        "enterprises": 2,
        "amount_signed_yuan": 4_300_000,
        "by_bank": [
            {"code": bank.code, "name": bank.name, "deals": 2, "enterprises": 2, "amount_signed_yuan": 3_800_000},
            {"code": rival.code, "name": rival.name, "deals": 1, "enterprises": 1, "amount_signed_yuan": 500_000},
        ],
    }
    assert results[quiet.json()["id"]]["by_bank"] == [] and results[quiet.json()["id"]]["deals"] == 0
    held = [e["held_on"] for e in after["events"]]
    assert held == sorted(held, reverse=True)  # the latest first


async def test_the_leader_reads_figures_and_changes_nothing(fin: Finance):
    bank = await fin.new_bank()
    enterprise = await fin.new_enterprise()
    assert (await fin.http.get("/finance/stats", headers=LEADER)).status_code == 200
    assert (await fin.http.get("/finance/stats/weekly", headers=LEADER)).json()["weeks"][-1]["starts_on"] == monday(
        fin.today()
    ).isoformat()
    for headers in (OFFICER, bank.headers, enterprise.headers):
        assert_problem(await fin.http.get("/finance/stats", headers=headers), 403)
        assert_problem(await fin.http.get("/finance/stats/weekly", headers=headers), 403)
    writes = [
        ("/finance/events", {"title": "x", "held_on": "2026-11-01", "location": "y"}),
        ("/finance/banks", {"code": "leader-bank", "name": "x"}),
    ]
    for path, body in writes:
        assert_problem(await fin.http.post(path, json=body, headers=LEADER), 403)
    # lists that carry enterprises' data stay closed to the leader
    assert_problem(await fin.http.get("/finance/needs", headers=LEADER), 403)
    assert_problem(await fin.http.get("/finance/applications", headers=LEADER), 403)
    for weeks in (0, 105):
        assert_problem(await fin.http.get("/finance/stats/weekly", params={"weeks": weeks}, headers=LEADER), 422)

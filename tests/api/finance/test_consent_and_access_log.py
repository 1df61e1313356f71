"""Consent and the data-access log in process: a need withdrawn from banks leaves every lead list and near-miss
count; every read of an enterprise's data by a bank (a lead list, a need, an application, the profile snapshot) is
logged in the read's transaction, and the enterprise sees who read its own data, admin everything."""

import uuid

from sqlalchemy import event, text

from tests.api.finance._support import ADMIN, OFFICER, Finance
from tests.helpers.factories import headers_for
from tests.helpers.problems import assert_problem


async def access_log(fin: Finance, headers: dict, **params) -> list[dict]:
    return await fin.collect("/finance/access-log", headers, **params)


async def test_a_withdrawn_consent_hides_the_need_from_leads_and_near_miss_counts(fin: Finance):
    bank = await fin.new_bank()
    enterprise = await fin.new_enterprise(annual_revenue_yuan=35_000_000)
    product = await fin.post_product(bank, enterprise.town)
    strict = await fin.post_product(bank, enterprise.town, min_annual_revenue_yuan=50_000_000)
    need = await fin.post_need(enterprise)
    assert need["consent"] is True  # given when posted, by default
    silent = await fin.post_need(enterprise, consent=False)
    assert silent["consent"] is False
    assert await fin.lead_ids(bank, product["id"]) == {need["id"]}
    counts_path = f"/finance/products/{strict['id']}/near-misses"
    revenue_misses = lambda body: {i["rule"]: i["needs"] for i in body["by_rule"]}["min_annual_revenue"]  # noqa: E731
    assert revenue_misses((await fin.http.get(counts_path, headers=bank.headers)).json()) == 1

    withdrawn = await fin.http.delete(f"/finance/needs/{need['id']}/consent", headers=enterprise.headers)
    assert withdrawn.status_code == 200, withdrawn.text
    assert withdrawn.json()["consent"] is False and withdrawn.json()["id"] == need["id"]
    again = await fin.http.delete(f"/finance/needs/{need['id']}/consent", headers=ADMIN)  # idempotent; admin too
    assert again.status_code == 200 and again.json()["consent"] is False
    assert await fin.lead_ids(bank, product["id"]) == set()
    assert revenue_misses((await fin.http.get(counts_path, headers=bank.headers)).json()) == 0
    # The enterprise still sees its need, and its own matches.
    assert (await fin.http.get(f"/finance/needs/{need['id']}", headers=enterprise.headers)).json()["consent"] is False
    assert product["id"] in await fin.matched_ids(enterprise.headers, need["id"])

    other = await fin.new_enterprise()
    assert_problem(await fin.http.delete(f"/finance/needs/{need['id']}/consent", headers=other.headers), 404)
    assert_problem(await fin.http.delete(f"/finance/needs/{uuid.uuid4()}/consent", headers=enterprise.headers), 404)
    for wrong in (bank.headers, OFFICER):
        assert_problem(await fin.http.delete(f"/finance/needs/{need['id']}/consent", headers=wrong), 403)


async def test_a_banks_reads_are_logged_and_the_enterprise_sees_its_own(fin: Finance):
    bank, rival = await fin.new_bank(), await fin.new_bank("中国建设银行濉溪支行")
    teller = {**bank.headers, **headers_for("bank", username="teller-li", bank_id=bank.id)}
    enterprise = await fin.new_enterprise()
    neighbour = await fin.new_enterprise(town=enterprise.town)
    product = await fin.post_product(bank, enterprise.town)
    need = await fin.post_need(enterprise)
    other_need = await fin.post_need(neighbour)

    leads = await fin.http.get(
        f"/finance/products/{product['id']}/leads", headers={**teller, "X-Request-ID": "lead-list-1"}
    )
    assert leads.status_code == 200 and len(leads.json()["items"]) == 2
    application = await fin.applied(enterprise, need["id"], product["id"])
    reads = {
        "application": f"/finance/applications/{application['id']}",
        "need": f"/finance/applications/{application['id']}/need",
        "profile": f"/finance/applications/{application['id']}/profile",
    }
    for path in reads.values():
        response = await fin.http.get(path, headers=teller)
        assert response.status_code == 200, response.text
    assert (await fin.http.get(reads["need"], headers=teller)).json()["purpose"] == need["purpose"]
    profile = (await fin.http.get(reads["profile"], headers=teller)).json()
    assert (profile["need_id"], profile["credit_rating"], profile["town"]) == (need["id"], "A", enterprise.town)
    listed = await fin.http.get("/finance/applications", headers=teller)
    assert application["id"] in {item["id"] for item in listed.json()["items"]}
    # Reads by the enterprise itself or admin are not a bank's: not logged. A refused read logs nothing.
    assert (await fin.http.get(reads["application"], headers=enterprise.headers)).status_code == 200
    assert (await fin.http.get(reads["profile"], headers=ADMIN)).status_code == 200
    assert_problem(await fin.http.get(reads["need"], headers=rival.headers), 404)
    assert_problem(await fin.http.get(reads["profile"], headers=neighbour.headers), 404)

    mine = await access_log(fin, enterprise.headers)
    assert {entry["enterprise_id"] for entry in mine} == {enterprise.id}  # its own entries only
    seen = sorted((entry["what"], entry["resource_id"]) for entry in mine)
    assert seen == sorted(
        [
            ("lead", need["id"]),
            ("application", application["id"]),
            ("need", need["id"]),
            ("need", need["id"]),
            ("profile", need["id"]),
            ("profile", need["id"]),  # read twice above
            ("application", application["id"]),  # in the list
        ]
    )
    for entry in mine:
        assert (entry["bank_id"], entry["bank_name"]) == (bank.id, bank.name)
        assert (entry["actor"], entry["actor_kind"]) == ("teller-li", "person") and entry["at"].endswith("Z")
    lead_entry = next(entry for entry in mine if entry["what"] == "lead")
    assert lead_entry["request_id"] == "lead-list-1"
    neighbours = await access_log(fin, neighbour.headers)
    assert [(entry["what"], entry["resource_id"]) for entry in neighbours] == [("lead", other_need["id"])]

    everything = await access_log(fin, ADMIN, bank_id=bank.id)
    assert {entry["id"] for entry in mine} | {entry["id"] for entry in neighbours} <= {e["id"] for e in everything}
    assert await access_log(fin, ADMIN, bank_id=rival.id) == []
    fin.kuaiban.clock.advance(seconds=5)
    later = fin.kuaiban.clock.now.isoformat().replace("+00:00", "Z")
    assert await access_log(fin, enterprise.headers, since=later) == []
    one = await fin.http.get("/finance/access-log", params={"limit": 1}, headers=enterprise.headers)
    assert len(one.json()["items"]) == 1 and one.json()["next_cursor"]

    for wrong in (bank.headers, OFFICER):
        assert_problem(await fin.http.get("/finance/access-log", headers=wrong), 403)
    assert_problem(await fin.http.get("/finance/access-log", params={"since": "1767225600"}, headers=ADMIN), 422)


async def test_a_lead_page_is_logged_in_one_insert_and_a_failed_read_logs_nothing(fin: Finance):
    bank = await fin.new_bank()
    enterprise = await fin.new_enterprise()
    product = await fin.post_product(bank, enterprise.town)
    for _ in range(3):
        await fin.post_need(enterprise)
    inserts: list[str] = []

    def watch(conn, cursor, statement, parameters, context, executemany) -> None:
        if "INSERT INTO finance.access_log" in statement:
            inserts.append(statement)

    engine_side = fin.kuaiban.connection.sync_connection
    event.listen(engine_side, "before_cursor_execute", watch)
    try:
        response = await fin.http.get(
            f"/finance/products/{product['id']}/leads", params={"limit": 2}, headers=bank.headers
        )
    finally:
        event.remove(engine_side, "before_cursor_execute", watch)
    assert response.status_code == 200 and len(response.json()["items"]) == 2
    assert len(inserts) == 1  # one statement for the page
    query = text("SELECT count(*), count(DISTINCT at) FROM finance.access_log WHERE bank_id = :bank")
    rows = (await fin.kuaiban.connection.execute(query, {"bank": uuid.UUID(bank.id)})).one()
    assert tuple(rows) == (2, 1)  # the page's two leads, one moment
    assert_problem(await fin.http.get(f"/finance/products/{uuid.uuid4()}/leads", headers=bank.headers), 404)
    assert len(await access_log(fin, enterprise.headers)) == 2

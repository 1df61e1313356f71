"""Who sees and does what in finance, in process: two banks, two enterprises, admin and an officer."""

import uuid

from tests.api.finance._support import ADMIN, OFFICER, Finance, need_body
from tests.helpers.factories import unique_name
from tests.helpers.problems import assert_problem


async def test_visibility_between_two_banks_and_two_enterprises(fin: Finance):
    http = fin.http
    bank, rival = await fin.new_bank(), await fin.new_bank("中国建设银行濉溪支行")
    own, other = await fin.new_enterprise(), await fin.new_enterprise()
    own_product = await fin.post_product(bank, own.town)
    rival_product = await fin.post_product(rival, other.town)
    shared = await fin.post_product(rival, industries=[], towns=[])
    own_need = await fin.post_need(own)
    other_need = await fin.post_need(other)
    own_app = await fin.applied(own, own_need["id"], own_product["id"])
    other_app = await fin.applied(other, other_need["id"], rival_product["id"])
    own_at_rival = await fin.applied(own, own_need["id"], shared["id"])

    # Needs: an enterprise its own, admin all; banks and officers are the wrong role.
    listed = {n["id"] for n in await fin.collect("/finance/needs", own.headers)}
    assert own_need["id"] in listed and other_need["id"] not in listed
    everyone = {n["id"] for n in await fin.collect("/finance/needs", ADMIN)}
    assert {own_need["id"], other_need["id"]} <= everyone
    assert (await http.get(f"/finance/needs/{own_need['id']}", headers=own.headers)).status_code == 200
    assert (await http.get(f"/finance/needs/{own_need['id']}", headers=ADMIN)).status_code == 200
    assert_problem(await http.get(f"/finance/needs/{other_need['id']}", headers=own.headers), 404)
    assert_problem(await http.get(f"/finance/needs/{uuid.uuid4()}", headers=own.headers), 404)
    for wrong in (bank.headers, OFFICER):
        assert_problem(await http.get("/finance/needs", headers=wrong), 403)
        assert_problem(await http.get(f"/finance/needs/{own_need['id']}", headers=wrong), 403)
        assert_problem(await http.get(f"/finance/needs/{own_need['id']}/matches", headers=wrong), 403)

    # Matches: the need's enterprise and admin.
    assert own_product["id"] in await fin.matched_ids(own.headers, own_need["id"])
    assert rival_product["id"] not in await fin.matched_ids(own.headers, own_need["id"])  # another town's product
    assert own_product["id"] in await fin.matched_ids(ADMIN, own_need["id"])
    assert_problem(await http.get(f"/finance/needs/{other_need['id']}/matches", headers=own.headers), 404)

    # Leads: only the owning bank.
    assert own_need["id"] in await fin.lead_ids(bank, own_product["id"])
    assert other_need["id"] in await fin.lead_ids(rival, rival_product["id"])
    assert_problem(await http.get(f"/finance/products/{own_product['id']}/leads", headers=rival.headers), 404)
    assert_problem(await http.get(f"/finance/products/{rival_product['id']}/leads", headers=bank.headers), 404)
    for wrong in (own.headers, ADMIN, OFFICER):
        assert_problem(await http.get(f"/finance/products/{own_product['id']}/leads", headers=wrong), 403)

    # Applications: a bank those to its products, an enterprise its own, admin all; officers none.
    async def visible(headers: dict) -> set[str]:
        return {a["id"] for a in await fin.collect("/finance/applications", headers)}

    ids = {own_app["id"], other_app["id"], own_at_rival["id"]}
    assert await visible(bank.headers) & ids == {own_app["id"]}
    assert await visible(rival.headers) & ids == {other_app["id"], own_at_rival["id"]}
    assert await visible(own.headers) & ids == {own_app["id"], own_at_rival["id"]}
    assert await visible(other.headers) & ids == {other_app["id"]}
    assert await visible(ADMIN) >= ids
    assert_problem(await http.get("/finance/applications", headers=OFFICER), 403)
    for headers, application in (
        (bank.headers, own_app),
        (rival.headers, other_app),
        (rival.headers, own_at_rival),
        (own.headers, own_app),
        (own.headers, own_at_rival),
        (other.headers, other_app),
        (ADMIN, own_app),
    ):
        got = await http.get(f"/finance/applications/{application['id']}", headers=headers)
        assert got.status_code == 200 and got.json()["id"] == application["id"], got.text
    for headers, application in (
        (bank.headers, other_app),
        (bank.headers, own_at_rival),
        (rival.headers, own_app),
        (own.headers, other_app),
        (other.headers, own_app),
        (other.headers, own_at_rival),
    ):
        assert_problem(await http.get(f"/finance/applications/{application['id']}", headers=headers), 404)
    assert_problem(await http.get(f"/finance/applications/{own_app['id']}", headers=OFFICER), 403)

    # Decision and signature: only the owning bank; another bank cannot see it; other roles are wrong.
    assert_problem(await fin.decide(rival.headers, own_app["id"], "approve"), 404)
    assert_problem(await fin.decide(bank.headers, other_app["id"], "reject"), 404)
    for wrong in (own.headers, other.headers, ADMIN, OFFICER):
        assert_problem(await fin.decide(wrong, own_app["id"], "approve"), 403)
    assert await fin.application_status(bank.headers, own_app["id"]) == "submitted"
    assert (await fin.decide(bank.headers, own_app["id"], "approve")).status_code == 200
    assert_problem(await fin.sign(rival.headers, own_app["id"]), 404)
    for wrong in (own.headers, other.headers, ADMIN, OFFICER):
        assert_problem(await fin.sign(wrong, own_app["id"]), 403)
    assert await fin.application_status(bank.headers, own_app["id"]) == "approved"

    # Creating and withdrawing: each role its own.
    assert_problem(await fin.apply(other, own_need["id"], own_product["id"]), 404)  # another's need
    for wrong in (bank.headers, ADMIN, OFFICER):
        body = {"need_id": own_need["id"], "product_id": own_product["id"]}
        assert_problem(await http.post("/finance/applications", json=body, headers=wrong), 403)
        assert_problem(await http.post("/finance/needs", json=need_body(), headers=wrong), 403)
    for wrong in (own.headers, ADMIN, OFFICER):
        assert_problem(await http.post("/finance/products", json=fin.product_body(), headers=wrong), 403)
        assert_problem(await http.post(f"/finance/products/{own_product['id']}/withdraw", headers=wrong), 403)
    for wrong in (bank.headers, own.headers, OFFICER):
        new_bank = {"code": unique_name("b"), "name": "x"}
        assert_problem(await http.post("/finance/banks", json=new_bank, headers=wrong), 403)
        event = {"title": "对接会", "held_on": "2026-12-01", "location": "濉溪"}
        assert_problem(await http.post("/finance/events", json=event, headers=wrong), 403)
        assert_problem(await http.get("/finance/stats", headers=wrong), 403)
    assert_problem(await http.post(f"/finance/products/{own_product['id']}/withdraw", headers=rival.headers), 404)
    assert (await http.get(f"/finance/products/{own_product['id']}/leads", headers=bank.headers)).status_code == 200
    await fin.withdraw(bank, own_product["id"])
    assert own_product["id"] not in await fin.matched_ids(own.headers, own_need["id"])

    # Products and banks are public to any signed-in caller; nothing is public to no one.
    for anyone in (own.headers, bank.headers, OFFICER):
        assert (await http.get("/finance/products", params={"bank_id": bank.id}, headers=anyone)).status_code == 200
        assert (await http.get(f"/finance/banks/{bank.id}", headers=anyone)).status_code == 200
        assert (await http.get("/finance/banks", headers=anyone)).status_code == 200
    for path in ("/finance/products", "/finance/needs", "/finance/applications", "/finance/stats", "/finance/banks"):
        assert_problem(await http.get(path), 401)
    assert_problem(await http.post("/finance/products", json=fin.product_body()), 401)
    assert_problem(await http.get("/finance/needs", headers={"Authorization": "Bearer not-a-token"}), 401)


async def test_an_event_is_public_to_every_signed_in_caller(fin: Finance):
    created = await fin.http.post(
        "/finance/events", json={"title": "对接会", "held_on": "2026-12-01", "location": "濉溪"}, headers=ADMIN
    )
    assert created.status_code == 201, created.text
    bank, enterprise = await fin.new_bank(), await fin.new_enterprise()
    for anyone in (ADMIN, OFFICER, bank.headers, enterprise.headers):
        found = await fin.http.get(f"/finance/events/{created.json()['id']}", headers=anyone)
        assert found.status_code == 200 and found.json()["stats"]["deals"] == 0
    assert_problem(await fin.http.get(f"/finance/events/{created.json()['id']}"), 401)

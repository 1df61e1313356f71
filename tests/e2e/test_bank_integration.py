"""A bank's integration over real processes, as issue 11 says it is done: the bank's system connects with
client credentials, syncs its catalogue in one call, gets signed leads pushed to its endpoint and verifies
them, and never polls; the enterprise sees why each product fits or almost fits, controls who sees its
need, and sees who looked."""

from datetime import datetime

import httpx
from standardwebhooks import Webhook

from services.common.calendar import CST
from tests.helpers.factories import bearer, enterprise_payload, product_body, unique_name
from tests.helpers.http import make_account, make_bank
from tests.helpers.receivers import Received

DEADLINE_SECONDS = 20
SCOPES = ["products:write", "leads:read", "applications:decide", "webhooks:manage"]


def test_a_bank_system_syncs_gets_signed_leads_and_the_enterprise_sees_who_looked(
    gateway: httpx.Client, admin_headers: dict, receiver: tuple[str, Received]
):
    url, received = receiver
    bank_id = make_bank(gateway, admin_headers, name="安徽濉溪湖商村镇银行")
    made = gateway.post(
        "/auth/clients", json={"bank_id": bank_id, "name": unique_name("core"), "scopes": SCOPES}, headers=admin_headers
    )
    assert made.status_code == 201, made.text
    credentials = httpx.BasicAuth(made.json()["client_id"], made.json()["client_secret"])
    grant = gateway.post("/auth/token", data={"grant_type": "client_credentials"}, auth=credentials)
    assert grant.status_code == 200, grant.text
    system = bearer(grant.json()["access_token"])

    registered = gateway.post("/finance/webhooks", json={"url": url, "events": ["lead.created"]}, headers=system)
    assert registered.status_code == 201, registered.text
    secret = registered.json()["secret"]

    company = enterprise_payload(town=unique_name("百善镇"))
    today = datetime.now(CST).date()
    fits = {**product_body(today, company["town"]), "external_ref": "HS-ZZD-01", "name": "皖北制造贷"}
    almost = {**fits, "external_ref": "HS-KJD-02", "name": "科技成长贷", "min_annual_revenue_yuan": 50_000_000}
    synced = gateway.post("/finance/products/batch", json={"items": [fits, almost]}, headers=system)
    assert synced.status_code == 200, synced.text
    assert synced.json()["counts"]["created"] == 2
    fitting_id, almost_id = (item["product_id"] for item in synced.json()["items"])

    created = gateway.post("/intake/enterprises", json=company, headers=admin_headers)
    assert created.status_code == 201, created.text
    enterprise_id = created.json()["id"]
    enterprise = make_account(gateway, admin_headers, "enterprise", enterprise_id=enterprise_id)[1]
    need = {"amount_yuan": 3_000_000, "term_months": 24, "purpose": "购置数控机床", "collateral_available": ["credit"]}
    posted = gateway.post("/finance/needs", json=need, headers=enterprise)
    assert posted.status_code == 201 and posted.json()["consent"] is True, posted.text
    need_id = posted.json()["id"]

    assert received.arrived.wait(DEADLINE_SECONDS), "no lead was pushed"
    [(headers, body)] = received.hits
    lead = Webhook(secret).verify(body, headers)
    assert lead["type"] == "lead.created"
    assert (lead["data"]["need_id"], lead["data"]["product_id"]) == (need_id, fitting_id)

    matches = gateway.get(f"/finance/needs/{need_id}/matches", params={"include": "near_misses"}, headers=enterprise)
    assert matches.status_code == 200, matches.text
    assert fitting_id in [match["product_id"] for match in matches.json()["items"]]
    [near] = [miss for miss in matches.json()["near_misses"] if miss["product_id"] == almost_id]
    assert near["rule"] == "min_annual_revenue"
    assert "5,000 万元" in near["requirement"] and "3,500 万元" in near["requirement"]

    leads = gateway.get(f"/finance/products/{fitting_id}/leads", headers=system)
    assert leads.status_code == 200 and need_id in [item["need_id"] for item in leads.json()["items"]], leads.text
    log = gateway.get("/finance/access-log", headers=enterprise)
    assert log.status_code == 200, log.text
    [seen] = [entry for entry in log.json()["items"] if entry["resource_id"] == need_id]
    assert (seen["bank_id"], seen["actor_kind"], seen["what"]) == (bank_id, "client", "lead")
    assert seen["actor"].startswith("client:")

    withdrawn = gateway.delete(f"/finance/needs/{need_id}/consent", headers=enterprise)
    assert withdrawn.status_code == 200 and withdrawn.json()["consent"] is False, withdrawn.text
    after = gateway.get(f"/finance/products/{fitting_id}/leads", headers=system)
    assert need_id not in [item["need_id"] for item in after.json()["items"]]

"""Webhooks over real processes: the finance process's own relay (its lifespan hook) pushes a signed
`lead.created` to a bank's receiver on 127.0.0.1 when an enterprise posts a need that fits, and the receiver
verifies it with the `standardwebhooks` library. Everything else about webhooks is tested in process."""

import json
from datetime import datetime

import httpx
from standardwebhooks import Webhook

from services.common import tracing
from services.common.calendar import CST
from tests.helpers.factories import enterprise_payload, product_body
from tests.helpers.http import make_account, make_bank
from tests.helpers.receivers import Received
from tests.helpers.tracing import listening
from tests.helpers.waiting import wait_until

DEADLINE_SECONDS = 20


def test_a_fitting_need_reaches_the_banks_receiver_signed(
    gateway: httpx.Client, admin_headers: dict, receiver: tuple[str, Received]
):
    url, received = receiver
    bank_id = make_bank(gateway, admin_headers)
    bank = make_account(gateway, admin_headers, "bank", bank_id=bank_id)[1]
    registered = gateway.post("/finance/webhooks", json={"url": url, "events": ["lead.created"]}, headers=bank)
    assert registered.status_code == 201, registered.text
    endpoint = registered.json()

    company = enterprise_payload(town="濉溪镇测试" + endpoint["id"][:6])
    created = gateway.post("/intake/enterprises", json=company, headers=admin_headers)
    assert created.status_code == 201, created.text
    enterprise = make_account(gateway, admin_headers, "enterprise", enterprise_id=created.json()["id"])[1]
    product = gateway.post(
        "/finance/products", json=product_body(datetime.now(CST).date(), company["town"]), headers=bank
    )
    assert product.status_code == 201, product.text
    with listening(), tracing.tracer.start_as_current_span("the enterprise's click") as click:
        need = gateway.post(
            "/finance/needs",
            json={
                "amount_yuan": 3_000_000,
                "term_months": 24,
                "purpose": "扩建厂房",
                "collateral_available": ["credit"],
            },
            headers=enterprise,
        )
    assert need.status_code == 201, need.text

    assert received.arrived.wait(DEADLINE_SECONDS), "no webhook arrived"
    [(headers, body)] = received.hits
    event = Webhook(endpoint["secret"]).verify(body, headers)
    assert event["type"] == "lead.created"
    assert (event["data"]["need_id"], event["data"]["product_id"]) == (need.json()["id"], product.json()["id"])
    assert event["data"]["enterprise_name"] == company["name"] and "uscc" not in json.dumps(event)
    # the bank's system sees the trace of the request that caused the event (W3C trace context)
    assert headers["traceparent"].split("-")[1] == format(click.get_span_context().trace_id, "032x")

    def delivered() -> dict | None:
        """The delivery once the relay has recorded the receiver's answer (just after it answered)."""
        listed = gateway.get(f"/finance/webhooks/{endpoint['id']}/deliveries", headers=bank)
        assert listed.status_code == 200, listed.text
        [delivery] = listed.json()["items"]
        return delivery if delivery["status"] == "delivered" else None

    delivery = wait_until(delivered, "the delivery recorded", DEADLINE_SECONDS)
    assert delivery["id"] == headers["webhook-id"]
    assert [attempt["status_code"] for attempt in delivery["attempts"]] == [204]

"""A bank's system over real processes: its API client gets a token with client credentials (HTTP Basic),
posts a product through the gateway, and once the admin revokes the client its token is refused at the
edge within the access check interval and it gets no new one."""

import os
from datetime import datetime

import httpx

from services.common.calendar import CST
from services.common.settings import Settings
from tests.helpers.factories import bearer, product_body, unique_name
from tests.helpers.http import make_bank
from tests.helpers.problems import assert_problem
from tests.helpers.waiting import wait_until


def test_a_banks_client_posts_a_product_and_is_refused_once_revoked(gateway: httpx.Client, admin_headers: dict):
    bank_id = make_bank(gateway, admin_headers)
    body = {"bank_id": bank_id, "name": unique_name("core"), "scopes": ["products:write", "leads:read"]}
    created = gateway.post("/auth/clients", json=body, headers=admin_headers)
    assert created.status_code == 201, created.text
    client = created.json()
    credentials = httpx.BasicAuth(client["client_id"], client["client_secret"])
    grant = {"grant_type": "client_credentials"}

    answer = gateway.post("/auth/token", data=grant, auth=credentials)
    assert answer.status_code == 200, answer.text
    assert answer.json()["role"] == "bank" and answer.json()["scope"] == "leads:read products:write"
    token = bearer(answer.json()["access_token"])
    product = gateway.post("/finance/products", json=product_body(datetime.now(CST).date()), headers=token)
    assert product.status_code == 201, product.text
    assert product.json()["bank_id"] == bank_id
    leads = gateway.get(f"/finance/products/{product.json()['id']}/leads", headers=token)
    assert leads.status_code == 200, leads.text
    refused = gateway.get("/finance/applications", headers=token)
    assert assert_problem(refused, 403)["code"] == "insufficient_scope"
    assert "applications:decide" in refused.json()["detail"]

    revoked = gateway.post(f"/auth/clients/{client['id']}/revoke", headers=admin_headers)
    assert revoked.status_code == 200 and revoked.json()["status"] == "revoked"
    interval = float(os.environ.get("KUAIBAN_ACCESS_CHECK_SECONDS", Settings().access_check_seconds))
    status = wait_until(
        lambda: (code := gateway.get("/finance/products", headers=token).status_code) != 200 and code,
        "the revoked client's token refused after the check interval",
        interval + 2,
        every=0.2,
    )
    assert status == 401
    assert_problem(gateway.post("/finance/products", json=product_body(datetime.now(CST).date()), headers=token), 401)
    again = gateway.post("/auth/token", data=grant, auth=credentials)
    assert assert_problem(again, 401)["code"] == "invalid_client"
    assert again.headers["www-authenticate"].startswith("Basic")

"""Finance over real processes: only what needs them. Ten clients retrying one product POST with one
Idempotency-Key at the same moment, through the gateway, create one product; everything else about finance
is tested in process (tests/api/finance, tests/unit/finance)."""

import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

import httpx

from launcher.system import System
from services.common.calendar import CST
from tests.helpers.factories import product_body
from tests.helpers.http import collect, make_account, make_bank
from tests.helpers.problems import assert_problem


def test_concurrent_product_retries_create_one_product(gateway: httpx.Client, admin_headers: dict, system: System):
    bank_id = make_bank(gateway, admin_headers)
    bank = make_account(gateway, admin_headers, "bank", bank_id=bank_id)[1]
    body = product_body(datetime.now(CST).date())
    headers = {**bank, "Idempotency-Key": f"concurrent-{uuid.uuid4()}"}

    def post(_: int) -> httpx.Response:
        with httpx.Client(base_url=system.gateway_url, timeout=15) as client:
            return client.post("/finance/products", json=body, headers=headers)

    def bank_products() -> list[dict]:
        return collect(gateway, "/finance/products", bank, bank_id=bank_id)

    with ThreadPoolExecutor(max_workers=10) as pool:
        responses = list(pool.map(post, range(10)))
    assert {r.status_code for r in responses} <= {201, 409}, [r.text for r in responses]
    created = {r.json()["id"] for r in responses if r.status_code == 201}
    assert len(created) == 1, created
    for response in responses:
        if response.status_code == 409:
            assert_problem(response, 409)
    assert [p["id"] for p in bank_products()] == list(created)
    replay = gateway.post("/finance/products", json=body, headers=headers)
    assert replay.status_code == 201 and replay.json()["id"] in created
    assert_problem(gateway.post("/finance/products", json={**body, "name": "另一个"}, headers=headers), 422)
    assert len(bank_products()) == 1

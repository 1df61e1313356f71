"""Idempotency-Key through the gateway to real processes: what needs them. Duplicates racing in parallel
(a lock between processes), and a create on the gateway itself. Replays, refusals, expiry and what is kept
are in-process: tests/api/common/test_idempotency_keys.py."""

import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from tests.helpers.factories import enterprise_payload, unique_name
from tests.helpers.http import make_account
from tests.helpers.problems import assert_problem


@pytest.fixture(scope="module")
def enterprise_headers(gateway: httpx.Client, admin_headers: dict) -> dict:
    enterprise = gateway.post("/intake/enterprises", json=enterprise_payload(), headers=admin_headers).json()
    return make_account(gateway, admin_headers, "enterprise", enterprise_id=enterprise["id"])[1]


def request_body(title: str) -> dict:
    return {"title": title, "description": "厂区道路需要修缮", "category": "infrastructure", "channel": "online"}


def titles(gateway: httpx.Client, headers: dict) -> list[str]:
    items = gateway.get("/intake/requests", params={"limit": 100}, headers=headers).json()["items"]
    return [item["title"] for item in items]


def test_concurrent_duplicates_create_one(gateway: httpx.Client, enterprise_headers: dict, system):
    title = unique_name("并发")
    headers = {**enterprise_headers, "Idempotency-Key": f"retry-{uuid.uuid4()}"}

    def post(_: int) -> httpx.Response:
        with httpx.Client(base_url=system.gateway_url, timeout=15) as client:
            return client.post("/intake/requests", json=request_body(title), headers=headers)

    with ThreadPoolExecutor(max_workers=10) as pool:
        responses = list(pool.map(post, range(10)))
    statuses = sorted(r.status_code for r in responses)
    assert set(statuses) <= {201, 409}, statuses
    created = {r.json()["id"] for r in responses if r.status_code == 201}
    assert len(created) == 1
    replayed = [r.headers.get("idempotent-replayed") for r in responses if r.status_code == 201]
    assert replayed.count(None) == 1 and set(replayed) <= {None, "true"}  # the proxy passes the marker on
    assert titles(gateway, enterprise_headers).count(title) == 1
    for response in responses:
        if response.status_code == 409:
            assert_problem(response, 409)


def test_gateway_creates_are_idempotent_too(gateway: httpx.Client, admin_headers: dict):
    body = {"username": unique_name("officer"), "password": "long-enough-pw", "role": "officer", "department": "tax"}
    headers = {**admin_headers, "Idempotency-Key": str(uuid.uuid4())}
    first = gateway.post("/auth/accounts", json=body, headers=headers)
    again = gateway.post("/auth/accounts", json=body, headers=headers)
    assert first.status_code == again.status_code == 201 and first.json()["id"] == again.json()["id"]
    assert again.headers["idempotent-replayed"] == "true" and "idempotent-replayed" not in first.headers
    without_key = gateway.post("/auth/accounts", json=body, headers=admin_headers)
    assert_problem(without_key, 409)  # a plain retry without a key is a duplicate username

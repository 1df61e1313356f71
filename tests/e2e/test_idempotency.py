"""Idempotency-Key on every POST, through the gateway to real services."""

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


def test_same_key_and_body_replays_the_first_response(gateway: httpx.Client, enterprise_headers: dict):
    title = unique_name("修路")
    headers = {**enterprise_headers, "Idempotency-Key": str(uuid.uuid4())}
    first = gateway.post("/intake/requests", json=request_body(title), headers=headers)
    second = gateway.post("/intake/requests", json=request_body(title), headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second.headers["idempotent-replayed"] == "true" and "idempotent-replayed" not in first.headers
    assert titles(gateway, enterprise_headers).count(title) == 1
    different = gateway.post("/intake/requests", json=request_body(title + "!"), headers=headers)
    assert_problem(different, 422)


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
    assert titles(gateway, enterprise_headers).count(title) == 1
    for response in responses:
        if response.status_code == 409:
            assert_problem(response, 409)


def test_keys_are_per_caller_and_checked(gateway: httpx.Client, enterprise_headers: dict, admin_headers: dict):
    key = str(uuid.uuid4())
    mine = gateway.post(
        "/intake/requests", json=request_body(unique_name("a")), headers={**enterprise_headers, "Idempotency-Key": key}
    )
    meeting = gateway.post(
        "/intake/meetings",
        json={"title": "棒棒茶会", "held_on": "2026-11-20", "location": "临涣镇"},
        headers={**admin_headers, "Idempotency-Key": key},
    )
    assert mine.status_code == meeting.status_code == 201
    too_long = {**enterprise_headers, "Idempotency-Key": "k" * 256}
    assert_problem(gateway.post("/intake/requests", json=request_body("x"), headers=too_long), 422)


def test_gateway_creates_are_idempotent_too(gateway: httpx.Client, admin_headers: dict):
    body = {"username": unique_name("officer"), "password": "long-enough-pw", "role": "officer", "department": "tax"}
    headers = {**admin_headers, "Idempotency-Key": str(uuid.uuid4())}
    first = gateway.post("/auth/accounts", json=body, headers=headers)
    again = gateway.post("/auth/accounts", json=body, headers=headers)
    assert first.status_code == again.status_code == 201 and first.json()["id"] == again.json()["id"]
    without_key = gateway.post("/auth/accounts", json=body, headers=admin_headers)
    assert_problem(without_key, 409)  # a plain retry without a key is a duplicate username


def test_failed_validation_is_replayed_not_rerun(gateway: httpx.Client, enterprise_headers: dict):
    headers = {**enterprise_headers, "Idempotency-Key": str(uuid.uuid4())}
    bad = {**request_body("x"), "category": "weather"}
    first = gateway.post("/intake/requests", json=bad, headers=headers)
    second = gateway.post("/intake/requests", json=bad, headers=headers)
    assert first.status_code == second.status_code == 422
    assert first.json() == second.json()

"""Accounts for every role and the account rules (moved from tests/e2e/test_foundation.py); the
registry checks go to intake and finance over the in-process transport."""

import uuid

import httpx

from tests.helpers.factories import headers_for, unique_name
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem

BASE = {"password": "long-enough-pw", "role": "officer", "department": "tax"}


async def test_accounts_for_every_role(gateway: httpx.AsyncClient, make_account, enterprise: dict, bank_id: str):
    cases = {
        "admin": {},
        "officer": {"department": "market"},
        "enterprise": {"enterprise_id": enterprise["id"]},
        "bank": {"bank_id": bank_id},
    }
    for role, fields in cases.items():
        account, headers = await make_account(role, **fields)
        assert account["role"] == role
        for key, value in fields.items():
            assert account[key] == value
        me = (await gateway.get("/auth/me", headers=headers)).json()
        assert me["id"] == account["id"] and me["role"] == role
        assert "password" not in me and "password_hash" not in me


async def test_account_rules(gateway: httpx.AsyncClient, enterprise: dict):
    async def post(body: dict) -> httpx.Response:
        return await gateway.post("/auth/accounts", json=body)

    account = (await post({**BASE, "username": unique_name("dup")})).json()
    assert_problem(await post({**BASE, "username": account["username"]}), 409)
    assert_problem(await post({**BASE, "username": unique_name("o"), "department": None}), 422)
    assert_problem(await post({**BASE, "username": unique_name("o"), "department": "police"}), 422)
    assert_problem(await post({**BASE, "username": unique_name("o"), "enterprise_id": enterprise["id"]}), 422)
    assert_problem(await post({**BASE, "username": unique_name("o"), "password": "short"}), 422)
    assert_problem(await post({**BASE, "username": unique_name("o"), "is_superuser": True}), 422)
    missing = {"username": unique_name("e"), "password": "long-enough-pw", "role": "enterprise"}
    body = assert_problem(await post({**missing, "enterprise_id": str(uuid.uuid4())}), 422)
    assert body["errors"][0]["field"] == "enterprise_id"
    assert_problem(await post({**missing, "role": "service"}), 422)
    unknown_bank = {
        "username": unique_name("b"),
        "password": "long-enough-pw",
        "role": "bank",
        "bank_id": str(uuid.uuid4()),
    }
    body = assert_problem(await post(unknown_bank), 422)
    assert body["errors"][0]["field"] == "bank_id"


async def test_only_admin_creates_accounts(gateway: httpx.AsyncClient, make_account):
    _, officer = await make_account("officer", department="market")
    assert_problem(await gateway.post("/auth/accounts", json={}, headers=officer), 403)
    for role, claims in (("enterprise", {"enterprise_id": uuid.uuid4()}), ("bank", {"bank_id": uuid.uuid4()})):
        assert_problem(await gateway.post("/auth/accounts", json={}, headers=headers_for(role, **claims)), 403)
    assert_problem(await gateway.post("/auth/accounts", json={}, headers={"Authorization": ""}), 401)


async def test_a_registry_that_is_down_gives_503_and_no_account(
    kuaiban: Kuaiban, gateway: httpx.AsyncClient, enterprise: dict, bank_id: str
):
    kuaiban.transport.down.update({"intake", "finance"})
    password = "long-enough-pw"
    enterprise_account = {
        "username": unique_name("e"),
        "password": password,
        "role": "enterprise",
        "enterprise_id": enterprise["id"],
    }
    bank_account = {"username": unique_name("b"), "password": password, "role": "bank", "bank_id": bank_id}
    assert "intake" in assert_problem(await gateway.post("/auth/accounts", json=enterprise_account), 503)["detail"]
    assert "finance" in assert_problem(await gateway.post("/auth/accounts", json=bank_account), 503)["detail"]
    kuaiban.transport.down.clear()
    login = await gateway.post("/auth/token", data={"username": bank_account["username"], "password": password})
    assert_problem(login, 401)  # nothing was stored
    assert (await gateway.post("/auth/accounts", json=bank_account)).status_code == 201


async def test_account_creation_replays_under_an_idempotency_key(gateway: httpx.AsyncClient):
    body = {"username": unique_name("idem"), **BASE}
    key = {"Idempotency-Key": unique_name("key")}
    first = await gateway.post("/auth/accounts", json=body, headers=key)
    again = await gateway.post("/auth/accounts", json=body, headers=key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert_problem(await gateway.post("/auth/accounts", json={**body, "department": "market"}, headers=key), 422)
    assert_problem(await gateway.post("/auth/accounts", json=body), 409)  # without the key: a second create

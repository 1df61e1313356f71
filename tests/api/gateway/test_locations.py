"""An account is found where its 201 says (`Location`), by an admin only; a deactivated one is gone."""

import uuid

import httpx

from gateway.models import Account
from tests.helpers.factories import headers_for, unique_name
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem


async def test_a_created_account_is_where_location_says(gateway: httpx.AsyncClient):
    body = {"username": unique_name("officer"), "password": "long-enough-pw", "role": "officer", "department": "tax"}
    created = await gateway.post("/auth/accounts", json=body)
    assert created.status_code == 201, created.text
    assert created.headers["location"] == f"/auth/accounts/{created.json()['id']}"
    fetched = await gateway.get(created.headers["location"])
    assert fetched.status_code == 200 and fetched.json() == created.json()


async def test_an_admin_sees_an_account_as_its_owner_does(gateway: httpx.AsyncClient, make_account, enterprise: dict):
    account, headers = await make_account("enterprise", enterprise_id=enterprise["id"])
    fetched = await gateway.get(f"/auth/accounts/{account['id']}")
    assert fetched.status_code == 200 and fetched.json() == account
    assert fetched.json() == (await gateway.get("/auth/me", headers=headers)).json()


async def test_only_an_admin_looks_accounts_up(gateway: httpx.AsyncClient, make_account):
    account, officer = await make_account("officer", department="market")
    assert_problem(await gateway.get(f"/auth/accounts/{account['id']}", headers=officer), 403)
    bank = headers_for("bank", bank_id=str(uuid.uuid4()))
    assert_problem(await gateway.get(f"/auth/accounts/{account['id']}", headers=bank), 403)
    assert_problem(await gateway.get(f"/auth/accounts/{account['id']}", headers={"Authorization": ""}), 401)


async def test_an_unknown_or_deactivated_account_is_404(gateway: httpx.AsyncClient, make_account, kuaiban: Kuaiban):
    assert_problem(await gateway.get(f"/auth/accounts/{uuid.uuid4()}"), 404)
    refused = assert_problem(await gateway.get("/auth/accounts/not-a-uuid"), 422)
    assert refused["errors"][0]["field"] == "account_id"
    account, _ = await make_account("officer", department="tax")
    async with kuaiban.runtimes["gateway"].sessions.begin() as session:
        (await session.get(Account, uuid.UUID(account["id"]))).active = False
    assert_problem(await gateway.get(f"/auth/accounts/{account['id']}"), 404)

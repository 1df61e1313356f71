"""The internal account look-up that services use (intake checking a liaison officer)."""

import uuid

import httpx

from gateway.contract import ACCOUNT_PATH, AccountRef, IdentityClient
from gateway.models import Account
from tests.helpers.factories import headers_for
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem

INTERNAL = headers_for("internal", subject="internal:intake", username="intake")


async def test_services_look_accounts_up_by_username(gateway: httpx.AsyncClient, make_account):
    account, _ = await make_account("officer", department="hrss")
    response = await gateway.get(ACCOUNT_PATH.format(username=account["username"]), headers=INTERNAL)
    assert response.status_code == 200
    assert response.json() == {
        "id": account["id"],
        "username": account["username"],
        "role": "officer",
        "department": "hrss",
    }
    assert_problem(await gateway.get(ACCOUNT_PATH.format(username="nobody-at-all"), headers=INTERNAL), 404)


async def test_the_look_up_is_for_services_only(gateway: httpx.AsyncClient, make_account):
    account, own_headers = await make_account("officer", department="hrss")
    path = ACCOUNT_PATH.format(username=account["username"])
    for headers in (own_headers, headers_for("admin", username="admin"), headers_for("bank", bank_id=uuid.uuid4())):
        assert_problem(await gateway.get(path, headers=headers), 403)
    assert_problem(await gateway.get(path, headers={"Authorization": ""}), 401)
    schema = (await gateway.get("/openapi.json")).json()
    assert not any(path.startswith("/internal") for path in schema["paths"])


async def test_identity_client_speaks_the_contract(kuaiban: Kuaiban, make_account):
    account, _ = await make_account("officer", department="power")
    client = IdentityClient(kuaiban.runtimes["intake"].internal)  # as intake calls the gateway
    found = await client.account(account["username"])
    assert found == AccountRef(id=account["id"], username=account["username"], role="officer", department="power")
    assert await client.account("nobody-at-all") is None
    async with kuaiban.runtimes["gateway"].sessions.begin() as session:
        (await session.get(Account, uuid.UUID(account["id"]))).active = False
    assert await client.account(account["username"]) is None  # a deactivated account is no officer any more

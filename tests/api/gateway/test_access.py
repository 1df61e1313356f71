"""Access that ends when it should: account changes, new passwords and logouts raise the token version,
and the access cache honours a token only at its account's current version."""

import uuid

import httpx

from gateway.access import AccessCache
from services.common.auth import verify_token
from tests.helpers.factories import ACCOUNT_PASSWORD, JWT_SECRET, bearer, headers_for
from tests.helpers.inprocess import Kuaiban, MakeAccount
from tests.helpers.problems import assert_problem


class Ticks:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


async def account_with_token(make_account: MakeAccount) -> tuple[dict, str]:
    """A tax officer's account, logged in: the account and its raw token."""
    account, headers = await make_account("officer", department="tax")
    return account, headers["Authorization"].removeprefix("Bearer ")


async def test_a_disabled_or_moved_account_loses_its_tokens_within_the_check_interval(
    kuaiban: Kuaiban, gateway: httpx.AsyncClient, make_account: MakeAccount
):
    account, token = await account_with_token(make_account)
    principal = verify_token(JWT_SECRET, token)
    ticks = Ticks()
    access = AccessCache(kuaiban.runtimes["gateway"].sessions, ttl_seconds=10, clock=ticks)
    assert await access.allows(principal)

    moved = await gateway.patch(f"/auth/accounts/{account['id']}", json={"department": "market"})
    assert moved.status_code == 200 and moved.json()["department"] == "market"
    assert await access.allows(principal)  # another replica's cache: still the old answer ...
    ticks.now += 10
    assert not await access.allows(principal)  # ... until its check interval has passed

    again = (
        await gateway.post("/auth/token", data={"username": account["username"], "password": ACCOUNT_PASSWORD})
    ).json()
    fresh = verify_token(JWT_SECRET, again["access_token"])
    assert fresh.department == "market" and await access.allows(fresh)

    disabled = await gateway.patch(f"/auth/accounts/{account['id']}", json={"active": False})
    assert disabled.status_code == 200
    access.forget(str(fresh.subject))  # the replica that made the change checks at once
    assert not await access.allows(fresh)
    assert await access.allows(headers_principal("internal"))  # our own processes are not accounts


def headers_principal(role: str):
    return verify_token(JWT_SECRET, headers_for(role)["Authorization"].removeprefix("Bearer "))


async def test_account_changes_follow_the_role_rules(gateway: httpx.AsyncClient, make_account: MakeAccount):
    account, _ = await account_with_token(make_account)
    path = f"/auth/accounts/{account['id']}"
    assert_problem(await gateway.patch(path, json={"role": "enterprise"}), 422)  # an enterprise account needs its id
    assert_problem(await gateway.patch(path, json={"bank_id": str(uuid.uuid4())}), 422)  # not for an officer
    assert_problem(await gateway.patch(path, json={"surprise": 1}), 422)
    assert_problem(await gateway.patch(f"/auth/accounts/{uuid.uuid4()}", json={"active": False}), 404)
    assert_problem(await gateway.patch(path, json={"active": False}, headers=headers_for("officer")), 403)
    promoted = await gateway.patch(path, json={"role": "admin"})
    assert promoted.status_code == 200 and promoted.json()["role"] == "admin"
    assert promoted.json()["department"] is None  # a new role keeps only the fields it needs


async def test_a_new_password_and_a_logout_end_the_older_tokens(
    kuaiban: Kuaiban, gateway: httpx.AsyncClient, make_account: MakeAccount
):
    account, token = await account_with_token(make_account)
    access = AccessCache(kuaiban.runtimes["gateway"].sessions, ttl_seconds=30)
    old = verify_token(JWT_SECRET, token)
    wrong = await gateway.post(
        "/auth/password",
        json={"current_password": "not-it-at-all", "new_password": "new-long-password"},
        headers=bearer(token),
    )
    assert assert_problem(wrong, 422)["errors"][0]["field"] == "current_password"
    changed = await gateway.post(
        "/auth/password",
        json={"current_password": ACCOUNT_PASSWORD, "new_password": "new-long-password"},
        headers=bearer(token),
    )
    assert changed.status_code == 200 and changed.json()["id"] == account["id"]
    assert not await access.allows(old)
    assert_problem(
        await gateway.post("/auth/token", data={"username": account["username"], "password": ACCOUNT_PASSWORD}), 401
    )
    login = await gateway.post("/auth/token", data={"username": account["username"], "password": "new-long-password"})
    token = login.json()["access_token"]
    assert await access.allows(verify_token(JWT_SECRET, token))
    assert (await gateway.post("/auth/logout", headers=bearer(token))).status_code == 200
    access.forget(account["id"])
    assert not await access.allows(verify_token(JWT_SECRET, token))

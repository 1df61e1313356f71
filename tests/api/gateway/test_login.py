"""Logging in and `/auth/me` on the gateway's own app (moved from tests/e2e/test_foundation.py)."""

import logging
import uuid

import httpx
import pytest
from sqlmodel import select

from gateway.app import bootstrap_admin
from gateway.models import Account
from tests.helpers.factories import ADMIN_PASSWORD, bearer, headers_for
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem


async def test_login_and_me(gateway: httpx.AsyncClient, bootstrapped: None):
    response = await gateway.post("/auth/token", data={"username": "admin", "password": ADMIN_PASSWORD})
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer" and body["role"] == "admin" and body["expires_in"] > 0
    me = await gateway.get("/auth/me", headers=bearer(body["access_token"]))
    assert me.status_code == 200
    assert me.json()["username"] == "admin" and me.json()["role"] == "admin"
    assert me.json()["created_at"].endswith("Z") and "password_hash" not in me.json()


async def test_wrong_credentials_are_401(gateway: httpx.AsyncClient, bootstrapped: None):
    assert_problem(await gateway.post("/auth/token", data={"username": "admin", "password": "wrong-password"}), 401)
    assert_problem(await gateway.post("/auth/token", data={"username": "nobody-here", "password": "x" * 12}), 401)
    assert_problem(await gateway.post("/auth/token", data={"username": "admin"}), 422)


async def test_bootstrap_resets_the_admin_password_to_the_configured_one(
    kuaiban: Kuaiban, bootstrapped: None, caplog: pytest.LogCaptureFixture
):
    runtime = kuaiban.runtimes["gateway"]
    async with runtime.sessions.begin() as session:
        admin = (await session.exec(select(Account).where(Account.username == "admin"))).one()
        admin.password_hash = "changed-behind-our-back"
    async with kuaiban.client("gateway") as gateway:
        assert_problem(await gateway.post("/auth/token", data={"username": "admin", "password": ADMIN_PASSWORD}), 401)
        with caplog.at_level(logging.INFO, logger="kuaiban.gateway"):
            async with bootstrap_admin(runtime):  # the start-up hook, as a restart would run it
                pass
        assert "admin password reset" in caplog.text
        token = await gateway.post("/auth/token", data={"username": "admin", "password": ADMIN_PASSWORD})
        assert token.status_code == 200, token.text


async def test_a_deactivated_account_can_neither_log_in_nor_use_its_token(
    kuaiban: Kuaiban, gateway: httpx.AsyncClient, make_account
):
    account, headers = await make_account("officer", department="tax")
    assert (await gateway.get("/auth/me", headers=headers)).status_code == 200
    async with kuaiban.runtimes["gateway"].sessions.begin() as session:
        row = await session.get(Account, uuid.UUID(account["id"]))
        row.active = False
    me = assert_problem(await gateway.get("/auth/me", headers=headers), 401)
    assert me["code"] == "unauthenticated" and "账号已不存在" in me["detail"]
    login = await gateway.post("/auth/token", data={"username": account["username"], "password": "long-enough-pw"})
    assert_problem(login, 401)


async def test_me_needs_a_token_of_an_existing_account(gateway: httpx.AsyncClient):
    assert_problem(await gateway.get("/auth/me", headers={"Authorization": ""}), 401)
    assert_problem(await gateway.get("/auth/me", headers={"Authorization": "Basic YWRtaW46YWRtaW4="}), 401)
    assert_problem(await gateway.get("/auth/me", headers=bearer("not.a.token")), 401)
    assert_problem(await gateway.get("/auth/me", headers=headers_for("officer", department="tax")), 401)
    assert_problem(await gateway.get("/auth/me", headers=headers_for("internal", subject="internal:intake")), 401)

"""Revoked tokens stop at the gateway's edge, for the services' paths and its own, over real processes."""

import httpx

from tests.helpers.http import make_account
from tests.helpers.problems import assert_problem


def test_a_moved_officer_and_a_logged_out_enterprise_lose_their_old_tokens(gateway: httpx.Client, admin_headers: dict):
    account, officer = make_account(gateway, admin_headers, "officer", department="tax")
    assert gateway.get("/approval/tasks", headers=officer).status_code == 200
    moved = gateway.patch(f"/auth/accounts/{account['id']}", json={"department": "market"}, headers=admin_headers)
    assert moved.status_code == 200, moved.text
    assert assert_problem(gateway.get("/approval/tasks", headers=officer), 401)["code"] == "unauthenticated"
    assert_problem(gateway.get("/auth/me", headers=officer), 401)
    english = {**officer, "Accept-Language": "en"}
    assert "log in again" in assert_problem(gateway.get("/auth/me", headers=english), 401)["detail"]
    assert gateway.get("/healthz", headers=officer).status_code == 200  # a public path ignores the old token
    assert gateway.get("/openapi.json", headers=officer).status_code == 200

    account, admin_two = make_account(gateway, admin_headers, "admin")
    assert gateway.get("/intake/enterprises", headers=admin_two).status_code == 200
    assert gateway.post("/auth/logout", headers=admin_two).status_code == 200
    assert_problem(gateway.get("/intake/enterprises", headers=admin_two), 401)
    assert gateway.get("/intake/enterprises", headers=admin_headers).status_code == 200  # others keep theirs

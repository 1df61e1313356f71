"""Repeated failed logins slow down to 429 for that username (and that client address), not for others."""

import httpx

from tests.helpers.factories import ACCOUNT_PASSWORD, unique_name
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem


async def officer(gateway: httpx.AsyncClient) -> str:
    username = unique_name("officer")
    made = await gateway.post(
        "/auth/accounts",
        json={"username": username, "password": ACCOUNT_PASSWORD, "role": "officer", "department": "tax"},
    )
    assert made.status_code == 201, made.text
    return username


async def log_in(gateway: httpx.AsyncClient, username: str, password: str) -> httpx.Response:
    return await gateway.post(
        "/auth/token", data={"username": username, "password": password}, headers={"Accept-Language": "en"}
    )


async def test_five_failures_make_the_next_try_429_even_with_the_right_password(
    kuaiban: Kuaiban, gateway: httpx.AsyncClient
):
    target, bystander = await officer(gateway), await officer(gateway)
    limit = kuaiban.settings.login_failures_per_minute
    for _ in range(limit):
        assert_problem(await log_in(gateway, target, "wrong-password"), 401)
    refused = await log_in(gateway, target, ACCOUNT_PASSWORD)
    body = assert_problem(refused, 429)
    assert body["code"] == "rate_limited" and "Too many failed logins" in body["detail"]
    assert 1 <= int(refused.headers["retry-after"]) <= 60  # the owner waits a minute at most
    assert (await log_in(gateway, bystander, ACCOUNT_PASSWORD)).status_code == 200  # another username is not held up


async def test_a_successful_login_clears_the_failures_of_its_username(gateway: httpx.AsyncClient, kuaiban: Kuaiban):
    username = await officer(gateway)
    limit = kuaiban.settings.login_failures_per_minute
    for _ in range(limit - 1):
        assert_problem(await log_in(gateway, username, "typo-password"), 401)
    assert (await log_in(gateway, username, ACCOUNT_PASSWORD)).status_code == 200
    for _ in range(limit - 1):  # a fresh count: still 401, not 429
        assert_problem(await log_in(gateway, username, "typo-password"), 401)


async def test_unknown_usernames_from_one_address_are_throttled_too(gateway: httpx.AsyncClient, kuaiban: Kuaiban):
    """Guessing many usernames from one address: the address's own count (ten times a username's) runs out."""
    tries = kuaiban.settings.login_failures_per_minute * 10
    for _ in range(tries):
        assert_problem(await log_in(gateway, unique_name("guess"), "whatever-pw"), 401)
    assert_problem(await log_in(gateway, unique_name("guess"), "whatever-pw"), 429)

"""Shared fixtures: a real PostgreSQL (embedded unless KUAIBAN_DATABASE_URL names a server), a fresh
migrated database per run, and the whole system as real processes for end-to-end tests."""

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import make_url

from launcher.system import (
    System,
    create_database,
    drop_database,
    free_port_block,
    migrate,
    start_embedded_postgres,
)
from services.common.settings import Settings
from services.intake.uscc import check_character

JWT_SECRET = "test-secret-" + "k" * 40
ADMIN_PASSWORD = "admin-password-for-tests"


@pytest.fixture(scope="session")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A maintenance URL (database `postgres`) on the server the tests may create databases on."""
    external = os.environ.get("KUAIBAN_DATABASE_URL")
    if external:
        yield str(make_url(external).set(database="postgres"))
        return
    server, url = start_embedded_postgres(tmp_path_factory.mktemp("pg") / "data", database="postgres")
    yield url
    server.cleanup()


@pytest.fixture(scope="session")
def database_url(server_url: str) -> Iterator[str]:
    """A fresh, migrated database for this test run."""
    url = create_database(server_url, prefix="kuaiban_test")
    migrate(url)
    yield url
    drop_database(url)


@pytest.fixture(scope="session")
def settings(database_url: str) -> Settings:
    return Settings(database_url=database_url, jwt_secret=JWT_SECRET, admin_password=ADMIN_PASSWORD)


@pytest.fixture(scope="session")
def system(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[System]:
    """Gateway and three services as real processes on free ports."""
    env = {
        **os.environ,
        "KUAIBAN_DATABASE_URL": database_url,
        "KUAIBAN_JWT_SECRET": JWT_SECRET,
        "KUAIBAN_ADMIN_PASSWORD": ADMIN_PASSWORD,
        "KUAIBAN_RATE_LIMIT_PER_MINUTE": "0",
        "KUAIBAN_LOG_LEVEL": "INFO",
        "KUAIBAN_CALENDAR_TTL_SECONDS": "1",  # calendar changes reach every service within a second
    }
    port = free_port_block()
    env["KUAIBAN_PORT"] = str(port)
    running = System(port=port, env=env, log_dir=tmp_path_factory.mktemp("logs"))
    try:
        running.start_all()
        running.wait_healthy()
        yield running
    finally:
        running.stop_all()


@pytest.fixture(scope="session")
def gateway(system: System) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=system.gateway_url, timeout=15) as client:
        yield client


def login(client: httpx.Client, username: str, password: str) -> str:
    response = client.post("/auth/token", data={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def make_account(client: httpx.Client, admin: dict[str, str], role: str, **fields) -> tuple[dict, dict[str, str]]:
    """Create an account through the gateway and log it in: (the account, its auth headers)."""
    username = unique_name(role)
    password = "pw-" + username
    response = client.post(
        "/auth/accounts", json={"username": username, "password": password, "role": role, **fields}, headers=admin
    )
    assert response.status_code == 201, response.text
    return response.json(), bearer(login(client, username, password))


@pytest.fixture(scope="session")
def admin_headers(gateway: httpx.Client) -> dict[str, str]:
    return bearer(login(gateway, "admin", ADMIN_PASSWORD))


def make_uscc(*, division: str = "340621") -> str:
    """A valid USCC with a random organisation code (濉溪县 division code by default)."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body = "91" + division + "".join(secrets.choice(alphabet) for _ in range(9))
    return body + check_character(body)


def enterprise_payload(**overrides) -> dict:
    payload = {
        "uscc": make_uscc(),
        "name": f"濉溪县测试铝业{secrets.token_hex(3)}有限公司",
        "industry": "C",
        "town": "濉溪镇",
        "established_on": "2018-05-20",
        "employees": 120,
        "annual_revenue_yuan": 35_000_000,
        "credit_rating": "A",
        "key_enterprise": True,
    }
    payload.update(overrides)
    return payload


def unique_name(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(4)}"


@pytest.fixture
def log_dir(system: System) -> Path:
    return system.log_dir


def make_bank(client: httpx.Client, admin: dict[str, str], name: str = "濉溪农村商业银行") -> str:
    """Register a bank in finance; bank accounts must point at one."""
    code = unique_name("bank")
    response = client.post("/finance/banks", json={"code": code, "name": name}, headers=admin)
    assert response.status_code == 201, response.text
    return response.json()["id"]

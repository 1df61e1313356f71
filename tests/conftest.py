"""Shared fixtures: a real PostgreSQL (embedded unless KUAIBAN_DATABASE_URL names a server), one fresh
migrated database per run, the in-process apps on a rolled-back transaction per test (`kuaiban`), and
the whole system as real processes for the end-to-end tests (`system`, `gateway`)."""

import os
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from launcher.system import System, create_database, drop_database, migrate, start_embedded_postgres
from services.approval.service import calendar
from services.common import tracing
from services.common.db import create_engine, create_sessionmaker
from services.common.models import utcnow
from services.common.settings import Settings
from tests.helpers import inprocess
from tests.helpers import tracing as test_tracing
from tests.helpers.documents import S3Server, s3_server
from tests.helpers.factories import ADMIN_PASSWORD, JWT_SECRET, bearer
from tests.helpers.http import login
from tests.helpers.systems import running_system, system_env


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


@pytest.fixture(scope="session", autouse=True)
def tracer_provider() -> None:
    """The process's tracing, set before any engine or HTTP client: spans are kept only while a test listens
    (tests/helpers/tracing.py)."""
    tracing.start("tests", processors=[SimpleSpanProcessor(test_tracing.CAPTURE)], sampler=test_tracing.SAMPLER)


@pytest.fixture(scope="session")
def s3() -> Iterator[S3Server]:
    """moto's S3 on loopback, for the tests of the S3 document store (started only when one runs)."""
    with s3_server() as server:
        yield server


@pytest.fixture(scope="session")
def settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return inprocess.inprocess_settings(
        database_url=database_url,
        jwt_secret=JWT_SECRET,
        admin_password=ADMIN_PASSWORD,
        storage_url=str(tmp_path_factory.mktemp("documents")),
    )


@pytest.fixture(scope="session")
async def engine(settings: Settings) -> AsyncIterator[AsyncEngine]:
    """The test database, with the official calendar years seeded as approval seeds them at start-up."""
    engine = create_engine(settings, application_name="tests")
    async with create_sessionmaker(engine).begin() as session:
        await calendar.seed(session, now=utcnow())
    yield engine
    await engine.dispose()


@pytest.fixture
async def kuaiban(engine: AsyncEngine, settings: Settings) -> AsyncIterator[inprocess.Kuaiban]:
    """Gateway, intake, approval and finance in this process, on a transaction rolled back after the test."""
    async for system in inprocess.start(engine, settings):
        yield system


@pytest.fixture(scope="session")
def system(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[System]:
    """Gateway and three services as real processes on free ports."""
    with running_system(system_env(database_url), tmp_path_factory.mktemp("logs")) as running:
        yield running


@pytest.fixture(scope="session")
def gateway(system: System) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=system.gateway_url, timeout=15) as client:
        yield client


@pytest.fixture(scope="session")
def admin_headers(gateway: httpx.Client) -> dict[str, str]:
    return bearer(login(gateway, "admin", ADMIN_PASSWORD))

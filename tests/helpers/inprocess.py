"""The four apps in this process, over ASGI, on one database connection inside a transaction that is
rolled back after the test: fast, isolated, and still the real routes, rules and PostgreSQL.

Internal calls between the apps go through `AsgiTransport` (no sockets), so approval asking intake for a
profile runs intake's real route on the same transaction. A service marked `down` is unreachable. The
clock is a `FakeClock` every app shares: tests move time instead of rewriting timestamps in SQL.
"""

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from starlette.types import ASGIApp, Message

from gateway.app import api as gateway_app
from gateway.clients import GatewayRuntime
from services.approval.app import app as approval_app
from services.common.app import Runtime
from services.common.db import create_sessionmaker
from services.common.internal import InternalHttp, Reply, Unreachable
from services.common.outbox import OutboxMessage, OutboxRelay
from services.common.settings import Settings
from services.finance.app import app as finance_app
from services.finance.clients import FinanceRuntime
from services.intake.app import app as intake_app
from services.intake.clients import IntakeRuntime
from tests.helpers.factories import ADMIN, headers_for, unique_name

APPS: dict[str, ASGIApp] = {
    "gateway": gateway_app,
    "intake": intake_app,
    "approval": approval_app,
    "finance": finance_app,
}
CHEAP_PASSWORDS = {"argon2_time_cost": 1, "argon2_memory_kib": 1024}  # tests hash hundreds of passwords
RUNTIMES: dict[str, type[Runtime]] = {"gateway": GatewayRuntime, "intake": IntakeRuntime, "finance": FinanceRuntime}


# The gateway tests' fixtures `make_account` (an account created and logged in) and `start_edge` (the edge
# in front of a stand-in service), as their tests annotate them.
MakeAccount = Callable[..., Awaitable[tuple[dict, dict[str, str]]]]
StartEdge = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


def inprocess_settings(**base) -> Settings:
    """Settings whose service URLs name the in-process apps (`http://intake.test`, ...)."""
    urls = {f"{name}_url": f"http://{name}.test" for name in APPS}
    cheap = {"calendar_ttl_seconds": 0.001, **CHEAP_PASSWORDS}
    return Settings(**{**cheap, **base, **urls})


class FakeClock:
    """Now, as the tests say it is (in UTC, as the production clock gives it); starts at the real time."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now.astimezone(UTC)

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


class AsgiTransport:
    """Internal calls answered by the in-process apps; a name in `down` does not answer at all."""

    def __init__(self, apps: dict[str, ASGIApp]) -> None:
        self._transports = {name: httpx.ASGITransport(app=app) for name, app in apps.items()}
        self.down: set[str] = set()
        self.calls: list[tuple[str, str]] = []  # (method, path), for tests that count internal calls

    async def send(
        self, method: str, url: str, *, headers: dict[str, str], body: bytes | None, time_limit: float
    ) -> Reply:
        parsed = httpx.URL(url)
        name = parsed.host.split(".")[0]
        if name in self.down or name not in self._transports:
            raise Unreachable(f"{name} is down")
        self.calls.append((method, parsed.path))
        request = httpx.Request(method, url, headers=headers, content=body)
        response = await self._transports[name].handle_async_request(request)
        return Reply(response.status_code, await response.aread())

    async def aclose(self) -> None:
        return None


@dataclass
class Kuaiban:
    """The in-process system of one test."""

    settings: Settings
    connection: AsyncConnection
    clock: FakeClock
    transport: AsgiTransport
    runtimes: dict[str, Runtime] = field(default_factory=dict)

    def client(self, name: str, headers: dict[str, str] | None = None) -> httpx.AsyncClient:
        """An HTTP client of one app's public paths (the services serve them under their own prefix)."""
        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=APPS[name]), base_url=f"http://{name}.test", headers=headers
        )

    def relay(self, name: str, model: type[OutboxMessage], **options) -> OutboxRelay:
        """The outbox relay of a service, delivering over the in-process transport when a test runs it."""
        runtime = self.runtimes[name]
        max_attempts = options.pop("max_attempts", self.settings.outbox_max_attempts)
        return OutboxRelay(
            model, runtime.sessions, runtime.internal, max_attempts=max_attempts, clock=self.clock, **options
        )


async def start(engine: AsyncEngine, settings: Settings) -> AsyncIterator[Kuaiban]:
    """Every app's runtime on one connection in a transaction; everything is rolled back at the end."""
    async with engine.connect() as connection:
        transaction = await connection.begin()
        clock = FakeClock()
        transport = AsgiTransport(APPS)
        system = Kuaiban(settings=settings, connection=connection, clock=clock, transport=transport)
        for name, app in APPS.items():
            runtime_class = RUNTIMES.get(name, Runtime)
            runtime = runtime_class.build(
                name,
                settings,
                engine=engine,
                sessions=create_sessionmaker(connection, join_transaction_mode="create_savepoint"),
                internal=InternalHttp(settings, caller=name, transport=transport, retries=0),
                clock=clock,
            )
            app.state.runtime = system.runtimes[name] = runtime
        try:
            yield system
        finally:
            for app in APPS.values():
                del app.state.runtime
            await transaction.rollback()


async def pages(client: httpx.AsyncClient, path: str, headers: dict | None = None, **params) -> AsyncIterator[dict]:
    """Each page of a list (answered 200), following `next_cursor` until a page has none."""
    cursor: str | None = None
    while True:
        query = {**params, **({"cursor": cursor} if cursor is not None else {})}
        response = await client.get(path, params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        yield page
        cursor = page["next_cursor"]
        if cursor is None:
            return


async def collect_all(client: httpx.AsyncClient, path: str, headers: dict | None, **params) -> list[dict]:
    """Every item of a list, 100 a page unless `limit` says otherwise, following `next_cursor`."""
    return [item async for page in pages(client, path, headers, **{"limit": 100, **params}) for item in page["items"]]


@asynccontextmanager
async def served(app: ASGIApp) -> AsyncIterator[None]:
    """The app started and stopped through the ASGI lifespan protocol, as uvicorn does it: the lifespan messages
    pass through the whole middleware stack, and a start-up error is raised as itself."""
    inbox: asyncio.Queue[Message] = asyncio.Queue()
    outbox: asyncio.Queue[Message] = asyncio.Queue()
    running = asyncio.create_task(app({"type": "lifespan", "asgi": {"version": "3.0"}}, inbox.get, outbox.put))
    await inbox.put({"type": "lifespan.startup"})
    started = await outbox.get()
    if started["type"] != "lifespan.startup.complete":
        await running  # raises the start-up error itself
        raise AssertionError(started)
    try:
        yield
    finally:
        await inbox.put({"type": "lifespan.shutdown"})
        assert (await outbox.get())["type"] == "lifespan.shutdown.complete"
        await running


async def live_account(kuaiban: Kuaiban, *, subject: str, role: str, username: str, **fields) -> None:
    """An account row in the test's transaction, so the gateway's edge honours tokens issued for `subject`
    (it checks each token's account and version; `factories.headers_for` makes the token)."""
    from gateway.models import Account  # the gateway's table: only tests that go through the edge need it

    async with kuaiban.runtimes["gateway"].sessions.begin() as session:
        session.add(
            Account(id=uuid.UUID(subject), username=username, password_hash="-", role=role, active=True, **fields)
        )


async def gateway_account(kuaiban: Kuaiban, role: str, **fields) -> str:
    """An account in the gateway (intake asks the gateway who is an officer); returns its username."""
    username = unique_name(role)
    body = {"username": username, "password": f"pw-{username}", "role": role, **fields}
    async with kuaiban.client("gateway", ADMIN) as gateway:
        response = await gateway.post("/auth/accounts", json=body)
    assert response.status_code == 201, response.text
    return username


async def make_liaison(kuaiban: Kuaiban, enterprise_id: str) -> tuple[str, dict]:
    """A 发改 officer's account made the enterprise's liaison (包保专员): (username, its auth headers)."""
    username = await gateway_account(kuaiban, "officer", department="development_reform")
    async with kuaiban.client("intake", ADMIN) as intake:
        assigned = await intake.put(f"/intake/enterprises/{enterprise_id}/liaison", json={"officer_username": username})
    assert assigned.status_code == 200, assigned.text
    assert assigned.json()["liaison_officer"] == username
    return username, headers_for("officer", username=username, department="development_reform")

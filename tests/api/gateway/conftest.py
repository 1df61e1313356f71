"""Fixtures of the gateway's in-process tests: the gateway app as the admin calls it, the bootstrap
admin, a registered enterprise and bank, accounts created and logged in through the gateway, and the
whole edge in front of a stand-in upstream service."""

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from gateway import app as gateway_app
from services.common.settings import SERVICE_NAMES
from tests.helpers.factories import ACCOUNT_PASSWORD, ADMIN, bearer, enterprise_payload, unique_name
from tests.helpers.inprocess import Kuaiban, MakeAccount, StartEdge, served


@pytest.fixture
async def gateway(kuaiban: Kuaiban) -> AsyncIterator[httpx.AsyncClient]:
    """The gateway's own FastAPI app (/auth, /healthz, /openapi.json) with an admin token."""
    async with kuaiban.client("gateway", ADMIN) as client:
        yield client


@pytest.fixture
async def bootstrapped(kuaiban: Kuaiban) -> AsyncIterator[None]:
    """The bootstrap `admin` account, made by the gateway's start-up hook inside the test's transaction."""
    async with gateway_app.bootstrap_admin(kuaiban.runtimes["gateway"]):
        yield


@pytest.fixture
async def enterprise(kuaiban: Kuaiban) -> dict:
    async with kuaiban.client("intake", ADMIN) as intake:
        response = await intake.post("/intake/enterprises", json=enterprise_payload())
    assert response.status_code == 201, response.text
    return response.json()


@pytest.fixture
async def bank_id(kuaiban: Kuaiban) -> str:
    async with kuaiban.client("finance", ADMIN) as finance:
        response = await finance.post("/finance/banks", json={"code": unique_name("bank"), "name": "濉溪农村商业银行"})
    assert response.status_code == 201, response.text
    return response.json()["id"]


@pytest.fixture
def make_account(gateway: httpx.AsyncClient) -> MakeAccount:
    """Create an account through `POST /auth/accounts` and log it in: (the account, its auth headers)."""

    async def make(role: str, **fields) -> tuple[dict, dict[str, str]]:
        username = unique_name(role)
        body = {"username": username, "password": ACCOUNT_PASSWORD, "role": role, **fields}
        created = await gateway.post("/auth/accounts", json=body)
        assert created.status_code == 201, created.text
        token = await gateway.post("/auth/token", data={"username": username, "password": ACCOUNT_PASSWORD})
        assert token.status_code == 200, token.text
        return created.json(), bearer(token.json()["access_token"])

    return make


class Upstream:
    """A stand-in service on loopback for the edge and the proxy: it echoes what it received as JSON
    (`/…/big` answers a body too large to be buffered, `/…/stall` never answers) and counts requests."""

    BIG = 300 * 1024

    def __init__(self) -> None:
        self.hits = 0
        self.never = asyncio.Event()
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self.answer)
        self.server = TestServer(app, host="127.0.0.1")

    @property
    def url(self) -> str:
        return str(self.server.make_url("")).rstrip("/")

    async def answer(self, request: web.Request) -> web.StreamResponse:
        self.hits += 1
        if request.path.endswith("/big"):
            return web.Response(body=b"x" * self.BIG, content_type="application/octet-stream")
        if request.path.endswith("/stall"):
            await self.never.wait()
        echo = {
            "method": request.method,
            "path": request.raw_path,
            "headers": {name.lower(): value for name, value in request.headers.items()},
            "body": (await request.read()).decode(),
        }
        return web.json_response(echo, status=201 if request.method == "POST" else 200, headers={"X-Upstream": "echo"})


@pytest.fixture
async def upstream() -> AsyncIterator[Upstream]:
    stand_in = Upstream()
    await stand_in.server.start_server()
    yield stand_in
    stand_in.never.set()  # let stalled answers finish so the server closes at once
    await stand_in.server.close()


@pytest.fixture
def start_edge(kuaiban: Kuaiban, upstream: Upstream) -> StartEdge:
    """The whole gateway ASGI app (request ids, edge, own app) with its lifespan run (which also makes the
    bootstrap admin), forwarding every service prefix to `upstream`; `overrides` change settings (rate
    limit, body limit, upstream URLs) for that start."""

    @asynccontextmanager
    async def start(**overrides) -> AsyncIterator[httpx.AsyncClient]:
        runtime = kuaiban.runtimes["gateway"]
        upstreams = {f"{name}_url": upstream.url for name in SERVICE_NAMES}
        runtime.settings = kuaiban.settings.model_copy(update={"rate_limit_per_minute": 0, **upstreams, **overrides})
        async with served(gateway_app.app):
            transport = httpx.ASGITransport(app=gateway_app.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://gateway.test") as client:
                yield client

    return start


@pytest.fixture
async def edge(start_edge: StartEdge) -> AsyncIterator[httpx.AsyncClient]:
    """The gateway's edge with default settings and no rate limit."""
    async with start_edge() as client:
        yield client


@pytest.fixture
def unused_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]

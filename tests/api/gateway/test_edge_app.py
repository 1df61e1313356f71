"""The whole gateway ASGI app in process: request ids, security headers, tokens at the edge, internal
paths, body and rate limits, and forwarding to a stand-in upstream over the real proxy. The real
processes behind the edge stay in tests/e2e/test_foundation.py."""

import json
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest

from gateway import app as gateway_app
from gateway.config import DOCS_CSP
from gateway.contract import ACCOUNT_PATH
from tests.helpers.factories import ADMIN_PASSWORD, OTHER_SECRET, bad_tokens, bearer, forged_token, headers_for
from tests.helpers.inprocess import Kuaiban, live_account
from tests.helpers.problems import assert_problem, assert_security_headers

ADMIN_SUBJECT = "5b2f3c1e-7d4a-4e0b-9c6f-0d1e2f3a4b5c"  # a real account in each test (`admin_account`)
ADMIN = headers_for("admin", username="admin-edge", subject=ADMIN_SUBJECT)


async def officers(kuaiban: Kuaiban, count: int) -> list[dict[str, str]]:
    """Headers of live officer accounts (the edge honours tokens of live accounts only)."""
    made = []
    for number in range(count):
        subject, username = str(uuid.uuid4()), f"edge-officer-{number}-{uuid.uuid4().hex[:6]}"
        await live_account(kuaiban, subject=subject, role="officer", username=username, department="tax")
        made.append(headers_for("officer", username=username, subject=subject, department="tax"))
    return made


@pytest.fixture(autouse=True)
async def admin_account(kuaiban: Kuaiban) -> None:
    """The edge honours a token only for a live account at its version: make ADMIN's."""
    await live_account(kuaiban, subject=ADMIN_SUBJECT, role="admin", username="admin-edge")


SERVICE_PATHS = ["/intake/enterprises", "/approval/anything", "/finance/anything"]


async def test_service_prefixes_are_forwarded_unchanged(edge: httpx.AsyncClient, upstream):
    response = await edge.get(
        "/intake/enterprises?limit=2&town=%E6%BF%89%E6%BA%AA",
        headers={**ADMIN, "X-Request-ID": "trace-abc.123", "X-Forwarded-For": "6.6.6.6"},
    )
    assert response.status_code == 200
    echo = response.json()
    assert echo["method"] == "GET" and echo["path"] == "/intake/enterprises?limit=2&town=%E6%BF%89%E6%BA%AA"
    assert echo["headers"]["authorization"] == ADMIN["Authorization"]
    assert echo["headers"]["x-request-id"] == "trace-abc.123"  # the service logs under the caller's id
    assert echo["headers"]["x-forwarded-for"] == "127.0.0.1"  # the caller cannot claim another address
    assert echo["headers"]["x-forwarded-proto"] == "http"
    assert response.headers["x-upstream"] == "echo"
    assert response.headers["x-request-id"] == "trace-abc.123"
    assert "server" not in response.headers

    posted = await edge.post("/finance/needs", json={"amount_yuan": 500_000}, headers=ADMIN)
    assert posted.status_code == 201
    assert posted.json()["method"] == "POST" and json.loads(posted.json()["body"]) == {"amount_yuan": 500_000}
    assert upstream.hits == 2


async def test_large_answers_are_streamed_whole(edge: httpx.AsyncClient, upstream):
    response = await edge.get("/approval/big", headers=ADMIN)
    assert response.status_code == 200
    assert response.content == b"x" * upstream.BIG


async def test_security_headers_and_request_ids(edge: httpx.AsyncClient):
    forwarded = await edge.get("/intake/enterprises", headers={**ADMIN, "X-Request-ID": "trace-abc.123"})
    own = await edge.get("/healthz")
    for response in (forwarded, own):
        assert_security_headers(response)
    assert forwarded.headers["x-request-id"] == "trace-abc.123"
    assert len(own.headers["x-request-id"]) >= 16
    invalid = await edge.get("/healthz", headers={"X-Request-ID": "bad id with spaces"})
    assert invalid.headers["x-request-id"] != "bad id with spaces" and len(invalid.headers["x-request-id"]) >= 16
    docs = await edge.get("/docs")
    assert docs.status_code == 200 and docs.headers["content-security-policy"] == DOCS_CSP[1].decode()
    assert "script-src 'self';" in docs.headers["content-security-policy"]  # the docs page runs its own files only


async def test_the_gateways_own_paths_pass_through_the_edge(edge: httpx.AsyncClient):
    health = await edge.get("/healthz")
    assert health.status_code == 200
    assert health.json() == {"status": "ok", "services": {"intake": "ok", "approval": "ok", "finance": "ok"}}
    token = await edge.post("/auth/token", data={"username": "admin", "password": ADMIN_PASSWORD})
    assert token.status_code == 200, token.text  # the form body read by the edge reaches the app whole
    me = await edge.get("/auth/me", headers=bearer(token.json()["access_token"]))
    assert me.status_code == 200 and me.json()["username"] == "admin"
    assert "/intake/enterprises" in (await edge.get("/openapi.json")).json()["paths"]


async def test_unknown_paths_and_methods(edge: httpx.AsyncClient):
    assert_problem(await edge.get("/no/such/path"), 404)
    assert_problem(await edge.get("/"), 404)
    assert_problem(await edge.delete("/auth/token"), 405)


@pytest.mark.parametrize("path", [*SERVICE_PATHS, "/auth/me"])
async def test_bad_tokens_are_401(edge: httpx.AsyncClient, upstream, path: str):
    assert_problem(await edge.get(path), 401)
    assert_problem(await edge.get(path, headers={"Authorization": "Basic YWRtaW46YWRtaW4="}), 401)
    assert_problem(await edge.get(path, headers={"Authorization": "Bearer"}), 401)
    for name, token in bad_tokens().items():
        response = await edge.get(path, headers=bearer(token))
        assert response.status_code == 401, name
        assert_problem(response, 401)
        if path in SERVICE_PATHS:
            assert response.headers["www-authenticate"] == "Bearer"
    assert upstream.hits == 0  # nothing unauthenticated reaches a service


async def test_internal_paths_are_for_services_only(edge: httpx.AsyncClient, make_account, upstream):
    account, officer = await make_account("officer", department="tax")
    path = ACCOUNT_PATH.format(username=account["username"])
    for headers in ({}, ADMIN, officer, bearer(forged_token(secret=OTHER_SECRET))):
        assert_problem(await edge.get(path, headers=headers), 404)  # not even 401/403: the path is not there
    assert_problem(await edge.get("/internal/intake/ping", headers=ADMIN), 404)
    service = headers_for("internal", subject="internal:intake", username="intake")
    found = await edge.get(path, headers=service)  # intake calls the gateway's edge for this look-up
    assert found.status_code == 200 and found.json()["id"] == account["id"]
    assert upstream.hits == 0


@pytest.mark.parametrize(
    "path",
    ["/intake/%2e%2e/internal/x", "/intake/%2E%2E", "/intake/%2e/enterprises", "/healthz/%2e%2e/internal/x", "/a%00b"],
)
async def test_dot_segments_and_nul_are_404(edge: httpx.AsyncClient, upstream, path: str):
    assert_problem(await edge.get(path, headers=ADMIN), 404)
    assert upstream.hits == 0


async def test_oversized_body_is_413(start_edge, upstream):
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(8):
            yield b"x" * 1024

    async with start_edge(max_body_bytes=4096) as edge:
        huge = {"name": "x" * 5000}
        assert_problem(await edge.post("/intake/enterprises", json=huge, headers=ADMIN), 413)
        assert_problem(await edge.post("/auth/accounts", json=huge, headers=ADMIN), 413)
        streamed = await edge.post("/intake/enterprises", content=chunks(), headers=ADMIN)  # no content-length
        assert "content-length" not in streamed.request.headers
        assert_problem(streamed, 413)
        assert upstream.hits == 0
        fits = await edge.post("/intake/enterprises", content=b"y" * 4096, headers=ADMIN)
        assert fits.status_code == 201 and fits.json()["body"] == "y" * 4096


async def test_rate_limit_answers_429(start_edge, kuaiban: Kuaiban):
    caller, other = await officers(kuaiban, 2)
    async with start_edge(rate_limit_per_minute=5) as limited:
        statuses = [(await limited.get("/intake/enterprises", headers=caller)).status_code for _ in range(8)]
        assert statuses[:5] == [200] * 5
        assert statuses[5:] == [429] * 3
        response = await limited.get("/intake/enterprises", headers=caller)
        assert_problem(response, 429)
        assert 1 <= int(response.headers["retry-after"]) <= 60
        # every caller has a budget of its own
        assert (await limited.get("/intake/enterprises", headers=other)).status_code == 200
        anonymous = [
            (await limited.post("/auth/token", data={"username": "x", "password": "y"})).status_code for _ in range(7)
        ]
        assert 429 in anonymous
        assert (await limited.get("/healthz")).status_code == 200  # health checks are never limited


async def test_a_service_that_refuses_connections_is_503(start_edge, unused_port: int):
    async with start_edge(finance_url=f"http://127.0.0.1:{unused_port}") as edge:
        body = assert_problem(await edge.get("/finance/products", headers=ADMIN), 503)
        assert "finance" in body["detail"]
        assert (await edge.get("/intake/enterprises", headers=ADMIN)).status_code == 200


async def test_a_service_that_does_not_answer_in_time_is_504(start_edge):
    async with start_edge(upstream_timeout_seconds=0.2) as edge:
        assert_problem(await edge.get("/finance/stall", headers=ADMIN), 504)
        assert (await edge.get(f"/finance/needs/{uuid.uuid4()}", headers=ADMIN)).status_code == 200


def raw_scope(method: str, path: str, headers: dict[str, str]) -> dict:
    """An HTTP scope as a server passes it, for what httpx cannot send (`*`, a caller that leaves)."""
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": [(name.lower().encode(), value.encode()) for name, value in headers.items()],
        "client": ("127.0.0.1", 50000),
        "server": ("gateway.test", 80),
    }


async def test_a_caller_that_leaves_mid_body_gets_nothing_and_reaches_nothing(edge: httpx.AsyncClient, upstream):
    sent: list[dict] = []

    async def leaves() -> dict:
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        sent.append(message)

    for path in ("/intake/enterprises", "/auth/accounts"):
        await gateway_app.app(raw_scope("POST", path, ADMIN), leaves, send)
    assert sent == [] and upstream.hits == 0


async def test_options_star_is_a_plain_404(edge: httpx.AsyncClient):
    sent: list[dict] = []

    async def empty_body() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    await gateway_app.app(raw_scope("OPTIONS", "*", {}), empty_body, send)
    assert sent[0]["type"] == "http.response.start" and sent[0]["status"] == 404

"""Multipart uploads through the whole edge to a stand-in service on loopback: streamed as they arrive past the
1 MiB body limit (the gateway must never hold a file whole), refused 413 past the upload limit, aborted
upstream when too large or when the caller leaves, and never sent to a second replica."""

import asyncio
import hashlib
import json
import uuid
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from gateway import app as gateway_app
from gateway.edge import UPLOAD_OVERHEAD
from gateway.proxy import Proxy, Upload
from tests.api.gateway.conftest import Upstream
from tests.helpers.factories import headers_for
from tests.helpers.inprocess import Kuaiban, live_account
from tests.helpers.peers import RawPeer, closed_url, problem_of
from tests.helpers.problems import assert_problem

ADMIN_SUBJECT = "0c8e4f6a-2b1d-4c3e-9a7f-5e6d7c8b9a01"
ADMIN = headers_for("admin", username="admin-uploads", subject=ADMIN_SUBJECT)
UPLOAD_MAX = 3_200_000  # small enough to keep the tests fast, above the 1 MiB limit of other bodies
LIMIT = UPLOAD_MAX + UPLOAD_OVERHEAD
MATERIAL = f"/approval/applications/{uuid.uuid4()}/materials/business_license"
BOUNDARY = "kuaiban-test-boundary"
MULTIPART = {"content-type": f"multipart/form-data; boundary={BOUNDARY}"}


def multipart(size: int) -> bytes:
    """A multipart/form-data body with one file of `size` bytes (not all alike, so a lost piece shows)."""
    content = (bytes(range(256)) * (size // 256 + 1))[:size]
    head = (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="license.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()
    return head + content + f"\r\n--{BOUNDARY}--\r\n".encode()


async def pieces(body: bytes, size: int = 64 * 1024) -> AsyncIterator[bytes]:
    """The body sent chunked (no Content-Length), as a browser streaming a file may."""
    for start in range(0, len(body), size):
        yield body[start : start + size]


class Receiver(Upstream):
    """The stand-in service, streaming what it gets as the real ones do: it answers the body's sha256, size and
    how many pieces it came in, and notes a body that broke off. `/…/refuse` answers 413 without reading."""

    def __init__(self) -> None:
        super().__init__()
        self.first_piece = asyncio.Event()
        self.broken = asyncio.Event()
        self.sizes: list[int] = []  # of every body it began to receive

    async def answer(self, request: web.Request) -> web.StreamResponse:
        self.hits += 1
        if request.path.endswith("/refuse"):
            return web.json_response({"refused": True}, status=413, headers={"X-Upstream": "echo"})
        digest, count, size = hashlib.sha256(), 0, 0
        self.sizes.append(0)
        try:
            async for piece in request.content.iter_any():
                digest.update(piece)
                count += 1
                size += len(piece)
                self.sizes[-1] = size
                self.first_piece.set()
        except BaseException:  # aiohttp cancels the handler when its connection is closed mid-body
            self.broken.set()
            raise
        echo = {
            "sha256": digest.hexdigest(),
            "size": size,
            "pieces": count,
            "headers": {name.lower(): value for name, value in request.headers.items()},
        }
        return web.json_response(echo, status=201, headers={"X-Upstream": "echo"})


@pytest.fixture
async def upstream() -> AsyncIterator[Receiver]:
    """The stand-in `start_edge` forwards to: a `Receiver` here."""
    stand_in = Receiver()
    await stand_in.server.start_server()
    yield stand_in
    await stand_in.server.close()


@pytest.fixture(autouse=True)
async def admin_account(kuaiban: Kuaiban) -> None:
    """The edge honours a token only for a live account: make ADMIN's."""
    await live_account(kuaiban, subject=ADMIN_SUBJECT, role="admin", username="admin-uploads")


async def test_an_upload_past_the_body_limit_reaches_the_service_whole(start_edge, upstream: Receiver):
    body = multipart(3_000_000)
    async with start_edge(upload_max_bytes=UPLOAD_MAX) as edge:
        for sent in (body, pieces(body)):  # with a Content-Length, then chunked
            response = await edge.post(MATERIAL, content=sent, headers={**ADMIN, **MULTIPART})
            assert response.status_code == 201, response.text
            echo = response.json()
            assert echo["sha256"] == hashlib.sha256(body).hexdigest() and echo["size"] == len(body)
            assert echo["pieces"] > 1  # it came as it arrived
            assert echo["headers"]["authorization"] == ADMIN["Authorization"]
            assert echo["headers"]["x-forwarded-for"] == "127.0.0.1" and "traceparent" in echo["headers"]
        assert echo["headers"].get("content-length") is None  # chunked stays chunked
        # the same size as JSON is still a body the gateway reads whole, and refuses
        big_json = json.dumps({"note": "x" * 3_000_000})
        refused = await edge.post(MATERIAL, content=big_json, headers={**ADMIN, "content-type": "application/json"})
        assert_problem(refused, 413)
        assert upstream.hits == 2


async def test_an_upload_keeps_its_content_length(start_edge, upstream: Receiver):
    body = multipart(100_000)
    async with start_edge(upload_max_bytes=UPLOAD_MAX) as edge:
        response = await edge.post("/intake/requests/r-1/attachments", content=body, headers={**ADMIN, **MULTIPART})
    assert response.status_code == 201, response.text
    assert response.json()["headers"]["content-length"] == str(len(body))  # a service may refuse by it up front


async def test_an_upload_is_streamed_as_it_arrives(start_edge, upstream: Receiver):
    """The caller sends the rest only once the service has the first piece: a buffering gateway never gets there."""
    body = multipart(2_000_000)

    async def gated() -> AsyncIterator[bytes]:
        yield body[:100_000]
        await asyncio.wait_for(upstream.first_piece.wait(), timeout=5)
        yield body[100_000:]

    async with start_edge(upload_max_bytes=UPLOAD_MAX) as edge:
        response = await edge.post("/approval/vault", content=gated(), headers={**ADMIN, **MULTIPART})
    assert response.status_code == 201, response.text
    assert response.json()["sha256"] == hashlib.sha256(body).hexdigest()


async def test_an_upload_over_the_limit_is_413_up_front(start_edge, upstream: Receiver):
    body = multipart(LIMIT)  # the framing takes it past the limit
    async with start_edge(upload_max_bytes=UPLOAD_MAX) as edge:
        refused = await edge.post(MATERIAL, content=body, headers={**ADMIN, **MULTIPART})
    assert f"{LIMIT}" in assert_problem(refused, 413)["detail"]
    assert upstream.hits == 0


async def test_a_chunked_upload_that_passes_the_limit_is_413_and_aborted_upstream(start_edge, upstream: Receiver):
    body = multipart(LIMIT + 500_000)
    async with start_edge(upload_max_bytes=UPLOAD_MAX) as edge:
        refused = await edge.post(MATERIAL, content=pieces(body), headers={**ADMIN, **MULTIPART})
        assert "content-length" not in refused.request.headers
        assert_problem(refused, 413)
        await asyncio.wait_for(upstream.broken.wait(), timeout=5)  # the service saw the body break off
        assert upstream.sizes[0] <= LIMIT
        assert (await edge.get("/approval/matters", headers=ADMIN)).status_code == 201  # and the edge goes on


async def test_the_services_own_early_answer_is_relayed(start_edge, upstream: Receiver):
    async with start_edge(upload_max_bytes=UPLOAD_MAX) as edge:
        response = await edge.post(
            "/approval/refuse", content=pieces(multipart(2_000_000)), headers={**ADMIN, **MULTIPART}
        )
    assert response.status_code == 413 and response.json() == {"refused": True}
    assert response.headers["x-upstream"] == "echo"


async def test_a_caller_that_leaves_mid_upload_aborts_the_upstream_request(start_edge, upstream: Receiver):
    messages = [
        {"type": "http.request", "body": multipart(500_000)[:200_000], "more_body": True},
        {"type": "http.disconnect"},
    ]
    sent: list[dict] = []

    async def receive() -> dict:
        if len(messages) == 1:  # leave once the service is reading the body
            await upstream.first_piece.wait()
        return messages.pop(0)

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": MATERIAL,
        "raw_path": MATERIAL.encode(),
        "query_string": b"",
        "headers": [(name.lower().encode(), value.encode()) for name, value in {**ADMIN, **MULTIPART}.items()],
        "client": ("127.0.0.1", 50000),
        "server": ("gateway.test", 80),
    }
    async with start_edge(upload_max_bytes=UPLOAD_MAX):
        await asyncio.wait_for(gateway_app.app(scope, receive, send), timeout=5)
        await asyncio.wait_for(upstream.broken.wait(), timeout=5)
    assert sent == []  # nobody is left to answer


async def test_an_upload_is_never_sent_to_a_second_replica(upstream: Receiver):
    """A replica that dropped an upload may have stored part of it, and the body cannot be read again: 502.
    One that refused the connection got nothing, and nothing was read yet: the next replica takes it."""
    dropping = RawPeer(None)
    proxy = Proxy({"approval": [await dropping.start(), upstream.url]}, timeout_seconds=5)
    stopped = Proxy({"approval": [closed_url(), upstream.url]}, timeout_seconds=5)
    try:
        statuses = sorted([(await upload_through(proxy))[0]["status"] for _ in range(2)])
        assert statuses == [201, 502]
        assert dropping.connections == 1 and upstream.hits == 1
        assert [(await upload_through(stopped))[0]["status"] for _ in range(2)] == [201, 201]
    finally:
        for each in (proxy, stopped):
            await each.close()
        dropping.server.close()


async def upload_through(proxy: Proxy) -> list[dict]:
    """A small multipart upload forwarded by the proxy alone; what the caller was sent."""
    messages = [{"type": "http.request", "body": multipart(10_000), "more_body": False}]
    sent: list[dict] = []

    async def receive() -> dict:
        return messages.pop(0)

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "raw_path": b"/approval/vault",
        "query_string": b"",
        "headers": [(b"content-type", MULTIPART["content-type"].encode())],
        "client": ("10.0.0.7", 50000),
    }
    await proxy.forward_upload(scope, Upload(receive, LIMIT), send, service="approval", request_id="rid-1")
    if sent[0]["status"] >= 500:
        problem_of(sent)  # a clean problem, not half an answer
    return sent

"""The proxy against peers on loopback that misbehave on purpose: what a caller gets when a service
closes, breaks off or speaks garbage, and which headers never cross the gateway."""

from collections.abc import AsyncIterator, Sequence

import pytest

from gateway.proxy import BrokenUpstream, Proxy
from tests.helpers.peers import RawPeer, closed_url, problem_of

OK = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"


@pytest.fixture
async def peer_proxy() -> AsyncIterator:
    """Start a proxy whose `approval` is a RawPeer with the given replies."""
    opened: list[tuple[RawPeer, Proxy]] = []

    async def start(*replies: bytes | None) -> tuple[RawPeer, Proxy]:
        peer = RawPeer(*replies)
        proxy = Proxy({"approval": [await peer.start()]}, timeout_seconds=5)
        opened.append((peer, proxy))
        return peer, proxy

    yield start
    for peer, proxy in opened:
        await proxy.close()
        peer.server.close()
        await peer.server.wait_closed()


def scope(method: str = "GET", headers: Sequence[tuple[bytes, bytes]] = ()) -> dict:
    return {
        "type": "http",
        "method": method,
        "raw_path": b"/approval/matters",
        "query_string": b"",
        "headers": list(headers),
        "client": ("10.0.0.7", 50000),
        "scheme": "https",
    }


async def forward(proxy: Proxy, method: str = "GET", body: bytes = b"", headers=()) -> list[dict]:
    sent: list[dict] = []

    async def send(message: dict) -> None:
        sent.append(message)

    await proxy.forward(scope(method, headers), body, send, service="approval", request_id="rid-1")
    return sent


async def test_garbage_instead_of_http_is_502(peer_proxy):
    _, proxy = await peer_proxy(b"this is not HTTP\r\n\r\n")
    problem = problem_of(await forward(proxy))
    assert problem["code"] == "bad_upstream" and "应答无效" in problem["detail"]


async def test_a_closed_pooled_connection_is_retried_for_reads_only(peer_proxy):
    peer, proxy = await peer_proxy(None, OK)
    sent = await forward(proxy)
    assert sent[0]["status"] == 200 and sent[1]["body"] == b"ok"
    assert peer.connections == 2

    peer, proxy = await peer_proxy(None, OK)
    problem = problem_of(await forward(proxy, "POST", b"{}"))
    assert problem["status"] == 502 and "approval" in problem["detail"]
    assert peer.connections == 1  # a write is never sent twice


async def test_a_small_answer_that_breaks_off_is_a_clean_502(peer_proxy):
    _, proxy = await peer_proxy(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + b"x" * 10)
    assert problem_of(await forward(proxy))["status"] == 502


async def test_a_streamed_answer_that_breaks_off_cuts_the_callers_connection(peer_proxy):
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000000\r\n\r\n"
    _, proxy = await peer_proxy(head + b"x" * 300_000)
    sent: list[dict] = []

    async def send(message: dict) -> None:
        sent.append(message)

    with pytest.raises(BrokenUpstream):
        await proxy.forward(scope(), b"", send, service="approval", request_id="rid-1")
    assert [message["type"] for message in sent].count("http.response.start") == 1  # no second answer
    assert all(message.get("more_body") for message in sent[1:])  # and the body never ends as if whole


async def test_hop_by_hop_headers_do_not_cross(peer_proxy):
    answer = (
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n"
        b"Server: upstream/1.0\r\nDate: Mon, 01 Jan 2029 00:00:00 GMT\r\nX-Kept: yes\r\n\r\nok"
    )
    _, proxy = await peer_proxy(answer)
    start, _ = await forward(proxy)
    names = {name.lower() for name, _ in start["headers"]}
    assert b"x-kept" in names and b"content-length" in names
    assert not names & {b"connection", b"keep-alive", b"server", b"date"}


async def test_the_request_carries_the_request_id_and_the_callers_address(peer_proxy):
    peer, proxy = await peer_proxy(OK)
    spoofed = [
        (b"x-forwarded-for", b"6.6.6.6"),
        (b"x-request-id", b"spoofed"),
        (b"proxy-authorization", b"Basic eA=="),
        (b"te", b"trailers"),
        (b"accept", b"application/json"),
    ]
    await forward(proxy, headers=spoofed)
    head = peer.heads[0].lower()
    assert head.startswith("get /approval/matters http/1.1")
    assert "x-request-id: rid-1" in head and "spoofed" not in head
    assert "x-forwarded-for: 10.0.0.7" in head and "6.6.6.6" not in head
    assert "x-forwarded-proto: https" in head
    assert "proxy-authorization" not in head and "\r\nte:" not in head
    assert "accept: application/json" in head


OK_CLOSING = b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"  # never pooled


async def test_requests_take_the_replicas_in_turn_and_pass_over_a_stopped_one():
    first, second = RawPeer(OK_CLOSING), RawPeer(OK_CLOSING)
    proxy = Proxy({"approval": [await first.start(), closed_url(), await second.start()]}, timeout_seconds=5)
    try:
        statuses = [(await forward(proxy, "POST", b"{}"))[0]["status"] for _ in range(6)]
        assert statuses == [200] * 6  # a POST too: a refused connection sent nothing, so the next replica takes it
        assert first.connections >= 2 and second.connections >= 2  # spread over the live ones
        assert first.connections + second.connections == 6  # and each request answered once
    finally:
        await proxy.close()
        for peer in (first, second):
            peer.server.close()


async def test_a_post_is_never_sent_again_after_a_replica_dropped_it():
    dropping, healthy = RawPeer(None), RawPeer(OK_CLOSING)
    proxy = Proxy({"approval": [await dropping.start(), await healthy.start()]}, timeout_seconds=5)
    try:
        answers = [await forward(proxy, "POST", b"{}") for _ in range(2)]
        statuses = sorted(sent[0]["status"] for sent in answers)
        assert statuses == [200, 502]  # the dropped one may have been received: 502, not a second delivery
        assert dropping.connections == 1 and healthy.connections == 1
        got = await forward(proxy, "GET")  # an idempotent request is asked again on the next replica
        assert got[0]["status"] == 200
    finally:
        await proxy.close()
        for peer in (dropping, healthy):
            peer.server.close()

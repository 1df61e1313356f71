"""The foundation over real processes: what needs the real edge, sockets and processes (tokens refused at
the edge, dot segments on the wire, limits, request ids in the services' logs, broken and stopped
services, Redis-shared limits). Logins, accounts, health, the merged OpenAPI and the enterprise registry
are tested in process (tests/api/gateway, tests/api/intake/test_registry.py)."""

import json
import socket
import threading
import uuid

import httpx
import pytest

from launcher.system import System, free_port_block
from services.intake.contract import ENTERPRISE_PATH
from tests.helpers.factories import bad_tokens, bearer, enterprise_payload, unique_name
from tests.helpers.http import log_lines, login, raw_get
from tests.helpers.problems import assert_problem, assert_security_headers


@pytest.fixture(scope="module")
def enterprise(gateway: httpx.Client, admin_headers: dict) -> dict:
    response = gateway.post("/intake/enterprises", json=enterprise_payload(), headers=admin_headers)
    assert response.status_code == 201, response.text
    return response.json()


def test_health_reports_every_service(gateway: httpx.Client):
    response = gateway.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "services": {"intake": "ok", "approval": "ok", "finance": "ok"}}


@pytest.mark.parametrize("path", ["/intake/enterprises", "/auth/me", "/approval/anything", "/finance/anything"])
def test_bad_tokens_are_401(gateway: httpx.Client, path: str):
    assert_problem(gateway.get(path), 401)
    assert_problem(gateway.get(path, headers={"Authorization": "Basic YWRtaW46YWRtaW4="}), 401)
    for name, token in bad_tokens().items():
        response = gateway.get(path, headers=bearer(token))
        assert response.status_code == 401, name
        assert_problem(response, 401)


def test_unknown_paths_and_methods(gateway: httpx.Client, admin_headers: dict):
    assert_problem(gateway.get("/no/such/path"), 404)
    assert_problem(gateway.get("/intake/no-such-thing", headers=admin_headers), 404)
    assert_problem(gateway.delete("/auth/token"), 405)
    assert_problem(gateway.put("/intake/enterprises", json={}, headers=admin_headers), 405)


def test_internal_paths_are_not_reachable(gateway: httpx.Client, admin_headers: dict):
    assert_problem(gateway.get("/internal/intake/ping", headers=admin_headers), 404)
    assert_problem(gateway.get("/healthz/../internal/x", headers=admin_headers), 404)
    for raw_path in ("/intake/../internal/x", "/intake/./enterprises", "/intake/%2e%2e/internal/x"):
        status, body = raw_get(gateway.base_url.port, raw_path, admin_headers)
        assert status == 404, raw_path
        assert json.loads(body)["status"] == 404


def test_security_headers_and_request_id(gateway: httpx.Client, admin_headers: dict, enterprise: dict):
    response = gateway.get(
        f"/intake/enterprises/{enterprise['id']}", headers={**admin_headers, "X-Request-ID": "trace-abc.123"}
    )
    assert response.headers["x-request-id"] == "trace-abc.123"
    assert_security_headers(response)
    assert len(gateway.get("/healthz").headers["x-request-id"]) >= 16


def test_request_id_reaches_the_service_log(gateway: httpx.Client, admin_headers: dict, system: System):
    request_id = f"e2e-{uuid.uuid4().hex}"
    gateway.get("/intake/enterprises", headers={**admin_headers, "X-Request-ID": request_id})
    lines = log_lines(system, "intake", request_id, until=lambda line: line["logger"] == "kuaiban.access")
    assert any(line["logger"] == "kuaiban.access" and line["component"] == "intake" for line in lines)
    assert all(line["request_id"] == request_id for line in lines)


def test_oversized_body_is_413(gateway: httpx.Client, admin_headers: dict):
    huge = {"name": "x" * 2_000_000}
    assert_problem(gateway.post("/intake/enterprises", json=huge, headers=admin_headers), 413)
    assert_problem(gateway.post("/auth/accounts", json=huge, headers=admin_headers), 413)

    def chunks():
        for _ in range(40):
            yield b"x" * 65536

    assert_problem(gateway.post("/intake/enterprises", content=chunks(), headers=admin_headers), 413)


def test_stopped_service_gives_503_and_recovers(gateway: httpx.Client, admin_headers: dict, system: System):
    system.stop("finance")
    try:
        assert_problem(gateway.get("/finance/products", headers=admin_headers), 503)
        health = gateway.get("/healthz")
        assert health.status_code == 503
        assert health.json()["services"] == {"intake": "ok", "approval": "ok", "finance": "down"}
    finally:
        system.start("finance")
        system.wait_healthy()
    assert gateway.get("/healthz").status_code == 200


def test_rate_limit_answers_429(system: System, admin_headers: dict):
    port = free_port_block(1)
    system.start("gateway", port=port, extra_env={"KUAIBAN_RATE_LIMIT_PER_MINUTE": "5"})
    try:
        system.wait_up("gateway", port=port)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as limited:
            statuses = [limited.get("/intake/enterprises", headers=admin_headers).status_code for _ in range(8)]
            assert statuses[:5] == [200] * 5
            assert statuses[5:] == [429] * 3
            response = limited.get("/intake/enterprises", headers=admin_headers)
            assert_problem(response, 429)
            assert 1 <= int(response.headers["retry-after"]) <= 60
            anonymous = [
                limited.post("/auth/token", data={"username": "x", "password": "y"}).status_code for _ in range(7)
            ]
            assert 429 in anonymous
            assert limited.get("/healthz").status_code == 200  # health checks are never limited
    finally:
        system.stop("gateway", port=port)


def test_service_calls_forward_the_request_id(
    gateway: httpx.Client, admin_headers: dict, enterprise: dict, system: System
):
    request_id = f"acct-{uuid.uuid4().hex}"
    body = {"username": unique_name("ent"), "password": "long-enough-pw", "role": "enterprise"}
    response = gateway.post(
        "/auth/accounts",
        json={**body, "enterprise_id": enterprise["id"]},
        headers={**admin_headers, "X-Request-ID": request_id},
    )
    assert response.status_code == 201
    path = ENTERPRISE_PATH.format(enterprise_id=enterprise["id"])  # the internal call checking the enterprise
    intake_lines = log_lines(system, "intake", request_id, until=lambda line: line.get("path") == path)
    assert any(line.get("path") == path for line in intake_lines)


class _Peer:
    """A TCP peer on loopback that either never answers or answers with garbage."""

    def __init__(self, reply: bytes | None) -> None:
        self.reply = reply
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.connections: list[socket.socket] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections.append(conn)
            if self.reply is not None:
                conn.recv(65536)
                conn.sendall(self.reply)
                conn.close()

    def close(self) -> None:
        self.sock.close()
        for conn in self.connections:
            conn.close()


def test_slow_and_broken_services_give_504_and_502(system: System, admin_headers: dict):
    silent, garbage = _Peer(None), _Peer(b"this is not HTTP\r\n\r\n")
    port = free_port_block(1)
    system.start(
        "gateway",
        port=port,
        extra_env={
            "KUAIBAN_FINANCE_URL": f"http://127.0.0.1:{silent.port}",
            "KUAIBAN_APPROVAL_URL": f"http://127.0.0.1:{garbage.port}",
            "KUAIBAN_UPSTREAM_TIMEOUT_SECONDS": "1",
        },
    )
    try:
        system.wait_up("gateway", port=port)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            assert_problem(client.get("/finance/products", headers=admin_headers), 504)
            assert_problem(client.get("/approval/matters", headers=admin_headers), 502)
            assert client.get("/intake/enterprises", headers=admin_headers).status_code == 200
    finally:
        system.stop("gateway", port=port)
        silent.close()
        garbage.close()


def _redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@pytest.mark.skipif(not _redis_answers(), reason="no Redis server at 127.0.0.1:6379")
def test_gateway_replicas_share_the_rate_limit_through_redis(system: System, admin_headers: dict):
    ports = [free_port_block(1), free_port_block(1)]
    shared = {"KUAIBAN_RATE_LIMIT_PER_MINUTE": "6", "KUAIBAN_RATE_LIMIT_STORAGE": "redis://127.0.0.1:6379/15"}
    for port in ports:
        system.start("gateway", port=port, extra_env=shared)
    try:
        for port in ports:
            system.wait_up("gateway", port=port)
        # A caller of its own, so earlier runs against the same Redis cannot have used up its budget.
        username = unique_name("limited")
        with httpx.Client(base_url=system.gateway_url) as client:
            client.post(
                "/auth/accounts",
                headers=admin_headers,
                json={"username": username, "password": "long-enough-pw", "role": "officer", "department": "tax"},
            )
            headers = bearer(login(client, username, "long-enough-pw"))
        statuses = []
        for turn in range(8):
            port = ports[turn % 2]
            statuses.append(httpx.get(f"http://127.0.0.1:{port}/intake/enterprises", headers=headers).status_code)
        assert statuses[:6] == [200] * 6 and statuses[6:] == [429, 429], statuses
    finally:
        for port in ports:
            system.stop("gateway", port=port)

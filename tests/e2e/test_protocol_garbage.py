"""Protocol-level garbage over a raw socket to the gateway, served by uvicorn with httptools as `make run`
serves it.

What the HTTP parser refuses never reaches the application: uvicorn answers `400 text/plain` "Invalid HTTP
request received." and closes the connection, without the edge's headers or a request id. These tests pin
that answer, so a change of server or parser is noticed (README, "Failure behaviour"). What the parser
lets through, the application answers as problem+json."""

import json
import socket
from dataclasses import dataclass

import pytest

from launcher.system import System

PARSER_REFUSAL = b"Invalid HTTP request received."
CLOSE = b"Connection: close\r\n\r\n"


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes


def exchange(port: int, request: bytes) -> Answer:
    """Send raw bytes, read until the server closes the connection (every case here asks it to, or is
    refused and closed), and split the answer."""
    received = b""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        while chunk := sock.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in lines)}
    return Answer(int(status_line.split()[1]), headers, body)


def get(target: bytes, *headers: bytes) -> bytes:
    return b"GET " + target + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"".join(h + b"\r\n" for h in headers) + CLOSE


def post(path: bytes, content_type: bytes, body: bytes, *headers: bytes) -> bytes:
    fields = [b"Content-Type: " + content_type, b"Content-Length: " + str(len(body)).encode(), *headers]
    return b"POST " + path + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"".join(f + b"\r\n" for f in fields) + CLOSE + body


CHUNKED_FORM = b"Transfer-Encoding: chunked", b"Content-Type: application/x-www-form-urlencoded"


@pytest.mark.parametrize(
    "request_bytes",
    [
        pytest.param(b"GARBAGE\r\n\r\n", id="not a request line"),
        pytest.param(b"GET /healthz HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n", id="unknown HTTP version"),
        pytest.param(b"BREW /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n" + CLOSE, id="unknown method"),
        pytest.param(get(b"/healthz\x00"), id="NUL in the path"),
        pytest.param(get(b"/intake/enterprises?limit=\x00"), id="NUL in the query"),
        pytest.param(get(b"/heal thz"), id="space in the path"),
        pytest.param(get(b"/healthz", b"X-Trace: a\x00b"), id="NUL in a header"),
        pytest.param(get(b"/healthz", b"Authorization: Bearer \x00"), id="NUL in Authorization"),
        pytest.param(get(b"/healthz", b"X-Trace: a\x01b"), id="control character in a header"),
        pytest.param(get(b"/healthz", b"X-Trace: a\x7fb"), id="DEL in a header"),
        pytest.param(get(b"/healthz", b"X Trace: a"), id="space in a header name"),
        pytest.param(get(b"/healthz", b"X-Trace"), id="header without a colon"),
        pytest.param(get(b"/healthz", b"Content-Length: abc"), id="Content-Length not a number"),
        pytest.param(
            post(b"/auth/token", b"application/x-www-form-urlencoded", b"0\r\n\r\n", b"Transfer-Encoding: chunked"),
            id="Content-Length and Transfer-Encoding",
        ),
        pytest.param(
            b"POST /auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + b"".join(h + b"\r\n" for h in CHUNKED_FORM)
            + CLOSE
            + b"zz\r\nabc\r\n0\r\n\r\n",
            id="chunk size not hexadecimal",
        ),
        pytest.param(b"GET /healthz HTTP/1.1\nHost: 127.0.0.1\nConnection: close\n\n", id="bare LF line ends"),
        pytest.param(bytes.fromhex("16030100a5010000a10303") + b"\x00" * 40, id="TLS ClientHello"),
    ],
)
def test_what_the_parser_refuses_is_400_text_plain_before_the_application(system: System, request_bytes: bytes):
    answer = exchange(system.port, request_bytes)
    assert answer.status == 400, answer
    assert answer.headers["content-type"] == "text/plain; charset=utf-8"
    assert answer.body == PARSER_REFUSAL and answer.headers["connection"] == "close"
    assert "x-request-id" not in answer.headers  # the application never saw it
    assert "x-content-type-options" not in answer.headers and "server" not in answer.headers


@pytest.mark.parametrize(
    ("request_bytes", "status", "code"),
    [
        pytest.param(get(b"/auth/%00"), 404, "not_found", id="percent-encoded NUL in the gateway's path"),
        pytest.param(get(b"/intake/enterprises/%00"), 404, "not_found", id="percent-encoded NUL in a service path"),
        pytest.param(get(b"/auth/%zz"), 404, "not_found", id="broken percent-encoding"),
        pytest.param(
            post(b"/auth/token", b"application/x-www-form-urlencoded", b"username=ad%00min&password=long-enough-pw"),
            422,
            "validation_failed",
            id="percent-encoded NUL in the login form",
        ),
        pytest.param(
            post(b"/auth/token", b"application/x-www-form-urlencoded", b"username=ad\x00min&password=long-enough-pw"),
            422,
            "validation_failed",
            id="raw NUL in the login form",
        ),
        pytest.param(post(b"/auth/accounts", b"application/json", b"\xc3\x28"), 400, "bad_request", id="bad UTF-8"),
        pytest.param(post(b"/auth/token", b"multipart/form-data", b"xxxxx"), 400, "bad_request", id="no boundary"),
        pytest.param(
            get(b"/intake/enterprises", "Authorization: Bearer 令牌".encode()), 401, "unauthenticated", id="UTF-8 token"
        ),
    ],
)
def test_what_the_parser_lets_through_the_application_answers_as_problem_json(
    system: System, request_bytes: bytes, status: int, code: str
):
    answer = exchange(system.port, request_bytes)
    assert answer.status == status, answer
    assert answer.headers["content-type"] == "application/problem+json"
    problem = json.loads(answer.body)
    assert problem["status"] == status and problem["code"] == code and problem["detail"]
    assert answer.headers["x-request-id"] and answer.headers["x-content-type-options"] == "nosniff"


def test_a_refused_request_does_not_harm_the_next_connection(system: System):
    """The parser closes only the offending connection; the gateway keeps answering."""
    assert exchange(system.port, get(b"/healthz", b"X-Trace: \x00")).status == 400
    healthy = exchange(system.port, get(b"/healthz"))
    assert healthy.status == 200 and json.loads(healthy.body)["status"] == "ok"

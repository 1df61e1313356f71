"""JSON log lines carrying the request id, and the request id a caller may or may not bring."""

import asyncio
import io
import logging
import time

import orjson
import pytest

from services.common import logs
from services.common.logs import configure_logging, incoming_request_id, log_access, request_id_var


@pytest.fixture
def access_level():
    """Sets the access logger's level for one test (through setLevel, which clears logging's level cache)."""
    before = logs.access_log.level
    yield logs.access_log.setLevel
    logs.access_log.setLevel(before)


@pytest.mark.parametrize("good", ["abc-123", "a" * 128, "trace:1.2_3"])
def test_a_well_formed_request_id_is_taken(good: str):
    assert incoming_request_id({"headers": [(b"x-request-id", good.encode())]}) == good


@pytest.mark.parametrize("bad", ["bad id with spaces", "a" * 129, "", "ünïcode"])
def test_anything_else_gets_a_new_id(bad: str):
    made = incoming_request_id({"headers": [(b"x-request-id", bad.encode())]})
    assert made != bad and len(made) == 32
    assert len(incoming_request_id({"headers": []})) == 32


def test_an_access_line_is_one_json_object_with_the_request_id(monkeypatch: pytest.MonkeyPatch, access_level):
    access_level(logging.INFO)
    stream = io.StringIO()
    monkeypatch.setattr(logs._sink, "stream", stream)
    monkeypatch.setattr(logs._sink, "component", "intake")
    token = request_id_var.set("req-7")
    try:
        log_access("POST", "/intake/requests", 201, time.perf_counter())
    finally:
        request_id_var.reset(token)
    line = orjson.loads(stream.getvalue())
    assert line["message"] == "POST /intake/requests 201" and line["status"] == 201
    assert (line["component"], line["request_id"], line["level"]) == ("intake", "req-7", "INFO")
    assert line["at"].endswith("Z") and line["duration_ms"] >= 0


def test_before_logging_is_configured_access_goes_through_logging(caplog: pytest.LogCaptureFixture):
    with caplog.at_level(logging.INFO, logger="kuaiban.access"):
        log_access("GET", "/healthz", 200, time.perf_counter())
    assert [record.getMessage() for record in caplog.records] == ["GET /healthz 200"]
    assert caplog.records[0].status == 200


def test_no_access_line_below_info(monkeypatch: pytest.MonkeyPatch, access_level):
    access_level(logging.WARNING)
    stream = io.StringIO()
    monkeypatch.setattr(logs._sink, "stream", stream)
    log_access("GET", "/healthz", 200, time.perf_counter())
    assert stream.getvalue() == ""


def test_configured_logging_writes_json_with_component_and_request_id(monkeypatch: pytest.MonkeyPatch):
    root = logging.getLogger()
    saved = (root.handlers[:], root.level, logging.getLogger("uvicorn.access").disabled)
    saved_levels = {name: logging.getLogger(name).level for name in ("httpx",)}
    stream = io.StringIO()
    monkeypatch.setattr(logs.sys, "stderr", stream)
    monkeypatch.setattr(logs._sink, "stream", None)
    monkeypatch.setattr(logs._sink, "component", "")
    try:
        configure_logging("approval", "debug")
        token = request_id_var.set("req-9")
        try:
            logging.getLogger("kuaiban.test").warning("calendar refreshed")
        finally:
            request_id_var.reset(token)
        assert root.level == logging.DEBUG and logging.getLogger("uvicorn.access").disabled
        assert logs._sink.stream is stream and logs._sink.component == "approval"
    finally:
        root.handlers[:], root.level, logging.getLogger("uvicorn.access").disabled = saved
        logging.captureWarnings(False)
        for name, level in saved_levels.items():
            logging.getLogger(name).setLevel(level)
    line = orjson.loads(stream.getvalue())
    assert line["message"] == "calendar refreshed" and line["logger"] == "kuaiban.test"
    assert (line["level"], line["component"], line["request_id"]) == ("WARNING", "approval", "req-9")
    assert line["at"].endswith("Z")


def uvicorn_record() -> logging.LogRecord:
    """A record as uvicorn makes it: the message, and a copy with ANSI colours in `color_message`."""
    record = logging.getLogger("uvicorn.error").makeRecord(
        "uvicorn.error",
        logging.INFO,
        __file__,
        1,
        "Uvicorn running on %s://%s:%d (Press CTRL+C to quit)",
        ("http", "127.0.0.1", 8000),
        None,
        extra={"color_message": "Uvicorn running on \x1b[1m%s://%s:%d\x1b[0m (Press CTRL+C to quit)"},
    )
    record.component, record.request_id = "intake", ""
    return record


def test_a_uvicorn_record_with_color_message_is_clean_json():
    text = logs.json_formatter().format(uvicorn_record())
    assert "\x1b" not in text and "\\u001b" not in text and "\n" not in text
    line = orjson.loads(text)
    assert list(line) == ["at", "level", "logger", "message", "component", "request_id", "trace_id"]
    assert line["message"] == "Uvicorn running on http://127.0.0.1:8000 (Press CTRL+C to quit)"


def test_escape_sequences_are_taken_out_of_messages_and_fields():
    record = logging.getLogger("kuaiban.test").makeRecord(
        "kuaiban.test", logging.WARNING, __file__, 1, "\x1b[31mred\x1b[0m alert", (), None, extra={"note": "\x1b[1mb"}
    )
    record.component, record.request_id = "approval", "r-1"
    line = orjson.loads(logs.json_formatter().format(record))
    assert (line["message"], line["note"]) == ("red alert", "b")


def test_other_lines_and_access_lines_share_one_format(monkeypatch: pytest.MonkeyPatch, access_level):
    """Both compact orjson: the same separators, the same leading keys in the same order."""
    access_level(logging.INFO)
    stream = io.StringIO()
    monkeypatch.setattr(logs._sink, "stream", stream)
    log_access("GET", "/intake/requests", 200, time.perf_counter())
    access = stream.getvalue().rstrip("\n")
    other = logs.json_formatter().format(uvicorn_record())
    assert access.startswith('{"at":"') and other.startswith('{"at":"')
    assert list(orjson.loads(access))[:7] == list(orjson.loads(other))


def test_an_access_line_names_the_caller_and_the_client(monkeypatch: pytest.MonkeyPatch, access_level):
    access_level(logging.INFO)
    stream = io.StringIO()
    monkeypatch.setattr(logs._sink, "stream", stream)
    caller = logs.Caller("203.0.113.9")
    token = logs.caller_var.set(caller)
    try:
        logs.note_caller("qiye-1", "enterprise")
    finally:
        logs.caller_var.reset(token)
    log_access("POST", "/finance/needs", 201, time.perf_counter(), caller)
    log_access("GET", "/healthz", 200, time.perf_counter(), logs.Caller("127.0.0.1"))
    named, anonymous = (orjson.loads(line) for line in stream.getvalue().splitlines())
    assert (named["user"], named["role"], named["client"]) == ("qiye-1", "enterprise", "203.0.113.9")
    assert (anonymous["user"], anonymous["role"], anonymous["client"]) == (None, None, "127.0.0.1")


def test_noting_the_caller_outside_a_request_does_nothing():
    logs.note_caller("nobody", "admin")  # no holder in this context: nothing to fill, nothing raised
    assert logs.caller_var.get() is None


@pytest.mark.parametrize(
    ("headers", "client", "expected"),
    [
        ([(b"x-forwarded-for", b"203.0.113.7, 10.0.0.1")], ("10.0.0.1", 5000), "203.0.113.7"),
        ([(b"x-forwarded-for", b" 198.51.100.2 ")], ("10.0.0.1", 5000), "198.51.100.2"),
        ([(b"x-forwarded-for", b"")], ("10.0.0.1", 5000), "10.0.0.1"),
        ([], ("10.0.0.1", 5000), "10.0.0.1"),
        ([], None, None),
    ],
)
def test_a_service_logs_the_first_forwarded_address_else_the_peer(headers, client, expected):
    assert logs.forwarded_client({"headers": headers, "client": client}) == expected


def test_the_gateway_logs_its_tcp_peer_whatever_the_caller_claims():
    scope = {"headers": [(b"x-forwarded-for", b"6.6.6.6")], "client": ("192.0.2.4", 5000)}
    assert logs.peer_address(scope) == "192.0.2.4"


async def test_the_caller_noted_in_a_copied_context_reaches_the_access_line(caplog: pytest.LogCaptureFixture):
    """FastAPI runs sync dependencies in threads, with a copy of the request's context: what they note must still
    reach the access line the middleware writes afterwards."""

    async def app(scope, receive, send) -> None:
        await asyncio.to_thread(logs.note_caller, "officer-7", "officer")  # a copy of the context, in a thread
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    scope = {
        "type": "http",
        "method": "GET",
        "path": "/approval/tasks",
        "headers": [(b"x-forwarded-for", b"203.0.113.7")],
        "client": ("127.0.0.1", 5000),
    }

    async def send(message) -> None:
        pass

    with caplog.at_level(logging.INFO, logger="kuaiban.access"):
        await logs.RequestIdMiddleware(app)(scope, None, send)
    (record,) = caplog.records
    assert (record.user, record.role, record.client, record.status) == ("officer-7", "officer", "203.0.113.7", 204)
    assert logs.caller_var.get() is None, "the holder is the request's only"

"""JSON log lines carrying the request id, and the request id a caller may or may not bring."""

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
        for name, level in saved_levels.items():
            logging.getLogger(name).setLevel(level)
    line = orjson.loads(stream.getvalue())
    assert line["message"] == "calendar refreshed" and line["logger"] == "kuaiban.test"
    assert (line["level"], line["component"], line["request_id"]) == ("WARNING", "approval", "req-9")
    assert line["at"].endswith("Z")

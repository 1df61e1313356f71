"""`python -m services.common.serve`: one app under uvicorn with JSON logs named after the component."""

import pytest

from services.common import serve
from services.common.logs import logging_config


def test_serve_runs_the_named_app_with_json_logs(monkeypatch: pytest.MonkeyPatch):
    configured: list[tuple] = []
    runs: list[dict] = []
    monkeypatch.setattr(serve, "configure_logging", lambda *args: configured.append(args))
    monkeypatch.setattr(serve.uvicorn, "run", lambda app, **options: runs.append({"app": app, **options}))
    monkeypatch.setenv("KUAIBAN_LOG_LEVEL", "DEBUG")
    monkeypatch.setenv("KUAIBAN_HOST", "0.0.0.0")
    monkeypatch.setattr("sys.argv", ["serve", "services.approval.app:app", "--port", "8002", "--workers", "2"])
    serve.main()
    assert configured == [("approval", "DEBUG")]
    (run,) = runs
    assert (run["app"], run["host"], run["port"], run["workers"]) == ("services.approval.app:app", "0.0.0.0", 8002, 2)
    assert run["access_log"] is False  # our own access line, in JSON
    # uvicorn applies it in every worker process it spawns: they log JSON lines, access lines included, too
    assert run["log_config"] == logging_config("approval", "DEBUG")


def test_the_gateway_component_and_an_explicit_host(monkeypatch: pytest.MonkeyPatch):
    configured: list[tuple] = []
    runs: list[dict] = []
    monkeypatch.setattr(serve, "configure_logging", lambda *args: configured.append(args))
    monkeypatch.setattr(serve.uvicorn, "run", lambda app, **options: runs.append(options))
    monkeypatch.setattr("sys.argv", ["serve", "gateway.app:app", "--port", "8000", "--host", "127.0.0.2"])
    serve.main()
    assert configured[0][0] == "gateway" and runs[0]["host"] == "127.0.0.2" and runs[0]["workers"] == 1


def test_forwarded_addresses_are_believed_only_from_trusted_proxies(monkeypatch: pytest.MonkeyPatch):
    runs: list[dict] = []
    monkeypatch.setattr(serve, "configure_logging", lambda *args: None)
    monkeypatch.setattr(serve.uvicorn, "run", lambda app, **options: runs.append(options))
    monkeypatch.setattr("sys.argv", ["serve", "gateway.app:app", "--port", "8000"])
    serve.main()
    monkeypatch.setenv("KUAIBAN_TRUSTED_PROXIES", "10.0.0.0/8")
    serve.main()
    untrusted, trusted = runs
    assert untrusted["proxy_headers"] is False
    assert (trusted["proxy_headers"], trusted["forwarded_allow_ips"]) == (True, "10.0.0.0/8")

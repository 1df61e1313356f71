"""`make run`'s launcher: comes up on an embedded database, prints how to log in, shows a line per request,
leaves nothing behind."""

import json
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import psutil
import pytest

from launcher.system import ROOT, alive, free_port_block, ports_free
from tests.helpers.waiting import wait_until


def sigterm(launcher: subprocess.Popen) -> None:
    launcher.send_signal(signal.SIGTERM)


def ctrl_c(launcher: subprocess.Popen) -> None:
    """As a terminal does: SIGINT to the whole foreground process group, the services included."""
    os.killpg(launcher.pid, signal.SIGINT)


@pytest.mark.parametrize(("stop", "terminal_log"), [(sigterm, "on"), (ctrl_c, "off")])
def test_launcher_starts_everything_and_stops_cleanly(tmp_path: Path, stop, terminal_log: str):
    port = free_port_block()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KUAIBAN_")}
    env.update({"KUAIBAN_PORT": str(port), "KUAIBAN_DATA_DIR": str(tmp_path / "data")})
    env["KUAIBAN_TERMINAL_LOG"] = terminal_log
    request_id = uuid.uuid4().hex
    launcher = subprocess.Popen(
        [sys.executable, "-m", "launcher.system"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group, as in a terminal
    )
    output: list[str] = []
    try:
        deadline = time.monotonic() + 90
        while not any("Press Ctrl-C" in line for line in output):
            assert time.monotonic() < deadline and launcher.poll() is None, "".join(output)
            output.append(launcher.stdout.readline())
        printed = "".join(output)
        assert f"http://127.0.0.1:{port}/docs" in printed
        password = printed.split("login    admin / ")[1].split()[0]
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            assert client.get("/healthz").json()["status"] == "ok"
            token = client.post("/auth/token", data={"username": "admin", "password": password})
            assert token.status_code == 200
            headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
            matters = client.get("/approval/matters", headers={**headers, "X-Request-ID": request_id}).json()["items"]
            assert {"QYKB-001", "SGXK-001", "YDBZ-001"} <= {m["code"] for m in matters}, "make run seeds the catalog"
            banks = client.get("/finance/banks", headers=headers).json()["items"]
            assert {"SXRCB", "ICBC-SX", "HSB-SX"} <= {b["code"] for b in banks}
            products = client.get("/finance/products", params={"status": "active"}, headers=headers).json()
            assert len(products["items"]) >= 4
        children = psutil.Process(launcher.pid).children(recursive=True)
        assert len(children) >= 4
        postgres = [p for p in psutil.process_iter(["cmdline"]) if str(tmp_path) in " ".join(p.info["cmdline"] or [])]
        assert postgres, "the embedded PostgreSQL should run from the data folder"
    finally:
        stop(launcher)
        remaining = launcher.communicate(timeout=60)[0]
    assert launcher.returncode == 0, remaining
    assert "stopped." in remaining
    assert "supervisor:" not in remaining, "a stop is no crash: nothing is restarted"
    assert not any(alive(child) for child in children)
    wait_until(lambda: ports_free(port), "the ports free again (the children's sockets close a moment later)", 10)
    still = [p for p in psutil.process_iter(["cmdline"]) if str(tmp_path) in " ".join(p.info["cmdline"] or [])]
    assert not still, "the embedded PostgreSQL must stop with the launcher"
    assert not list((tmp_path / "data" / "pg").glob(".s.PGSQL.*")), "no stale socket"
    assert (tmp_path / "data" / "secrets.json").stat().st_mode & 0o077 == 0
    assert_terminal_lines(printed + remaining, request_id, shown=terminal_log == "on")
    assert_clean_log_files(tmp_path / "data" / "logs", request_id)


def assert_terminal_lines(printed: str, request_id: str, *, shown: bool) -> None:
    """One short line per request and process it passed (approval runs two workers under `make run`: theirs too)."""
    lines = [line for line in printed.splitlines() if f"req={request_id[:8]}…" in line]
    if not shown:
        assert not lines and "GET /approval/matters" not in printed, printed
        return
    for name in ("gateway", "approval"):
        said = rf"{name:<8} GET /approval/matters 200 [\d.]+ m?s  req={request_id[:8]}…  user=admin \(admin\)"
        pattern = rf"\d\d:\d\d:\d\d {said}"
        assert any(re.fullmatch(pattern, line) for line in lines), printed
    assert "\x1b" not in printed, "not a TTY: plain lines"
    assert re.search(r"\d\d:\d\d:\d\d gateway  Uvicorn running on http://127\.0\.0\.1:\d+\n", printed), printed


def assert_clean_log_files(log_dir: Path, request_id: str) -> None:
    """Every line of every process's file one JSON object in one format, no colour codes; access lines name the
    caller and the client."""
    access = []
    for path in log_dir.glob("*.log"):
        for text in path.read_text().splitlines():
            line = json.loads(text)
            assert list(line)[:6] == ["at", "level", "logger", "message", "component", "request_id"], text
            assert "\x1b" not in text and "\\u001b" not in text and "color_message" not in line, text
            if line["request_id"] == request_id and line["logger"] == "kuaiban.access":
                access.append(line)
    assert {line["component"] for line in access} == {"gateway", "approval"}
    assert all((line["user"], line["role"], line["client"]) == ("admin", "admin", "127.0.0.1") for line in access)

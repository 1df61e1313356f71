"""`make run`'s launcher: comes up on an embedded database, prints how to log in, leaves nothing behind."""

import os
import signal
import subprocess
import sys
import time
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


@pytest.mark.parametrize("stop", [sigterm, ctrl_c])
def test_launcher_starts_everything_and_stops_cleanly(tmp_path: Path, stop):
    port = free_port_block()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KUAIBAN_")}
    env.update({"KUAIBAN_PORT": str(port), "KUAIBAN_DATA_DIR": str(tmp_path / "data")})
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
            matters = client.get("/approval/matters", headers=headers).json()["items"]
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

"""Benchmarks must not rot: each script under bench/ runs at a tiny size, as a user runs it, and must end well
and write its results (the figures themselves are for people, not asserts). bench/gateway.py needs nginx and
wrk, which CI installs before it runs `pytest -m nginx`."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SMOKE_TIMEOUT_S = 300


def run_bench(tmp_path: Path, script: str, *args: str) -> dict:
    """Run bench/<script> with its results in `tmp_path`; its one results document."""
    env = {**os.environ, "KUAIBAN_BENCH_RESULTS": str(tmp_path)}
    env.pop("KUAIBAN_DATABASE_URL", None)  # its own embedded server, as on a fresh machine
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=SMOKE_TIMEOUT_S,
    )
    assert done.returncode == 0, f"{script} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    written = list(tmp_path.glob("*.json"))
    assert len(written) == 1, written
    return json.loads(written[0].read_text())


def test_matching_bench_runs(tmp_path: Path):
    result = run_bench(tmp_path, "matching.py", "--products", "1000", "--needs", "10000", "--samples", "10")
    assert all(not wrong for wrong in result["mismatches"].values()), result["mismatches"]
    assert result["held_products"]["reloads_while_timed"] == 0


def test_catalogue_bench_runs(tmp_path: Path):
    result = run_bench(tmp_path, "catalogue.py", "--items", "20", "--rounds", "1")
    assert set(result["summary_ms"]) == set(result["statements"]) and result["statements"]


def test_flows_bench_runs(tmp_path: Path):
    result = run_bench(tmp_path, "flows.py", "--tiny")
    assert {level["target"] for level in result["levels"]} == {"gateway", "direct"}
    for level in result["levels"]:
        assert level["flows"] > 0 and not level["errors"], level
        assert level["delivery"]["all_delivered"], level["delivery"]
        assert level["cpu_ms_per_flow"]["approval"] > 0 and level["cpu_ms_per_flow"]["postgresql"] > 0
    assert result["statements_per_flow"]["approval"] > 0


def test_policy_grants_bench_runs(tmp_path: Path):
    result = run_bench(tmp_path, "policy_grants.py", "--smoke")
    assert not any(result["mismatches"].values()), result["mismatches"]
    for name, figures in result["policies"].items():
        service, reference = figures["service"], figures["reference"]
        assert service["grants"] > 0 and service["outbox_messages"] == service["grants"], (name, service)
        assert reference["grants"] == service["grants"] and not reference["scaled_to_all"], (name, reference)


def test_exports_bench_runs(tmp_path: Path):
    result = run_bench(tmp_path, "exports.py", "--small", "300", "--large", "2500")
    for kind in ("csv", "xlsx"):
        large = result["results"][kind]["large"]
        assert large["rows"] == 2500 and large["rows_per_second"] > 0 and large["bytes"] > 0, large
        assert result["results"][kind]["small"]["tracemalloc_peak_mb"] > 0
    assert result["results"]["csv"]["large"]["chunks"] > 1  # streamed, not one body


@pytest.mark.nginx
def test_gateway_bench_runs(tmp_path: Path):
    result = run_bench(tmp_path, "gateway.py", "--seconds", "1", "--rounds", "1", "--connections", "4")
    assert result["scenarios"]

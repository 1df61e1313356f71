"""What the benchmarks share: a throw-away database, clean exits on errors and signals, load checks and results.

Both `bench/gateway.py` and `bench/matching.py` run on their own data and must leave nothing behind, whether
they finish, fail or are stopped; keeping that in one place keeps their set-up and tear-down alike. The scripts
put the repository root on `sys.path` and then import this module as `bench.common`.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from launcher.system import System, create_database, drop_database, free_port_block, migrate, start_embedded_postgres

ROOT = Path(__file__).resolve().parents[1]
# KUAIBAN_BENCH_RESULTS: another folder for the results (the smoke runs of `make test` write to their tmp folder).
RESULTS_DIR = Path(os.environ.get("KUAIBAN_BENCH_RESULTS") or ROOT / "bench" / "results")
BUSY_LOAD = 0.5  # 1-minute load average above which other work on the machine skews the numbers

LoadAverage = tuple[float, float, float]


class BenchError(RuntimeError):
    """A failure that ends the benchmark with a message rather than a traceback."""


def stop_on_sigterm() -> None:
    """Make SIGTERM raise KeyboardInterrupt, so that `kill` takes the same clean-up path as Ctrl-C."""

    def handler(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handler)


def load_text(load: LoadAverage) -> str:
    """The 1/5/15-minute load averages as text."""
    return " ".join(f"{x:.2f}" for x in load)


def load_average(*, show_all: bool = False) -> LoadAverage:
    """The load average now, with a warning when the machine is already busy (the numbers would be skewed).

    The warning shows the 1-minute figure, or all three with `show_all`.
    """
    load = os.getloadavg()
    if load[0] > BUSY_LOAD:
        shown = load_text(load) if show_all else f"{load[0]:.2f}"
        print(f"warning: load average is {shown} before start; other work will skew the numbers")
    return load


def temp_workdir(stack: contextlib.ExitStack, *, keep: bool = False) -> Path:
    """A temporary folder for the run, removed when `stack` closes unless `keep`."""
    if keep:
        return Path(tempfile.mkdtemp(prefix="kuaiban-bench-"))
    return Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="kuaiban-bench-")))


@contextlib.contextmanager
def database(workdir: Path, *, keep: bool = False) -> Iterator[str]:
    """A fresh database URL: embedded PostgreSQL in `workdir`, or a new database on KUAIBAN_DATABASE_URL.

    Either is removed on exit unless `keep`, so a run leaves no data behind.
    """
    external = os.environ.get("KUAIBAN_DATABASE_URL")
    if not external:
        print(f"starting embedded PostgreSQL in {workdir / 'pg'} ...", flush=True)
        server, url = start_embedded_postgres(workdir / "pg")
        try:
            yield url
        finally:
            if keep:
                server.cleanup_mode = None  # its exit hook then leaves the server running
                pid_file = workdir / "pg" / "postmaster.pid"
                print(f"kept: {url}\n  stop it with: kill -INT $(head -1 {pid_file}); then remove {workdir}")
            else:
                try:
                    server.cleanup()
                except Exception as exc:  # already stopped by Ctrl-C reaching it, for instance
                    print(f"warning: stopping PostgreSQL: {exc!r}", file=sys.stderr)
        return
    print("creating a database on the KUAIBAN_DATABASE_URL server ...", flush=True)
    url = create_database(external, prefix="kuaiban_bench")
    try:
        yield url
    finally:
        if keep:
            print(f"kept: database {make_url(url).database}")
        else:
            drop_database(url)


@contextlib.contextmanager
def guarded(stopping: str) -> Iterator[None]:
    """End a failed or interrupted run with a message and exit status 1 or 130 instead of a traceback.

    Used inside the run's ExitStack, so `stopping` is printed before the stack tears everything down.
    """
    try:
        yield
    except BenchError as exc:
        print(f"bench failed: {exc}", file=sys.stderr)
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        print("interrupted; cleaning up ...", file=sys.stderr)
        raise SystemExit(130) from None
    finally:
        print(stopping, flush=True)


def git_commit() -> str | None:
    """The short hash of HEAD, so a result can be traced to the code that produced it."""
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip() or None


def write_results(kind: str, started: str, document: dict[str, Any]) -> Path:
    """Write `bench/results/<kind>-<started>.json` and say where; returns the file."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    output = RESULTS_DIR / f"{kind}-{started}.json"
    output.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    print(f"results written to {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output}")
    return output


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile, q in per cent (p99 of 200 samples is the 2nd slowest)."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))]


def summary(ms: list[float], *, digits: int = 3) -> dict[str, float]:
    """n, median as p50, p99, max and mean of timings in milliseconds."""
    return {
        "n": len(ms),
        "p50_ms": round(statistics.median(ms), digits),
        "p99_ms": round(percentile(ms, 99), digits),
        "max_ms": round(max(ms), digits),
        "mean_ms": round(statistics.fmean(ms), digits),
    }


@contextlib.contextmanager
def kuaiban(
    database_url: str, *, log_dir: Path, log_level: str, admin_password: str, env: dict[str, str] | None = None
) -> Iterator[System]:
    """Migrated database, three services and the gateway as real processes on a free port block; `env` adds
    settings of the bench's own (the demo catalog, say)."""
    migrate(database_url)
    port = free_port_block()
    environment = {
        k: v for k, v in os.environ.items() if k not in {f"KUAIBAN_{s}_URL" for s in ("INTAKE", "APPROVAL", "FINANCE")}
    }
    environment.update(
        KUAIBAN_DATABASE_URL=database_url,
        KUAIBAN_PORT=str(port),
        KUAIBAN_HOST="127.0.0.1",
        KUAIBAN_JWT_SECRET=secrets.token_urlsafe(48),
        KUAIBAN_ADMIN_PASSWORD=admin_password,
        KUAIBAN_RATE_LIMIT_PER_MINUTE="0",
        KUAIBAN_LOG_LEVEL=log_level,
        **(env or {}),
    )
    system = System(port=port, env=environment, log_dir=log_dir)
    print(f"starting Kuaiban on ports {port}-{port + 3} (logs in {log_dir}) ...", flush=True)
    try:
        system.start_all()
        try:
            system.wait_healthy()
        except (RuntimeError, TimeoutError) as exc:
            raise BenchError(f"{exc}\n{log_tails(log_dir)}") from exc
        yield system
    finally:
        system.stop_all()


def log_tails(log_dir: Path, lines: int = 15) -> str:
    """The last lines of each process log (the folder is deleted on exit, so show them now)."""
    parts = []
    for log in sorted(log_dir.glob("*.log")):
        tail = log.read_text(errors="replace").splitlines()[-lines:]
        parts.append(f"--- {log.name}\n" + "\n".join(tail))
    return "\n".join(parts)

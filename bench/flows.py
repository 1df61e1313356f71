"""Complete company-opening flows per second, through the gateway and straight to the services (issue 12).

A flow is what a county's 企业开办 is: an enterprise submits an application for the seeded matter QYKB-001
(five departments), the five departments' officers approve their tasks at once, the last decision answers
`approved`, and the application's event reaches the enterprise's timeline in intake through the outbox.
Every POST carries an Idempotency-Key, as the front-end does.

The run starts its own system (embedded PostgreSQL in a temporary folder, or a fresh database when
`KUAIBAN_DATABASE_URL` names a server), creates officers and enterprises, then for each concurrency level
drives flows for `--seconds` through the gateway and, as the reference of the same run, with the same
requests sent straight to the services (so the gateway's share shows). The load generator is aiohttp in
this process, and its own CPU is measured with the rest. It prints, per level and target:

- flows/s, requests/s, p50/p99 flow latency, errors;
- CPU milliseconds per flow of the gateway, each service and PostgreSQL (every server process), and of the
  load generator;
- event delivery: every approval's event on the timeline, and the outbox's lag (created to delivered);

and, from a short sequential run with PostgreSQL logging every statement (embedded server only), the SQL
statements per flow by service (by `application_name`). Results go to `bench/results/flows-<timestamp>.json`.

Run: `make bench-flows`, or `.venv/bin/python bench/flows.py --seconds 20 --concurrency 8,32,64`;
`--tiny` is the smoke run `make test` does (a few seconds, one level) so the benchmark cannot rot.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform
import re
import resource
import secrets
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402
import httpx  # noqa: E402
import psutil  # noqa: E402
import psycopg  # noqa: E402

from bench.common import (  # noqa: E402
    BenchError,
    database,
    git_commit,
    guarded,
    kuaiban,
    load_average,
    load_text,
    log_tails,
    stop_on_sigterm,
    summary,
    temp_workdir,
    write_results,
)
from launcher.system import System, libpq_url  # noqa: E402
from services.intake.uscc import random_uscc  # noqa: E402

MATTER = "QYKB-001"  # 企业开办“一件事”, seeded with the demo catalog
DEPARTMENTS = ("market", "public_security", "tax", "hrss", "housing_fund")
MATERIALS = ["registration_form", "articles", "premises_proof"]
SERVICES = ("gateway", "intake", "approval", "finance")
DELIVERY_WAIT_S = 60  # every event must reach the timeline within this after a level ends
TARGET_FLOWS_PER_S = 100
TARGET_P99_MS = 500


# --- setup ---------------------------------------------------------------------------------------


@dataclass
class Cast:
    """Tokens of one officer per department and of the enterprises that apply."""

    officers: dict[str, str]
    enterprises: list[str]
    enterprise_ids: list[str]


def create_cast(system: System, admin_password: str, enterprises: int) -> Cast:
    """Officers of the matter's departments and enterprises with their accounts, through the gateway."""
    with httpx.Client(base_url=system.gateway_url, timeout=30) as client:

        def token(username: str, password: str) -> str:
            response = client.post("/auth/token", data={"username": username, "password": password})
            if response.status_code != 200:
                raise BenchError(f"login of {username} failed: {response.status_code} {response.text}")
            return response.json()["access_token"]

        admin = {"Authorization": f"Bearer {token('admin', admin_password)}"}

        def account(role: str, **fields: str) -> str:
            username, password = f"{role}-{secrets.token_hex(4)}", secrets.token_urlsafe(12)
            body = {"username": username, "password": password, "role": role, **fields}
            response = client.post("/auth/accounts", json=body, headers=admin)
            if response.status_code != 201:
                raise BenchError(f"creating {role} failed: {response.status_code} {response.text}")
            return token(username, password)

        officers = {department: account("officer", department=department) for department in DEPARTMENTS}
        tokens, ids = [], []
        for index in range(enterprises):
            enterprise = {
                "uscc": random_uscc(),
                "name": f"濉溪县铝基新材料第{index + 1}有限公司",
                "industry": "C",
                "town": "濉溪镇",
                "established_on": "2016-09-12",
                "employees": 86,
                "annual_revenue_yuan": 28_000_000,
                "credit_rating": "A",
                "key_enterprise": False,
            }
            response = client.post("/intake/enterprises", json=enterprise, headers=admin)
            if response.status_code != 201:
                raise BenchError(f"creating an enterprise failed: {response.status_code} {response.text}")
            ids.append(response.json()["id"])
            tokens.append(account("enterprise", enterprise_id=ids[-1]))
        response = client.get(f"/approval/matters/{MATTER}", headers=admin)
        if response.status_code != 200:
            raise BenchError(f"the seeded matter {MATTER} is missing: {response.status_code} {response.text}")
    return Cast(officers=officers, enterprises=tokens, enterprise_ids=ids)


# --- the load ------------------------------------------------------------------------------------


@dataclass
class Level:
    """What one concurrency level against one target measured."""

    flows: int = 0
    requests: int = 0
    errors: Counter = field(default_factory=Counter)
    latencies_ms: list[float] = field(default_factory=list)
    application_ids: list[str] = field(default_factory=list)


def _headers(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())}


async def one_flow(http: aiohttp.ClientSession, urls: dict[str, str], cast: Cast, index: int, level: Level) -> None:
    """Submit, five approvals at once, and the last answer `approved`; an error ends the flow."""
    started = time.perf_counter()
    body = {"matter_code": MATTER, "materials": MATERIALS}
    enterprise = cast.enterprises[index % len(cast.enterprises)]
    async with http.post(f"{urls['approval']}/approval/applications", json=body, headers=_headers(enterprise)) as r:
        level.requests += 1
        if r.status != 201:
            level.errors[f"submit {r.status}"] += 1
            return
        application = await r.json()

    async def approve(task: dict) -> str | None:
        url = f"{urls['approval']}/approval/tasks/{task['id']}/decision"
        headers = _headers(cast.officers[task["department"]])
        async with http.post(url, json={"decision": "approve"}, headers=headers) as answer:
            level.requests += 1
            if answer.status != 200:
                level.errors[f"decision {answer.status}"] += 1
                return None
            return (await answer.json())["status"]

    outcomes = await asyncio.gather(*(approve(task) for task in application["tasks"]))
    if None in outcomes:
        return
    if "approved" not in outcomes:
        level.errors["never approved"] += 1
        return
    level.flows += 1
    level.latencies_ms.append((time.perf_counter() - started) * 1000)
    level.application_ids.append(application["id"])


async def drive(urls: dict[str, str], cast: Cast, concurrency: int, seconds: float) -> Level:
    """`concurrency` flows in flight until `seconds` have passed (each loop ends at the deadline)."""
    level = Level()
    deadline = time.perf_counter() + seconds
    connector = aiohttp.TCPConnector(limit=concurrency * len(DEPARTMENTS), force_close=False)
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:

        async def worker(number: int) -> None:
            index = number
            while time.perf_counter() < deadline:
                try:
                    await one_flow(http, urls, cast, index, level)
                except (aiohttp.ClientError, TimeoutError) as exc:
                    level.errors[type(exc).__name__] += 1
                index += concurrency

        await asyncio.gather(*(worker(n) for n in range(concurrency)))
    return level


# --- what it cost --------------------------------------------------------------------------------


def _cpu_seconds(process: psutil.Process) -> float:
    try:
        times = process.cpu_times()
        return times.user + times.system
    except psutil.NoSuchProcess:
        return 0.0


class CpuMeter:
    """CPU seconds of each Kuaiban process (with its uvicorn workers), of PostgreSQL's server processes, and
    of this process (the load generator)."""

    def __init__(self, system: System, postmaster: int | None) -> None:
        self.system = system
        self.postmaster = psutil.Process(postmaster) if postmaster else None

    def sample(self) -> dict[str, float]:
        found: dict[str, float] = {}
        for key, popen in self.system.processes.items():
            name = key.split(":")[0]
            process = psutil.Process(popen.pid)
            found[name] = found.get(name, 0.0) + _cpu_seconds(process)
            found[name] += sum(_cpu_seconds(child) for child in process.children(recursive=True))
        if self.postmaster is not None:
            # Live server processes, plus the ones that ended (pooled connections come and go), which the
            # postmaster has reaped into its children's times.
            children = self.postmaster.children(recursive=True)
            reaped = self.postmaster.cpu_times()
            found["postgresql"] = _cpu_seconds(self.postmaster) + reaped.children_user + reaped.children_system
            found["postgresql"] += sum(_cpu_seconds(c) for c in children)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        found["load generator"] = usage.ru_utime + usage.ru_stime
        return found


def postmaster_pid(workdir: Path) -> int | None:
    """The embedded server's postmaster (none when the database is on a server of the machine)."""
    pid_file = workdir / "pg" / "postmaster.pid"
    return int(pid_file.read_text().splitlines()[0]) if pid_file.exists() else None


def delivery(dsn: str, application_ids: list[str]) -> dict[str, Any]:
    """Wait until every approval's event is on its timeline (bounded), then the outbox's delivery lag."""
    ids = [uuid.UUID(i) for i in application_ids]
    deadline = time.monotonic() + DELIVERY_WAIT_S
    with psycopg.connect(dsn, autocommit=True) as conn:
        while True:
            on_timeline = conn.execute(
                "SELECT count(*) FROM intake.timeline_event WHERE kind = 'application.approved' AND ref_id = ANY(%s)",
                (ids,),
            ).fetchone()[0]
            if on_timeline == len(ids) or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        lags = [
            row[0] * 1000
            for row in conn.execute(
                "SELECT extract(epoch FROM delivered_at - created_at)::float FROM approval.outbox"
                " WHERE delivered_at IS NOT NULL AND (payload->>'ref_id')::uuid = ANY(%s)",
                (ids,),
            )
        ]
    return {
        "approved": len(ids),
        "on_timeline": on_timeline,
        "all_delivered": on_timeline == len(ids),
        "lag_ms": summary(lags, digits=1) if lags else None,
    }


# --- statements per flow -------------------------------------------------------------------------

STATEMENT = re.compile(r"^\S+ \S+ \S+ \[\d+\] ([^|]*)\|.*LOG:  (statement|execute [^:]*):")


def count_statements(
    dsn: str, log: Path, urls: dict[str, str], cast: Cast, flows: int, keep: Path | None = None
) -> dict[str, float]:
    """SQL statements per flow by service, from PostgreSQL's log of `flows` sequential flows (and the outbox
    deliveries they cause)."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("ALTER SYSTEM SET log_statement = 'all'")
        conn.execute("ALTER SYSTEM SET log_line_prefix = '%m [%p] %a|'")
        conn.execute("SELECT pg_reload_conf()")
    deadline = time.monotonic() + 10  # the postmaster reloads, then signals every backend; a new one shows it
    while True:
        with psycopg.connect(dsn, autocommit=True) as conn:
            if conn.execute("SHOW log_statement").fetchone()[0] == "all" or time.monotonic() > deadline:
                break
        time.sleep(0.05)
    start = log.stat().st_size
    try:
        level = asyncio.run(drive_count(urls, cast, flows))
        delivery(dsn, level.application_ids)
    finally:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute("ALTER SYSTEM RESET log_statement")
            conn.execute("ALTER SYSTEM RESET log_line_prefix")
            conn.execute("SELECT pg_reload_conf()")
    counts: Counter = Counter()
    with log.open("rb") as handle:
        handle.seek(start)
        logged = handle.read().decode(errors="replace")
    if keep is not None:
        keep.write_text(logged)
        print(f"statement log kept in {keep}")
    for line in logged.splitlines():
        if found := STATEMENT.match(line):
            counts[found.group(1).removeprefix("kuaiban-") or "bench"] += 1
    done = max(level.flows, 1)
    return {name: round(counts[name] / done, 1) for name in sorted(counts) if name != "[unknown]"}


async def drive_count(urls: dict[str, str], cast: Cast, flows: int) -> Level:
    level = Level()
    async with aiohttp.ClientSession() as http:
        for index in range(flows):
            await one_flow(http, urls, cast, index, level)
    if level.errors:
        raise BenchError(f"flows failed while counting statements: {dict(level.errors)}")
    return level


# --- report --------------------------------------------------------------------------------------


def measure(
    system: System, dsn: str, meter: CpuMeter, cast: Cast, target: str, concurrency: int, seconds: float
) -> dict[str, Any]:
    urls = {name: system.gateway_url if target == "gateway" else system.url(name) for name in SERVICES}
    before = meter.sample()
    started = time.perf_counter()
    level = asyncio.run(drive(urls, cast, concurrency, seconds))
    elapsed = time.perf_counter() - started
    after = meter.sample()
    flows = max(level.flows, 1)
    result = {
        "target": target,
        "concurrency": concurrency,
        "seconds": round(elapsed, 2),
        "flows": level.flows,
        "flows_per_s": round(level.flows / elapsed, 1),
        "requests_per_s": round(level.requests / elapsed, 1),
        "errors": dict(level.errors),
        "latency": summary(level.latencies_ms, digits=1) if level.latencies_ms else None,
        "cpu_ms_per_flow": {name: round((after[name] - before[name]) * 1000 / flows, 2) for name in after},
        "delivery": delivery(dsn, level.application_ids),
    }
    result["cpu_ms_per_flow"]["all"] = round(sum(result["cpu_ms_per_flow"].values()), 2)
    return result


def print_level(result: dict[str, Any]) -> None:
    latency = result["latency"] or {"p50_ms": float("nan"), "p99_ms": float("nan")}
    deliveries = result["delivery"]
    lag = deliveries["lag_ms"] or {"p50_ms": float("nan"), "p99_ms": float("nan")}
    print(
        f"  {result['target']:<8} c={result['concurrency']:<3} {result['flows_per_s']:>7.1f} flows/s"
        f" {result['requests_per_s']:>7.1f} req/s  p50 {latency['p50_ms']:>7.1f} ms  p99 {latency['p99_ms']:>7.1f} ms"
        f"  errors {sum(result['errors'].values())}  events {deliveries['on_timeline']}/{deliveries['approved']}"
        f" lag p50 {lag['p50_ms']:.0f} p99 {lag['p99_ms']:.0f} ms"
    )
    cpu = result["cpu_ms_per_flow"]
    print("           CPU ms/flow: " + ", ".join(f"{name} {ms:.1f}" for name, ms in cpu.items()))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Complete company-opening flows per second (see the docstring).")
    parser.add_argument("--seconds", type=float, default=20, help="seconds per level and target (default 20)")
    parser.add_argument("--concurrency", default="8,32,64", help="flows in flight, comma-separated (default 8,32,64)")
    parser.add_argument("--enterprises", type=int, default=64, help="enterprises that apply (default 64)")
    parser.add_argument("--count-flows", type=int, default=20, help="sequential flows for the statement log")
    parser.add_argument("--statements-log", type=Path, help="keep the statement log of the counted flows here")
    parser.add_argument("--no-direct", action="store_true", help="skip the reference run straight to the services")
    parser.add_argument("--tiny", action="store_true", help="smoke run: 2 s at concurrency 4, 4 enterprises")
    args = parser.parse_args()
    if args.tiny:
        args.seconds, args.concurrency, args.enterprises, args.count_flows = 2, "4", 4, 3
    args.levels = [int(c) for c in args.concurrency.split(",") if c.strip()]
    if not args.levels or min(args.levels) < 1 or args.seconds <= 0 or args.enterprises < 1:
        parser.error("--concurrency needs positive integers, --seconds and --enterprises positive values")
    return args


def main() -> int:
    args = parse_args()
    stop_on_sigterm()
    started = time.strftime("%Y%m%d-%H%M%S")
    loads = {"before": load_average(show_all=True)}
    admin_password = secrets.token_urlsafe(16)
    results: list[dict[str, Any]] = []
    with contextlib.ExitStack() as stack, guarded("stopping Kuaiban and PostgreSQL ..."):
        workdir = temp_workdir(stack)
        url = stack.enter_context(database(workdir))
        dsn = libpq_url(url)
        log_dir = workdir / "logs"
        log_dir.mkdir()
        system = stack.enter_context(
            kuaiban(
                url,
                log_dir=log_dir,
                log_level="warning",
                admin_password=admin_password,
                env={"KUAIBAN_SEED_DEMO": "true"},  # the matter QYKB-001 and its five departments
            )
        )
        try:
            print(f"creating {len(DEPARTMENTS)} officers and {args.enterprises} enterprises ...", flush=True)
            cast = create_cast(system, admin_password, args.enterprises)
            meter = CpuMeter(system, postmaster_pid(workdir))
            asyncio.run(drive({n: system.gateway_url for n in SERVICES}, cast, 2, 1.0))  # warm every path
            targets = ["gateway"] if args.no_direct else ["gateway", "direct"]
            for concurrency in args.levels:
                print(f"concurrency {concurrency}, {args.seconds:g} s per target:", flush=True)
                for target in targets:
                    result = measure(system, dsn, meter, cast, target, concurrency, args.seconds)
                    print_level(result)
                    results.append(result)
            statements: dict[str, float] | None = None
            log = workdir / "pg" / "log"
            if log.exists():
                urls = {name: system.gateway_url for name in SERVICES}
                statements = count_statements(dsn, log, urls, cast, args.count_flows, keep=args.statements_log)
                print("SQL statements per flow: " + ", ".join(f"{k} {v:g}" for k, v in statements.items()))
            else:
                print("SQL statements per flow: not counted (the database is not the embedded server)")
        except BenchError as exc:
            raise BenchError(f"{exc}\n{log_tails(log_dir)}") from exc
    loads["after"] = load_average(show_all=True)
    print("load average (1/5/15 min): " + "; ".join(f"{k} {load_text(v)}" for k, v in loads.items()))
    problems = [r for r in results if r["errors"] or not r["delivery"]["all_delivered"] or not r["flows"]]
    best = max((r for r in results if r["target"] == "gateway"), key=lambda r: r["flows_per_s"])
    met = best["flows_per_s"] >= TARGET_FLOWS_PER_S and (best["latency"] or {}).get("p99_ms", 1e9) <= TARGET_P99_MS
    print(
        f"target >= {TARGET_FLOWS_PER_S} flows/s at p99 <= {TARGET_P99_MS} ms through the gateway:"
        f" {'met' if met else 'MISSED'} (best {best['flows_per_s']:.1f} flows/s at concurrency {best['concurrency']})"
    )
    write_results(
        "flows",
        started,
        {
            "started": started,
            "commit": git_commit(),
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
            "arguments": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items() if k != "levels"},
            "levels": results,
            "statements_per_flow": statements,
            "load_average": loads,
            "target_met": met,
        },
    )
    if problems:
        print(f"bench failed: {len(problems)} level(s) with errors, no flows or undelivered events", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

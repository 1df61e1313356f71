"""Catalogue sync: the time of one 500-product `POST /finance/products/batch`, created, then unchanged, then updated.

The finance app runs in this process on a fresh, migrated database (embedded PostgreSQL in a temporary
folder, or a new `kuaiban_bench_<hex>` database when `KUAIBAN_DATABASE_URL` names a server; removed on exit
unless `--keep`), called over ASGI with a bank's token, so a timing covers what a request costs in the
service: parsing and validating every item, the unit of work, the SQL and the commit, and the answer (not
the gateway or a socket). Each round uses a bank of its own and sends:

- the batch of `--items` new products (all `created`: a savepoint, a product and its version 1 each);
- the same batch again (all `unchanged`: one query loads them, nothing is written);
- the batch with every rate changed (all `updated`: a savepoint, an update and a new version each).

It prints the median and the spread over `--rounds` rounds, and the SQL statements of each batch, and
writes `bench/results/catalogue-<timestamp>.json`.

Run: `.venv/bin/python bench/catalogue.py` (defaults: `--items 500 --rounds 5`).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import platform
import statistics
import sys
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from sqlalchemy import event  # noqa: E402

from bench.common import (  # noqa: E402
    BenchError,
    database,
    git_commit,
    guarded,
    load_average,
    load_text,
    stop_on_sigterm,
    temp_workdir,
    write_results,
)
from launcher.system import migrate  # noqa: E402
from services.common.app import Runtime  # noqa: E402
from services.common.auth import Principal, Role, issue_token  # noqa: E402
from services.common.settings import Settings  # noqa: E402
from services.finance.app import app as finance_app  # noqa: E402

SECRET = "catalogue-bench-" + "x" * 32
TOWNS = ["濉溪镇", "韩村镇", "刘桥镇", "百善镇", "临涣镇", "南坪镇"]


def headers(role: Role, **claims: Any) -> dict[str, str]:
    principal = Principal(subject=str(uuid.uuid4()), username=f"bench-{role.value}", role=role, **claims)
    return {"Authorization": f"Bearer {issue_token(SECRET, principal, ttl_seconds=3600)}"}


def item(number: int, *, rate_bump: float = 0.0) -> dict[str, Any]:
    """A realistic product of a bank's catalogue, its own id `P-<number>`."""
    low = 3.0 + (number % 20) / 10
    return {
        "external_ref": f"P-{number:05d}",
        "name": f"濉溪普惠贷 {number:05d} 号",
        "min_amount_yuan": 100_000 * (1 + number % 10),
        "max_amount_yuan": 5_000_000 * (1 + number % 6),
        "annual_rate_pct_min": round(low + rate_bump, 2),
        "annual_rate_pct_max": round(low + 1.2 + rate_bump, 2),
        "term_months_min": 6,
        "term_months_max": 12 * (1 + number % 5),
        "collateral_types": ["credit", "guarantee"] if number % 3 else ["mortgage"],
        "industries": ["A", "C", "F"][: number % 4],
        "towns": TOWNS[: number % 3],
        "min_years_in_business": number % 4,
        "min_annual_revenue_yuan": 1_000_000 * (number % 8),
        "accepted_credit_ratings": ["A", "B"] if number % 2 else ["A", "B", "C"],
        "valid_until": date(2027, 12, 31).isoformat(),
    }


async def measure(url: str, *, items: int, rounds: int) -> dict[str, Any]:
    settings = Settings(database_url=url, jwt_secret=SECRET)
    runtime = Runtime.build("finance", settings)
    statements = 0

    def count(*_: Any) -> None:
        nonlocal statements
        statements += 1

    event.listen(runtime.engine.sync_engine, "before_cursor_execute", count)
    finance_app.state.runtime = runtime
    timings: dict[str, list[float]] = {"created": [], "unchanged": [], "updated": []}
    queries: dict[str, int] = {}
    try:
        transport = httpx.ASGITransport(app=finance_app)
        async with httpx.AsyncClient(transport=transport, base_url="http://finance.bench", timeout=120) as client:
            admin = headers(Role.admin)
            for round_number in range(rounds + 1):  # round 0 warms up (connections, caches) and is not counted
                code = f"bench-{uuid.uuid4().hex[:8]}"
                bank = await client.post("/finance/banks", json={"code": code, "name": "濉溪基准银行"}, headers=admin)
                if bank.status_code != 201:
                    raise BenchError(f"creating a bank: {bank.status_code} {bank.text}")
                bank_headers = headers(Role.bank, bank_id=bank.json()["id"])
                batches = {
                    "created": [item(n) for n in range(items)],
                    "unchanged": [item(n) for n in range(items)],
                    "updated": [item(n, rate_bump=0.05) for n in range(items)],
                }
                for expected, batch in batches.items():
                    statements = 0
                    started = time.perf_counter()
                    answer = await client.post("/finance/products/batch", json={"items": batch}, headers=bank_headers)
                    elapsed = (time.perf_counter() - started) * 1000
                    if answer.status_code != 200 or answer.json()["counts"][expected] != items:
                        raise BenchError(f"{expected} batch: {answer.status_code} {answer.text[:500]}")
                    if round_number:
                        timings[expected].append(elapsed)
                        queries[expected] = statements
    finally:
        del finance_app.state.runtime
        await runtime.engine.dispose()
    return {"timings_ms": timings, "statements": queries}


def summary(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=500, help="products per batch (at most 500)")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds, each with a bank of its own")
    parser.add_argument("--keep", action="store_true", help="keep the database for inspection")
    args = parser.parse_args()
    stop_on_sigterm()
    started = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    load_before = load_average()
    with contextlib.ExitStack() as stack, guarded("done; cleaning up ..."):
        workdir = temp_workdir(stack, keep=args.keep)
        url = stack.enter_context(database(workdir, keep=args.keep))
        print("migrating ...", flush=True)
        migrate(url)
        print(f"timing {args.rounds} rounds of {args.items}-product batches ...", flush=True)
        measured = asyncio.run(measure(url, items=args.items, rounds=args.rounds))
    figures = {kind: summary(values) for kind, values in measured["timings_ms"].items()}
    print(f"\n{args.items}-product batch   median      min      max   SQL statements")
    for kind, figure in figures.items():
        print(
            f"  {kind:<10} {figure['median']:>10.0f} ms {figure['min']:>6.0f} ms {figure['max']:>6.0f} ms"
            f"   {measured['statements'][kind]:>6}"
        )
    print(f"load average before: {load_text(load_before)}, after: {load_text(load_average())}")
    document = {
        "kind": "catalogue",
        "started": started,
        "commit": git_commit(),
        "machine": {"platform": platform.platform(), "python": platform.python_version()},
        "items": args.items,
        "rounds": args.rounds,
        "timings_ms": measured["timings_ms"],
        "summary_ms": figures,
        "statements": measured["statements"],
    }
    write_results("catalogue", started, document)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

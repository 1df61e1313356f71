"""Exports: an enterprise's timeline of `--small` and of `--large` events downloaded as CSV and as Excel, through the
real route, with rows/s and the peak memory of each download, to show the memory does not grow with the rows.

The intake app runs in this process on a fresh, migrated database (embedded PostgreSQL in a temporary folder, or
a new `kuaiban_bench_<hex>` database when `KUAIBAN_DATABASE_URL` names a server; removed on exit unless `--keep`).
Two enterprises get `--small` and `--large` timeline events (one INSERT … SELECT generate_series each, on the
server). Each download is `GET /intake/enterprises/{id}/timeline` with `Accept: text/csv` or the xlsx type and an
admin's token, called over ASGI by a driver that counts the body's bytes as they are sent and keeps none of them
(httpx's ASGI transport would hold the whole body), so a figure covers the route, the keyset pages, validation,
the writer and the streaming, not a socket or the gateway.

Memory: the process's resident set is sampled every 20 ms during each download; the figure is its peak less the
resident set just before (the growth a download costs), and Python's own peak allocation is reported beside it
(tracemalloc, in a second pass of the small size: it slows Python down). The ratio large/small of the peak growth
stays near 1 when memory is constant (a writer that held the rows would show a ratio near `--large`/`--small`).

Run: `.venv/bin/python bench/exports.py` (defaults: `--small 100000 --large 1000000`). Writes
`bench/results/exports-<timestamp>.json`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform
import sys
import tempfile
import threading
import time
import tracemalloc
import uuid
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402
from sqlalchemy import text  # noqa: E402

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
from services.common import exports  # noqa: E402
from services.common.auth import Principal, Role, issue_token  # noqa: E402
from services.common.settings import Settings  # noqa: E402
from services.intake.app import app as intake_app  # noqa: E402
from services.intake.clients import IntakeRuntime  # noqa: E402
from services.intake.contract import TimelineKind  # noqa: E402

SECRET = "exports-bench-" + "x" * 32
ACCEPT = {"csv": exports.CSV_MEDIA_TYPE, "xlsx": exports.XLSX_MEDIA_TYPE}

ENTERPRISE = """
INSERT INTO intake.enterprise
    (id, created_at, updated_at, uscc, name, industry, town, established_on, credit_rating, key_enterprise)
VALUES (:id, now(), now(), :uscc, :name, 'C', '濉溪镇', DATE '2015-06-01', 'B', false)
"""
EVENTS = """
INSERT INTO intake.timeline_event (id, created_at, updated_at, enterprise_id, at, service, kind, ref_id, summary)
SELECT gen_random_uuid(), now(), now(), :enterprise_id, TIMESTAMPTZ '2020-01-01 00:00:00+00' + g * INTERVAL '1 minute',
       (ARRAY['intake', 'approval', 'finance'])[1 + g % 3],
       (CAST(:kinds AS text[]))[1 + g % cardinality(CAST(:kinds AS text[]))], gen_random_uuid(),
       '诉求 SQ20260101-' || lpad(g::text, 7, '0') || ' 已受理，牵头部门：县供电公司；协办：自然资源和规划局'
FROM generate_series(1, :rows) AS g
"""


def admin_headers() -> list[tuple[bytes, bytes]]:
    principal = Principal(subject=str(uuid.uuid4()), username="bench-admin", role=Role.admin)
    return [(b"authorization", f"Bearer {issue_token(SECRET, principal, ttl_seconds=7200)}".encode())]


class RssPeak:
    """The peak resident set while it runs, sampled on a thread."""

    def __init__(self, interval: float = 0.02) -> None:
        self.process = psutil.Process()
        self.interval = interval
        self.start = self.peak = self.process.memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.process.memory_info().rss)
            self._stop.wait(self.interval)

    def __enter__(self) -> RssPeak:
        self._thread.start()
        return self

    def __exit__(self, *_: Any) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.process.memory_info().rss)


async def download(path: str, accept: str, sink: Any | None = None) -> tuple[int, int, int, dict[str, str]]:
    """Call the app as a server would; (status, body bytes, body chunks, headers). Bytes go to `sink` or nowhere."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"intake.bench"), (b"accept", accept.encode()), *admin_headers()],
        "client": ("127.0.0.1", 1),
        "server": ("intake.bench", 80),
        "app": intake_app,
    }
    status, size, chunks, headers = 0, 0, 0, {}
    asked = False

    async def receive() -> dict[str, Any]:
        nonlocal asked
        if not asked:
            asked = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.Event().wait()  # never disconnects
        return {}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status, size, chunks, headers
        if message["type"] == "http.response.start":
            status = message["status"]
            headers = {k.decode(): v.decode("latin-1") for k, v in message.get("headers", [])}
        elif message["type"] == "http.response.body" and message.get("body"):
            size += len(message["body"])
            chunks += 1
            if sink is not None:
                sink.write(message["body"])

    await intake_app(scope, receive, send)
    return status, size, chunks, headers


def occurrences(stream: Any, pattern: bytes) -> int:
    """How often `pattern` occurs in `stream`, read a megabyte at a time (also where it spans two reads)."""
    count, tail = 0, b""
    for chunk in iter(lambda: stream.read(1 << 20), b""):
        window = tail + chunk
        count += window.count(pattern)
        tail = window[-(len(pattern) - 1) :]
    return count


def check_rows(kind: str, file: Path, rows: int) -> None:
    """The file holds a header and `rows` rows (CSV: lines; xlsx: the sheet's <row> elements)."""
    if kind == "csv":
        with file.open("rb") as body:
            lines = occurrences(body, b"\r\n")
    else:
        with zipfile.ZipFile(file) as workbook, workbook.open("xl/worksheets/sheet1.xml") as sheet:
            lines = occurrences(sheet, b"<row ")
    if lines != rows + 1:
        raise BenchError(f"{kind}: {lines - 1} rows in the file, {rows} expected")


async def measure(url: str, sizes: dict[str, int], *, workdir: Path) -> dict[str, Any]:
    settings = Settings(database_url=url, jwt_secret=SECRET)
    runtime = IntakeRuntime.build("intake", settings)
    intake_app.state.runtime = runtime
    results: dict[str, Any] = {}
    try:
        enterprises = {}
        async with runtime.engine.begin() as connection:
            kinds = [kind.value for kind in TimelineKind]
            for label, rows in sizes.items():
                enterprise_id = uuid.uuid4()
                uscc = ("91340621" + uuid.uuid4().hex.upper())[:18]
                await connection.execute(
                    text(ENTERPRISE), {"id": enterprise_id, "uscc": uscc, "name": f"濉溪基准企业（{label}）"}
                )
                started = time.perf_counter()
                await connection.execute(text(EVENTS), {"enterprise_id": enterprise_id, "rows": rows, "kinds": kinds})
                print(f"  inserted {rows:,} timeline events in {time.perf_counter() - started:.1f} s", flush=True)
                enterprises[label] = enterprise_id
            await connection.execute(text("ANALYZE intake.timeline_event"))
        await download(f"/intake/enterprises/{enterprises['small']}/timeline", ACCEPT["csv"])  # warm up
        for kind, accept in ACCEPT.items():
            for label, rows in sizes.items():
                path = f"/intake/enterprises/{enterprises[label]}/timeline"
                out = workdir / f"{label}.{kind}"
                with out.open("wb") as sink, RssPeak() as rss:
                    started = time.perf_counter()
                    status, size, chunks, headers = await download(path, accept, sink)
                    seconds = time.perf_counter() - started
                if status != 200:
                    raise BenchError(f"{kind} {label}: answered {status}")
                check_rows(kind, out, rows)
                out.unlink()
                figure = {
                    "rows": rows,
                    "seconds": round(seconds, 2),
                    "rows_per_second": round(rows / seconds),
                    "bytes": size,
                    "chunks": chunks,
                    "rss_before_mb": round(rss.start / 2**20, 1),
                    "rss_peak_mb": round(rss.peak / 2**20, 1),
                    "rss_growth_mb": round((rss.peak - rss.start) / 2**20, 1),
                    "content_type": headers.get("content-type"),
                }
                results.setdefault(kind, {})[label] = figure
                print(
                    f"  {kind:<4} {rows:>9,} rows  {seconds:7.1f} s  {figure['rows_per_second']:>8,} rows/s"
                    f"  {size / 2**20:8.1f} MB in {chunks:>6} chunks  RSS peak {figure['rss_peak_mb']:.0f} MB"
                    f" (+{figure['rss_growth_mb']:.1f} MB)",
                    flush=True,
                )
        for kind, accept in ACCEPT.items():  # Python's own peak allocation, small and large alike
            for label in sizes:
                tracemalloc.start()
                await download(f"/intake/enterprises/{enterprises[label]}/timeline", accept)
                _, peak = tracemalloc.get_traced_memory()
                tracemalloc.stop()
                results[kind][label]["tracemalloc_peak_mb"] = round(peak / 2**20, 2)
                if label == "small" and sizes["large"] > 200_000:
                    break  # tracemalloc is slow: the large size only when it is small enough to wait for
    finally:
        del intake_app.state.runtime
        await runtime.aclose()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=100_000, help="rows of the smaller export")
    parser.add_argument("--large", type=int, default=1_000_000, help="rows of the larger export")
    parser.add_argument("--keep", action="store_true", help="keep the database for inspection")
    args = parser.parse_args()
    stop_on_sigterm()
    started = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    load_before = load_average()
    sizes = {"small": args.small, "large": args.large}
    with contextlib.ExitStack() as stack, guarded("done; cleaning up ..."):
        workdir = temp_workdir(stack, keep=args.keep)
        url = stack.enter_context(database(workdir, keep=args.keep))
        print("migrating ...", flush=True)
        migrate(url)
        print(f"exporting timelines of {args.small:,} and {args.large:,} events as CSV and xlsx ...", flush=True)
        files = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="kuaiban-exports-", dir=workdir)))
        results = asyncio.run(measure(url, sizes, workdir=files))
    ratios = {
        kind: {
            "rows": round(args.large / args.small, 1),
            "rss_growth": round(max(f["large"]["rss_growth_mb"], 0.1) / max(f["small"]["rss_growth_mb"], 0.1), 2),
            "seconds": round(f["large"]["seconds"] / f["small"]["seconds"], 1),
        }
        for kind, f in results.items()
    }
    print("\nlarge/small      rows  RSS growth   time")
    for kind, ratio in ratios.items():
        print(f"  {kind:<4}      {ratio['rows']:>8}x  {ratio['rss_growth']:>9}x  {ratio['seconds']:>5}x")
    print(f"load average before: {load_text(load_before)}, after: {load_text(load_average())}")
    document = {
        "kind": "exports",
        "started": started,
        "commit": git_commit(),
        "machine": {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count()},
        "batch_rows": exports.BATCH,
        "sizes": sizes,
        "results": results,
        "ratios_large_to_small": ratios,
    }
    write_results("exports", started, document)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

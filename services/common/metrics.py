"""Prometheus metrics of every process: requests, the database pool, outbox delivery, and each service's gauges.

Counters and histograms live in prometheus_client's multiprocess mode when `PROMETHEUS_MULTIPROC_DIR` is set
(`serve` sets it for every process, so the figures are right under several uvicorn workers: a scrape reaches
one worker and reads all of them); without it (in-process tests) in the default registry. Figures that are
state, not events (outbox backlog, requests by status, overdue tasks), are counted in the database at scrape
time by the service's `Gauges` function, so every worker and replica answers the same.
"""

import os
import time
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily
from sqlalchemy import func, select
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.common.tracing import untraced

MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"
UNMATCHED = "unmatched"  # the route label of a path no route took (a 404): never the raw path, whose values are endless

REQUESTS = Counter("kuaiban_http_requests_total", "HTTP requests answered", ["service", "method", "route", "status"])
DURATION = Histogram(
    "kuaiban_http_request_duration_seconds",
    "Time to answer an HTTP request",
    ["service", "method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
IN_FLIGHT = Gauge(
    "kuaiban_http_requests_in_flight", "HTTP requests being answered", ["service"], multiprocess_mode="livesum"
)
POOL = Gauge(
    "kuaiban_db_pool_connections",
    "Database connections of the process's pool, by state",
    ["service", "state"],
    multiprocess_mode="livesum",
)
DELIVERIES = Counter(
    "kuaiban_outbox_delivery_attempts_total",
    "Outbox delivery attempts by result: delivered, retry (answered with an error), unanswered, dead",
    ["service", "result"],
)

Gauges = Callable[[AsyncSession], Awaitable[Iterable[GaugeMetricFamily]]]


def gauge(
    name: str, documentation: str, rows: Iterable[tuple[Any, ...]], labels: Iterable[str] = ()
) -> GaugeMetricFamily:
    """A gauge family from (label values..., value) rows counted at scrape time."""
    family = GaugeMetricFamily(name, documentation, labels=list(labels))
    for *values, value in rows:
        family.add_metric([str(v) for v in values], float(value or 0))
    return family


def outbox_gauges(model: type, service: str) -> Gauges:
    """Backlog, age of the oldest pending message and dead letters of a service's outbox."""

    async def collect(session: AsyncSession) -> list[GaugeMetricFamily]:
        table = model.__table__  # type: ignore[attr-defined]
        pending = table.c.status == "pending"
        count, oldest, dead = (
            await session.exec(  # type: ignore[call-overload]
                select(
                    func.count().filter(pending),
                    func.extract("epoch", func.now() - func.min(table.c.created_at).filter(pending)),
                    func.count().filter(table.c.status == "dead"),
                )
            )
        ).one()
        return [
            gauge("kuaiban_outbox_pending", "Outbox messages not delivered yet", [(service, count)], ["service"]),
            gauge(
                "kuaiban_outbox_oldest_pending_seconds",
                "Age of the oldest undelivered outbox message (0 when none)",
                [(service, oldest or 0)],
                ["service"],
            ),
            gauge(
                "kuaiban_outbox_dead_letters", "Outbox messages that are not retried", [(service, dead)], ["service"]
            ),
        ]

    return collect


async def exposition(session_factory: Any, collectors: Iterable[Gauges]) -> Response:
    """The text a scrape reads: this process's (or every worker's) counters, then the gauges counted now."""
    if os.environ.get(MULTIPROCESS_DIR):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        body = generate_latest(registry)
    else:
        from prometheus_client import REGISTRY

        body = generate_latest(REGISTRY)
    families: list[GaugeMetricFamily] = []
    with untraced():  # a scrape every few seconds is not work worth a trace
        async with session_factory() as session:
            for collect in collectors:
                families.extend(await collect(session))
    registry = CollectorRegistry()
    registry.register(_Fixed(families))
    return Response(body + generate_latest(registry), media_type=CONTENT_TYPE_LATEST)


class _Fixed:
    def __init__(self, families: list[GaugeMetricFamily]) -> None:
        self.families = families

    def collect(self) -> list[GaugeMetricFamily]:
        return self.families


def process_ended() -> None:
    """Drop this worker's live gauges (in-flight, pool) from the shared figures when it stops."""
    if os.environ.get(MULTIPROCESS_DIR):
        multiprocess.mark_process_dead(os.getpid())


class MetricsMiddleware:
    """Counts each HTTP request by method, route template and status, times it, and samples the pool."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        service: str,
        pool: Callable[[], Any] | None = None,
        unrouted: Callable[[str], str] | None = None,
    ) -> None:
        self.app = app
        self.service = service
        self.pool = pool  # the engine's pool, looked up late: the runtime is built in the lifespan
        self.unrouted = unrouted  # the label of a path no route of this app took (the gateway: forwarded ones)
        self.in_flight = IN_FLIGHT.labels(service)
        self.in_use = POOL.labels(service, "in_use")
        self.idle = POOL.labels(service, "idle")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        self.in_flight.inc()
        try:
            await self.app(scope, receive, sending)
        finally:
            self.in_flight.dec()
            template = getattr(scope.get("route"), "path", None)
            if template is None:
                template = self.unrouted(scope["path"]) if self.unrouted is not None else UNMATCHED
            method = scope["method"]
            REQUESTS.labels(self.service, method, template, str(status)).inc()
            DURATION.labels(self.service, method, template).observe(time.perf_counter() - started)
            self._sample_pool()

    def _sample_pool(self) -> None:
        pool = self.pool() if self.pool is not None else None
        if pool is None:
            return
        try:
            in_use = pool.checkedout()
            self.in_use.set(in_use)
            self.idle.set(max(0, pool.checkedin()))
        except AttributeError:  # a pool without counts (NullPool in some tests)
            return

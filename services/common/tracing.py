"""Distributed tracing with OpenTelemetry: W3C trace context from the gateway through every internal call, into
the outbox (a message carries the `traceparent` of the request that wrote it, so its delivery continues that
trace) and out to banks' webhooks.

Two modes, chosen once per process by `start`:
- recording, when something reads spans (the standard `OTEL_EXPORTER_OTLP_ENDPOINT` set, or a test's span
  processors): the maintained instrumentations make the spans: FastAPI (server), aiohttp and httpx (clients),
  SQLAlchemy (ORM statements);
- otherwise, context only: no tracer provider and no instrumentation (a dropped span still costs its
  creation: a quarter of a small request's CPU), while `TraceContext` keeps each request's trace id current
  (the caller's, or a new one), so log lines carry it and internal calls, outbox rows and webhooks pass it on.
"""

import contextlib
import logging
import os
import random
from collections.abc import Iterator, Sequence
from typing import Any

from opentelemetry import context as otel_context
from opentelemetry import propagate, trace
from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware
from opentelemetry.instrumentation.utils import suppress_instrumentation
from opentelemetry.trace import Link, NonRecordingSpan, SpanContext, SpanKind, TraceFlags
from opentelemetry.util.http import parse_excluded_urls
from starlette.types import ASGIApp, Receive, Scope, Send

log = logging.getLogger("kuaiban.tracing")
ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT"
TRACES_ENDPOINT = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"
UNTRACED = "livez,readyz,metrics,healthz"  # probes and scrapes: not work worth a trace
tracer = trace.get_tracer("kuaiban")
_state: dict[str, Any] = {"started": False, "recording": False, "provider": None}


def exporting() -> bool:
    return bool(os.environ.get(ENDPOINT) or os.environ.get(TRACES_ENDPOINT))


def start(service: str, *, processors: Sequence[Any] = (), sampler: Any = None) -> bool:
    """Once per process, before any HTTP session or engine is made: record spans if anything reads them (OTLP
    export, or `processors` a test gives), with the client and database instrumentations. Whether it records."""
    if _state["started"]:
        return _state["recording"]
    _state["started"] = True
    processors = list(processors)
    if exporting():
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
        from opentelemetry.sdk.trace.export import BatchSpanProcessor

        processors.append(BatchSpanProcessor(OTLPSpanExporter()))
    if not processors:
        return False
    from opentelemetry.instrumentation.aiohttp_client import AioHttpClientInstrumentor
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
    from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.sampling import ParentBased, TraceIdRatioBased

    if sampler is None:
        sampler = ParentBased(TraceIdRatioBased(float(os.environ.get("OTEL_TRACES_SAMPLER_ARG", "1.0"))))
    provider = TracerProvider(resource=Resource.create({"service.name": f"kuaiban-{service}"}), sampler=sampler)
    for processor in processors:
        provider.add_span_processor(processor)
    trace.set_tracer_provider(provider)
    AioHttpClientInstrumentor().instrument()
    HTTPXClientInstrumentor().instrument()
    # ORM statements of every engine made from now on (plain-SQL hot paths go around SQLAlchemy and carry none).
    # It declares SQLAlchemy < 2.1; it only listens to engine events, which 2.1 keeps: the tracing tests show it.
    SQLAlchemyInstrumentor().instrument(enable_commenter=False, skip_dep_check=True)
    _state.update(recording=True, provider=provider)
    log.info("tracing: spans of %s recorded (%s)", service, "OTLP" if exporting() else "in process")
    return True


def shutdown() -> None:
    """Flush what the exporter still holds (a stopping worker's last spans)."""
    if _state["provider"] is not None:
        _state["provider"].force_flush(timeout_millis=3000)


def instrument_app(app: Any) -> None:
    """Server spans for a FastAPI app while recording; probes and scrapes are left out. Its middleware stack is
    rebuilt on the next request (the lifespan, which calls this, runs through the old one)."""
    if not _state["recording"] or getattr(app, "_is_instrumented_by_opentelemetry", False):
        return
    from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor

    FastAPIInstrumentor.instrument_app(app, excluded_urls=UNTRACED)
    app.middleware_stack = None


class TraceContext:
    """Keeps a request's trace current when no server span does (not recording): the caller's `traceparent`, or
    a new trace id, so the request's log lines, internal calls and outbox rows carry one."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or trace.get_current_span().get_span_context().is_valid:
            await self.app(scope, receive, send)
            return
        token = otel_context.attach(_incoming(scope))
        try:
            await self.app(scope, receive, send)
        finally:
            otel_context.detach(token)


def _incoming(scope: Scope) -> otel_context.Context:
    for name, value in scope["headers"]:
        if name == b"traceparent":
            found = propagate.extract({"traceparent": value.decode("latin-1")})
            if trace.get_current_span(found).get_span_context().is_valid:
                return found
            break
    return _new_trace()


def _new_trace() -> otel_context.Context:
    span_context = SpanContext(
        trace_id=random.getrandbits(128) or 1,
        span_id=random.getrandbits(64) or 1,
        is_remote=False,
        trace_flags=TraceFlags(TraceFlags.DEFAULT),
    )
    return trace.set_span_in_context(NonRecordingSpan(span_context))


class TracedEdge:
    """The gateway's edge: every request starts (or continues) its trace here, with a server span while
    recording, with `TraceContext` otherwise."""

    def __init__(self, app: ASGIApp) -> None:
        self.recorded = OpenTelemetryMiddleware(app, excluded_urls=parse_excluded_urls(UNTRACED))
        self.context_only = TraceContext(app)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await (self.recorded if _state["recording"] else self.context_only)(scope, receive, send)


def untraced() -> contextlib.AbstractContextManager[None]:
    """No spans from the instrumentations inside (background polling, probes, scrapes): only requests and the
    work they cause are traced."""
    return suppress_instrumentation()


def traceparent() -> str | None:
    """The W3C `traceparent` of the current span, to store with work that continues later (an outbox row)."""
    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    return carrier.get("traceparent")


@contextlib.contextmanager
def continued(name: str, parents: Sequence[str | None]) -> Iterator[None]:
    """Deliver stored work in the trace that wrote it: a span, child of the first stored `traceparent` and linked
    to the others (one delivery may carry the messages of several requests); without recording, that context."""
    contexts = [propagate.extract({"traceparent": parent}) for parent in parents if parent]
    if not _state["recording"]:
        token = otel_context.attach(contexts[0] if contexts else _new_trace())
        try:
            yield
        finally:
            otel_context.detach(token)
        return
    links = [Link(span.get_span_context()) for span in (trace.get_current_span(c) for c in contexts[1:])]
    with tracer.start_as_current_span(
        name, context=contexts[0] if contexts else None, kind=SpanKind.PRODUCER, links=links
    ):
        yield

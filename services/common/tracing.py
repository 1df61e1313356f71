"""Distributed tracing with OpenTelemetry: W3C trace context from the gateway through every internal call, into
the outbox (a message carries the `traceparent` of the request that wrote it, so its delivery continues that
trace) and out to banks' webhooks.

Spans come from the maintained instrumentations: FastAPI (server), aiohttp and httpx (clients), SQLAlchemy
(ORM statements). Exporting is off by default: spans are then not recorded (the sampler drops them, which costs
next to nothing) but trace ids still flow and log lines still carry them. Setting the standard
`OTEL_EXPORTER_OTLP_ENDPOINT` turns on export over OTLP/HTTP (the standard `OTEL_*` variables tune it).
"""

import contextlib
import logging
import os
from collections.abc import Iterator, Sequence
from typing import Any

from opentelemetry import propagate, trace
from opentelemetry.instrumentation.aiohttp_client import AioHttpClientInstrumentor
from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor
from opentelemetry.instrumentation.utils import suppress_instrumentation
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import SpanProcessor, TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.sdk.trace.sampling import ALWAYS_OFF, ParentBased, Sampler, TraceIdRatioBased
from opentelemetry.trace import Link, SpanKind

log = logging.getLogger("kuaiban.tracing")
ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT"
TRACES_ENDPOINT = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"
UNTRACED = "livez,readyz,metrics,healthz"  # probes and scrapes: not work worth a trace
tracer = trace.get_tracer("kuaiban")
_started: dict[str, Any] = {}


def exporting() -> bool:
    return bool(os.environ.get(ENDPOINT) or os.environ.get(TRACES_ENDPOINT))


def start(service: str, *, processors: Sequence[SpanProcessor] = (), sampler: Sampler | None = None) -> None:
    """Once per process: the tracer provider (exporting to OTLP when the endpoint is set, or to `processors` a
    test gives) and the client and database instrumentations, before any HTTP session or engine is made."""
    if _started:
        return
    processors = list(processors)
    if exporting():
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        processors.append(BatchSpanProcessor(OTLPSpanExporter()))
    if sampler is None:  # nothing would read recorded spans: record none, keep the ids flowing
        ratio = float(os.environ.get("OTEL_TRACES_SAMPLER_ARG", "1.0"))
        sampler = ParentBased(TraceIdRatioBased(ratio)) if processors else ALWAYS_OFF
    provider = TracerProvider(resource=Resource.create({"service.name": f"kuaiban-{service}"}), sampler=sampler)
    for processor in processors:
        provider.add_span_processor(processor)
    trace.set_tracer_provider(provider)
    AioHttpClientInstrumentor().instrument()
    HTTPXClientInstrumentor().instrument()
    # ORM statements of every engine made from now on (plain-SQL hot paths go around SQLAlchemy and carry none).
    # It declares SQLAlchemy < 2.1; it only listens to engine events, which 2.1 keeps: the tracing tests show it.
    SQLAlchemyInstrumentor().instrument(enable_commenter=False, skip_dep_check=True)
    _started["provider"] = provider
    if processors:
        log.info("tracing: spans of %s recorded (%s)", service, "OTLP" if exporting() else "in process")


def shutdown() -> None:
    """Flush what the exporter still holds (a stopping worker's last spans)."""
    provider = _started.get("provider")
    if provider is not None:
        provider.force_flush(timeout_millis=3000)


def instrument_app(app: Any) -> None:
    """Server spans for a FastAPI app; probes and scrapes are left out, they are not work worth a trace."""
    FastAPIInstrumentor.instrument_app(app, excluded_urls=UNTRACED)


def untraced() -> contextlib.AbstractContextManager[None]:
    """No spans from the instrumentations inside (background polling, probes, scrapes): only requests and the
    work they cause are traced."""
    return suppress_instrumentation()


def traceparent() -> str | None:
    """The W3C `traceparent` of the current span, to store with work that continues later (an outbox row)."""
    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    return carrier.get("traceparent")


def trace_id() -> str:
    """The current trace id as 32 hex digits, '' outside any trace (for log lines)."""
    context = trace.get_current_span().get_span_context()
    return format(context.trace_id, "032x") if context.is_valid else ""


@contextlib.contextmanager
def continued(name: str, parents: Sequence[str | None]) -> Iterator[None]:
    """A span for delivering stored work, child of the first stored `traceparent` and linked to the others (one
    delivery may carry the messages of several requests)."""
    contexts = [propagate.extract({"traceparent": parent}) for parent in parents if parent]
    links = [Link(span.get_span_context()) for span in (trace.get_current_span(c) for c in contexts[1:])]
    with tracer.start_as_current_span(
        name, context=contexts[0] if contexts else None, kind=SpanKind.PRODUCER, links=links
    ):
        yield

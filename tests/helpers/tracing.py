"""Spans in process for the tracing tests: the test session's tracer provider records only while a test listens
(one provider per process, set before the first engine or HTTP client is made; other tests pay next to nothing)."""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export import SpanExportResult
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.sdk.trace.sampling import Decision, Sampler, SamplingResult


class Capture(InMemorySpanExporter):
    listening = False

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        return super().export(spans) if self.listening else SpanExportResult.SUCCESS


class WhileListening(Sampler):
    """Records spans only while `capture` listens."""

    def __init__(self, capture: Capture) -> None:
        self.capture = capture

    def should_sample(self, *args, **kwargs) -> SamplingResult:
        return SamplingResult(Decision.RECORD_AND_SAMPLE if self.capture.listening else Decision.DROP)

    def get_description(self) -> str:
        return "WhileListening"


CAPTURE = Capture()
SAMPLER = WhileListening(CAPTURE)


@contextmanager
def listening() -> Iterator[None]:
    """The test process records (and so sends sampled context) only while its tracing tests listen."""
    CAPTURE.listening = True
    try:
        yield
    finally:
        CAPTURE.listening = False
        CAPTURE.clear()

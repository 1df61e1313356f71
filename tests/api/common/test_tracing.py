"""Tracing in process (issue 13): an application's submission, approval's call to intake, the outbox message it
writes and that message's delivery to intake's timeline are one trace, recorded by an in-memory exporter.
(tests/e2e/test_tracing.py follows the same trace through the gateway over real processes and OTLP.)"""

from collections.abc import Iterator, Sequence

import pytest
from opentelemetry.sdk.trace import ReadableSpan

from services.approval.models import ApprovalOutbox
from services.common import tracing
from tests.api.common._support import application_body, message_about, new_enterprise, new_matter
from tests.helpers.inprocess import APPS, Kuaiban
from tests.helpers.tracing import CAPTURE, Capture


@pytest.fixture
def spans() -> Iterator[Capture]:
    for app in APPS.values():  # server spans, as a recording process's lifespan adds them (once per app)
        tracing.instrument_app(app)
    CAPTURE.clear()
    CAPTURE.listening = True
    try:
        yield CAPTURE
    finally:
        CAPTURE.listening = False
        CAPTURE.clear()


def handled(found: Sequence[ReadableSpan]) -> set[str]:
    """The routes requests were answered on (in one process a server span is a child of its caller's, so its
    kind is INTERNAL here; over real processes it is SERVER)."""
    return {span.attributes["http.route"] for span in found if "http.route" in span.attributes}


async def test_an_application_and_its_timeline_event_are_one_trace(kuaiban: Kuaiban, spans: Capture):
    enterprise_id, headers = await new_enterprise(kuaiban)
    matter = await new_matter(kuaiban)
    spans.clear()
    with tracing.tracer.start_as_current_span("the enterprise's click") as click:  # a front-end sends its context
        async with kuaiban.client("approval", {**headers, "traceparent": tracing.traceparent()}) as approval:
            submitted = await approval.post("/approval/applications", json=application_body(matter["code"]))
        assert submitted.status_code == 201, submitted.text
    trace_id = click.get_span_context().trace_id

    message = await message_about(kuaiban, submitted.json()["id"])
    assert message.traceparent and message.traceparent.split("-")[1] == format(trace_id, "032x")
    relay = kuaiban.relay("approval", ApprovalOutbox)
    while await relay.deliver_once():
        pass

    mine = [span for span in spans.get_finished_spans() if span.context.trace_id == trace_id]
    routes = handled(mine)
    assert "/approval/applications" in routes  # the submission
    assert "/internal/intake/enterprises/{enterprise_id}" in routes  # approval asked intake for the profile
    assert {"/internal/intake/timeline-events", "/internal/intake/timeline-events/batch"} & routes  # the delivery
    assert any(span.name == "outbox deliver" for span in mine)
    assert any(span.attributes.get("db.system") == "postgresql" for span in mine)  # ORM statements
    assert enterprise_id

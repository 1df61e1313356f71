"""One trace over real processes (issue 13): a front-end's `traceparent` on an application's submission is
continued by the gateway, approval and intake (approval asks intake for the profile), and by the delivery of
the application's timeline event from approval's outbox to intake; every process exports over OTLP/HTTP to a
small receiver on loopback."""

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from launcher.system import System
from services.common import tracing
from tests.helpers.approval_flows import make_matter, new_enterprise, submit
from tests.helpers.factories import ADMIN_PASSWORD
from tests.helpers.http import login
from tests.helpers.otlp import Received, otlp_receiver
from tests.helpers.systems import running_system, system_env
from tests.helpers.tracing import listening
from tests.helpers.waiting import wait_until

SERVER = 2  # OTLP's SpanKind


@pytest.fixture(scope="module")
def traced(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[System, Received]]:
    with otlp_receiver() as (endpoint, received):
        env = system_env(database_url, OTEL_EXPORTER_OTLP_ENDPOINT=endpoint, OTEL_BSP_SCHEDULE_DELAY="100")
        with running_system(env, tmp_path_factory.mktemp("traced")) as system:
            yield system, received


def test_an_application_and_its_timeline_event_are_one_trace_across_processes(traced: tuple[System, Received]):
    system, received = traced
    with httpx.Client(base_url=system.gateway_url, timeout=15) as gateway:
        admin = {"Authorization": f"Bearer {login(gateway, 'admin', ADMIN_PASSWORD)}"}
        _, owner = new_enterprise(gateway, admin)
        matter = make_matter(gateway, admin)
        with listening(), tracing.tracer.start_as_current_span("the enterprise's click") as click:
            application = submit(gateway, owner, matter)  # httpx's instrumentation sends the click's context
        trace_id = format(click.get_span_context().trace_id, "032x")

    def complete() -> dict[str, set[str]]:
        routes: dict[str, set[str]] = {}
        for span in received.of_trace(trace_id):
            if span.kind == SERVER:
                routes.setdefault(span.service, set()).add(str(span.attributes.get("http.route") or span.name))
        timeline = {"/internal/intake/timeline-events", "/internal/intake/timeline-events/batch"}
        return routes if routes.get("kuaiban-intake", set()) & timeline else {}

    routes = wait_until(complete, lambda: f"spans of trace {trace_id}: {received.of_trace(trace_id)}", timeout=20)
    assert {"kuaiban-gateway", "kuaiban-approval", "kuaiban-intake"} <= set(routes)
    assert "/approval/applications" in routes["kuaiban-approval"]
    assert "/internal/intake/enterprises/{enterprise_id}" in routes["kuaiban-intake"]
    spans = received.of_trace(trace_id)
    assert any(span.name == "outbox deliver" and span.service == "kuaiban-approval" for span in spans)
    assert any(span.service == "kuaiban-approval" and span.attributes.get("db.system") for span in spans)
    assert application["status"] == "in_review"
    logs = Path(system.log_dir)
    assert any(trace_id in path.read_text() for path in logs.glob("approval-*.log"))  # log lines carry it

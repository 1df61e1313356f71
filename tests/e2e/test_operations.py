"""Operations over real processes (issue 13): metrics stay whole under several uvicorn workers (a scrape reaches
one worker and reports all of them), the gateway labels forwarded requests by their service's prefix, and with
no collector the trace id still reaches every process's log lines."""

import json
import urllib.request
from pathlib import Path

import httpx
from prometheus_client.parser import text_string_to_metric_families

from launcher.system import System, free_port_block
from services.common import tracing
from tests.helpers.approval_flows import make_matter, new_enterprise, submit
from tests.helpers.http import log_lines
from tests.helpers.tracing import listening
from tests.helpers.waiting import wait_until


def count_of(body: str, name: str, **labels: str) -> float:
    return sum(
        sample.value
        for family in text_string_to_metric_families(body)
        for sample in family.samples
        if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items())
    )


def test_metrics_add_up_across_workers(system: System):
    port = free_port_block(1)
    system.start("approval", extra_env={"KUAIBAN_WORKERS": "2"}, port=port)
    try:
        system.wait_up("approval", port=port)
        url = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=url, timeout=10) as client:
            for _ in range(40):  # new connections: the kernel spreads them over both workers
                with httpx.Client(base_url=url, timeout=10) as once:
                    assert once.get("/livez").status_code == 200
            scrapes = [client.get("/metrics").text for _ in range(6)]
        seen = {count_of(body, "kuaiban_http_requests_total", route="/livez", status="200") for body in scrapes}
        assert seen == {40.0}, seen  # every scrape, whichever worker answered it, counts both workers' requests
        assert all("kuaiban_approval_applications" in body for body in scrapes)
    finally:
        system.stop("approval", port=port)


def test_the_gateway_labels_forwarded_requests_by_service(gateway: httpx.Client, admin_headers: dict):
    before = count_of(
        gateway.get("/metrics", headers=admin_headers).text, "kuaiban_http_requests_total", route="/intake/*"
    )
    assert gateway.get("/intake/enterprises", headers=admin_headers).status_code == 200
    wait_until(
        lambda: (
            count_of(
                gateway.get("/metrics", headers=admin_headers).text, "kuaiban_http_requests_total", route="/intake/*"
            )
            > before
        ),
        "the forwarded request counted",
        timeout=5,
    )
    assert gateway.get("/metrics").status_code == 401
    assert gateway.get("/livez").json() == {"status": "ok"} and gateway.get("/readyz").status_code == 200


def test_without_export_the_trace_id_still_reaches_every_log(
    gateway: httpx.Client, admin_headers: dict, system: System
):
    """No collector set: nothing is recorded, but a front-end's trace id is in the access lines of the gateway,
    approval and intake, and in intake's line for the timeline event approval's outbox delivers later."""
    _, owner = new_enterprise(gateway, admin_headers)
    matter = make_matter(gateway, admin_headers)
    with listening(), tracing.tracer.start_as_current_span("the enterprise's click") as click:
        application = submit(gateway, owner, matter)  # the test's httpx instrumentation sends the click's context
    trace_id = format(click.get_span_context().trace_id, "032x")

    def lines(service: str) -> list[dict]:
        found = []
        for path in Path(system.log_dir).glob(f"{service}-*.log"):
            found += [json.loads(line) for line in path.read_text().splitlines() if trace_id in line]
        return found

    def delivered() -> bool:
        return any("timeline-events" in line.get("path", "") for line in lines("intake"))

    wait_until(delivered, "the timeline event's delivery in intake's log", timeout=10)
    assert any(line.get("path") == "/approval/applications" for line in lines("gateway"))
    assert any(line.get("path") == "/approval/applications" for line in lines("approval"))
    assert any(line.get("path", "").startswith("/internal/intake/enterprises/") for line in lines("intake"))
    assert application["status"] == "in_review"


def test_behind_a_trusted_proxy_the_gateway_names_the_real_client(system: System):
    port = free_port_block(1)
    system.start("gateway", extra_env={"KUAIBAN_TRUSTED_PROXIES": "127.0.0.1"}, port=port)
    try:
        system.wait_up("gateway", port=port)
        forwarded = {"X-Forwarded-For": "203.0.113.9", "X-Request-ID": "behind-a-proxy-1"}
        assert httpx.get(f"http://127.0.0.1:{port}/openapi.json", headers=forwarded, timeout=10).status_code == 200

        def logged() -> list[dict]:
            text = (Path(system.log_dir) / f"gateway-{port}.log").read_text()
            return [json.loads(line) for line in text.splitlines() if "behind-a-proxy-1" in line]

        [line] = wait_until(logged, "the access line", timeout=5)
        assert line["client"] == "203.0.113.9"
    finally:
        system.stop("gateway", port=port)


def test_a_request_without_trace_context_gets_one_trace_at_the_gateway_and_behind_it(
    system: System, admin_headers: dict
):
    """A caller that sends no `traceparent` (a plain client, not the tests' instrumented httpx): the trace the
    gateway starts is the one the service logs."""
    request = urllib.request.Request(
        f"{system.gateway_url}/intake/enterprises",
        headers={**admin_headers, "X-Request-ID": "no-trace-context-1"},
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.status == 200

    def access(line: dict) -> bool:
        return line.get("logger") == "kuaiban.access"

    [gateway_line] = [line for line in log_lines(system, "gateway", "no-trace-context-1", until=access) if access(line)]
    [intake_line] = [line for line in log_lines(system, "intake", "no-trace-context-1", until=access) if access(line)]
    assert gateway_line["trace_id"] and intake_line["trace_id"] == gateway_line["trace_id"]

"""Operations over real processes (issue 13): metrics stay whole under several uvicorn workers (a scrape reaches
one worker and reports all of them), and the gateway labels forwarded requests by their service's prefix."""

import httpx
from prometheus_client.parser import text_string_to_metric_families

from launcher.system import System, free_port_block
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

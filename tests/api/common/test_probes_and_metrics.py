"""What operators get from every process (issue 13): `/livez` and `/readyz` for probes, and `/metrics` with
request counts by route template, outbox backlog and each service's gauges; the gateway's only for a scraper's
token or an admin."""

from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import text

from services.common.app import migrations_head
from tests.api.common._support import ADMIN, new_enterprise
from tests.helpers.factories import headers_for
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem

APPS = ("gateway", "intake", "approval", "finance")


def samples(body: str) -> dict[tuple[str, tuple], float]:
    """Every sample of a scrape: (name, sorted labels) -> value."""
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(body)
        for sample in family.samples
    }


async def test_every_process_answers_the_probes(kuaiban: Kuaiban):
    for name in APPS:
        async with kuaiban.client(name) as client:
            live = await client.get("/livez")
            assert live.status_code == 200 and live.json() == {"status": "ok"}
            ready = await client.get("/readyz")
            assert ready.status_code == 200, ready.text
            assert ready.json()["migration"] == migrations_head() is not None


async def test_a_database_behind_the_code_is_not_ready(kuaiban: Kuaiban):
    await kuaiban.connection.execute(text("UPDATE public.alembic_version SET version_num = '0001'"))  # rolled back
    async with kuaiban.client("finance") as finance:
        assert_problem(await finance.get("/readyz"), 503)
        assert (await finance.get("/livez")).status_code == 200  # alive all the same: no restart for this


async def test_a_database_ahead_of_the_code_keeps_it_ready(kuaiban: Kuaiban):
    """During a rolling upgrade the migration runs first: the old pods keep serving."""
    await kuaiban.connection.execute(text("UPDATE public.alembic_version SET version_num = '9999'"))  # rolled back
    async with kuaiban.client("finance") as finance:
        ready = await finance.get("/readyz")
    assert ready.status_code == 200 and ready.json()["migration"] == "9999"


async def test_a_service_counts_requests_by_route_and_its_state(kuaiban: Kuaiban):
    enterprise_id, _ = await new_enterprise(kuaiban)
    async with kuaiban.client("intake", ADMIN) as intake:
        for _ in range(3):
            assert (await intake.get(f"/intake/enterprises/{enterprise_id}")).status_code == 200
        assert (await intake.get("/intake/no-such-path")).status_code == 404
        scrape = await intake.get("/metrics", headers={})
    assert scrape.status_code == 200 and scrape.headers["content-type"].startswith("text/plain")
    found = samples(scrape.text)
    route = (
        ("method", "GET"),
        ("route", "/intake/enterprises/{enterprise_id}"),
        ("service", "intake"),
        ("status", "200"),
    )
    assert found[("kuaiban_http_requests_total", route)] >= 3
    unmatched = (("method", "GET"), ("route", "unmatched"), ("service", "intake"), ("status", "404"))
    assert found[("kuaiban_http_requests_total", unmatched)] >= 1  # never the raw path
    assert not [key for key in found if "no-such-path" in str(key)]
    assert found[("kuaiban_outbox_pending", (("service", "intake"),))] >= 1  # the registration's profile event
    assert ("kuaiban_intake_requests", (("status", "received"),)) in found
    assert ("kuaiban_intake_requests_overdue", ()) in found
    assert ("kuaiban_http_request_duration_seconds_count", route[:3]) in found


async def test_each_service_exports_its_own_gauges(kuaiban: Kuaiban):
    expected = {
        "approval": ("kuaiban_approval_applications", "kuaiban_approval_tasks_overdue", "kuaiban_outbox_dead_letters"),
        "finance": ("kuaiban_finance_needs_open", "kuaiban_finance_webhook_deliveries", "kuaiban_outbox_pending"),
    }
    for name, families in expected.items():
        async with kuaiban.client(name) as client:
            body = (await client.get("/metrics")).text
        names = {family.name for family in text_string_to_metric_families(body)}
        assert set(families) <= names, (name, names)


async def test_the_gateway_shows_its_metrics_to_a_scraper_or_an_admin(kuaiban: Kuaiban):
    kuaiban.runtimes["gateway"].settings.metrics_token = "scrape-3f9c2a7e"
    async with kuaiban.client("gateway") as gateway:
        assert_problem(await gateway.get("/metrics"), 401)
        assert_problem(await gateway.get("/metrics", headers={"Authorization": "Bearer wrong"}), 401)
        officer = headers_for("officer", department="market_regulation")
        assert_problem(await gateway.get("/metrics", headers=officer), 403)
        assert (await gateway.get("/metrics", headers=ADMIN)).status_code == 200
        scraper = await gateway.get("/metrics", headers={"Authorization": "Bearer scrape-3f9c2a7e"})
        assert scraper.status_code == 200 and "kuaiban_http_requests_total" in scraper.text

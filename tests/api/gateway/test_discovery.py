"""`/healthz` and the merged OpenAPI of the gateway's own app (moved from tests/e2e/test_foundation.py);
the gateway asks each service over the in-process transport, where a service can be taken down."""

import httpx

from tests.helpers.inprocess import Kuaiban

SERVICES = ("intake", "approval", "finance")


async def test_health_reports_every_service(gateway: httpx.AsyncClient):
    response = await gateway.get("/healthz", headers={"Authorization": ""})
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "services": {"intake": "ok", "approval": "ok", "finance": "ok"}}


async def test_a_service_that_is_down_makes_health_503_degraded(kuaiban: Kuaiban, gateway: httpx.AsyncClient):
    kuaiban.transport.down.add("finance")
    response = await gateway.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "degraded", "services": {"intake": "ok", "approval": "ok", "finance": "down"}}
    kuaiban.transport.down.clear()
    assert (await gateway.get("/healthz")).status_code == 200


async def test_openapi_merges_every_service(kuaiban: Kuaiban, gateway: httpx.AsyncClient):
    document = (await gateway.get("/openapi.json", headers={"Authorization": ""})).json()
    assert document["openapi"].startswith("3.")
    for path in ("/auth/token", "/auth/accounts", "/auth/me", "/healthz", "/intake/enterprises"):
        assert path in document["paths"], path
    assert "/intake/enterprises/{enterprise_id}" in document["paths"]
    assert "Problem" in document["components"]["schemas"]
    assert not any(path.startswith("/internal") for path in document["paths"])
    for name in SERVICES:  # every public path of every service, as the service itself documents it
        async with kuaiban.client(name) as service:
            own = (await service.get("/openapi.json")).json()
        assert set(own["paths"]) <= set(document["paths"]), name
        for schema in own["components"]["schemas"]:
            assert (
                schema in document["components"]["schemas"]
                or f"{name.title()}{schema}" in document["components"]["schemas"]
            )
    docs = await gateway.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    assert '<script src="/docs/assets/swagger-ui-bundle.js">' in docs.text  # served by the gateway, not a CDN


async def test_openapi_without_a_service_leaves_its_paths_out_until_it_is_back(
    kuaiban: Kuaiban, gateway: httpx.AsyncClient
):
    kuaiban.transport.down.add("approval")
    partial = (await gateway.get("/openapi.json")).json()
    assert "/intake/enterprises" in partial["paths"] and "/finance/banks" in partial["paths"]
    assert not any(path.startswith("/approval/") for path in partial["paths"])
    kuaiban.transport.down.clear()
    complete = (await gateway.get("/openapi.json")).json()
    assert "/approval/applications" in complete["paths"]
    kuaiban.transport.calls.clear()
    assert (await gateway.get("/openapi.json")).json() == complete
    assert not kuaiban.transport.calls  # the complete document is kept; nobody is asked again

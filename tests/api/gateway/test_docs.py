"""The offline docs pages through the whole gateway app: Swagger UI at /docs and ReDoc at /redoc with
their assets served by the gateway, no external URL and no inline script in the pages, a CSP of 'self',
and the OAuth2 password flow the Authorize dialog logs in with. The pages in a real browser:
tests/e2e/test_docs_browser.py."""

import re

import httpx
import pytest
from fastapi import FastAPI

from gateway.config import DOCS_CSP
from services.common.docs import docs_router
from tests.helpers.inprocess import Kuaiban
from tests.helpers.pages import ANY_URL, REFERENCES, csp_directives
from tests.helpers.problems import assert_problem

PAGES = {"/docs": "swagger-ui-bundle.js", "/redoc": "redoc.standalone.js"}
ASSET_TYPES = {".js": "text/javascript", ".css": "text/css", ".png": "image/png"}


@pytest.mark.parametrize("path", list(PAGES))
async def test_the_pages_load_only_the_gateways_own_files(edge: httpx.AsyncClient, path: str):
    page = await edge.get(path)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    html = page.text
    assert ANY_URL.search(html) is None, "no URL of another host, not even a link"
    assert "cdn" not in html.lower()
    assert re.search(r"<script(?![^>]*\bsrc=)", html) is None, "no inline script"
    assert re.search(r"<script[^>]*>[^<]+</script>", html) is None, "no script body"
    assert "<style" not in html and " style=" not in html, "no inline style"
    references = REFERENCES.findall(html)
    assert f"/docs/assets/{PAGES[path]}" in references
    assert "/openapi.json" in html
    for reference in references:
        assert reference.startswith("/docs/"), reference
        asset = await edge.get(reference)
        assert asset.status_code == 200, reference
        suffix = reference[reference.rindex(".") :]
        assert asset.headers["content-type"].startswith(ASSET_TYPES[suffix]), reference
        assert len(asset.content) > 100, reference


async def test_swagger_ui_starts_from_a_file_that_names_the_spec_and_no_other_host(edge: httpx.AsyncClient):
    page = (await edge.get("/docs")).text
    assert 'data-openapi-url="/openapi.json"' in page
    init = await edge.get("/docs/swagger-init.js")
    assert init.status_code == 200 and init.headers["content-type"].startswith("text/javascript")
    assert "SwaggerUIBundle(" in init.text and "validatorUrl: null" in init.text  # no public validator badge
    assert "persistAuthorization: false" in init.text  # the token is not kept in localStorage
    assert ANY_URL.search(init.text) is None


@pytest.mark.parametrize("path", list(PAGES))
async def test_the_pages_csp_allows_only_the_gateway_itself(edge: httpx.AsyncClient, path: str):
    response = await edge.get(path)
    header = response.headers["content-security-policy"]
    assert header == DOCS_CSP[1].decode()
    directives = csp_directives(header)
    assert directives["default-src"] == ["'none'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["connect-src"] == ["'self'"]  # the spec, the login and "Try it out"
    assert directives["style-src"][0] == "'self'"
    assert all(source.startswith("'sha256-") for source in directives["style-src"][1:])
    assert directives["img-src"] == ["'self'", "data:"]
    assert directives["frame-ancestors"] == ["'none'"]
    for sources in directives.values():
        for source in sources:
            assert source in ("'self'", "'none'", "data:", "blob:") or source.startswith("'sha256-"), source
    assert "unsafe" not in header and "http" not in header and "*" not in header
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"


async def test_assets_are_revalidated_instead_of_downloaded_again(edge: httpx.AsyncClient):
    first = await edge.get("/docs/assets/swagger-ui.css")
    assert first.status_code == 200
    assert first.headers["cache-control"] == "no-cache"
    assert first.headers["content-security-policy"] == DOCS_CSP[1].decode()
    again = await edge.get("/docs/assets/swagger-ui.css", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""


@pytest.mark.parametrize(
    "path", ["/docs/assets/no-such-file.js", "/docs/assets/%2e%2e/core.py", "/docs/assets/../core.py"]
)
async def test_unknown_assets_and_paths_out_of_the_folder_are_404(edge: httpx.AsyncClient, path: str):
    assert_problem(await edge.get(path), 404)


async def test_the_authorize_dialog_logs_in_with_a_password_or_client_credentials(gateway: httpx.AsyncClient):
    document = (await gateway.get("/openapi.json")).json()
    schemes = document["components"]["securitySchemes"]
    assert len(schemes) == 1
    (name, scheme), *_ = schemes.items()
    assert scheme["type"] == "oauth2"
    assert scheme["flows"]["password"] == {"tokenUrl": "/auth/token", "scopes": {}}
    clients = scheme["flows"]["clientCredentials"]
    assert clients["tokenUrl"] == "/auth/token"
    assert set(clients["scopes"]) == {"products:write", "leads:read", "applications:decide", "webhooks:manage"}
    me = document["paths"]["/auth/me"]["get"]
    assert me["security"] == [{name: []}]
    assert document["paths"]["/intake/enterprises"]["get"]["security"] == [{name: []}]


@pytest.mark.parametrize("service", ["intake", "approval", "finance"])
async def test_services_serve_no_docs_pages_of_their_own(kuaiban: Kuaiban, service: str):
    """People read the merged docs at the gateway; a service keeps only the /openapi.json the gateway merges."""
    async with kuaiban.client(service) as client:
        assert (await client.get("/openapi.json")).status_code == 200
        for path in ("/docs", "/redoc", "/docs/oauth2-redirect"):
            assert (await client.get(path)).status_code == 404, path


async def test_the_router_escapes_what_it_writes_into_the_page():
    app = FastAPI(docs_url=None, redoc_url=None)
    app.include_router(docs_router(title='<b>"Kuaiban"</b>', openapi_url="/spec.json?a=1&b=2"))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://docs.test") as client:
        for path in PAGES:
            page = (await client.get(path)).text
            assert "<b>" not in page and "&lt;b&gt;&quot;Kuaiban&quot;&lt;/b&gt;" in page
            assert "/spec.json?a=1&amp;b=2" in page

"""The leader's dashboard through the whole gateway app: the page and its assets come from the gateway alone
(plotly.js from the installed `plotly` package), with a CSP of 'self', digest-addressed assets cached for a year,
no inline script and no other host; the token stays in the page's memory. The page in a real browser:
tests/e2e/test_dashboard_browser.py. Open data (`GET /public/stats`): county figures without a login, cached."""

import json
import re
from html import unescape

import httpx

from gateway import dashboard
from tests.helpers.factories import ADMIN
from tests.helpers.inprocess import Kuaiban
from tests.helpers.pages import ANY_URL, REFERENCES, csp_directives
from tests.helpers.problems import assert_problem

ASSET_TYPES = {".js": "text/javascript", ".css": "text/css"}


async def test_the_page_loads_only_the_gateways_own_files(edge: httpx.AsyncClient):
    page = await edge.get("/dashboard")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert page.headers["cache-control"] == "no-cache"
    html = page.text
    assert '<html lang="zh-CN">' in html and "县领导看板" in html
    assert ANY_URL.search(html) is None and "cdn" not in html.lower()
    assert re.search(r"<script(?![^>]*\bsrc=)", html) is None, "no inline script"
    assert "<style" not in html and " style=" not in html, "no inline style"
    fragments = [reference for reference in REFERENCES.findall(html) if reference.startswith("#")]
    assert fragments == ["#main"]  # the skip link
    references = [reference for reference in REFERENCES.findall(html) if not reference.startswith("#")]
    assert sorted(reference.rsplit("/", 1)[1] for reference in references) == [
        "dashboard.css",
        "dashboard.js",
        "plotly.min.js",
    ]
    for reference in references:
        assert re.fullmatch(r"/dashboard/assets/[0-9a-f]{16}/[a-z.]+", reference), reference
        asset = await edge.get(reference)
        assert asset.status_code == 200, reference
        assert asset.headers["content-type"].startswith(ASSET_TYPES[reference[reference.rindex(".") :]])
        assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert asset.headers["content-security-policy"] == dashboard.CSP
        assert len(asset.content) > 1000, reference
    plotly = await edge.get(next(r for r in references if r.endswith("plotly.min.js")))
    assert plotly.content == dashboard.PLOTLY_JS.read_bytes()  # the installed package's own copy
    labels = json.loads(unescape(re.search(r'data-departments="([^"]+)"', html).group(1)))
    assert labels["market"] == "市场监管局"  # department codes shown by their Chinese names


async def test_the_page_keeps_the_token_in_memory_and_logs_in_with_the_password_flow(edge: httpx.AsyncClient):
    html = (await edge.get("/dashboard")).text
    script = (await edge.get(next(r for r in REFERENCES.findall(html) if r.endswith("dashboard.js")))).text
    assert "localStorage" not in script and "sessionStorage" not in script and "document.cookie" not in script
    assert '"/auth/token"' in script and 'grant_type: "password"' in script
    assert ANY_URL.search(script) is None
    for path in ("/intake/stats/weekly", "/approval/stats/weekly", "/approval/stats/critical-path", "/finance/stats"):
        assert path in script, path
    assert 'for="username"' in html and 'for="password"' in html  # labelled fields


async def test_the_csp_allows_only_the_gateway_itself(edge: httpx.AsyncClient):
    response = await edge.get("/dashboard")
    header = response.headers["content-security-policy"]
    directives = csp_directives(header)
    assert directives["default-src"] == ["'none'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["connect-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'", "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"]  # empty
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["img-src"] == ["'self'", "data:"]  # the heatmap's PNG, made in the page
    assert "unsafe" not in header and "http" not in header and "*" not in header and "blob:" not in header
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"


async def test_an_asset_of_another_digest_or_name_is_not_found(edge: httpx.AsyncClient):
    current = dashboard.assets()["dashboard.js"]
    assert (await edge.get(current.url)).status_code == 200
    assert_problem(await edge.get(f"/dashboard/assets/{'0' * 16}/dashboard.js"), 404)
    assert_problem(await edge.get(f"/dashboard/assets/{current.digest}/index.html"), 404)
    assert_problem(await edge.get(f"/dashboard/assets/{current.digest}/..%2Fdashboard.js"), 404)


async def public_stats(kuaiban: Kuaiban) -> httpx.Response:
    async with kuaiban.client("gateway") as anyone:  # no token
        return await anyone.get("/public/stats")


async def test_public_stats_need_no_login_and_hold_only_county_figures(kuaiban: Kuaiban):
    kuaiban.runtimes["gateway"].public_stats = None
    response = await public_stats(kuaiban)
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "public, max-age=60"
    figures = response.json()
    assert set(figures) == {"as_of", "requests", "approval", "finance"}
    async with kuaiban.client("intake", ADMIN) as intake:
        county = (await intake.get("/intake/stats")).json()
    assert figures["requests"] == {
        key: county[key]
        for key in (
            "received",
            "closed",
            "completion_rate",
            "satisfaction_rate",
            "on_time_rate",
            "avg_reply_working_days",
        )
    }
    assert set(figures["finance"]) == {"deals", "enterprises_financed", "amount_signed_yuan", "matchmaking_events"}
    text = response.text
    assert "enterprise_id" not in text and "by_department" not in text and "by_bank" not in text
    assert re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", text) is None, "no id of anything"


async def test_public_stats_are_kept_for_a_minute(kuaiban: Kuaiban):
    runtime = kuaiban.runtimes["gateway"]
    runtime.public_stats = None
    first = (await public_stats(kuaiban)).json()
    assert (await public_stats(kuaiban)).json() == first  # the same gathering, within the minute
    taken_at, kept = runtime.public_stats
    runtime.public_stats = (taken_at - 61, kept)  # a minute later
    assert (await public_stats(kuaiban)).json()["as_of"] != first["as_of"]

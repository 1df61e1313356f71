"""The docs pages as a person uses them: Debian's headless Chromium against the real gateway process.

Swagger UI renders the operations, the Authorize dialog logs in with admin's username and password
(OAuth2 password flow against /auth/token), "Try it out" then calls a service through the gateway with
that token, and ReDoc renders. Every request the pages make is recorded: all go to the gateway's own
origin (anything else is aborted, so nothing leaves the machine even when the test fails), and no
Content-Security-Policy rule is broken. Screenshots are saved in the test's tmp folder and their paths
printed. Needs /usr/bin/chromium, so `make test` deselects the `browser` marker; CI runs `pytest -m browser`.
"""

from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from launcher.system import System
from tests.helpers.browser import BROWSER_MARKS, Watched, chromium, watched_page
from tests.helpers.factories import ADMIN_PASSWORD

REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"

pytestmark = BROWSER_MARKS


@pytest.fixture
async def browser_page(system: System) -> AsyncIterator[Watched]:
    async with chromium() as browser, watched_page(browser, system.gateway_url, {"width": 1280, "height": 900}) as page:
        yield page


async def test_swagger_ui_logs_in_through_authorize_and_tries_an_operation(browser_page: Watched, tmp_path: Path):
    page, origin = browser_page.page, browser_page.origin
    await page.goto(f"{origin}/docs")
    await page.locator(".opblock").nth(20).wait_for()  # the merged document's operations are rendered
    for path in ("/auth/token", "/intake/enterprises", "/approval/applications", "/finance/products"):
        assert await page.locator(f'.opblock-summary-path[data-path="{path}"]').count() >= 1, path
    await browser_page.screenshot(tmp_path / "swagger-operations.png")

    await page.locator(".scheme-container button.authorize").click()
    # one section per flow (password for people, client credentials for banks' systems): use the password one
    dialog = page.locator(".modal-ux .auth-container").filter(has=page.locator("#oauth_username"))
    await dialog.locator("#oauth_username").fill("admin")
    await dialog.locator("#oauth_password").fill(ADMIN_PASSWORD)
    async with page.expect_response(f"{origin}/auth/token") as token_answer:
        await dialog.locator("button.authorize").click()
    token_response = await token_answer.value
    assert token_response.status == 200
    login_form = parse_qs(token_response.request.post_data or "")
    assert login_form["grant_type"] == ["password"] and login_form["username"] == ["admin"]
    modal = page.locator(".modal-ux")  # both flows' sections show the scheme as authorized now
    await modal.locator("h6", has_text="Authorized").first.wait_for()  # the dialog shows the login took
    await modal.get_by_role("button", name="Remove authorization").first.wait_for()  # its Logout button
    await browser_page.screenshot(tmp_path / "swagger-authorized.png")
    await page.locator(".modal-ux button.btn-done").first.click()

    operation = page.locator('.opblock-get:has(.opblock-summary-path[data-path="/intake/enterprises"])').first
    await operation.locator(".opblock-summary").click()
    await operation.locator("button.try-out__btn").click()
    async with page.expect_response(lambda answer: urlsplit(answer.url).path == "/intake/enterprises") as answer:
        await operation.locator("button.execute").click()
    listed = await answer.value
    assert listed.status == 200
    assert (await listed.request.header_value("authorization") or "").startswith("Bearer ")
    status_cell = operation.locator(".live-responses-table tr.response .response-col_status")
    await status_cell.wait_for()
    assert (await status_cell.inner_text()).strip() == "200"
    await operation.scroll_into_view_if_needed()
    await browser_page.screenshot(tmp_path / "swagger-tried.png")

    assert f"{origin}/openapi.json" in browser_page.requests
    assert not browser_page.foreign, browser_page.foreign
    assert await browser_page.csp_violations() == []
    assert browser_page.errors == []


async def test_redoc_renders_the_operations_offline(browser_page: Watched, tmp_path: Path):
    page, origin = browser_page.page, browser_page.origin
    await page.goto(f"{origin}/redoc")
    await page.locator("[data-section-id^='operation/']").nth(20).wait_for()
    assert await page.get_by_text("/intake/enterprises", exact=False).count() >= 1
    await page.get_by_placeholder("Search...").fill("enterprises")  # search runs in ReDoc's worker
    await page.locator("[role=search] li").first.wait_for()
    await browser_page.screenshot(tmp_path / "redoc.png")

    assert f"{origin}/openapi.json" in browser_page.requests
    assert not browser_page.foreign, browser_page.foreign
    # ReDoc's sidebar credit shows Redocly's logo from their CDN: the CSP refuses it before any request
    # is made (so it is not among the requests above) and the image hides itself.
    assert await browser_page.csp_violations() == [f"img-src {REDOC_LOGO}"]
    assert [error for error in browser_page.errors if REDOC_LOGO not in error] == []

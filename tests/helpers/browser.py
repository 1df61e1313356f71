"""Debian's headless Chromium driven by Playwright, for the pages' browser tests (docs, dashboard): one watched
page per context, whose every request must go to the gateway's own origin (anything else is aborted, so nothing
leaves the machine even when a test fails), with its page errors and broken CSP rules recorded."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page, Route, async_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Collects what Chromium reports as broken CSP rules; added before any page script runs.
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""
TIMEOUT_MS = 30_000
# A browser test module's marks: `make test` deselects `browser`; CI runs `pytest -m browser` with chromium installed
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium package (apt-get install chromium)"),
]


@dataclass
class Watched:
    """A browser page on the gateway, with every request it made or tried and every error it raised."""

    page: Page
    origin: str
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    async def csp_violations(self) -> list[str]:
        return await self.page.evaluate("window.__cspViolations")

    async def screenshot(self, path: Path) -> None:
        await self.page.screenshot(path=path)
        print(f"screenshot: {path}")


@asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            await browser.close()


@asynccontextmanager
async def watched_page(browser: Browser, origin: str, viewport: dict[str, int]) -> AsyncIterator[Watched]:
    """A page in a context of its own (zh-CN) that may reach only `origin`."""
    context = await browser.new_context(viewport=viewport, locale="zh-CN")
    try:
        await context.add_init_script(WATCH_CSP)
        page = await context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        watched = Watched(page=page, origin=origin)

        async def only_the_gateway(route: Route) -> None:
            url = route.request.url
            watched.requests.append(url)
            if url.startswith(origin + "/"):
                await route.continue_()
            else:
                watched.foreign.append(url)
                await route.abort()

        await context.route("**/*", only_the_gateway)
        page.on("pageerror", lambda error: watched.errors.append(str(error)))
        page.on("console", lambda message: message.type == "error" and watched.errors.append(message.text))
        yield watched
    finally:
        await context.close()

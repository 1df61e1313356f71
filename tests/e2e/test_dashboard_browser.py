"""The leader's dashboard as a person uses it: Debian's headless Chromium against the real gateway process.

A county leader logs in with the page's form by keyboard (OAuth2 password flow against /auth/token) and sees
every chart drawn with the numbers the stats endpoints give; an enterprise account gets the page's 403 message
instead. Every request the page makes goes to the gateway's own origin (anything else is aborted) and no
Content-Security-Policy rule is broken. Screenshots at 1366×768 and at phone width (390×844) are saved in the
test's tmp folder (paths printed); with KUAIBAN_UPDATE_SCREENSHOTS=1 the wide one replaces docs/dashboard.png, the
README's. Same idiom as
tests/e2e/test_docs_browser.py: needs /usr/bin/chromium, so `make test` deselects the `browser` marker and CI
runs `pytest -m browser`; Debian's fonts-noto-cjk makes the Chinese readable in the screenshots.
"""

import os
import shutil
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Page

from launcher.system import System
from services.common.calendar import CST
from tests.helpers.approval_flows import DEPARTMENTS, make_matter, submit
from tests.helpers.browser import BROWSER_MARKS, Watched, chromium, watched_page
from tests.helpers.factories import enterprise_payload, product_body
from tests.helpers.http import make_account, make_bank

WIDE = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
README_SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "dashboard.png"
CHARTS = [
    "chart-requests",
    "chart-satisfaction",
    "chart-approval",
    "chart-signed",
    "chart-sla-approval",
    "chart-sla-requests",
    "chart-critical",
    "chart-commitments",
    "chart-events",
]
ALWAYS_DRAWN = ["chart-requests", "chart-satisfaction", "chart-signed", "chart-sla-requests", "chart-events"]
# Chromium reports a refused fetch (403 for the enterprise, a route not there yet) as a console error
FAILED_FETCH = "Failed to load resource"

pytestmark = BROWSER_MARKS


@dataclass
class Person:
    username: str
    password: str
    headers: dict[str, str]


def person(gateway: httpx.Client, admin: dict[str, str], role: str, **fields) -> Person:
    account, headers = make_account(gateway, admin, role, **fields)
    return Person(account["username"], "pw-" + account["username"], headers)  # make_account's password


def posted(response: httpx.Response) -> dict:
    assert response.status_code in (200, 201), response.text
    return response.json()


@dataclass
class Seeded:
    leader: Person
    enterprise: Person
    event_title: str


@pytest.fixture(scope="module")
def seeded(gateway: httpx.Client, admin_headers: dict[str, str]) -> Seeded:
    """A request closed to the enterprise's satisfaction, an application every department approved in parallel,
    and two banks' deals signed at a matchmaking event."""
    today = datetime.now(CST).date()
    company = posted(gateway.post("/intake/enterprises", json=enterprise_payload(), headers=admin_headers))
    enterprise = person(gateway, admin_headers, "enterprise", enterprise_id=company["id"])
    leader = person(gateway, admin_headers, "leader")
    power = person(gateway, admin_headers, "officer", department="power")
    body = {
        "title": "新厂房用电增容",
        "description": "新厂投产，附近没有公共变电设施。",
        "category": "power",
        "channel": "online",
    }
    request = posted(gateway.post("/intake/requests", json=body, headers=enterprise.headers))
    path = f"/intake/requests/{request['id']}"
    assignment = {"lead_department": "power", "cooperating_departments": [], "grade": "urgent"}
    posted(gateway.post(f"{path}/assign", json=assignment, headers=admin_headers))
    posted(gateway.post(f"{path}/reply", json={"content": "已协调供电公司架设专线。"}, headers=power.headers))
    assert (
        posted(gateway.post(f"{path}/feedback", json={"rating": 5}, headers=enterprise.headers))["status"] == "closed"
    )
    gateway.post("/intake/requests", json={**body, "title": "道路照明"}, headers=enterprise.headers)  # still open

    matter = make_matter(gateway, admin_headers, prefix="DASH")
    application = submit(gateway, enterprise.headers, matter)
    for task in application["tasks"]:
        officer = person(gateway, admin_headers, "officer", department=task["department"])
        decided = gateway.post(
            f"/approval/tasks/{task['id']}/decision", json={"decision": "approve"}, headers=officer.headers
        )
        assert decided.status_code == 200, decided.text
    assert {task["department"] for task in application["tasks"]} == set(DEPARTMENTS)

    title = "濉溪县银企对接会（看板测试）"
    event = posted(
        gateway.post(
            "/finance/events",
            json={"title": title, "held_on": today.isoformat(), "location": "县政务服务中心"},
            headers=admin_headers,
        )
    )
    for name, amount in (("濉溪农村商业银行", 3_000_000), ("中国建设银行濉溪支行", 1_500_000)):
        bank = person(gateway, admin_headers, "bank", bank_id=make_bank(gateway, admin_headers, name))
        product = posted(gateway.post("/finance/products", json=product_body(today), headers=bank.headers))
        need_body = {"amount_yuan": amount, "term_months": 24, "purpose": "购置挤压生产线",
                     "collateral_available": ["credit"], "max_annual_rate_pct": 6.0}  # fmt: skip
        need = posted(gateway.post("/finance/needs", json=need_body, headers=enterprise.headers))
        application = posted(
            gateway.post(
                "/finance/applications",
                json={"need_id": need["id"], "product_id": product["id"]},
                headers=enterprise.headers,
            )
        )
        application_path = f"/finance/applications/{application['id']}"
        posted(gateway.post(f"{application_path}/decision", json={"decision": "approve"}, headers=bank.headers))
        terms = {"signed_amount_yuan": amount, "annual_rate_pct": 4.35, "term_months": 24,
                 "signed_on": today.isoformat(), "event_id": event["id"]}  # fmt: skip
        posted(gateway.post(f"{application_path}/sign", json=terms, headers=bank.headers))
    return Seeded(leader=leader, enterprise=enterprise, event_title=title)


@pytest.fixture
async def open_page(system: System) -> AsyncIterator[Callable]:
    """Opens /dashboard in a fresh browser context of the given viewport, watched as the docs test watches."""
    origin = system.gateway_url
    async with chromium() as browser:

        @asynccontextmanager
        async def opened(viewport: dict[str, int]) -> AsyncIterator[Watched]:
            async with watched_page(browser, origin, viewport) as watched:
                await watched.page.goto(f"{origin}/dashboard")
                await watched.page.locator("body[data-ready=true]").wait_for(state="attached")
                yield watched

        yield opened


async def log_in_by_keyboard(page: Page, who: Person) -> None:
    """Tab to the username field (past the skip link), type, Tab to the password, Enter submits the form."""
    for _ in range(6):
        await page.keyboard.press("Tab")
        if await page.evaluate("document.activeElement.id") == "username":
            break
    assert await page.evaluate("document.activeElement.id") == "username"
    await page.keyboard.type(who.username)
    await page.keyboard.press("Tab")
    assert await page.evaluate("document.activeElement.id") == "password"
    await page.keyboard.type(who.password)
    async with page.expect_response(lambda answer: answer.url.endswith("/auth/token")) as token_answer:
        await page.keyboard.press("Enter")
    assert (await token_answer.value).status == 200


def api(system: System, who: Person, path: str) -> httpx.Response:
    with httpx.Client(base_url=system.gateway_url, timeout=15) as client:
        return client.get(path, headers=who.headers)


async def table_rows(page: Page, chart: str) -> list[list[str]]:
    return await page.eval_on_selector_all(
        f"#{chart} table tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))"
    )


async def plotted(page: Page, chart: str, trace: int, axis: str) -> list:
    """The values a chart was drawn with (plotly keeps its traces on the plot element)."""
    return await page.evaluate(f"document.querySelector('#{chart} .plot').data[{trace}].{axis}")


def clean(watched: Watched) -> list[str]:
    return [error for error in watched.errors if FAILED_FETCH not in error]


async def test_a_leader_sees_every_chart_with_the_apis_numbers(
    open_page: Callable, seeded: Seeded, system: System, tmp_path: Path
):
    async with open_page(WIDE) as watched:
        page = watched.page
        await log_in_by_keyboard(page, seeded.leader)
        await page.locator("body[data-loaded=true]").wait_for(state="attached")
        assert await page.locator("#board").is_visible() and not await page.locator("#refused").is_visible()

        figures = {
            name: api(system, seeded.leader, path)
            for name, path in {
                "intake": "/intake/stats",
                "intake_weekly": "/intake/stats/weekly?weeks=12",
                "finance": "/finance/stats",
                "finance_weekly": "/finance/stats/weekly?weeks=12",
                "approval": "/approval/stats",
                "approval_weekly": "/approval/stats/weekly?weeks=12",
                "critical_path": "/approval/stats/critical-path",
            }.items()
        }
        for name in ("intake", "intake_weekly", "finance", "finance_weekly"):
            assert figures[name].status_code == 200, (name, figures[name].text)
        intake, weekly = figures["intake"].json(), figures["intake_weekly"].json()
        finance, finance_weekly = figures["finance"].json(), figures["finance_weekly"].json()

        # the headline figures, computed live, each beside its target
        kpi = page.locator("#kpis")
        closed = kpi.locator("[data-kpi=closed]")
        assert await closed.locator(".value").inner_text() == f"{intake['closed']} / {intake['received']} 件"
        assert "72 / 72" in await closed.locator(".target").inner_text()
        satisfaction = f"{intake['satisfaction_rate'] * 100:.1f}%"
        assert await kpi.locator("[data-kpi=satisfaction] .value").inner_text() == satisfaction
        amount = f"{finance['amount_signed_yuan'] / 1e8:.2f} 亿元"
        assert await kpi.locator("[data-kpi=amount-signed] .value").inner_text() == amount
        assert await kpi.locator("[data-kpi=amount-signed] .target").inner_text() == "目标 17.70 亿元"
        enterprises = f"{finance['enterprises_financed']} 家"
        assert await kpi.locator("[data-kpi=enterprises] .value").inner_text() == enterprises
        for name in ("working-days", "materials", "company-opening"):
            assert await kpi.locator(f"[data-kpi={name}] .target").count() == 1, name

        # every chart drawn (or, for a source that has nothing or is not there yet, "暂无数据")
        states = {chart: await page.get_attribute(f"#{chart}", "data-state") for chart in CHARTS}
        for chart in ALWAYS_DRAWN:
            assert states[chart] == "drawn", (chart, states)
            assert await page.locator(f"#{chart} .plot .main-svg").count() >= 1, chart
            assert await page.locator(f"#{chart} details table").count() == 1, chart  # its numbers as a table
        for chart, state in states.items():
            assert state in ("drawn", "empty"), chart
            if state == "empty":
                assert (await page.locator(f"#{chart} .empty").inner_text()) == "暂无数据"

        # weekly trends: the plotted values and the tables are the API's
        labels = [w["week"] for w in weekly["weeks"]]
        assert await plotted(page, "chart-requests", 0, "x") == labels
        assert await plotted(page, "chart-requests", 0, "y") == [w["received"] for w in weekly["weeks"]]
        assert await plotted(page, "chart-requests", 1, "y") == [w["closed"] for w in weekly["weeks"]]
        assert await plotted(page, "chart-satisfaction", 0, "y") == [w["satisfaction_rate"] for w in weekly["weeks"]]
        rows = await table_rows(page, "chart-requests")
        assert rows == [[w["week"], str(w["received"]), str(w["closed"])] for w in weekly["weeks"]]
        tick_labels = await page.eval_on_selector_all("#chart-requests .xtick text", "ts => ts.map(t => t.textContent)")
        assert labels[-1] in tick_labels  # drawn on the axis, not just held in the data
        signed = [round(w["amount_signed_yuan"] / 1e4) for w in finance_weekly["weeks"]]
        assert await plotted(page, "chart-signed", 0, "y") == signed and signed[-1] >= 450

        # punctuality by lead department and week: the request answered on time shows in power's row
        power_row = [row for row in await table_rows(page, "chart-sla-requests") if row[0] == "供电公司"]
        assert power_row and power_row[0][1:] == [
            f"{w['on_time_rate'] * 100:.1f}%（{w['on_time']}/{w['settled']}）" if w["settled"] else "—"
            for w in weekly["by_department"]["power"]
        ]

        # the matchmaking event: enterprises and amounts by bank, as finance gives them
        event = next(e for e in finance_weekly["events"] if e["title"] == seeded.event_title)
        assert event["enterprises"] == 1 and event["amount_signed_yuan"] == 4_500_000
        event_rows = [row for row in await table_rows(page, "chart-events") if row[0] == seeded.event_title]
        assert event_rows[0][2:] == ["合计", "1", "2", "450"]
        assert sorted(row[2] for row in event_rows[1:]) == ["中国建设银行濉溪支行", "濉溪农村商业银行"]
        bank_traces = await page.evaluate("document.querySelector('#chart-events .plot').data.map(t => t.name)")
        assert {"中国建设银行濉溪支行", "濉溪农村商业银行"} <= set(bank_traces)

        # approval's figures when approval gives them to the leader; the critical path when it is there
        if figures["approval"].status_code == 200:
            approval = figures["approval"].json()
            assert approval["approved"] >= 1
            days = await kpi.locator("[data-kpi=working-days] .value").inner_text()
            assert days == f"{approval['avg_working_days']:.2f} 工作日/件"
            materials = await kpi.locator("[data-kpi=materials] .value").inner_text()
            assert materials == f"{approval['avg_materials']:.2f} 件/项"
            commitments = approval["commitments"]
            assert states["chart-commitments"] == ("drawn" if commitments["commitments"] else "empty")
        else:
            assert states["chart-commitments"] == "empty"
        if figures["critical_path"].status_code != 200 or not figures["critical_path"].json().get("departments"):
            assert states["chart-critical"] == "empty"
        else:
            critical = figures["critical_path"].json()["departments"]
            assert states["chart-critical"] == "drawn"
            assert await plotted(page, "chart-critical", 0, "x") == [d["last"] for d in critical]
        if figures["approval_weekly"].status_code == 200:
            assert states["chart-approval"] == "drawn" and states["chart-sla-approval"] == "drawn"
            by_department = figures["approval_weekly"].json()["by_department"]
            market = [row for row in await table_rows(page, "chart-sla-approval") if row[0] == "市场监管局"]
            assert market and market[0][1:] == [
                f"{w['on_time_rate'] * 100:.1f}%（{w['on_time']}/{w['decided']}）" if w["decided"] else "—"
                for w in by_department["market"]
            ]
            assert await plotted(page, "chart-approval", 0, "x") == [
                w["week"] for w in figures["approval_weekly"].json()["weeks"]
            ]

        await watched.screenshot(tmp_path / "dashboard-1366x768.png")
        await page.screenshot(path=tmp_path / "dashboard-1366-full.png", full_page=True)
        print(f"screenshot: {tmp_path / 'dashboard-1366-full.png'}")
        if os.environ.get("KUAIBAN_UPDATE_SCREENSHOTS"):  # a test run leaves the tracked tree alone otherwise
            shutil.copyfile(tmp_path / "dashboard-1366-full.png", README_SCREENSHOT)

        # a table opens by keyboard: focus its summary, Enter
        summary = page.locator("#chart-requests summary")
        await summary.focus()
        await page.keyboard.press("Enter")
        assert await page.locator("#chart-requests details").get_attribute("open") is not None

        assert f"{watched.origin}/auth/token" in watched.requests
        assert not watched.foreign, watched.foreign
        assert await watched.csp_violations() == []
        assert clean(watched) == []


async def test_at_phone_width_the_page_fits_the_screen(open_page: Callable, seeded: Seeded, tmp_path: Path):
    async with open_page(PHONE) as watched:
        page = watched.page
        await log_in_by_keyboard(page, seeded.leader)
        await page.locator("body[data-loaded=true]").wait_for(state="attached")
        for chart in ALWAYS_DRAWN:
            assert await page.locator(f"#{chart} .plot .main-svg").count() >= 1, chart
        assert await page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scroll
        width = await page.evaluate("document.querySelector('#chart-requests .plot').getBoundingClientRect().width")
        assert 300 <= width <= PHONE["width"]
        await watched.screenshot(tmp_path / "dashboard-390x844.png")
        await page.screenshot(path=tmp_path / "dashboard-390-full.png", full_page=True)
        print(f"screenshot: {tmp_path / 'dashboard-390-full.png'}")
        assert not watched.foreign and await watched.csp_violations() == [] and clean(watched) == []


async def test_an_enterprise_account_sees_the_403_message_not_the_charts(
    open_page: Callable, seeded: Seeded, tmp_path: Path
):
    async with open_page(WIDE) as watched:
        page = watched.page
        await log_in_by_keyboard(page, seeded.enterprise)
        refused = page.locator("#refused")
        await refused.wait_for(state="visible")
        assert "403" in await refused.inner_text() and "企业" in await refused.inner_text()
        assert not await page.locator("#board").is_visible()
        assert await page.locator(".plot").count() == 0
        await watched.screenshot(tmp_path / "dashboard-refused.png")
        assert not watched.foreign and await watched.csp_violations() == [] and clean(watched) == []


async def test_a_wrong_password_is_said_on_the_form(open_page: Callable, seeded: Seeded):
    async with open_page(WIDE) as watched:
        page = watched.page
        await page.fill("#username", seeded.leader.username)
        await page.fill("#password", "not-the-password")
        await page.click("#login-button")
        await page.locator("#login-error", has_text="用户名或密码不正确").wait_for()
        assert await page.locator("#login").is_visible() and not await page.locator("#board").is_visible()
        assert await page.evaluate("document.activeElement.id") == "password"

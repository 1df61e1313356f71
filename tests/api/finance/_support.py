"""Finance in process: the parties (banks, enterprises, admin, an officer), request bodies, and the short calls
the finance tests make, on the in-process apps of one rolled-back transaction."""

import secrets
from dataclasses import dataclass
from datetime import date, timedelta

import httpx

from services.common.calendar import cst_date
from services.finance.models import FinanceOutbox
from services.intake.models import IntakeOutbox
from tests.helpers.factories import ADMIN, enterprise_payload, headers_for, product_body, unique_name
from tests.helpers.inprocess import Kuaiban, collect_all

OFFICER = headers_for("officer", department="finance_office")
ISSUER = headers_for("officer", username="fagai-zhang", department="development_reform")  # issues the policies
OTHER_DEPARTMENT = headers_for("officer", username="shuiwu-li", department="tax")
LEAD_FIELDS = {"need_id", "enterprise_name", "industry", "town", "amount_yuan", "term_months", "posted_at"}


def new_town() -> str:
    """A town of its own, so that one test's town-bound products and needs meet no other data."""
    return f"测试{secrets.token_hex(3)}镇"


@dataclass
class Party:
    """A caller's headers and the id of the enterprise or bank behind it."""

    headers: dict
    id: str
    name: str = ""
    town: str = ""
    code: str = ""


def need_body(**overrides) -> dict:
    body = {
        "amount_yuan": 3_000_000,
        "term_months": 24,
        "purpose": "购置铝型材挤压生产线",
        "collateral_available": ["credit", "mortgage"],
        "max_annual_rate_pct": 6.0,
    }
    body.update(overrides)
    return body


def policy_body(fin: "Finance", **overrides) -> dict:
    """An `instant` policy of ISSUER's department for manufacturers rated A or B, 200,000 yuan, in force a year."""
    body = {
        "title": "专精特新制造业企业奖补",
        "department": "development_reform",
        "legal_basis": "濉溪县促进制造业高质量发展若干政策（2026）第五条",
        "valid_from": fin.today().isoformat(),
        "valid_to": (fin.today() + timedelta(days=365)).isoformat(),
        "mode": "instant",
        "eligibility": {"industries": ["C"], "credit_ratings": ["A", "B"]},
        "benefit": {"kind": "fixed", "amount_yuan": 200_000},
    }
    return {**body, **overrides}


async def published(fin: "Finance", **overrides) -> dict:
    """A policy drafted and published by ISSUER."""
    drafted = await fin.http.post("/finance/policies", json=policy_body(fin, **overrides), headers=ISSUER)
    assert drafted.status_code == 201, drafted.text
    done = await fin.http.post(f"/finance/policies/{drafted.json()['id']}/publish", headers=ISSUER)
    assert done.status_code == 200, done.text
    return done.json()


class Finance:
    """Calls on the in-process finance app (and intake, for enterprises and timelines)."""

    def __init__(self, kuaiban: Kuaiban, http: httpx.AsyncClient, intake: httpx.AsyncClient) -> None:
        self.kuaiban = kuaiban
        self.http = http
        self.intake = intake

    def today(self) -> date:
        """Today in China Standard Time, on the tests' clock."""
        return cst_date(self.kuaiban.clock.now)

    def product_body(self, town: str | None = None, **overrides) -> dict:
        return product_body(self.today(), town, **overrides)

    # --- parties ----------------------------------------------------------------------------------

    async def new_enterprise(self, **fields) -> Party:
        body = enterprise_payload(town=fields.pop("town", None) or new_town(), **fields)
        response = await self.intake.post("/intake/enterprises", json=body, headers=ADMIN)
        assert response.status_code == 201, response.text
        enterprise_id = response.json()["id"]
        headers = headers_for("enterprise", enterprise_id=enterprise_id)
        return Party(headers=headers, id=enterprise_id, name=body["name"], town=body["town"])

    async def new_bank(self, name: str = "淮北农村商业银行濉溪支行") -> Party:
        created = await self.http.post(
            "/finance/banks", json={"code": unique_name("bank"), "name": name}, headers=ADMIN
        )
        assert created.status_code == 201, created.text
        bank = created.json()
        assert (bank["name"], bank["created_at"][-1]) == (name, "Z")
        found = await self.http.get(f"/finance/banks/{bank['id']}", headers=ADMIN)
        assert found.status_code == 200 and found.json() == bank, found.text
        return Party(headers=headers_for("bank", bank_id=bank["id"]), id=bank["id"], name=name, code=bank["code"])

    # --- products and needs -----------------------------------------------------------------------

    async def post_product(self, bank: Party, town: str | None = None, **overrides) -> dict:
        response = await self.http.post(
            "/finance/products", json=self.product_body(town, **overrides), headers=bank.headers
        )
        assert response.status_code == 201, response.text
        product = response.json()
        assert product["status"] == "active" and product["bank_id"] == bank.id
        return product

    async def withdraw(self, bank: Party, product_id: str) -> dict:
        response = await self.http.post(f"/finance/products/{product_id}/withdraw", headers=bank.headers)
        assert response.status_code == 200, response.text
        assert response.json()["status"] == "withdrawn"
        return response.json()

    async def bank_products(self, bank: Party) -> list[dict]:
        return await self.collect("/finance/products", bank.headers, bank_id=bank.id)

    async def post_need(self, enterprise: Party, **overrides) -> dict:
        response = await self.http.post("/finance/needs", json=need_body(**overrides), headers=enterprise.headers)
        assert response.status_code == 201, response.text
        need = response.json()
        assert need["status"] == "open" and need["enterprise_id"] == enterprise.id
        return need

    async def need_status(self, headers: dict, need_id: str) -> str:
        response = await self.http.get(f"/finance/needs/{need_id}", headers=headers)
        assert response.status_code == 200, response.text
        return response.json()["status"]

    # --- matching and leads -----------------------------------------------------------------------

    async def matches_of(self, headers: dict, need_id: str) -> list[dict]:
        response = await self.http.get(f"/finance/needs/{need_id}/matches", params={"limit": 100}, headers=headers)
        assert response.status_code == 200, response.text
        return response.json()["items"]

    async def matched_ids(self, headers: dict, need_id: str) -> list[str]:
        return [item["product_id"] for item in await self.matches_of(headers, need_id)]

    async def leads(self, bank: Party, product_id: str, **params) -> list[dict]:
        return await self.collect(f"/finance/products/{product_id}/leads", bank.headers, **params)

    async def lead_ids(self, bank: Party, product_id: str) -> set[str]:
        return {lead["need_id"] for lead in await self.leads(bank, product_id)}

    # --- applications and deals -------------------------------------------------------------------

    async def apply(self, enterprise: Party, need_id: str, product_id: str) -> httpx.Response:
        body = {"need_id": need_id, "product_id": product_id}
        return await self.http.post("/finance/applications", json=body, headers=enterprise.headers)

    async def applied(self, enterprise: Party, need_id: str, product_id: str) -> dict:
        response = await self.apply(enterprise, need_id, product_id)
        assert response.status_code == 201, response.text
        application = response.json()
        assert application["status"] == "submitted"
        assert (application["need_id"], application["product_id"]) == (need_id, product_id)
        assert application["enterprise_id"] == enterprise.id
        return application

    async def decide(self, headers: dict, application_id: str, decision: str, **fields) -> httpx.Response:
        path = f"/finance/applications/{application_id}/decision"
        return await self.http.post(path, json={"decision": decision, **fields}, headers=headers)

    async def sign(self, headers: dict, application_id: str, **fields) -> httpx.Response:
        body = {
            "signed_amount_yuan": 3_000_000,
            "annual_rate_pct": 4.35,
            "term_months": 24,
            "signed_on": self.today().isoformat(),
            **fields,
        }
        return await self.http.post(f"/finance/applications/{application_id}/sign", json=body, headers=headers)

    async def finance(self, bank: Party, enterprise: Party, need_id: str, product_id: str, **terms) -> dict:
        """Apply, approve and sign: the need is financed."""
        application = await self.applied(enterprise, need_id, product_id)
        approved = await self.decide(bank.headers, application["id"], "approve")
        assert approved.status_code == 200, approved.text
        signed = await self.sign(bank.headers, application["id"], **terms)
        assert signed.status_code == 200, signed.text
        return signed.json()

    async def application_status(self, headers: dict, application_id: str) -> str:
        response = await self.http.get(f"/finance/applications/{application_id}", headers=headers)
        assert response.status_code == 200, response.text
        return response.json()["status"]

    async def county_stats(self) -> dict:
        response = await self.http.get("/finance/stats", headers=ADMIN)
        assert response.status_code == 200, response.text
        return response.json()

    # --- lists and the timeline -------------------------------------------------------------------

    async def collect(self, path: str, headers: dict, **params) -> list[dict]:
        """Every item of one of finance's lists."""
        return await collect_all(self.http, path, headers, **params)

    async def deliver(self) -> None:
        """Run finance's outbox relay until nothing due is left to deliver."""
        relay = self.kuaiban.relay("finance", FinanceOutbox)
        while await relay.deliver_once():
            pass

    async def deliver_profiles(self) -> None:
        """Run intake's outbox relay: the enterprises registered or changed reach finance's copy."""
        relay = self.kuaiban.relay("intake", IntakeOutbox)
        while await relay.deliver_once():
            pass

    async def finance_events(self, enterprise_id: str) -> list[tuple[str, str]]:
        """The finance events on the enterprise's timeline in intake, as sorted (kind, ref_id) pairs."""
        timeline = await collect_all(self.intake, f"/intake/enterprises/{enterprise_id}/timeline", ADMIN)
        mine = [item for item in timeline if item["service"] == "finance"]
        assert all(item["at"].endswith("Z") and item["summary"] for item in mine), mine
        return sorted((item["kind"], item["ref_id"]) for item in mine)

    async def timeline_summaries(self, enterprise_id: str) -> dict[tuple[str, str], str]:
        timeline = await collect_all(self.intake, f"/intake/enterprises/{enterprise_id}/timeline", ADMIN)
        return {(item["kind"], item["ref_id"]): item["summary"] for item in timeline if item["service"] == "finance"}

    async def assert_timeline(self, enterprise_id: str, *expected: tuple[str, str]) -> None:
        """Delivered, the enterprise's finance events are exactly these, each once."""
        await self.deliver()
        assert await self.finance_events(enterprise_id) == sorted(expected)

"""Webhooks in process, delivered by the real relay to a real receiver on 127.0.0.1 (allowlisted), each
delivery verified as a bank's receiver would, with the `standardwebhooks` library. Retries move the tests'
clock instead of sleeping. Refused URLs are loopback forms the allowlist does not list, or names a stub
resolver maps to private addresses: nothing here sends traffic anywhere but 127.0.0.1."""

import json
import socket
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from services.common.webhook_targets import AllowList, TargetGuard
from services.finance.app import app as finance_app
from services.finance.routes import target_guard
from services.finance.webhook_relay import WebhookRelay
from tests.api.finance import _support
from tests.api.finance._support import ADMIN, Finance, Party
from tests.helpers.factories import headers_for
from tests.helpers.problems import assert_problem

ALL_EVENTS = ["lead.created", "application.submitted", "application.withdrawn", "deal.signed"]
LEAD_FIELDS = _support.LEAD_FIELDS | {"product_id"}  # a pushed lead names the product it fits


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def id(self) -> str:
        return self.headers["webhook-id"]

    def verified(self, secret: str) -> dict:
        return Webhook(secret).verify(self.body, self.headers)


@dataclass
class Receiver:
    """A bank's receiver: records every request; `answers[path]` lists the statuses to give first (then 200)."""

    base: str = ""
    hits: list[Hit] = field(default_factory=list)
    answers: dict[str, list[int]] = field(default_factory=dict)

    async def handle(self, request: web.Request) -> web.Response:
        self.hits.append(Hit(request.path, dict(request.headers), await request.read()))
        queued = self.answers.get(request.path)
        status = queued.pop(0) if queued else 200
        return web.Response(status=status, text=f"answered {status} " + "x" * 3000)

    def url(self, path: str) -> str:
        return self.base + path

    def at(self, path: str) -> list[Hit]:
        return [hit for hit in self.hits if hit.path == path]


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    receiver = Receiver()
    app = web.Application()
    app.router.add_route("POST", "/{tail:.*}", receiver.handle)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    receiver.base = f"http://127.0.0.1:{server.port}"
    try:
        yield receiver
    finally:
        await server.close()


@pytest.fixture
async def hooks(fin: Finance, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator["Hooks"]:
    monkeypatch.setattr(fin.kuaiban.settings, "webhook_allow_hosts", "127.0.0.1")
    hooks = Hooks(fin)
    yield hooks
    for relay in hooks.relays:
        await relay.aclose()


class Hooks:
    """Webhook calls and the relay, on the in-process finance app."""

    def __init__(self, fin: Finance) -> None:
        self.fin = fin
        self.http = fin.http
        self.relays: list[WebhookRelay] = []

    def relay(self, *, delays=(1.0, 2.0, 4.0), disable_after: int = 5, allow_hosts: str = "127.0.0.1", **options):
        kuaiban = self.fin.kuaiban
        sessions = kuaiban.runtimes["finance"].sessions
        relay = WebhookRelay(
            sessions,
            allow_hosts=allow_hosts,
            delays=delays,
            disable_after=disable_after,
            clock=kuaiban.clock,
            **options,
        )
        self.relays.append(relay)
        return relay

    async def register(self, bank: Party, url: str, events=tuple(ALL_EVENTS)) -> dict:
        response = await self.http.post(
            "/finance/webhooks", json={"url": url, "events": list(events)}, headers=bank.headers
        )
        assert response.status_code == 201, response.text
        endpoint = response.json()
        assert response.headers["location"] == f"/finance/webhooks/{endpoint['id']}"
        assert response.headers["cache-control"] == "no-store"  # the secret is shown once
        assert endpoint["secret"].startswith("whsec_") and endpoint["enabled"] and endpoint["bank_id"] == bank.id
        return endpoint

    async def get(self, bank: Party, endpoint_id: str) -> dict:
        response = await self.http.get(f"/finance/webhooks/{endpoint_id}", headers=bank.headers)
        assert response.status_code == 200, response.text
        return response.json()

    async def ping(self, bank: Party, endpoint_id: str) -> dict:
        response = await self.http.post(f"/finance/webhooks/{endpoint_id}/ping", headers=bank.headers)
        assert response.status_code == 200, response.text
        assert response.json()["status"] == "pending" and response.json()["event_type"] == "webhook.ping"
        return response.json()

    async def deliveries(self, bank: Party, endpoint_id: str) -> list[dict]:
        return await self.fin.collect(f"/finance/webhooks/{endpoint_id}/deliveries", bank.headers)

    async def until(self, relay: WebhookRelay, condition: Callable[[], bool], *, rounds: int = 40) -> None:
        """Run the relay until `condition` holds, moving the clock past each retry delay when nothing is due."""
        for _ in range(rounds):
            if condition():
                return
            if not await relay.deliver_once():
                self.fin.kuaiban.clock.advance(seconds=5)
        assert condition()


async def test_every_event_arrives_once_signed_and_verifies(fin: Finance, hooks: Hooks, receiver: Receiver):
    bank, other_bank = await fin.new_bank(), await fin.new_bank("濉溪县另一家银行")
    enterprise = await fin.new_enterprise()
    endpoint = await hooks.register(bank, receiver.url("/bank"))
    await hooks.register(other_bank, receiver.url("/other"), events=["lead.created"])
    first = await fin.post_product(bank, enterprise.town)
    second = await fin.post_product(bank, enterprise.town)
    await fin.post_product(bank, enterprise.town, min_amount_yuan=50_000_000, max_amount_yuan=90_000_000)  # no fit
    need = await fin.post_need(enterprise)
    later = await fin.post_product(bank, enterprise.town)  # fits the need already open
    signed = await fin.applied(enterprise, need["id"], first["id"])
    withdrawn = await fin.applied(enterprise, need["id"], second["id"])
    response = await fin.http.post(f"/finance/applications/{withdrawn['id']}/withdraw", headers=enterprise.headers)
    assert response.status_code == 200 and response.json()["status"] == "withdrawn", response.text
    await fin.finance(bank, enterprise, need["id"], later["id"])  # the deal: later's application, signed
    expected = 3 + 3 + 1 + 1  # leads (two on the need, one on the later product), submitted, withdrawn, signed

    relay = hooks.relay()
    await hooks.until(relay, lambda: len(receiver.at("/bank")) >= expected)
    assert not await relay.deliver_once()  # nothing left, nothing sent twice
    hits = receiver.at("/bank")
    events = [hit.verified(endpoint["secret"]) for hit in hits]
    assert len({hit.id for hit in hits}) == len(hits) == expected
    assert [(e["type"], e["data"].get("product_id")) for e in events] == [
        ("lead.created", first["id"]),
        ("lead.created", second["id"]),
        ("lead.created", later["id"]),
        ("application.submitted", first["id"]),
        ("application.submitted", second["id"]),
        ("application.withdrawn", second["id"]),
        ("application.submitted", later["id"]),
        ("deal.signed", later["id"]),
    ]
    lead = events[0]["data"]
    assert set(lead) == LEAD_FIELDS and lead["need_id"] == need["id"] and lead["enterprise_name"] == enterprise.name
    assert events[0]["timestamp"].endswith("Z") and events[-1]["data"]["status"] == "signed"
    assert events[5]["data"]["id"] == withdrawn["id"] and events[3]["data"]["id"] == signed["id"]
    assert receiver.at("/other") == []  # another bank hears nothing of this bank's products
    assert all(hit.headers["Content-Type"] == "application/json" for hit in hits)


async def test_a_receiver_that_fails_three_times_gets_the_events_in_order(
    fin: Finance, hooks: Hooks, receiver: Receiver
):
    bank = await fin.new_bank()
    endpoint = await hooks.register(bank, receiver.url("/flaky"))
    receiver.answers["/flaky"] = [500, 500, 500]
    first = await hooks.ping(bank, endpoint["id"])
    second = await hooks.ping(bank, endpoint["id"])
    relay = hooks.relay(delays=(1.0, 2.0, 4.0))
    await hooks.until(relay, lambda: len(receiver.at("/flaky")) == 5)
    assert [hit.id for hit in receiver.at("/flaky")] == [first["id"]] * 4 + [second["id"]]
    for hit in receiver.at("/flaky"):
        assert hit.verified(endpoint["secret"])["type"] == "webhook.ping"

    deliveries = {d["id"]: d for d in await hooks.deliveries(bank, endpoint["id"])}
    tried = deliveries[first["id"]]
    assert (tried["status"], tried["tries"], tried["delivered_at"] is not None) == ("delivered", 4, True)
    assert [a["status_code"] for a in tried["attempts"]] == [500, 500, 500, 200]
    assert [a["error"] for a in tried["attempts"]] == ["answered 500"] * 3 + [None]
    attempt = tried["attempts"][0]
    assert attempt["at"].endswith("Z") and attempt["latency_ms"] >= 0
    assert attempt["response_body"].startswith("answered 500") and len(attempt["response_body"]) == 2000
    assert [a["status_code"] for a in deliveries[second["id"]]["attempts"]] == [200]
    assert (await hooks.get(bank, endpoint["id"]))["failed_in_a_row"] == 0


async def test_a_signature_checked_with_another_secret_or_over_another_body_fails(
    fin: Finance, hooks: Hooks, receiver: Receiver
):
    bank = await fin.new_bank()
    endpoint = await hooks.register(bank, receiver.url("/verify"))
    other = await hooks.register(bank, receiver.url("/unused"))
    await hooks.ping(bank, endpoint["id"])
    await hooks.until(hooks.relay(), lambda: len(receiver.at("/verify")) == 1)
    [hit] = receiver.at("/verify")
    assert hit.verified(endpoint["secret"])["data"] == {"endpoint_id": endpoint["id"]}
    with pytest.raises(WebhookVerificationError):
        Webhook(other["secret"]).verify(hit.body, hit.headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(endpoint["secret"]).verify(hit.body.replace(b"ping", b"pong"), hit.headers)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.2:8080/hook",
        "http://[::1]:8080/hook",
        "http://0x7f000001:8080/hook",
        "http://2130706433:8080/hook",
        "http://127.1:8080/hook",
        "http://[::ffff:127.0.0.2]/hook",
        "ftp://127.0.0.1/hook",
        "http://user:pw@127.0.0.1/hook",
        "not a url",
    ],
)
async def test_urls_outside_the_allowlist_are_refused(fin: Finance, hooks: Hooks, url: str):
    bank = await fin.new_bank()
    refused = assert_problem(
        await fin.http.post("/finance/webhooks", json={"url": url, "events": ALL_EVENTS}, headers=bank.headers), 422
    )
    assert refused["errors"][0]["field"] == "url"
    endpoint = await hooks.register(bank, "http://127.0.0.1:9/hook")
    changed = await fin.http.patch(f"/finance/webhooks/{endpoint['id']}", json={"url": url}, headers=bank.headers)
    assert assert_problem(changed, 422)["errors"][0]["field"] == "url"
    assert (await hooks.get(bank, endpoint["id"]))["url"] == "http://127.0.0.1:9/hook"


async def test_a_name_resolving_to_a_private_address_is_refused_without_connecting(fin: Finance, hooks: Hooks):
    asked: list[str] = []

    async def resolver(host: str, port: int) -> list[str]:
        asked.append(host)
        return {"hooks.bank.example": ["10.0.0.5"], "mixed.bank.example": ["93.184.216.34", "192.168.0.9"]}[host]

    bank = await fin.new_bank()
    finance_app.dependency_overrides[target_guard] = lambda: TargetGuard(AllowList.parse("127.0.0.1"), resolver)
    try:
        for url in ("https://hooks.bank.example/kuaiban", "https://mixed.bank.example/kuaiban"):
            body = {"url": url, "events": ["lead.created"]}
            refused = assert_problem(await fin.http.post("/finance/webhooks", json=body, headers=bank.headers), 422)
            assert refused["errors"][0]["field"] == "url"
    finally:
        finance_app.dependency_overrides.pop(target_guard)
    assert asked == ["hooks.bank.example", "mixed.bank.example"]


async def test_each_delivery_checks_the_target_again(fin: Finance, hooks: Hooks, receiver: Receiver):
    """A name that resolved to the allowed receiver at registration and to a private address now (DNS
    rebinding) is refused at delivery; resolved to the receiver, the relay connects to the checked address
    with the name as Host. A literal the allowlist no longer lists is refused too. Nothing leaves 127.0.0.1."""
    answers = {"receiver.test": ["127.0.0.1"]}

    async def resolver(host: str, port: int) -> list[str]:
        return answers[host]

    bank = await fin.new_bank()
    port = receiver.base.rsplit(":", 1)[1]
    finance_app.dependency_overrides[target_guard] = lambda: TargetGuard(AllowList.parse("127.0.0.1"), resolver)
    try:
        named = await hooks.register(bank, f"http://receiver.test:{port}/named")
    finally:
        finance_app.dependency_overrides.pop(target_guard)
    relay = hooks.relay(resolver=resolver)
    first = await hooks.ping(bank, named["id"])
    await hooks.until(relay, lambda: len(receiver.at("/named")) == 1)
    [hit] = receiver.at("/named")
    assert hit.headers["Host"] == f"receiver.test:{port}" and hit.id == first["id"]

    answers["receiver.test"] = ["10.0.0.5"]  # rebound
    second = await hooks.ping(bank, named["id"])
    assert await relay.deliver_once() == 1
    [delivery] = [d for d in await hooks.deliveries(bank, named["id"]) if d["id"] == second["id"]]
    assert delivery["attempts"][0]["status_code"] is None and "refused" in delivery["attempts"][0]["error"]
    assert "10.0.0.5" in delivery["attempts"][0]["error"]

    literal = await hooks.register(bank, receiver.url("/literal"))
    third = await hooks.ping(bank, literal["id"])
    strict = hooks.relay(allow_hosts="")
    assert await strict.deliver_once() == 1
    [delivery] = [d for d in await hooks.deliveries(bank, literal["id"]) if d["id"] == third["id"]]
    assert delivery["attempts"][0]["error"].startswith("refused") and delivery["status"] == "pending"
    assert len(receiver.hits) == 1  # only the first, allowed delivery reached the receiver


async def test_deliveries_are_listed_and_redelivered_with_the_same_id(fin: Finance, hooks: Hooks, receiver: Receiver):
    bank = await fin.new_bank()
    endpoint = await hooks.register(bank, receiver.url("/again"))
    ping = await hooks.ping(bank, endpoint["id"])
    relay = hooks.relay()
    await hooks.until(relay, lambda: len(receiver.at("/again")) == 1)
    [listed] = await hooks.deliveries(bank, endpoint["id"])
    assert (listed["id"], listed["status"], listed["payload"]["type"]) == (ping["id"], "delivered", "webhook.ping")
    path = f"/finance/webhooks/{endpoint['id']}/deliveries/{ping['id']}/redeliver"
    again = await fin.http.post(path, headers=bank.headers)
    assert again.status_code == 200, again.text
    assert (again.json()["status"], again.json()["redeliveries"], again.json()["tries"]) == ("pending", 1, 0)
    assert_problem(await fin.http.post(path, headers=bank.headers), 409)  # waiting already
    await hooks.until(relay, lambda: len(receiver.at("/again")) == 2)
    assert {hit.id for hit in receiver.at("/again")} == {ping["id"]}
    assert all(hit.verified(endpoint["secret"]) for hit in receiver.at("/again"))
    [listed] = await hooks.deliveries(bank, endpoint["id"])
    assert [a["status_code"] for a in listed["attempts"]] == [200, 200] and listed["status"] == "delivered"
    unknown = f"/finance/webhooks/{endpoint['id']}/deliveries/{endpoint['id']}/redeliver"
    assert_problem(await fin.http.post(unknown, headers=bank.headers), 404)
    trail = await fin.collect("/finance/audit", ADMIN, resource=f"webhook_delivery/{ping['id']}")
    assert [entry["action"] for entry in trail] == [
        "POST /finance/webhooks/{endpoint_id}/deliveries/{delivery_id}/redeliver"
    ]


def dead_port() -> int:
    """A loopback port nobody listens on (bound, then closed)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_an_endpoint_is_disabled_after_failed_events_in_a_row_with_the_reason(
    fin: Finance, hooks: Hooks, receiver: Receiver
):
    bank = await fin.new_bank()
    enterprise = await fin.new_enterprise()
    dead = await hooks.register(bank, f"http://127.0.0.1:{dead_port()}/gone")
    failing = await hooks.register(bank, receiver.url("/failing"))
    receiver.answers["/failing"] = [503] * 6
    for endpoint in (dead, failing):
        await hooks.ping(bank, endpoint["id"])
        await hooks.ping(bank, endpoint["id"])
    relay = hooks.relay(delays=(1.0,), disable_after=2)
    await hooks.until(relay, lambda: len(receiver.at("/failing")) == 4)
    assert not await relay.deliver_once()

    for endpoint, why in ((dead, "cannot connect"), (failing, "answered 503")):
        shown = await hooks.get(bank, endpoint["id"])
        assert (shown["enabled"], shown["failed_in_a_row"]) == (False, 2)
        assert "2 events in a row" in shown["disabled_reason"] and why in shown["disabled_reason"], shown
        assert shown["disabled_at"].endswith("Z")
        assert {d["status"] for d in await hooks.deliveries(bank, endpoint["id"])} == {"failed"}
        assert_problem(await fin.http.post(f"/finance/webhooks/{endpoint['id']}/ping", headers=bank.headers), 409)

    await fin.post_product(bank, enterprise.town)
    await fin.post_need(enterprise)  # a lead, but for a disabled endpoint nothing is queued
    assert len(await hooks.deliveries(bank, failing["id"])) == 2
    enabled = await fin.http.patch(f"/finance/webhooks/{failing['id']}", json={"enabled": True}, headers=bank.headers)
    assert enabled.status_code == 200, enabled.text
    assert (enabled.json()["enabled"], enabled.json()["disabled_reason"], enabled.json()["failed_in_a_row"]) == (
        True,
        None,
        0,
    )


async def test_another_bank_can_neither_see_nor_touch_an_endpoint(fin: Finance, hooks: Hooks, receiver: Receiver):
    bank, other = await fin.new_bank(), await fin.new_bank("濉溪县另一家银行")
    endpoint = await hooks.register(bank, receiver.url("/mine"))
    ping = await hooks.ping(bank, endpoint["id"])
    base = f"/finance/webhooks/{endpoint['id']}"
    for method, path, body in (
        ("GET", base, None),
        ("PATCH", base, {"enabled": False}),
        ("DELETE", base, None),
        ("POST", f"{base}/ping", None),
        ("GET", f"{base}/deliveries", None),
        ("POST", f"{base}/deliveries/{ping['id']}/redeliver", None),
    ):
        assert_problem(await fin.http.request(method, path, json=body, headers=other.headers), 404)
    assert await fin.collect("/finance/webhooks", other.headers) == []
    [mine] = await fin.collect("/finance/webhooks", bank.headers)
    assert mine["id"] == endpoint["id"] and "secret" not in mine
    assert "secret" not in await hooks.get(bank, endpoint["id"])
    [recorded] = await fin.collect("/finance/audit", ADMIN, resource=f"webhook_endpoint/{endpoint['id']}")
    assert recorded["change"] == "created" and recorded["after"]["url"] == endpoint["url"]
    assert "secret" not in recorded["after"]  # the signing secret never reaches the audit trail
    enterprise = headers_for("enterprise", enterprise_id=str(endpoint["id"]))
    assert_problem(await fin.http.get("/finance/webhooks", headers=enterprise), 403)
    assert (await hooks.get(bank, endpoint["id"]))["enabled"] is True


async def test_admin_registers_for_a_named_bank_and_a_bank_only_for_itself(fin: Finance, hooks: Hooks):
    bank, other = await fin.new_bank(), await fin.new_bank("濉溪县另一家银行")
    body = {"url": "http://127.0.0.1:9/hook", "events": ["deal.signed"]}
    assert (
        assert_problem(await fin.http.post("/finance/webhooks", json=body, headers=ADMIN), 422)["errors"][0]["field"]
        == "bank_id"
    )
    created = await fin.http.post("/finance/webhooks", json={**body, "bank_id": bank.id}, headers=ADMIN)
    assert created.status_code == 201 and created.json()["bank_id"] == bank.id, created.text
    assert [e["id"] for e in await fin.collect("/finance/webhooks", bank.headers)] == [created.json()["id"]]
    foreign = await fin.http.post("/finance/webhooks", json={**body, "bank_id": other.id}, headers=bank.headers)
    assert assert_problem(foreign, 422)["errors"][0]["field"] == "bank_id"
    unknown = {**body, "bank_id": "00000000-0000-4000-8000-000000000000"}
    assert assert_problem(await fin.http.post("/finance/webhooks", json=unknown, headers=ADMIN), 422)
    for bad in ({**body, "events": []}, {**body, "events": ["webhook.ping"]}, {**body, "surprise": 1}):
        assert_problem(await fin.http.post("/finance/webhooks", json=bad, headers=bank.headers), 422)
    null = await fin.http.patch(f"/finance/webhooks/{created.json()['id']}", json={"url": None}, headers=bank.headers)
    assert_problem(null, 422)


async def test_a_deleted_endpoint_is_gone_with_its_deliveries(fin: Finance, hooks: Hooks, receiver: Receiver):
    bank = await fin.new_bank()
    endpoint = await hooks.register(bank, receiver.url("/deleted"))
    await hooks.ping(bank, endpoint["id"])
    deleted = await fin.http.delete(f"/finance/webhooks/{endpoint['id']}", headers=bank.headers)
    assert deleted.status_code == 204 and deleted.content == b""
    assert_problem(await fin.http.get(f"/finance/webhooks/{endpoint['id']}", headers=bank.headers), 404)
    assert not await hooks.relay().deliver_once()
    assert receiver.hits == []


async def test_disabling_by_hand_holds_events_until_enabled(fin: Finance, hooks: Hooks, receiver: Receiver):
    bank = await fin.new_bank()
    endpoint = await hooks.register(bank, receiver.url("/paused"))
    await hooks.ping(bank, endpoint["id"])
    path = f"/finance/webhooks/{endpoint['id']}"
    paused = await fin.http.patch(path, json={"enabled": False, "events": ["deal.signed"]}, headers=bank.headers)
    assert paused.status_code == 200, paused.text
    assert paused.json()["enabled"] is False and paused.json()["disabled_reason"].startswith("Disabled by")
    assert paused.json()["events"] == ["deal.signed"]
    relay = hooks.relay()
    assert not await relay.deliver_once()
    assert (await fin.http.patch(path, json={"enabled": True}, headers=bank.headers)).status_code == 200
    await hooks.until(relay, lambda: len(receiver.at("/paused")) == 1)


async def test_an_enterprise_withdraws_its_application_only_while_it_is_open(fin: Finance):
    bank = await fin.new_bank()
    enterprise, stranger = await fin.new_enterprise(), await fin.new_enterprise()
    product = await fin.post_product(bank, enterprise.town)
    need = await fin.post_need(enterprise)
    application = await fin.applied(enterprise, need["id"], product["id"])
    path = f"/finance/applications/{application['id']}/withdraw"
    assert_problem(await fin.http.post(path, headers=stranger.headers), 404)
    assert_problem(await fin.http.post(path, headers=bank.headers), 403)
    withdrawn = await fin.http.post(path, headers=enterprise.headers)
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "withdrawn", withdrawn.text
    assert_problem(await fin.http.post(path, headers=enterprise.headers), 409)
    assert await fin.need_status(enterprise.headers, need["id"]) == "open"
    await fin.assert_timeline(enterprise.id, ("need.posted", need["id"]), ("application.withdrawn", application["id"]))


async def test_products_synced_by_the_catalogue_push_their_leads_too(fin: Finance, hooks: Hooks, receiver: Receiver):
    bank = await fin.new_bank()
    enterprise = await fin.new_enterprise()
    endpoint = await hooks.register(bank, receiver.url("/sync"), events=["lead.created"])
    need = await fin.post_need(enterprise)
    body = fin.product_body(enterprise.town)
    put = await fin.http.put("/finance/products/by-ref/XD-01", json=body, headers=bank.headers)
    assert put.status_code == 201, put.text
    again = await fin.http.put("/finance/products/by-ref/XD-01", json=body, headers=bank.headers)
    assert again.headers["sync-result"] == "unchanged"  # no new product, no second lead
    batch = {"items": [{**fin.product_body(enterprise.town), "external_ref": f"XD-0{n}"} for n in (2, 3)]}
    synced = await fin.http.post("/finance/products/batch", json=batch, headers=bank.headers)
    assert synced.status_code == 200 and synced.json()["counts"]["created"] == 2, synced.text

    relay = hooks.relay()
    await hooks.until(relay, lambda: len(receiver.at("/sync")) >= 3)
    assert not await relay.deliver_once()
    events = [hit.verified(endpoint["secret"]) for hit in receiver.at("/sync")]
    created = [put.json()["id"], *(item["product_id"] for item in synced.json()["items"])]
    assert [(e["type"], e["data"]["need_id"], e["data"]["product_id"]) for e in events] == [
        ("lead.created", need["id"], product_id) for product_id in created
    ]


async def test_a_need_without_consent_is_never_pushed_as_a_lead(fin: Finance, hooks: Hooks, receiver: Receiver):
    bank = await fin.new_bank()
    quiet, withdrawn, open_ = [await fin.new_enterprise() for _ in range(3)]
    await hooks.register(bank, receiver.url("/consent"), events=["lead.created"])
    await fin.post_need(quiet, consent=False)
    later = await fin.post_need(withdrawn)
    response = await fin.http.delete(f"/finance/needs/{later['id']}/consent", headers=withdrawn.headers)
    assert response.status_code == 200 and response.json()["consent"] is False, response.text
    shown = await fin.post_need(open_)
    await fin.post_product(bank)  # fits all three needs (no town rule): only the consenting one is a lead

    relay = hooks.relay()
    await hooks.until(relay, lambda: len(receiver.at("/consent")) >= 1)
    assert not await relay.deliver_once()
    assert [json.loads(hit.body)["data"]["need_id"] for hit in receiver.at("/consent")] == [shown["id"]]

"""Banks' API clients: the admin creates, lists, rotates and revokes them; a bank's system gets short-lived,
scoped tokens with client credentials (RFC 6749 §4.4), and its scopes gate finance's routes."""

import base64
import uuid

import httpx
import jwt
import pytest
from sqlalchemy import text

from gateway.access import AccessCache
from services.common.auth import verify_token
from tests.helpers.factories import ACCOUNT_PASSWORD, ADMIN, JWT_SECRET, bearer, headers_for, product_body, unique_name
from tests.helpers.inprocess import Kuaiban, MakeAccount, StartEdge
from tests.helpers.problems import assert_problem

ALL_SCOPES = ["products:write", "leads:read", "applications:decide", "webhooks:manage"]


async def new_client(gateway: httpx.AsyncClient, bank_id: str, scopes: list[str] | None = None, **headers) -> dict:
    body = {"bank_id": bank_id, "name": unique_name("core"), "scopes": scopes or ALL_SCOPES}
    created = await gateway.post("/auth/clients", json=body, headers=headers or None)
    assert created.status_code == 201, created.text
    return created.json()


def basic(client_id: str, secret: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()}


async def client_token(gateway: httpx.AsyncClient, client: dict, secret: str | None = None, **form) -> httpx.Response:
    data = {"grant_type": "client_credentials", **form}
    return await gateway.post(
        "/auth/token", data=data, headers={**basic(client["client_id"], secret or client["client_secret"])}
    )


async def test_a_client_is_shown_its_secret_once_and_only_a_hash_is_kept(
    kuaiban: Kuaiban, gateway: httpx.AsyncClient, bank_id: str
):
    client = await new_client(gateway, bank_id, ["products:write", "leads:read"])
    secret = client["client_secret"]
    assert secret.startswith("kbs_") and len(secret) > 40
    assert client["client_id"] == client["id"] and client["status"] == "active"
    assert client["bank_id"] == bank_id and client["scopes"] == ["products:write", "leads:read"]
    fetched = await gateway.get(f"/auth/clients/{client['id']}")
    assert fetched.status_code == 200 and "client_secret" not in fetched.json()
    assert fetched.json() == {key: value for key, value in client.items() if key != "client_secret"}
    listed = (await gateway.get("/auth/clients", params={"bank_id": bank_id})).json()
    assert [item["id"] for item in listed["items"]] == [client["id"]] and "client_secret" not in listed["items"][0]
    assert (await gateway.get("/auth/clients", params={"bank_id": str(uuid.uuid4())})).json()["items"] == []

    row = (
        await kuaiban.connection.execute(
            text("SELECT secret_hash, api_client::text AS whole FROM identity.api_client WHERE id = :id"),
            {"id": client["id"]},
        )
    ).one()
    assert secret not in row.whole and len(row.secret_hash) == 64
    trail = (await gateway.get("/auth/audit", params={"resource": f"api_client/{client['id']}"})).json()["items"]
    assert trail and all("secret_hash" not in (entry["after"] or {}) for entry in trail)
    assert secret not in str(trail)


async def test_clients_are_paginated_newest_first(kuaiban: Kuaiban, gateway: httpx.AsyncClient, bank_id: str):
    made = []
    for _ in range(3):
        made.append((await new_client(gateway, bank_id))["id"])
        kuaiban.clock.advance(seconds=1)
    first = (await gateway.get("/auth/clients", params={"bank_id": bank_id, "limit": 2})).json()
    second = (
        await gateway.get("/auth/clients", params={"bank_id": bank_id, "limit": 2, "cursor": first["next_cursor"]})
    ).json()
    assert [item["id"] for item in first["items"] + second["items"]] == made[::-1]
    assert second["next_cursor"] is None


async def test_only_the_admin_manages_clients(gateway: httpx.AsyncClient, bank_id: str, make_account: MakeAccount):
    client = await new_client(gateway, bank_id)
    _, bank_person = await make_account("bank", bank_id=bank_id)
    for headers in (bank_person, headers_for("officer", department="tax")):
        body = {"bank_id": bank_id, "name": unique_name("x"), "scopes": ["leads:read"]}
        assert_problem(await gateway.post("/auth/clients", json=body, headers=headers), 403)
        assert_problem(await gateway.get("/auth/clients", headers=headers), 403)
        assert_problem(await gateway.get(f"/auth/clients/{client['id']}", headers=headers), 403)
        path = f"/auth/clients/{client['id']}"
        assert_problem(await gateway.post(f"{path}/rotate", json={"grace_seconds": 0}, headers=headers), 403)
        assert_problem(await gateway.post(f"{path}/revoke", headers=headers), 403)
    assert_problem(await gateway.get("/auth/clients", headers={"Authorization": ""}), 401)
    token = (await client_token(gateway, client)).json()["access_token"]
    assert_problem(await gateway.get("/auth/clients", headers=bearer(token)), 403)  # a client manages no client


async def test_client_rules(gateway: httpx.AsyncClient, bank_id: str):
    async def post(**changes) -> httpx.Response:
        body = {"bank_id": bank_id, "name": unique_name("c"), "scopes": ["leads:read"], **changes}
        return await gateway.post("/auth/clients", json=body)

    assert assert_problem(await post(bank_id=str(uuid.uuid4())), 422)["errors"][0]["field"] == "bank_id"
    assert_problem(await post(scopes=[]), 422)
    assert_problem(await post(scopes=["admin:all"]), 422)
    assert_problem(await post(scopes=["leads:read", "leads:read"]), 422)
    assert_problem(await post(name="has space"), 422)
    assert_problem(await post(client_secret="mine"), 422)
    taken = (await post()).json()["name"]
    assert_problem(await post(name=taken), 409)
    missing = uuid.uuid4()
    assert_problem(await gateway.get(f"/auth/clients/{missing}"), 404)
    assert_problem(await gateway.post(f"/auth/clients/{missing}/rotate", json={"grace_seconds": 0}), 404)
    assert_problem(await gateway.post(f"/auth/clients/{missing}/revoke"), 404)


async def test_a_client_gets_a_short_lived_scoped_bank_token_with_basic_or_form_credentials(
    gateway: httpx.AsyncClient, bank_id: str
):
    client = await new_client(gateway, bank_id, ["products:write", "leads:read"])
    answer = await client_token(gateway, client)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["token_type"] == "bearer" and body["role"] == "bank" and body["expires_in"] == 300
    assert body["scope"] == "leads:read products:write"
    assert answer.headers["cache-control"] == "no-store" and answer.headers["pragma"] == "no-cache"
    principal = verify_token(JWT_SECRET, body["access_token"])
    assert principal.role == "bank" and str(principal.bank_id) == bank_id
    assert principal.client_id == client["id"] and principal.username == f"client:{client['name']}"
    assert principal.scopes == {"products:write", "leads:read"}
    claims = jwt.decode(body["access_token"], options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == 300 and claims["client_id"] == client["id"]

    form = await gateway.post(
        "/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": client["client_id"],
            "client_secret": client["client_secret"],
            "scope": "leads:read",
        },
        headers={"Authorization": ""},
    )
    assert form.status_code == 200, form.text
    assert form.json()["scope"] == "leads:read"
    assert verify_token(JWT_SECRET, form.json()["access_token"]).scopes == {"leads:read"}


async def test_wrong_or_missing_client_credentials_are_invalid_client(gateway: httpx.AsyncClient, bank_id: str):
    client = await new_client(gateway, bank_id)
    grant = {"grant_type": "client_credentials"}
    wrong = await client_token(gateway, client, secret="kbs_" + "x" * 43)
    assert assert_problem(wrong, 401)["code"] == "invalid_client"
    assert wrong.headers["www-authenticate"].startswith("Basic")
    unknown = await gateway.post("/auth/token", data=grant, headers=basic(str(uuid.uuid4()), client["client_secret"]))
    assert assert_problem(unknown, 401)["code"] == "invalid_client"
    not_an_id = await gateway.post("/auth/token", data=grant, headers=basic("bank-core", client["client_secret"]))
    assert assert_problem(not_an_id, 401)["code"] == "invalid_client"
    garbled = await gateway.post("/auth/token", data=grant, headers={"Authorization": "Basic !!not-base64!!"})
    assert assert_problem(garbled, 401)["code"] == "invalid_client"
    no_colon = await gateway.post(
        "/auth/token", data=grant, headers={"Authorization": "Basic " + base64.b64encode(b"only-an-id").decode()}
    )
    assert assert_problem(no_colon, 401)["code"] == "invalid_client"
    none = await gateway.post("/auth/token", data={**grant, "client_id": client["id"]}, headers={"Authorization": ""})
    assert assert_problem(none, 401)["code"] == "invalid_client"
    both = await gateway.post(
        "/auth/token",
        data={**grant, "client_id": client["id"], "client_secret": client["client_secret"]},
        headers=basic(client["client_id"], client["client_secret"]),
    )
    assert assert_problem(both, 400)["code"] == "bad_request"
    unsupported = await gateway.post("/auth/token", data={"grant_type": "implicit"})
    assert assert_problem(unsupported, 400)["code"] == "unsupported_grant_type"


async def test_a_token_gets_only_scopes_of_its_client(gateway: httpx.AsyncClient, bank_id: str):
    client = await new_client(gateway, bank_id, ["leads:read"])
    beyond = await client_token(gateway, client, scope="leads:read webhooks:manage")
    problem = assert_problem(beyond, 400)
    assert problem["code"] == "invalid_scope" and "webhooks:manage" in problem["detail"]
    assert_problem(await client_token(gateway, client, scope="root"), 400)
    blank = await client_token(gateway, client, scope="  ")
    assert blank.status_code == 200 and blank.json()["scope"] == "leads:read"


async def test_rotation_keeps_the_old_secret_for_the_grace_period_only(
    kuaiban: Kuaiban, gateway: httpx.AsyncClient, bank_id: str
):
    client = await new_client(gateway, bank_id)
    old = client["client_secret"]
    issued = (await client_token(gateway, client)).json()["access_token"]
    rotated = await gateway.post(f"/auth/clients/{client['id']}/rotate", json={"grace_seconds": 3600})
    assert rotated.status_code == 200, rotated.text
    new = rotated.json()["client_secret"]
    assert new != old and rotated.json()["rotated_at"] is not None
    assert rotated.json()["previous_secret_expires_at"] is not None
    assert "client_secret" not in (await gateway.get(f"/auth/clients/{client['id']}")).json()
    assert (await client_token(gateway, client, secret=old)).status_code == 200  # both work during the grace
    assert (await client_token(gateway, client, secret=new)).status_code == 200
    kuaiban.clock.advance(seconds=3601)
    assert_problem(await client_token(gateway, client, secret=old), 401)
    assert (await client_token(gateway, client, secret=new)).status_code == 200
    access = AccessCache(kuaiban.runtimes["gateway"].sessions, ttl_seconds=10)
    assert await access.allows(verify_token(JWT_SECRET, issued))  # a rotation ends no token already issued

    newest = (await gateway.post(f"/auth/clients/{client['id']}/rotate", json={"grace_seconds": 0})).json()
    assert newest["previous_secret_expires_at"] is None
    assert_problem(await client_token(gateway, client, secret=new), 401)  # no grace: the old one ends now
    assert (await client_token(gateway, client, secret=newest["client_secret"])).status_code == 200
    for grace in (-1, 30 * 86_400 + 1, "soon"):
        assert_problem(await gateway.post(f"/auth/clients/{client['id']}/rotate", json={"grace_seconds": grace}), 422)
    assert_problem(await gateway.post(f"/auth/clients/{client['id']}/rotate", json={}), 422)


async def test_a_revoked_client_gets_no_token_and_its_tokens_stop_at_the_edge(
    kuaiban: Kuaiban, gateway: httpx.AsyncClient, bank_id: str, start_edge: StartEdge
):
    client = await new_client(gateway, bank_id)
    token = (await client_token(gateway, client)).json()["access_token"]
    elsewhere = AccessCache(kuaiban.runtimes["gateway"].sessions, ttl_seconds=10, clock=lambda: ticks[0])
    ticks = [100.0]
    principal = verify_token(JWT_SECRET, token)
    assert await elsewhere.allows(principal)
    async with start_edge() as edge:
        assert (await edge.get("/finance/products", headers=bearer(token))).status_code == 200
        revoked = await gateway.post(f"/auth/clients/{client['id']}/revoke")
        assert revoked.status_code == 200, revoked.text
        assert revoked.json()["status"] == "revoked" and revoked.json()["revoked_at"] is not None
        refused = await edge.get("/finance/products", headers=bearer(token))  # this replica: at once
        assert assert_problem(refused, 401)["code"] == "unauthenticated"
    assert await elsewhere.allows(principal)  # another replica: its cached answer ...
    ticks[0] += 10
    assert not await elsewhere.allows(principal)  # ... until its check interval has passed
    assert assert_problem(await client_token(gateway, client), 401)["code"] == "invalid_client"
    again = await gateway.post(f"/auth/clients/{client['id']}/revoke")
    assert assert_problem(again, 409)["code"] == "invalid_transition"
    assert_problem(await gateway.post(f"/auth/clients/{client['id']}/rotate", json={"grace_seconds": 60}), 409)


async def test_scopes_gate_finance_routes_and_a_call_outside_them_names_the_missing_scope(
    kuaiban: Kuaiban, gateway: httpx.AsyncClient, bank_id: str
):
    readers = await new_client(gateway, bank_id, ["leads:read"])
    writers = await new_client(gateway, bank_id, ["products:write"])
    reader = bearer((await client_token(gateway, readers)).json()["access_token"])
    writer = bearer((await client_token(gateway, writers)).json()["access_token"])
    product = product_body(kuaiban.clock().date())
    async with kuaiban.client("finance") as finance:
        refused = await finance.post("/finance/products", json=product, headers=reader)
        problem = assert_problem(refused, 403)
        assert problem["code"] == "insufficient_scope" and "products:write" in problem["detail"]
        english = await finance.post("/finance/products", json=product, headers={**reader, "Accept-Language": "en"})
        assert "products:write" in assert_problem(english, 403)["detail"]
        created = await finance.post("/finance/products", json=product, headers=writer)
        assert created.status_code == 201, created.text
        assert created.json()["bank_id"] == bank_id
        product_id = created.json()["id"]
        assert (await finance.get(f"/finance/products/{product_id}/leads", headers=reader)).status_code == 200
        leads = await finance.get(f"/finance/products/{product_id}/leads", headers=writer)
        assert "leads:read" in assert_problem(leads, 403)["detail"]
        for path, body in (("decision", {"decision": "reject", "reason": "资料不全"}), ("sign", {})):
            answer = await finance.post(f"/finance/applications/{uuid.uuid4()}/{path}", json=body, headers=writer)
            assert "applications:decide" in assert_problem(answer, 403)["detail"]
        assert (
            "applications:decide"
            in assert_problem(await finance.get("/finance/applications", headers=reader), 403)["detail"]
        )
        withdrawn = await finance.post(f"/finance/products/{product_id}/withdraw", headers=writer)
        assert withdrawn.status_code == 200, withdrawn.text
        assert_problem(await finance.post(f"/finance/products/{product_id}/withdraw", headers=reader), 403)
        assert (await finance.get("/finance/products", headers=reader)).status_code == 200  # the catalogue is open
        person = headers_for("bank", bank_id=bank_id)  # a person's token: its role alone governs it
        assert (await finance.get("/finance/applications", headers=person)).status_code == 200
        trail = (
            await finance.get("/finance/audit", params={"resource": f"product/{product_id}"}, headers=ADMIN)
        ).json()
    assert {entry["actor"] for entry in trail["items"]} == {f"client:{writers['name']}"}


@pytest.mark.parametrize("path", ["/auth/clients", "rotate"])
async def test_a_retry_with_the_same_idempotency_key_never_shows_the_secret_again(
    kuaiban: Kuaiban, gateway: httpx.AsyncClient, bank_id: str, path: str
):
    key = {"Idempotency-Key": unique_name("key")}
    if path == "rotate":
        client = await new_client(gateway, bank_id)
        path, body = f"/auth/clients/{client['id']}/rotate", {"grace_seconds": 0}
    else:
        body = {"bank_id": bank_id, "name": unique_name("idem"), "scopes": ["leads:read"]}
    first = await gateway.post(path, json=body, headers=key)
    assert first.status_code in (200, 201), first.text
    secret = first.json()["client_secret"]
    retry = await gateway.post(path, json=body, headers=key)
    assert assert_problem(retry, 409) and secret not in retry.text
    assert retry.headers["idempotent-replayed"] == "true"
    kept = (await kuaiban.connection.execute(text("SELECT response_body FROM identity.idempotency_key"))).scalars()
    assert not [stored for stored in kept if secret.encode() in stored]


async def test_the_password_grant_answers_as_before(gateway: httpx.AsyncClient, make_account: MakeAccount):
    account, _ = await make_account("officer", department="tax")
    answer = await gateway.post("/auth/token", data={"username": account["username"], "password": ACCOUNT_PASSWORD})
    assert answer.status_code == 200 and set(answer.json()) == {"access_token", "token_type", "expires_in", "role"}
    assert verify_token(JWT_SECRET, answer.json()["access_token"]).scopes is None
    missing = assert_problem(await gateway.post("/auth/token", data={"grant_type": "password"}), 422)
    assert [(error["field"], error["code"]) for error in missing["errors"]] == [
        ("username", "missing"),
        ("password", "missing"),
    ]

"""Bad input is refused cleanly by every app in process: a NUL byte anywhere (form, JSON body, query, path,
header) is a 4xx problem+json, never a 500; dates are ISO 8601 strings only; a body that cannot be read is
400 in the caller's language; and the OpenAPI document declares those answers on every operation."""

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import APIRouter
from sqlmodel import select

from gateway import app as gateway_app
from gateway.models import Account
from services.common.db import SessionDep
from tests.api.common._support import ADMIN, probe_app, probe_client
from tests.helpers.factories import enterprise_payload, headers_for, unique_name
from tests.helpers.inprocess import APPS, Kuaiban, served
from tests.helpers.problems import assert_problem, assert_security_headers

FORM = {"content-type": "application/x-www-form-urlencoded"}
JSON = {"content-type": "application/json"}
METHODS = ("get", "put", "post", "delete", "patch")


def client(name: str, headers: dict[str, str] | None = None) -> httpx.AsyncClient:
    """An app's client that gets a crash's 500 as an answer, so a test can assert it is not one."""
    transport = httpx.ASGITransport(app=APPS[name], raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url=f"http://{name}.test", headers=headers)


@pytest.fixture
async def edge(kuaiban: Kuaiban) -> AsyncIterator[httpx.AsyncClient]:
    """The whole gateway ASGI app (request ids, edge, own app), started as uvicorn starts it."""
    runtime = kuaiban.runtimes["gateway"]
    runtime.settings = kuaiban.settings.model_copy(update={"rate_limit_per_minute": 0})
    async with served(gateway_app.app):
        transport = httpx.ASGITransport(app=gateway_app.app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway.test") as http:
            yield http


@pytest.mark.parametrize(
    ("content", "field"),
    [
        pytest.param(b"username=ad%00min&password=long-enough-pw", "username", id="NUL in username"),
        pytest.param(b"username=ad\x00min&password=long-enough-pw", "username", id="raw NUL in username"),
        pytest.param(b"username=admin&password=long%00enough", "password", id="NUL in password"),
    ],
)
async def test_a_nul_in_the_login_form_is_422_naming_the_field(kuaiban: Kuaiban, content: bytes, field: str):
    async with client("gateway") as gateway:
        problem = assert_problem(await gateway.post("/auth/token", content=content, headers=FORM), 422)
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [(field, "invalid_value")]
    assert "NUL" in problem["errors"][0]["message"]


async def test_the_login_form_still_logs_in_and_refuses_wrong_passwords(kuaiban: Kuaiban):
    username, password = unique_name("officer"), "long-enough-pw"
    account = {"username": username, "password": password, "role": "officer", "department": "tax"}
    async with client("gateway", ADMIN) as gateway:
        assert (await gateway.post("/auth/accounts", json=account)).status_code == 201
        logged_in = await gateway.post("/auth/token", data={"username": username, "password": password})
        assert logged_in.status_code == 200 and logged_in.json()["role"] == "officer"
        wrong = await gateway.post("/auth/token", data={"username": username, "password": password + "x"})
        assert assert_problem(wrong, 401)["code"] == "invalid_credentials"
        bad_grant = await gateway.post(
            "/auth/token", data={"username": username, "password": password, "grant_type": "implicit"}
        )
        assert assert_problem(bad_grant, 400)["code"] == "unsupported_grant_type"
        no_client = await gateway.post(  # a person's password is no client credential
            "/auth/token", data={"username": username, "password": password, "grant_type": "client_credentials"}
        )
        assert assert_problem(no_client, 401)["code"] == "invalid_client"


NUL_REQUESTS = [
    pytest.param("intake", "get", "/intake/enterprises/%00", {}, id="intake path"),
    pytest.param("intake", "get", "/intake/requests?status=%00", {}, id="intake query enum"),
    pytest.param("intake", "get", "/intake/enterprises?cursor=%00", {}, id="intake query cursor"),
    pytest.param("intake", "get", "/intake/requests?meeting_id=%00", {}, id="intake query uuid"),
    pytest.param("intake", "post", "/intake/meetings", {"content": b'{"title": "a\\u0000b"}'}, id="intake json"),
    pytest.param("intake", "post", "/intake/meetings", {"content": b'{"title": "a\x00b"}'}, id="intake raw NUL json"),
    pytest.param("approval", "get", "/approval/matters/a%00b", {}, id="approval path"),
    pytest.param("approval", "get", "/approval/calendar/20%0026", {}, id="approval path int"),
    pytest.param("approval", "get", "/approval/applications?status=%00", {}, id="approval query"),
    pytest.param("approval", "post", "/approval/matters", {"content": b'{"code": "a\\u0000b"}'}, id="approval json"),
    pytest.param("approval", "put", "/approval/calendar/2031", {"content": b'{"holidays": ["\\u0000"]}'}, id="put"),
    pytest.param("finance", "get", "/finance/products?bank_id=%00", {}, id="finance query"),
    pytest.param("finance", "get", "/finance/banks/%00", {}, id="finance path"),
    pytest.param("finance", "post", "/finance/banks", {"content": b'{"code": "b\\u0000", "name": "x"}'}, id="finance"),
    pytest.param("gateway", "get", "/auth/accounts/%00", {}, id="gateway path"),
    pytest.param("gateway", "post", "/auth/accounts", {"content": b'{"username": "a\\u0000bc"}'}, id="gateway json"),
    pytest.param(
        "gateway", "post", "/auth/token", {"content": b"username=%00&password=%00", "headers": FORM}, id="form"
    ),
]


@pytest.mark.parametrize(("app", "method", "path", "options"), NUL_REQUESTS)
async def test_a_nul_anywhere_is_a_4xx_problem(kuaiban: Kuaiban, app: str, method: str, path: str, options: dict):
    options = {**options, "headers": {**JSON, **options.get("headers", {})}}
    async with client(app, ADMIN) as http:
        response = await http.request(method.upper(), path, **options)
    assert 400 <= response.status_code < 500, response.text
    assert_problem(response, response.status_code)


def nul_lookup_router() -> APIRouter:
    router = APIRouter()

    @router.get("/probe/accounts")
    async def find(username: str, session: SessionDep):
        """A free-text query value that reaches PostgreSQL as it was sent."""
        return {"found": (await session.exec(select(Account).where(Account.username == username))).first() is not None}

    return router


async def test_a_value_postgresql_cannot_take_is_422_not_500(kuaiban: Kuaiban):
    """psycopg refuses a NUL in text before the query is sent (a DataError without SQLSTATE): still 422."""
    async with probe_client(probe_app(kuaiban, nul_lookup_router()), ADMIN) as probe:
        assert (await probe.get("/probe/accounts", params={"username": "admin"})).status_code == 200
        problem = assert_problem(await probe.get("/probe/accounts", params={"username": "ad\x00min"}), 422)
        english = await probe.get("/probe/accounts", params={"username": "\x00"}, headers={"Accept-Language": "en"})
    assert problem["code"] == "invalid_value" and "数据库" in problem["detail"]
    assert assert_problem(english, 422)["detail"] == "A value is not acceptable to the database."


@pytest.mark.parametrize(
    ("method", "path", "headers"),
    [
        pytest.param("GET", "/healthz", {"X-Trace": "a\x00b"}, id="NUL in any header"),
        pytest.param("GET", "/intake/enterprises", {**ADMIN, "Accept-Language": "en\x01"}, id="control character"),
        pytest.param("POST", "/auth/accounts", {**ADMIN, "Idempotency-Key": "k\x00"}, id="NUL in Idempotency-Key"),
        pytest.param("POST", "/intake/enterprises", {**ADMIN, "Idempotency-Key": "k\x7f"}, id="DEL to a service"),
    ],
)
async def test_the_edge_refuses_control_characters_in_headers(edge: httpx.AsyncClient, method, path, headers):
    """What uvicorn's parser refuses on the wire (tests/e2e/test_protocol_garbage.py), the edge refuses too,
    as problem+json, for a server or a client in process that lets it through."""
    response = await edge.request(method, path, json={}, headers=headers)
    problem = assert_problem(response, 400)
    assert problem["code"] == "bad_request" and "控制字符" in problem["detail"]
    assert_security_headers(response)
    assert response.headers["x-request-id"]


async def test_the_edge_lets_tabs_and_non_ascii_header_values_through(edge: httpx.AsyncClient):
    response = await edge.get("/healthz", headers={"X-Note": b"a\tb", "X-Town": "濉溪".encode()})
    assert response.status_code in (200, 503), response.text  # the services are not running: only the edge
    assert response.headers["content-type"] == "application/json"


@pytest.mark.parametrize(
    ("app", "path", "content", "headers"),
    [
        pytest.param("approval", "/approval/matters", b"\xc3\x28", JSON, id="JSON not UTF-8"),
        pytest.param("gateway", "/auth/token", b"xxxxx", {"content-type": "multipart/form-data"}, id="no boundary"),
    ],
)
async def test_a_body_that_cannot_be_read_is_400_in_the_callers_language(kuaiban: Kuaiban, app, path, content, headers):
    async with client(app, ADMIN) as http:
        chinese = assert_problem(await http.post(path, content=content, headers=headers), 400)
        english = assert_problem(
            await http.post(path, content=content, headers={**headers, "Accept-Language": "en"}), 400
        )
    assert chinese["code"] == "bad_request" and chinese["detail"].startswith("无法读取请求体")
    assert english["detail"].startswith("The request body cannot be read")


TIMESTAMP = 1767225600  # 2026-01-01T00:00:00Z


@pytest.mark.parametrize(
    ("app", "method", "path", "body", "field"),
    [
        pytest.param(
            "intake",
            "post",
            "/intake/meetings",
            {"title": "政企恳谈会", "held_on": TIMESTAMP, "location": "三楼"},
            "held_on",
            id="meeting held_on",
        ),
        pytest.param(
            "intake",
            "post",
            "/intake/enterprises",
            enterprise_payload(established_on=str(TIMESTAMP)),
            "established_on",
            id="enterprise established_on as digits",
        ),
        pytest.param(
            "finance",
            "post",
            "/finance/events",
            {"title": "银企对接会", "held_on": TIMESTAMP, "location": "报告厅"},
            "held_on",
            id="event held_on",
        ),
        pytest.param(
            "approval",
            "put",
            "/approval/calendar/2031",
            {"holidays": ["2031-01-01", TIMESTAMP], "workdays": []},
            "holidays.1",
            id="calendar holidays",
        ),
    ],
)
async def test_a_date_sent_as_a_number_is_422(kuaiban: Kuaiban, app, method, path, body: dict[str, Any], field: str):
    async with client(app, ADMIN) as http:
        problem = assert_problem(await http.request(method.upper(), path, json=body), 422)
    assert problem["errors"] == [{"field": field, "message": "应为 YYYY-MM-DD 格式的日期", "code": "invalid_value"}]


async def test_a_date_as_an_iso_string_is_still_taken(kuaiban: Kuaiban):
    async with client("intake", ADMIN) as intake:
        meeting = {"title": "政企恳谈会", "held_on": "2026-03-18", "location": "三楼会议室"}
        created = await intake.post("/intake/meetings", json=meeting)
    assert created.status_code == 201, created.text
    assert created.json()["held_on"] == "2026-03-18"


async def test_every_operation_declares_400_and_those_with_a_token_401(kuaiban: Kuaiban):
    """The merged document: a body or a header that cannot be read is 400 anywhere, a token is 401."""
    async with client("gateway") as gateway:
        spec = (await gateway.get("/openapi.json")).json()
    operations = [
        (method, path, operation)
        for path, items in spec["paths"].items()
        for method, operation in items.items()
        if method in METHODS
    ]
    assert len(operations) > 50
    for method, path, operation in operations:
        declared = set(operation["responses"])
        assert "400" in declared, (method, path)
        assert operation["responses"]["400"] == {"$ref": "#/components/responses/BadRequest"}
        if operation["security"] or path.startswith(("/intake/", "/approval/", "/finance/")):
            assert "401" in declared, (method, path)
    assert "401" in spec["paths"]["/auth/token"]["post"]["responses"]  # wrong credentials


async def test_an_account_with_a_nul_in_its_password_is_422(kuaiban: Kuaiban):
    body = {"username": unique_name("admin"), "password": "long\x00enough-pw", "role": "admin"}
    async with client("gateway", headers_for("admin", username="admin")) as gateway:
        problem = assert_problem(await gateway.post("/auth/accounts", json=body), 422)
    assert "NUL" in problem["errors"][0]["message"]


@pytest.mark.parametrize("app", ["intake", "approval", "finance", "gateway"])
async def test_a_nul_in_the_idempotency_key_sent_to_an_app_directly_is_4xx(kuaiban: Kuaiban, app: str):
    """Behind the edge (which answers 400) a key with a NUL still never becomes a 500."""
    paths = {"intake": "/intake/meetings", "approval": "/approval/matters", "finance": "/finance/banks"}
    async with client(app, {**ADMIN, "Idempotency-Key": "k\x00"}) as http:
        response = await http.post(paths.get(app, "/auth/accounts"), json={})
    problem = assert_problem(response, response.status_code)
    assert 400 <= response.status_code < 500 and problem["code"] in ("invalid_value", "invalid_idempotency_key")

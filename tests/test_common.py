"""Fast checks of the shared pieces, in process (ASGI transport) against the real database."""

import time
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
import jwt
import pytest

from gateway.service import merge_openapi
from services.common.auth import Principal, Role, issue_token, verify_token
from services.common.internal import InternalHttp
from services.common.pagination import decode_cursor, encode_cursor
from services.common.problems import Invalid, Unauthorized, Unavailable
from services.common.settings import Settings, sqlalchemy_url
from services.intake.app import app as intake_app
from services.intake.clients import IntakeRuntime
from services.intake.uscc import check_character, uscc_error
from tests.helpers.factories import JWT_SECRET, enterprise_payload

ADMIN = Principal(subject=str(uuid.uuid4()), username="admin", role=Role.admin)


@pytest.fixture(scope="module")
async def intake(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    intake_app.state.runtime = IntakeRuntime.build("intake", settings)
    async with intake_app.router.lifespan_context(intake_app):
        transport = httpx.ASGITransport(app=intake_app)
        async with httpx.AsyncClient(transport=transport, base_url="http://intake") as client:
            client.headers["Authorization"] = f"Bearer {issue_token(JWT_SECRET, ADMIN, ttl_seconds=600)}"
            yield client


@pytest.mark.parametrize(
    "code",
    ["91350100M000100Y43", "91110000100006134A", "12100000400000624D"],
)
def test_real_uscc_codes_pass(code: str):
    assert uscc_error(code) is None


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("91350100M000100Y4", "18 characters"),
        ("91350100M000100Y44", "check character"),
        ("91350100M0001O0Y43", "not allowed"),
        ("9135AB00M000100Y43", "division"),
    ],
)
def test_bad_uscc_codes_fail(code: str, reason: str):
    error = uscc_error(code)
    assert error is not None and reason in error


def test_check_character_maps_31_to_zero():
    # A body whose weighted sum is a multiple of 31 must get "0", not index 31.
    body = "00000000000000000"
    assert check_character(body) == "0"


def test_tokens_round_trip_and_reject_tampering():
    principal = Principal(
        subject="u1", username="li", role=Role.officer, department="tax", enterprise_id=None, bank_id=None
    )
    token = issue_token(JWT_SECRET, principal, ttl_seconds=60)
    decoded = verify_token(JWT_SECRET, token)
    assert (decoded.subject, decoded.role, decoded.department) == ("u1", Role.officer, "tax")
    assert decoded.expires_at > time.time()
    with pytest.raises(Unauthorized):
        verify_token("another-secret-" + "z" * 40, token)
    with pytest.raises(Unauthorized):
        verify_token(JWT_SECRET, token[:-2] + ("AA" if token[-2:] != "AA" else "BB"))
    expired = jwt.encode(
        {"iss": "kuaiban", "aud": "kuaiban", "iat": 1, "exp": 2, "sub": "u1", "role": "admin"}, JWT_SECRET
    )
    with pytest.raises(Unauthorized):
        verify_token(JWT_SECRET, expired)
    unknown_role = jwt.encode(
        {
            "iss": "kuaiban",
            "aud": "kuaiban",
            "iat": int(time.time()),
            "exp": int(time.time()) + 60,
            "sub": "u",
            "role": "root",
        },
        JWT_SECRET,
    )
    with pytest.raises(Unauthorized):
        verify_token(JWT_SECRET, unknown_role)


def test_cursor_round_trip_and_garbage():
    moment = datetime(2026, 10, 1, 8, 30, tzinfo=UTC)
    row_id = uuid.uuid4()
    assert decode_cursor(encode_cursor(moment, row_id)) == (moment, row_id)
    for garbage in ("", "!!!", "bm90IGpzb24", encode_cursor(moment, row_id)[:-4]):
        with pytest.raises(Invalid):
            decode_cursor(garbage)


def test_settings_derive_urls_and_require_secrets():
    settings = Settings(port=9000, database_url="postgresql://u@h/db", jwt_secret="s" * 32)
    assert settings.service_url("approval") == "http://127.0.0.1:9002"
    assert settings.async_database_url == "postgresql+psycopg://u@h/db"
    assert Settings(intake_url="http://intake:8001/").service_url("intake") == "http://intake:8001"
    assert sqlalchemy_url("postgres://x/y") == "postgresql+psycopg://x/y"
    with pytest.raises(RuntimeError, match="KUAIBAN_JWT_SECRET"):
        Settings(database_url="postgresql://u@h/db", jwt_secret="short").require()
    with pytest.raises(RuntimeError, match="KUAIBAN_DATABASE_URL"):
        Settings(jwt_secret="s" * 40).require()


def test_merge_openapi_renames_conflicting_schemas():
    own = {"openapi": "3.1.0", "paths": {"/auth/me": {}}, "components": {"schemas": {"Item": {"type": "string"}}}}
    service = {
        "paths": {"/intake/x": {"get": {"responses": {"200": {"$ref": "#/components/schemas/Item"}}}}},
        "components": {"schemas": {"Item": {"type": "integer"}, "Problem": {"type": "object"}}},
    }
    merged = merge_openapi(own, {"intake": service})
    schemas = merged["components"]["schemas"]
    assert schemas["Item"] == {"type": "string"} and schemas["intake_Item"] == {"type": "integer"}
    assert merged["paths"]["/intake/x"]["get"]["responses"]["200"]["$ref"] == "#/components/schemas/intake_Item"
    assert set(merged["paths"]) == {"/auth/me", "/intake/x"}


async def test_service_client_gives_503_when_unreachable():
    settings = Settings(jwt_secret="s" * 40, intake_url="http://127.0.0.1:9")  # port 9: nothing listens
    client = InternalHttp(settings, caller="test", retries=1)
    try:
        started = time.perf_counter()
        with pytest.raises(Unavailable):
            await client.call("intake", "GET", "/healthz")
        with pytest.raises(Unavailable):
            await client.call("intake", "POST", "/intake/enterprises", body=b"{}")
        assert time.perf_counter() - started < 5
    finally:
        await client.aclose()


async def test_problem_json_for_unknown_path_method_and_validation(intake: httpx.AsyncClient):
    missing = await intake.get("/intake/nothing-here")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert (await intake.delete("/intake/enterprises")).status_code == 405
    invalid = await intake.post("/intake/enterprises", json=enterprise_payload(industry="Z", surprise=1))
    body = invalid.json()
    assert invalid.status_code == 422 and body["title"] == "Unprocessable Entity"
    assert {e["field"] for e in body["errors"]} == {"industry", "surprise"}


async def test_nul_bytes_and_long_text_never_reach_the_database(intake: httpx.AsyncClient):
    for payload in (enterprise_payload(town="镇\x00"), enterprise_payload(name="长" * 500)):
        response = await intake.post("/intake/enterprises", json=payload)
        assert response.status_code == 422, response.text


async def test_create_trims_and_uppercases(intake: httpx.AsyncClient):
    payload = enterprise_payload()
    response = await intake.post(
        "/intake/enterprises", json={**payload, "uscc": payload["uscc"].lower(), "name": "  濉溪县铝基新材料有限公司 "}
    )
    assert response.status_code == 201, response.text
    assert response.json()["uscc"] == payload["uscc"] and response.json()["name"] == "濉溪县铝基新材料有限公司"


async def test_request_id_is_echoed_or_made(intake: httpx.AsyncClient):
    assert (await intake.get("/healthz", headers={"X-Request-ID": "abc-123"})).headers["x-request-id"] == "abc-123"
    made = (await intake.get("/healthz", headers={"X-Request-ID": "bad id with spaces"})).headers["x-request-id"]
    assert made != "bad id with spaces" and len(made) == 32


async def test_openapi_declares_problem_for_422(intake: httpx.AsyncClient):
    document = (await intake.get("/openapi.json")).json()
    post = document["paths"]["/intake/enterprises"]["post"]
    assert "application/problem+json" in post["responses"]["422"]["content"]
    assert "HTTPValidationError" not in document["components"]["schemas"]

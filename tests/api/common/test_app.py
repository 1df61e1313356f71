"""What every app gets from `create_app`: problem+json for every error, request ids, OpenAPI, health and the
runtime its lifespan builds; shown on intake and on small probe apps."""

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
from fastapi import APIRouter
from sqlalchemy.ext.asyncio import create_async_engine

from services.common.app import Runtime, create_app
from services.common.auth import PrincipalDep
from services.common.settings import Settings
from tests.api.common._support import (
    ADMIN,
    application_body,
    new_enterprise,
    new_matter,
    probe_app,
    probe_client,
)
from tests.helpers.factories import ADMIN_PASSWORD, JWT_SECRET, enterprise_payload, headers_for
from tests.helpers.inprocess import Kuaiban, pages, served
from tests.helpers.problems import assert_problem

router = APIRouter(prefix="/probe")


@router.get("/me")
async def me(principal: PrincipalDep) -> dict:
    return {"subject": principal.subject, "role": principal.role}


async def test_problem_json_for_unknown_path_method_and_validation(kuaiban: Kuaiban):
    async with kuaiban.client("intake", ADMIN) as intake:
        missing = await intake.get("/intake/nothing-here")
        assert missing.status_code == 404
        assert missing.headers["content-type"] == "application/problem+json"
        assert assert_problem(missing, 404)["detail"] == "此路径没有资源。" and missing.json()["code"] == "not_found"
        assert (await intake.delete("/intake/enterprises")).status_code == 405
        assert_problem(await intake.delete("/intake/enterprises"), 405)
        invalid = await intake.post("/intake/enterprises", json=enterprise_payload(industry="Z", surprise=1))
        body = invalid.json()
        assert invalid.status_code == 422 and body["title"] == "请求内容无效" and body["code"] == "validation_failed"
        assert {(e["field"], e["code"]) for e in body["errors"]} == {
            ("industry", "enum"),
            ("surprise", "extra_forbidden"),
        }
        assert invalid.headers["content-type"] == "application/problem+json"


async def test_nul_bytes_and_long_text_never_reach_the_database(kuaiban: Kuaiban):
    async with kuaiban.client("intake", ADMIN) as intake:
        for payload in (enterprise_payload(town="镇\x00"), enterprise_payload(name="长" * 500)):
            response = await intake.post("/intake/enterprises", json=payload)
            assert response.status_code == 422, response.text
        listed = (await intake.get("/intake/enterprises", params={"limit": 100})).json()["items"]
    assert not any("\x00" in item["town"] or len(item["name"]) > 200 for item in listed)


async def test_create_trims_and_uppercases(kuaiban: Kuaiban):
    payload = enterprise_payload()
    async with kuaiban.client("intake", ADMIN) as intake:
        response = await intake.post(
            "/intake/enterprises",
            json={**payload, "uscc": payload["uscc"].lower(), "name": "  濉溪县铝基新材料有限公司 "},
        )
    assert response.status_code == 201, response.text
    assert response.json()["uscc"] == payload["uscc"] and response.json()["name"] == "濉溪县铝基新材料有限公司"


async def test_a_missing_or_bad_token_is_401_with_a_challenge_and_a_wrong_role_403(kuaiban: Kuaiban):
    async with kuaiban.client("intake") as intake:
        for headers in ({}, {"Authorization": "Bearer forged"}, {"Authorization": "Basic YTpi"}):
            refused = await intake.get("/intake/enterprises", headers=headers)
            assert_problem(refused, 401)
            assert refused.headers["www-authenticate"] == "Bearer"
        bank = headers_for("bank", bank_id=str(uuid.uuid4()))
        forbidden = assert_problem(await intake.get("/intake/enterprises", headers=bank), 403)
        assert forbidden["code"] == "forbidden" and "bank 角色" in forbidden["detail"]


async def test_request_id_is_echoed_or_made(kuaiban: Kuaiban):
    async with kuaiban.client("intake") as intake:
        assert (await intake.get("/healthz", headers={"X-Request-ID": "abc-123"})).headers["x-request-id"] == "abc-123"
        made = (await intake.get("/healthz", headers={"X-Request-ID": "bad id with spaces"})).headers["x-request-id"]
        assert made != "bad id with spaces" and len(made) == 32
        assert len((await intake.get("/intake/nothing-here")).headers["x-request-id"]) == 32  # errors carry one too


async def test_an_internal_call_carries_the_callers_request_id(kuaiban: Kuaiban):
    """Approval asks intake for the enterprise with the request id approval was called with."""
    _, enterprise = await new_enterprise(kuaiban)
    matter = await new_matter(kuaiban)
    seen: list[str] = []
    intake = kuaiban.transport._transports["intake"]

    class Recording:
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            seen.append(request.headers.get("x-request-id", ""))
            return await intake.handle_async_request(request)

    kuaiban.transport._transports["intake"] = Recording()
    async with kuaiban.client("approval", {**enterprise, "X-Request-ID": "trace-77"}) as approval:
        submitted = await approval.post("/approval/applications", json=application_body(matter["code"]))
    assert submitted.status_code == 201, submitted.text
    assert submitted.headers["x-request-id"] == "trace-77" and seen == ["trace-77"]


async def test_openapi_declares_problem_for_422(kuaiban: Kuaiban):
    async with kuaiban.client("intake") as intake:
        document = (await intake.get("/openapi.json")).json()
        assert (await intake.get("/openapi.json")).json() == document  # built once, then served as built
    post = document["paths"]["/intake/enterprises"]["post"]
    declared = post["responses"]["422"]
    if "$ref" in declared:  # one shared problem response per status
        declared = document["components"]["responses"][declared["$ref"].rsplit("/", 1)[-1]]
    assert "application/problem+json" in declared["content"]
    assert "HTTPValidationError" not in document["components"]["schemas"]
    assert declared["content"]["application/problem+json"]["schema"] == {"$ref": "#/components/schemas/Problem"}
    assert {"Problem", "FieldError"} <= set(document["components"]["schemas"])


async def test_health_says_ok_with_the_database_and_503_without(kuaiban: Kuaiban):
    async with kuaiban.client("intake") as intake:
        healthy = await intake.get("/healthz")
    assert healthy.status_code == 200 and healthy.json() == {"status": "ok", "service": "intake"}
    nowhere = create_async_engine("postgresql+psycopg://kuaiban@127.0.0.1:9/none")  # port 9: nothing listens
    try:
        async with probe_client(probe_app(kuaiban, router, engine=nowhere)) as probe:
            sick = await probe.get("/healthz")
    finally:
        await nowhere.dispose()
    assert assert_problem(sick, 503)["detail"] == "probe 服务无法连接其数据库。"


async def test_the_lifespan_builds_the_runtime_from_the_environment_and_closes_it(
    monkeypatch: pytest.MonkeyPatch, settings: Settings
):
    monkeypatch.setenv("KUAIBAN_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("KUAIBAN_JWT_SECRET", JWT_SECRET)
    monkeypatch.setenv("KUAIBAN_ADMIN_PASSWORD", ADMIN_PASSWORD)
    seen: list[Runtime] = []

    @asynccontextmanager
    async def hook(runtime: Runtime) -> AsyncIterator[None]:
        seen.append(runtime)
        yield

    app = create_app(name="probe", title="Probe", routers=[router], hooks=[hook])
    async with served(app):
        runtime = app.state.runtime
        assert seen == [runtime] and runtime.name == "probe" and runtime.settings.jwt_secret == JWT_SECRET
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://probe.test") as probe:
            assert (await probe.get("/healthz")).json() == {"status": "ok", "service": "probe"}
            answered = await probe.get("/probe/me", headers=ADMIN)
            assert answered.status_code == 200 and answered.json()["role"] == "admin"
    assert not hasattr(app.state, "runtime")  # closed with the app


async def test_a_runtime_a_test_set_is_kept_and_left_open(kuaiban: Kuaiban):
    app = probe_app(kuaiban, router)
    runtime = app.state.runtime
    async with served(app):
        assert app.state.runtime is runtime
    assert app.state.runtime is runtime
    async with probe_client(app) as probe:
        assert (await probe.get("/healthz")).status_code == 200  # its engine still works


async def walk(intake: httpx.AsyncClient, *, limit: int) -> list[str]:
    """Every meeting's title, following `next_cursor` page by page."""
    seen = []
    async for page in pages(intake, "/intake/meetings", limit=limit):
        assert len(page["items"]) <= limit
        seen += [item["title"] for item in page["items"]]
    return seen


async def test_a_list_is_walked_page_by_page_with_its_cursor(kuaiban: Kuaiban):
    titles = [f"茶会{i}" for i in range(5)]
    async with kuaiban.client("intake", ADMIN) as intake:
        for title in titles:
            created = await intake.post(
                "/intake/meetings", json={"title": title, "held_on": "2026-11-20", "location": "临涣镇"}
            )
            assert created.status_code == 201, created.text
            kuaiban.clock.advance(seconds=1)
        assert await walk(intake, limit=2) == list(reversed(titles))  # newest first, none twice, none skipped
        for bad in ({"cursor": "garbage!"}, {"limit": 0}, {"limit": 101}):
            field = "cursor" if "cursor" in bad else "limit"
            refused = await intake.get("/intake/meetings", params=bad)
            assert assert_problem(refused, 422)["errors"][0]["field"] == field


async def test_a_duplicate_is_409_and_nothing_is_inserted(kuaiban: Kuaiban):
    payload = enterprise_payload()
    async with kuaiban.client("intake", ADMIN) as intake:
        assert (await intake.post("/intake/enterprises", json=payload)).status_code == 201
        duplicate = await intake.post("/intake/enterprises", json={**payload, "name": "另一家公司"})
        assert payload["uscc"] in assert_problem(duplicate, 409)["detail"]
        listed = (await intake.get("/intake/enterprises", params={"limit": 100})).json()["items"]
    assert [item["name"] for item in listed if item["uscc"] == payload["uscc"]] == [payload["name"]]


async def test_rows_made_at_the_same_instant_are_each_listed_once(kuaiban: Kuaiban):
    titles = {f"同时{i}" for i in range(4)}
    async with kuaiban.client("intake", ADMIN) as intake:
        for title in titles:
            meeting = {"title": title, "held_on": "2026-11-20", "location": "临涣镇"}
            assert (await intake.post("/intake/meetings", json=meeting)).status_code == 201
        kuaiban.clock.advance(seconds=1)
        seen = await walk(intake, limit=1)
    assert sorted(seen) == sorted(titles)  # the id breaks the tie: no row twice, none lost

"""Errors a UI can act on, through the real apps: each answer's `code` and `type`, Chinese `detail` by
default and English with `Accept-Language: en`, validation errors as `{field, message, code}` with no
library prefixes, and the gateway edge's own problems."""

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

from gateway import app as gateway_app
from services.common.settings import SERVICE_NAMES
from tests.api.common._support import ADMIN, new_enterprise
from tests.helpers.factories import enterprise_payload, headers_for, unique_name
from tests.helpers.inprocess import Kuaiban, live_account, served
from tests.helpers.problems import assert_problem

ENGLISH = {"Accept-Language": "en-US,en;q=0.9"}


def assert_code(response: httpx.Response, status: int, code: str) -> dict:
    """A problem of this status and code, with the code's type URI and the language the header says."""
    problem = assert_problem(response, status)
    assert problem["code"] == code, problem
    assert problem["type"] == "https://kuaiban.example/problems/" + code.replace("_", "-")
    assert response.headers["content-language"] in ("zh-CN", "en")
    assert "Value error" not in response.text and "about:blank" not in response.text
    return problem


async def test_a_duplicate_uscc_is_told_apart_from_other_conflicts_in_either_language(kuaiban: Kuaiban):
    payload = enterprise_payload()
    async with kuaiban.client("intake", ADMIN) as intake:
        assert (await intake.post("/intake/enterprises", json=payload)).status_code == 201
        chinese = await intake.post("/intake/enterprises", json=payload)
        english = await intake.post("/intake/enterprises", json=payload, headers=ENGLISH)
    zh = assert_code(chinese, 409, "duplicate_uscc")
    assert chinese.headers["content-language"] == "zh-CN"
    assert zh["title"] == "统一社会信用代码已登记" and zh["detail"] == f"统一社会信用代码 {payload['uscc']} 已登记。"
    en = assert_code(english, 409, "duplicate_uscc")
    assert english.headers["content-language"] == "en"
    assert en["detail"] == f"An enterprise with USCC {payload['uscc']} is already registered."


async def test_validation_errors_list_field_message_and_code_in_the_requested_language(kuaiban: Kuaiban):
    bad = {**enterprise_payload(uscc="91340621MA2TEST01"), "employees": -1}
    del bad["name"]
    async with kuaiban.client("intake", ADMIN) as intake:
        chinese = await intake.post("/intake/enterprises", json=bad)
        english = await intake.post("/intake/enterprises", json=bad, headers=ENGLISH)
    zh = assert_code(chinese, 422, "validation_failed")
    en = assert_code(english, 422, "validation_failed")
    assert (
        zh["detail"] == "请求内容无效，请按 errors 逐项修改。"
        and en["detail"] == "The request is not valid; see errors."
    )
    codes = {e["field"]: e["code"] for e in zh["errors"]}
    assert codes["name"] == "missing" and codes["uscc"] == "invalid_value"
    assert codes == {e["field"]: e["code"] for e in en["errors"]}
    messages = {e["field"]: e["message"] for e in zh["errors"]}
    assert messages["name"] == "此项必填"
    assert {e["field"]: e["message"] for e in en["errors"]}["name"] == "This field is required"
    assert all(e["message"] and not e["message"].startswith(("Value error", "Assertion")) for e in en["errors"])


async def test_not_found_forbidden_and_unauthenticated_have_their_codes(kuaiban: Kuaiban):
    async with kuaiban.client("intake", ADMIN) as intake:
        missing = await intake.get(f"/intake/enterprises/{uuid.uuid4()}", headers=ENGLISH)
        assert assert_code(missing, 404, "not_found")["detail"] == "No such enterprise."
        assert assert_code(await intake.get(f"/intake/enterprises/{uuid.uuid4()}"), 404, "not_found")["detail"] == (
            "企业不存在。"
        )
        bank = headers_for("bank", bank_id=str(uuid.uuid4()))
        forbidden = await intake.get("/intake/enterprises", headers={**bank, **ENGLISH})
        assert assert_code(forbidden, 403, "forbidden")["detail"] == "This operation is not open to the bank role."
    async with kuaiban.client("intake") as anonymous:
        refused = await anonymous.get("/intake/enterprises")
    assert assert_code(refused, 401, "unauthenticated")["detail"] == "访问令牌缺失、无效或已过期。"
    assert refused.headers["www-authenticate"] == "Bearer"


async def test_a_wrong_state_and_an_unknown_reference_are_told_apart(kuaiban: Kuaiban):
    _, enterprise = await new_enterprise(kuaiban)
    async with kuaiban.client("intake", enterprise) as intake:
        created = await intake.post(
            "/intake/requests",
            json={
                "title": "道路修缮",
                "description": "厂区道路需要修缮",
                "category": "infrastructure",
                "channel": "online",
            },
        )
        assert created.status_code == 201, created.text
    async with kuaiban.client("intake", enterprise) as intake:
        early = await intake.post(f"/intake/requests/{created.json()['id']}/feedback", json={"rating": 5})
    assert assert_code(early, 409, "invalid_transition")["detail"] == "状态为 received 的诉求不能评价。"
    async with kuaiban.client("approval", {**enterprise, **ENGLISH}) as approval:
        unknown = await approval.post("/approval/applications", json={"matter_code": "QYKB-none", "materials": []})
    problem = assert_code(unknown, 422, "unknown_reference")
    assert problem["errors"] == [
        {"field": "matter_code", "message": "No matter with code 'QYKB-none'.", "code": "unknown_reference"}
    ]


async def test_login_failures_and_taken_usernames_have_their_codes(kuaiban: Kuaiban):
    username = unique_name("officer")
    account = {"username": username, "password": "long-enough-pw", "role": "officer", "department": "tax"}
    async with kuaiban.client("gateway", ADMIN) as gateway:
        assert (await gateway.post("/auth/accounts", json=account)).status_code == 201
        taken = await gateway.post("/auth/accounts", json=account)
        wrong = await gateway.post("/auth/token", data={"username": username, "password": "not-the-password"})
    assert username in assert_code(taken, 409, "duplicate_username")["detail"]
    assert assert_code(wrong, 401, "invalid_credentials")["detail"] == "用户名或密码错误。"


@asynccontextmanager
async def edge(kuaiban: Kuaiban, **overrides) -> AsyncIterator[httpx.AsyncClient]:
    """The whole gateway app with its services unreachable (a port nothing listens on)."""
    runtime = kuaiban.runtimes["gateway"]
    before = runtime.settings
    nowhere = {f"{name}_url": "http://127.0.0.1:9" for name in SERVICE_NAMES}
    runtime.settings = kuaiban.settings.model_copy(update={"rate_limit_per_minute": 0, **nowhere, **overrides})
    try:
        async with served(gateway_app.app):
            transport = httpx.ASGITransport(app=gateway_app.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://gateway.test") as client:
                yield client
    finally:
        runtime.settings = before


async def test_the_edges_own_problems_have_codes_and_follow_the_language(kuaiban: Kuaiban):
    subject = str(uuid.uuid4())
    await live_account(kuaiban, subject=subject, role="admin", username="admin-codes")
    admin = headers_for("admin", username="admin-codes", subject=subject)  # the edge honours live accounts only
    async with edge(kuaiban, max_body_bytes=64, rate_limit_per_minute=2) as gateway:
        unauthenticated = await gateway.get("/intake/enterprises", headers=ENGLISH)
        en = assert_code(unauthenticated, 401, "unauthenticated")
        assert en["detail"] == "The access token is missing, invalid or expired."
        assert unauthenticated.headers["content-language"] == "en"
        internal = await gateway.get("/internal/anything")
        assert assert_code(internal, 404, "not_found")["detail"] == "此路径没有资源。"
        too_large = await gateway.post("/intake/requests", content=b"x" * 65, headers=admin)
        assert "64" in assert_code(too_large, 413, "payload_too_large")["detail"]
        down = await gateway.get("/finance/banks", headers={**admin, **ENGLISH})
        assert assert_code(down, 503, "service_unavailable")["detail"] == (
            "The finance service is unavailable; try again shortly."
        )
        limited = await gateway.get("/finance/banks", headers=admin)
    problem = assert_code(limited, 429, "rate_limited")
    assert problem["detail"].startswith("请求过于频繁") and limited.headers["retry-after"].isdigit()

"""Our own request-body rules answer in Chinese by default and in English for `Accept-Language: en`, with no
library prefix, in `errors` as {field, message, code}."""

import uuid
from datetime import date

import pytest

from services.intake.contract import TIMELINE_PATH
from tests.api.common._support import ADMIN, matter_body
from tests.helpers.factories import enterprise_payload, headers_for, product_body, unique_name
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem

ENGLISH = {"Accept-Language": "en"}
BANK = headers_for("bank", bank_id=str(uuid.uuid4()))
INTERNAL = headers_for("internal", username="approval")
USCC_BAD_CHECK = "91340621MA2TG8XK4A"  # a valid code ends in H
DEPARTMENT = {"department": "market", "task_name": "营业执照核发", "sla_working_days": 1}
MATERIAL = {"code": "premises_proof", "name": "住所使用证明", "waivable": True}


def _matter(**overrides) -> dict:
    return matter_body() | overrides


def _product(**overrides) -> dict:
    return product_body(date(2026, 3, 2), **overrides)


CASES = [
    pytest.param(
        "intake",
        "POST",
        "/intake/enterprises",
        ADMIN,
        enterprise_payload(uscc=USCC_BAD_CHECK),
        "uscc",
        "不是有效的统一社会信用代码：校验码不符（GB 32100-2015）",
        "not a valid unified social credit code: check character does not match (GB 32100-2015)",
        id="uscc check character",
    ),
    pytest.param(
        "intake",
        "POST",
        "/intake/enterprises",
        ADMIN,
        enterprise_payload(uscc="91340621MA2TG8XK4"),
        "uscc",
        "不是有效的统一社会信用代码：应为 18 位",
        "not a valid unified social credit code: must be 18 characters",
        id="uscc length",
    ),
    pytest.param(
        "intake",
        "POST",
        "/intake/enterprises",
        ADMIN,
        enterprise_payload(established_on="2999-01-01"),
        "established_on",
        "不能晚于今天",
        "must not be in the future",
        id="established in the future",
    ),
    pytest.param(
        "intake",
        "POST",
        "/intake/enterprises",
        ADMIN,
        enterprise_payload(name="濉溪\n铝业"),
        "name",
        "应为单行文字",
        "must be a single line",
        id="single line",
    ),
    pytest.param(
        "approval",
        "POST",
        "/approval/matters",
        ADMIN,
        _matter(departments=[DEPARTMENT, DEPARTMENT]),
        "body",
        "部门重复出现",
        "a department appears twice",
        id="department twice",
    ),
    pytest.param(
        "approval",
        "POST",
        "/approval/matters",
        ADMIN,
        _matter(materials=[MATERIAL, MATERIAL]),
        "body",
        "材料编码重复出现",
        "a material code appears twice",
        id="material twice",
    ),
    pytest.param(
        "approval",
        "POST",
        "/approval/matters",
        ADMIN,
        _matter(departments=[DEPARTMENT | {"sla_working_days": 9}]),
        "body",
        "部门的办理时限不能超过事项的时限",
        "a department's SLA cannot exceed the matter's",
        id="department SLA",
    ),
    pytest.param(
        "approval",
        "PUT",
        "/approval/calendar/2031",
        ADMIN,
        {"holidays": [20310101], "workdays": []},
        "holidays.0",
        "应为 YYYY-MM-DD 格式的日期",
        "must be a date as YYYY-MM-DD",
        id="date as a number",
    ),
    pytest.param(
        "finance",
        "POST",
        "/finance/products",
        BANK,
        _product(term_months_min=48, term_months_max=12),
        "body",
        "term_months_min 不能大于 term_months_max",
        "term_months_min must not exceed term_months_max",
        id="range",
    ),
    pytest.param(
        "finance",
        "POST",
        "/finance/products",
        BANK,
        _product(min_amount_yuan=0, max_amount_yuan=0),
        "body",
        "max_amount_yuan 应大于 0",
        "max_amount_yuan must be positive",
        id="zero amount",
    ),
    pytest.param(
        "finance",
        "POST",
        "/finance/products",
        BANK,
        _product(collateral_types=["credit", "credit"]),
        "collateral_types",
        "取值不能重复",
        "values must not repeat",
        id="repeated values",
    ),
    pytest.param(
        "finance",
        "POST",
        "/finance/banks",
        ADMIN,
        {"code": unique_name("bank"), "name": "濉溪\x00银行"},
        "name",
        "不能含控制字符",
        "must not contain control characters",
        id="control character",
    ),
    pytest.param(
        "gateway",
        "POST",
        "/auth/accounts",
        ADMIN,
        {"username": unique_name("officer"), "password": "Suixi-2026-secure", "role": "officer"},
        "body",
        "部门工作人员账号须填写 department",
        "a officer account needs department",
        id="account role field",
    ),
]


@pytest.mark.parametrize(("app", "method", "path", "headers", "body", "field", "chinese", "english"), CASES)
async def test_a_broken_rule_reads_in_the_callers_language(
    kuaiban: Kuaiban, app, method, path, headers, body, field, chinese, english
):
    async with kuaiban.client(app, headers) as http:
        zh = assert_problem(await http.request(method, path, json=body), 422)
        en = assert_problem(await http.request(method, path, json=body, headers=ENGLISH), 422)
    assert zh["code"] == en["code"] == "validation_failed"
    assert {"field": field, "message": chinese, "code": "invalid_value"} in zh["errors"], zh["errors"]
    assert {"field": field, "message": english, "code": "invalid_value"} in en["errors"], en["errors"]


async def test_an_internal_timeline_event_needs_a_time_zone(kuaiban: Kuaiban):
    """The rule in intake's contract reads the same way to the service that sends the event."""
    async with kuaiban.client("intake", ADMIN) as intake:
        created = await intake.post("/intake/enterprises", json=enterprise_payload())
    assert created.status_code == 201, created.text
    event = {
        "id": str(uuid.uuid4()),
        "enterprise_id": created.json()["id"],
        "at": "2026-03-02T09:30:00",
        "service": "approval",
        "kind": "application.submitted",
        "ref_id": str(uuid.uuid4()),
        "summary": "企业开办申请已提交",
    }
    async with kuaiban.client("intake", INTERNAL) as intake:
        zh = assert_problem(await intake.post(TIMELINE_PATH, json=event), 422)
        en = assert_problem(await intake.post(TIMELINE_PATH, json=event, headers=ENGLISH), 422)
    assert {"field": "at", "message": "须带时区", "code": "invalid_value"} in zh["errors"], zh["errors"]
    assert {"field": "at", "message": "must carry a time zone", "code": "invalid_value"} in en["errors"], en["errors"]

"""Error kinds a UI can switch on: one registry of codes, type URIs and titles, Chinese by default and
English on request, validation messages without pydantic's wording, and the table in docs/problems.md."""

import copy
import pickle
import re
from http import HTTPStatus
from pathlib import Path

import orjson
import pytest
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field, ValidationError, field_validator

from services.common.problems import Invalid, NotFound, Problem, ProblemKind, Unauthorized, problem_body, send_problem
from services.common.texts import Text, join, language_of, localize, no_such
from services.common.validation import validation_errors

DOCS = Path(__file__).parents[3] / "docs" / "problems.md"
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_kind_has_a_stable_uri_a_status_and_a_title_in_both_languages():
    assert len({kind.uri for kind in ProblemKind}) == len(ProblemKind)
    for kind in ProblemKind:
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", kind.code), kind
        assert kind.uri == "https://kuaiban.example/problems/" + kind.code.replace("_", "-")
        assert 400 <= HTTPStatus(kind.status).value < 600
        assert CJK.search(kind.problem_title) and not CJK.search(kind.problem_title.en.replace("容缺", "")), kind


def test_the_kinds_the_issue_names_exist_with_their_statuses():
    expected = {
        "invalid_transition": 409,
        "duplicate_uscc": 409,
        "commitment_required": 422,
        "missing_material": 422,
        "not_found": 404,
        "forbidden": 403,
        "unauthenticated": 401,
        "validation_failed": 422,
        "idempotency_key_reused": 422,
        "idempotency_key_in_use": 409,
        "rate_limited": 429,
        "payload_too_large": 413,
        "service_unavailable": 503,
        "upstream_timeout": 504,
        "bad_upstream": 502,
    }
    assert {code: ProblemKind(code).status for code in expected} == expected


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (401, "unauthenticated"),
        (404, "not_found"),
        (413, "payload_too_large"),
        (418, "bad_request"),
        (507, "internal_error"),
    ],
)
def test_an_answer_without_a_kind_gets_its_status_general_kind(status: int, code: str):
    assert ProblemKind.for_status(status).code == code
    assert orjson.loads(problem_body(status, "x"))["code"] == code


@pytest.mark.parametrize(
    ("header", "language"),
    [
        (None, "zh"),
        ("", "zh"),
        ("en", "en"),
        ("en-US,en;q=0.9", "en"),
        ("zh-CN,zh;q=0.9,en;q=0.8", "zh"),
        ("fr-FR, en;q=0.5", "en"),
        ("en;q=0.5, zh;q=0.8", "zh"),
        ("en, zh", "en"),
        ("fr", "zh"),
        ("*", "zh"),
        ("en;q=0", "zh"),
        ("en;q=nonsense", "zh"),
    ],
)
def test_the_language_is_chinese_unless_english_is_preferred(header: str | None, language: str):
    assert language_of(header) == language


def test_a_text_is_chinese_and_carries_its_english():
    text = Text("企业不存在。", "No such enterprise.")
    assert text == "企业不存在。" and localize(text, "en") == "No such enterprise." and localize(text, "zh") == text
    assert localize("plain", "en") == "plain"
    assert copy.deepcopy(text).en == pickle.loads(pickle.dumps(text)).en == text.en
    assert no_such("企业", "enterprise") == text and no_such("企业", "enterprise").en == text.en
    joined = join([Text("甲", "a"), Text("乙", "b"), "c"])
    assert joined == "甲；乙；c" and joined.en == "a; b; c"


def test_a_problem_body_answers_in_the_requested_language():
    errors = [{"field": "uscc", "message": Text("已登记", "registered"), "code": "duplicate_uscc"}]
    detail = Text("统一社会信用代码已登记。", "USCC already registered.")
    zh = orjson.loads(problem_body(409, detail, kind=ProblemKind.duplicate_uscc, errors=errors))
    en = orjson.loads(problem_body(409, detail, kind=ProblemKind.duplicate_uscc, errors=errors, language="en"))
    assert zh == {
        "type": "https://kuaiban.example/problems/duplicate-uscc",
        "code": "duplicate_uscc",
        "title": "统一社会信用代码已登记",
        "status": 409,
        "detail": "统一社会信用代码已登记。",
        "errors": [{"field": "uscc", "message": "已登记", "code": "duplicate_uscc"}],
    }
    assert en["detail"] == "USCC already registered." and en["title"] == "USCC already registered"
    assert en["errors"][0]["message"] == "registered"


async def test_raw_asgi_problems_follow_the_requests_language():
    sent: list[dict] = []

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"headers": [(b"accept-language", b"en-GB,en;q=0.9")]}
    await send_problem(send, 504, Text("超时。", "Too late."), kind=ProblemKind.upstream_timeout, scope=scope)
    start, body = sent
    assert dict(start["headers"])[b"content-language"] == b"en"
    assert orjson.loads(body["body"])["detail"] == "Too late."
    assert orjson.loads(body["body"])["code"] == "upstream_timeout"


def test_a_domain_error_names_its_kind_and_reads_in_both_languages_in_logs():
    assert NotFound("x").kind is ProblemKind.not_found and Unauthorized("x").status == 401
    refused = Invalid(Text("金额超限。", "Too much."), field="amount", kind=ProblemKind.amount_exceeds_approved)
    assert refused.status == 422 and refused.errors[0]["code"] == "amount_exceeds_approved"
    assert str(refused) == "金额超限。 (Too much.)" and str(NotFound("plain")) == "plain"


class Sample(BaseModel):
    name: str = Field(max_length=3)
    count: int = Field(ge=1)
    day: str | None = None
    kind: int | None = None

    @field_validator("day")
    @classmethod
    def _day(cls, value: str | None) -> str | None:
        if value == "plain":
            raise ValueError("must be a date as YYYY-MM-DD")
        if value == "bilingual":
            raise ValueError(Text("应为 YYYY-MM-DD 日期", "must be a date as YYYY-MM-DD"))
        return value


def errors_for(body: dict) -> list[dict]:
    with pytest.raises(ValidationError) as raised:
        Sample.model_validate(body)
    return validation_errors(RequestValidationError(raised.value.errors()))


def test_validation_errors_read_naturally_in_both_languages_without_library_prefixes():
    found = errors_for({"name": "toolong", "count": 0, "day": "bilingual", "kind": "x"})
    assert [(e["field"], e["code"]) for e in found] == [
        ("name", "string_too_long"),
        ("count", "greater_than_equal"),
        ("day", "invalid_value"),
        ("kind", "int_parsing"),
    ]
    assert [str(e["message"]) for e in found] == ["至多 3 个字符", "应不小于 1", "应为 YYYY-MM-DD 日期", "应为整数"]
    assert [e["message"].en for e in found] == [
        "Must have at most 3 characters",
        "Must be at least 1",
        "must be a date as YYYY-MM-DD",
        "Must be an integer",
    ]
    [missing] = errors_for({"count": 1})
    assert (missing["field"], missing["code"], missing["message"], missing["message"].en) == (
        "name",
        "missing",
        "此项必填",
        "This field is required",
    )


def test_a_plain_validator_message_loses_pydantics_prefix():
    [plain] = errors_for({"name": "a", "count": 1, "day": "plain"})
    assert plain["message"] == plain["message"].en == "must be a date as YYYY-MM-DD"
    assert plain["code"] == "invalid_value"
    [unknown] = validation_errors(
        RequestValidationError([{"type": "odd", "loc": ("body", "x"), "msg": "Value error, no"}])
    )
    assert unknown["message"].en == "no" and "Value error" not in unknown["message"]


def test_a_template_without_its_context_falls_back_to_a_general_message():
    [error] = validation_errors(RequestValidationError([{"type": "string_too_long", "loc": ("body", "x"), "msg": "?"}]))
    assert error["message"] == "取值无效" and error["message"].en == "Invalid value"


def test_the_problem_schema_lists_every_code():
    code = Problem.model_json_schema()["properties"]["code"]
    assert code["enum"] == [kind.code for kind in ProblemKind]
    assert code["x-enum-descriptions"] == [str(kind.problem_title) for kind in ProblemKind]
    assert all(f"`{kind.code}`" in code["description"] for kind in ProblemKind)


def test_the_table_in_the_docs_lists_every_kind():
    rows = {}
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip().strip("`") for cell in line.strip().strip("|").split("|")]
        if len(cells) >= 4 and cells[0].startswith("https://kuaiban.example/problems/"):
            rows[cells[1]] = (cells[0], int(cells[2]))
    assert rows == {kind.code: (kind.uri, kind.status) for kind in ProblemKind}

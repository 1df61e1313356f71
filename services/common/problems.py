"""One error shape everywhere: RFC 9457 problem+json, and the domain errors that map to it.

Every error kind is a `ProblemKind`: a stable `type` URI, a machine `code` a UI switches on, its status
and a title. `detail` is Chinese by default and English for `Accept-Language: en`: messages are `Text`,
a Chinese string that also carries its English twin, so code that treats them as plain text still works.
"""

import logging
from collections.abc import Mapping, Sequence
from enum import StrEnum
from http import HTTPStatus
from typing import Annotated, Any

import orjson
from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.types import Send

from services.common.texts import (
    CONTENT_LANGUAGE,
    DEFAULT_LANGUAGE,
    Language,
    Text,
    language_of,
    language_of_scope,
    localize,
)
from services.common.validation import validation_errors

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "https://kuaiban.example/problems/"
log = logging.getLogger("kuaiban.problems")


class ProblemKind(StrEnum):
    """Every kind of error, defined once: `code` (the value), `status`, `title`, and the `type` URI."""

    status: int
    problem_title: Text  # not `title`: that name is str's method

    def __new__(cls, code: str, status: int, zh: str, en: str) -> "ProblemKind":
        kind = str.__new__(cls, code)
        kind._value_ = code
        kind.status = status
        kind.problem_title = Text(zh, en)
        return kind

    @property
    def code(self) -> str:
        return self.value

    @property
    def uri(self) -> str:
        return PROBLEM_TYPE_BASE + self.value.replace("_", "-")

    @classmethod
    def for_status(cls, status: int) -> "ProblemKind":
        """The general kind of an answer that names no kind of its own."""
        return _GENERAL.get(status) or (cls.internal_error if status >= 500 else cls.bad_request)

    bad_request = "bad_request", 400, "请求有误", "Bad request"
    unsupported_grant_type = "unsupported_grant_type", 400, "不支持的授权类型", "Unsupported grant type"
    invalid_scope = "invalid_scope", 400, "请求的权限范围无效", "Invalid scope"
    unauthenticated = "unauthenticated", 401, "未登录或登录已失效", "Not authenticated"
    invalid_credentials = "invalid_credentials", 401, "用户名或密码错误", "Incorrect username or password"
    invalid_client = "invalid_client", 401, "客户端认证失败", "Client authentication failed"
    forbidden = "forbidden", 403, "无权执行此操作", "Not allowed"
    insufficient_scope = "insufficient_scope", 403, "令牌缺少所需权限范围", "The token lacks a required scope"
    not_found = "not_found", 404, "资源不存在", "Not found"
    method_not_allowed = "method_not_allowed", 405, "不支持此请求方法", "Method not allowed"
    conflict = "conflict", 409, "与已有数据冲突", "Conflict with existing data"
    invalid_transition = "invalid_transition", 409, "当前状态不允许此操作", "The current state does not allow this"
    duplicate_uscc = "duplicate_uscc", 409, "统一社会信用代码已登记", "USCC already registered"
    duplicate_username = "duplicate_username", 409, "用户名已被占用", "Username taken"
    duplicate_code = "duplicate_code", 409, "编码已存在", "Code already exists"
    duplicate_application = "duplicate_application", 409, "已提交过相同的申请", "Already applied"
    duplicate_grant = "duplicate_grant", 409, "此政策已向该企业兑现", "The policy is granted to it already"
    slot_full = "slot_full", 409, "该时段已约满", "The slot is fully booked"
    duplicate_booking = "duplicate_booking", 409, "已有相同的预约", "Already booked"
    past_cutoff = "past_cutoff", 409, "已过取消或改约的截止时间", "Past the cut-off for changes"
    idempotency_key_in_use = "idempotency_key_in_use", 409, "同一幂等键的请求仍在处理", "Idempotency-Key in use"
    payload_too_large = "payload_too_large", 413, "请求体过大", "Request body too large"
    unsupported_media_type = "unsupported_media_type", 415, "不支持的文件类型", "Unsupported file type"
    validation_failed = "validation_failed", 422, "请求内容无效", "The request is not valid"
    invalid_value = "invalid_value", 422, "取值不被数据库接受", "Value not acceptable"
    unknown_reference = "unknown_reference", 422, "引用的对象不存在", "Unknown reference"
    missing_material = "missing_material", 422, "缺少必交材料", "A required material is missing"
    unknown_material = "unknown_material", 422, "材料不属于该事项", "Not a material of the matter"
    commitment_required = "commitment_required", 422, "容缺材料需签署承诺", "容缺 needs a signed commitment"
    invalid_commitment = "invalid_commitment", 422, "承诺无效", "Invalid commitment"
    rongque_not_allowed = "rongque_not_allowed", 422, "该企业不可容缺受理", "容缺 not allowed"
    not_eligible = "not_eligible", 422, "不符合产品条件", "Not eligible"
    policy_not_met = "policy_not_met", 422, "不符合政策条件", "The policy's conditions are not met"
    amount_exceeds_approved = "amount_exceeds_approved", 422, "金额超过批准额度", "Amount exceeds the approved"
    invalid_idempotency_key = "invalid_idempotency_key", 422, "幂等键格式无效", "Invalid Idempotency-Key"
    idempotency_key_reused = "idempotency_key_reused", 422, "幂等键已用于其他请求", "Idempotency-Key reused"
    infected = "infected", 422, "文件未通过病毒扫描", "The file failed the virus scan"
    rate_limited = "rate_limited", 429, "请求过于频繁", "Too many requests"
    internal_error = "internal_error", 500, "服务器内部错误", "Internal error"
    bad_upstream = "bad_upstream", 502, "上游服务应答异常", "Bad upstream answer"
    service_unavailable = "service_unavailable", 503, "服务暂不可用", "Service unavailable"
    upstream_timeout = "upstream_timeout", 504, "上游服务应答超时", "Upstream timeout"


_GENERAL = {
    kind.status: kind
    for kind in (
        ProblemKind.bad_request,
        ProblemKind.unauthenticated,
        ProblemKind.forbidden,
        ProblemKind.not_found,
        ProblemKind.method_not_allowed,
        ProblemKind.conflict,
        ProblemKind.payload_too_large,
        ProblemKind.unsupported_media_type,
        ProblemKind.validation_failed,
        ProblemKind.rate_limited,
        ProblemKind.internal_error,
        ProblemKind.bad_upstream,
        ProblemKind.service_unavailable,
        ProblemKind.upstream_timeout,
    )
}
_CODES_DESCRIPTION = "; ".join(f"`{kind.code}` {kind.status} {kind.problem_title}" for kind in ProblemKind)
_TYPES_DESCRIPTION = "`https://kuaiban.example/problems/<code with - for _>`, one per `code`."


class FieldError(BaseModel):
    field: str = Field(description="The field, dotted for nested ones (`departments.0.department`).")
    message: str = Field(description="What is wrong, in the answer's language.")
    code: str = Field(description="Machine code: a problem code, or pydantic's error type (`missing`, ...).")


class Problem(BaseModel):
    type: str = Field(description=_TYPES_DESCRIPTION, examples=[ProblemKind.invalid_transition.uri])
    code: str = Field(
        description="The error kind, stable: switch on this, not on the text. " + _CODES_DESCRIPTION,
        json_schema_extra={
            "enum": [kind.code for kind in ProblemKind],
            "x-enum-descriptions": [str(kind.problem_title) for kind in ProblemKind],
        },
    )
    title: str
    status: int
    detail: str = Field(description="For people: Chinese, or English with `Accept-Language: en`.")
    errors: list[FieldError] | None = None


def problem_body(
    status: int,
    detail: str,
    *,
    kind: ProblemKind | None = None,
    errors: Sequence[Mapping[str, str]] | None = None,
    language: Language = DEFAULT_LANGUAGE,
) -> bytes:
    return orjson.dumps(problem_dict(status, detail, kind=kind, errors=errors, language=language))


def problem_dict(
    status: int,
    detail: str,
    *,
    kind: ProblemKind | None = None,
    errors: Sequence[Mapping[str, str]] | None = None,
    language: Language = DEFAULT_LANGUAGE,
) -> dict[str, Any]:
    """The problem+json body as a dict (a batch answer nests one per refused item)."""
    kind = kind or ProblemKind.for_status(status)
    body: dict[str, Any] = {
        "type": kind.uri,
        "code": kind.code,
        "title": localize(kind.problem_title, language),
        "status": status,
        "detail": localize(detail, language),
    }
    if errors is not None:
        body["errors"] = [
            {
                "field": e.get("field", ""),
                "message": localize(e.get("message", ""), language),
                "code": e.get("code", kind.code),
            }
            for e in errors
        ]
    return body


def problem_response(
    status: int,
    detail: str,
    *,
    kind: ProblemKind | None = None,
    errors: Sequence[Mapping[str, str]] | None = None,
    headers: Mapping[str, str] | None = None,
    language: Language = DEFAULT_LANGUAGE,
) -> Response:
    return Response(
        problem_body(status, detail, kind=kind, errors=errors, language=language),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers={"Content-Language": CONTENT_LANGUAGE[language], **(headers or {})},
    )


async def send_problem(
    send: Send,
    status: int,
    detail: str,
    headers: Sequence[tuple[bytes, bytes]] = (),
    *,
    kind: ProblemKind | None = None,
    scope: Mapping[str, Any] | None = None,
) -> None:
    """A problem+json answer from plain ASGI code (the gateway's edge, middleware), outside FastAPI.

    `scope` gives the language (Accept-Language); without it the answer is Chinese.
    """
    language = language_of_scope(scope)
    body = problem_body(status, detail, kind=kind, language=language)
    start_headers = [
        (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
        (b"content-length", str(len(body)).encode()),
        (b"content-language", CONTENT_LANGUAGE[language].encode()),
        *headers,
    ]
    await send({"type": "http.response.start", "status": status, "headers": start_headers})
    await send({"type": "http.response.body", "body": body})


class DomainError(Exception):
    """A rule was broken; `service.py` raises these and one handler turns them into problems.

    Each class has a general kind; a raise names a more precise one with `kind=`.
    """

    kind = ProblemKind.bad_request

    def __init__(
        self, detail: str, *, kind: ProblemKind | None = None, errors: list[dict[str, str]] | None = None
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.kind = kind or type(self).kind
        self.errors = errors

    def __str__(self) -> str:  # for logs and tracebacks: both languages
        if isinstance(self.detail, Text) and self.detail.en != self.detail:
            return f"{self.detail} ({self.detail.en})"
        return str(self.detail)

    @property
    def status(self) -> int:
        return self.kind.status


class TooManyRequests(DomainError):
    """Slow down: answered 429 with `Retry-After`."""

    kind = ProblemKind.rate_limited

    def __init__(self, detail: str, *, retry_after: int) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


class Unauthorized(DomainError):
    kind = ProblemKind.unauthenticated
    challenge = "Bearer"  # the `WWW-Authenticate` scheme of the 401


class InvalidClient(Unauthorized):
    """RFC 6749 §5.2 `invalid_client`: the token endpoint asks for HTTP Basic client authentication."""

    kind = ProblemKind.invalid_client
    challenge = 'Basic realm="kuaiban"'


class Forbidden(DomainError):
    kind = ProblemKind.forbidden


class NotFound(DomainError):
    kind = ProblemKind.not_found


class Conflict(DomainError):
    kind = ProblemKind.conflict


class InvalidTransition(Conflict):
    """The resource's current state does not allow the action."""

    kind = ProblemKind.invalid_transition


class Invalid(DomainError):
    """422; with `field`, the one field at fault is listed in `errors` with the kind's code."""

    kind = ProblemKind.validation_failed

    def __init__(
        self,
        detail: str,
        *,
        field: str | None = None,
        kind: ProblemKind | None = None,
        errors: list[dict[str, str]] | None = None,
    ) -> None:
        if errors is None and field is not None:
            errors = [{"field": field, "message": detail, "code": (kind or self.kind).code}]
        super().__init__(detail, kind=kind, errors=errors)


class Unavailable(DomainError):
    kind = ProblemKind.service_unavailable


def field_error(field: str, kind: ProblemKind, message: str) -> dict[str, str]:
    """One entry of a problem's `errors`."""
    return {"field": field, "message": message, "code": kind.code}


def database_problem(exc: DBAPIError) -> tuple[int, Text, ProblemKind | None]:
    """The status, detail and kind a database error is answered with; the unexpected ones are logged."""
    if isinstance(exc, IntegrityError):
        log.info("integrity error mapped to 409: %s", exc.orig)
        return 409, Text("请求与已有数据冲突。", "The request conflicts with existing data."), None
    sqlstate = getattr(exc.orig, "sqlstate", "") or ""
    # data exception: bad encoding, out of range; or a value the driver refuses to send (a NUL in text)
    if sqlstate.startswith("22") or isinstance(exc, DataError):
        return (
            422,
            Text("有取值不被数据库接受。", "A value is not acceptable to the database."),
            ProblemKind.invalid_value,
        )
    log.exception("database error")
    if exc.connection_invalidated or sqlstate.startswith(("08", "53", "57")):  # connection, resources, shutdown
        return 503, Text("数据库暂不可用，请稍后重试。", "The database is unavailable; try again shortly."), None
    return 500, UNEXPECTED, None


POOL_BUSY = Text(
    "服务繁忙，暂无可用的数据库连接，请稍后重试。",
    "The service is busy (no database connection free); try again shortly.",
)
UNEXPECTED = Text("发生意外错误，已记录日志。", "An unexpected error occurred; it has been logged.")
NO_RESOURCE = Text("此路径没有资源。", "No resource at this path.")

INVALID_REQUEST = Text("请求内容无效，请按 errors 逐项修改。", "The request is not valid; see errors.")


_FASTAPI_PARSE_ERROR = "There was an error parsing the body"


def unreadable_body(reason: str) -> Text:
    """FastAPI's and Starlette's 400 for a body they cannot parse (bad encoding, broken multipart)."""
    why = "malformed, or not UTF-8" if reason == _FASTAPI_PARSE_ERROR else reason.rstrip(".")
    return Text("无法读取请求体：格式或编码有误。", f"The request body cannot be read: {why}.")


def install_problem_handlers(app: FastAPI) -> None:
    """Map every error, including unknown paths and crashes, to problem+json without stack traces."""

    @app.exception_handler(DomainError)
    async def _domain(request: Request, exc: DomainError) -> Response:
        headers = {"WWW-Authenticate": getattr(exc, "challenge", "Bearer")} if exc.status == 401 else None
        if isinstance(exc, TooManyRequests):
            headers = {"Retry-After": str(exc.retry_after)}
        return problem_response(
            exc.status,
            exc.detail,
            kind=exc.kind,
            errors=exc.errors,
            headers=headers,
            language=request_language(request),
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        return problem_response(422, INVALID_REQUEST, errors=validation_errors(exc), language=request_language(request))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        kind = ProblemKind.for_status(exc.status_code)
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).description
        if exc.status_code == 404 and exc.detail == "Not Found":
            detail = NO_RESOURCE
        elif exc.status_code == 400 and not isinstance(exc.detail, Text):  # only the libraries raise these
            detail = unreadable_body(detail)
        elif detail == HTTPStatus(exc.status_code).phrase:  # Starlette's own wording: the kind's title
            detail = kind.problem_title
        return problem_response(
            exc.status_code,
            detail,
            kind=kind,
            headers=getattr(exc, "headers", None),
            language=request_language(request),
        )

    @app.exception_handler(DBAPIError)
    async def _database(request: Request, exc: DBAPIError) -> Response:
        status, detail, kind = database_problem(exc)
        return problem_response(status, detail, kind=kind, language=request_language(request))

    @app.exception_handler(PoolTimeout)
    async def _pool_exhausted(request: Request, exc: PoolTimeout) -> Response:
        log.warning("no database connection free within the pool timeout")
        return problem_response(503, POOL_BUSY, language=request_language(request), headers={"Retry-After": "1"})

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error")
        return problem_response(500, UNEXPECTED, language=request_language(request))


def request_language(request: Request) -> Language:
    """The answer's language from the request's `Accept-Language` (Chinese by default)."""
    return language_of(request.headers.get("accept-language"))


LanguageDep = Annotated[Language, Depends(request_language)]


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries declaring problem+json for the given statuses."""
    return {
        status: {
            "description": HTTPStatus(status).phrase,
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for status in statuses
    }

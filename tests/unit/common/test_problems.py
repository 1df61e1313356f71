"""One error shape: problem+json bodies, the domain errors, and how database errors are answered."""

import httpx
import orjson
import pytest
from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from services.common.problems import (
    PROBLEM_MEDIA_TYPE,
    Conflict,
    Forbidden,
    Invalid,
    InvalidTransition,
    NotFound,
    Unauthorized,
    Unavailable,
    database_problem,
    install_problem_handlers,
    problem_body,
    problem_response,
    problem_responses,
    send_problem,
)
from services.common.validation import validation_errors


class DriverError(Exception):
    """What psycopg raises, reduced to the SQLSTATE the mapping reads."""

    def __init__(self, sqlstate: str | None) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def test_a_problem_body_has_the_rfc_9457_members_and_a_code():
    assert orjson.loads(problem_body(409, "Taken.")) == {
        "type": "https://kuaiban.example/problems/conflict",
        "code": "conflict",
        "title": "与已有数据冲突",
        "status": 409,
        "detail": "Taken.",
    }
    errors = [{"field": "uscc", "message": "bad", "code": "duplicate_uscc"}]
    assert b'"errors":[{"field":"uscc","message":"bad","code":"duplicate_uscc"}]' in problem_body(
        422, "Invalid.", errors=errors
    )


def test_a_problem_response_is_problem_json_with_its_headers():
    response = problem_response(401, "Who are you?", headers={"WWW-Authenticate": "Bearer"})
    assert response.status_code == 401 and response.media_type == PROBLEM_MEDIA_TYPE
    assert response.headers["www-authenticate"] == "Bearer"


async def test_raw_asgi_code_sends_the_same_problem():
    sent: list[dict] = []

    async def send(message: dict) -> None:
        sent.append(message)

    await send_problem(send, 429, "Slow down.", headers=[(b"retry-after", b"3")])
    start, body = sent
    assert start["status"] == 429
    assert dict(start["headers"]) == {
        b"content-type": PROBLEM_MEDIA_TYPE.encode(),
        b"content-length": str(len(body["body"])).encode(),
        b"content-language": b"zh-CN",
        b"retry-after": b"3",
    }
    assert body["body"] == problem_body(429, "Slow down.")
    assert orjson.loads(body["body"])["code"] == "rate_limited"


def test_each_domain_error_has_its_status():
    statuses = {error: error("x").status for error in (Unauthorized, Forbidden, NotFound, Conflict, Unavailable)}
    assert statuses == {Unauthorized: 401, Forbidden: 403, NotFound: 404, Conflict: 409, Unavailable: 503}
    assert InvalidTransition("x").status == 409 and isinstance(InvalidTransition("x"), Conflict)


def test_an_invalid_field_becomes_its_error_entry():
    assert Invalid("Bad code.", field="uscc").errors == [
        {"field": "uscc", "message": "Bad code.", "code": "validation_failed"}
    ]
    assert Invalid("Bad.").errors is None
    listed = [{"field": "a", "message": "x", "code": "c"}, {"field": "b", "message": "y", "code": "c"}]
    assert Invalid("Bad.", field="ignored", errors=listed).errors == listed


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (IntegrityError("INSERT", {}, DriverError("23505")), 409),
        (DBAPIError("SELECT", {}, DriverError("22P02")), 422),
        (DBAPIError("SELECT", {}, DriverError("22001")), 422),
        (DBAPIError("SELECT", {}, DriverError("08006")), 503),
        (DBAPIError("SELECT", {}, DriverError("53300")), 503),
        (DBAPIError("SELECT", {}, DriverError("57P01")), 503),
        (DBAPIError("SELECT", {}, DriverError(None), connection_invalidated=True), 503),
        (DBAPIError("SELECT", {}, DriverError("42P01")), 500),
        (DBAPIError("SELECT", {}, DriverError(None)), 500),
    ],
)
def test_database_errors_map_to_statuses(error: DBAPIError, status: int):
    answered, detail, _ = database_problem(error)
    assert answered == status and detail
    assert "SELECT" not in detail and "INSERT" not in detail  # no statement leaks to the client


def test_validation_errors_name_the_field_without_its_location():
    exc = RequestValidationError(
        [
            {"loc": ("body", "industry"), "msg": "bad section"},
            {"loc": ("body", "departments", 0, "department"), "msg": "unknown"},
            {"loc": ("query", "limit"), "msg": "too big"},
            {"loc": ("body",), "msg": "not an object"},
            {"loc": (), "msg": "odd"},
            {},
        ]
    )
    assert [(e["field"], e["message"].en, e["code"]) for e in validation_errors(exc)] == [
        ("industry", "bad section", "validation_failed"),
        ("departments.0.department", "unknown", "validation_failed"),
        ("limit", "too big", "validation_failed"),
        ("body", "not an object", "validation_failed"),
        ("", "odd", "validation_failed"),
        ("", "Invalid value", "validation_failed"),
    ]


def test_declared_problem_responses_point_at_the_problem_schema():
    declared = problem_responses(404, 409)
    assert set(declared) == {404, 409}
    assert declared[404]["description"] == "Not Found"
    assert declared[409]["content"][PROBLEM_MEDIA_TYPE]["schema"] == {"$ref": "#/components/schemas/Problem"}


async def test_a_full_pool_is_a_quick_503_not_a_crash():
    app = FastAPI()
    install_problem_handlers(app)

    @app.get("/busy")
    async def busy():
        raise PoolTimeout("QueuePool limit of size 8 overflow 8 reached")

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://probe") as client:
        answer = await client.get("/busy", headers={"Accept-Language": "en"})
    assert answer.status_code == 503 and answer.headers["retry-after"] == "1"
    assert answer.json()["code"] == "service_unavailable" and "no database connection free" in answer.json()["detail"]

"""One error shape everywhere: RFC 9457 problem+json, and the domain errors that map to it."""

import logging
from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel
from sqlalchemy.exc import DBAPIError, IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.types import Send

PROBLEM_MEDIA_TYPE = "application/problem+json"
log = logging.getLogger("kuaiban.problems")


class FieldError(BaseModel):
    field: str
    message: str


class Problem(BaseModel):
    type: str = "about:blank"
    title: str
    status: int
    detail: str
    errors: list[FieldError] | None = None


def problem_body(status: int, detail: str, *, errors: list[dict[str, str]] | None = None) -> bytes:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if errors is not None:
        body["errors"] = errors
    return orjson.dumps(body)


def problem_response(
    status: int,
    detail: str,
    *,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    return Response(
        problem_body(status, detail, errors=errors),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


async def send_problem(send: Send, status: int, detail: str, headers: Sequence[tuple[bytes, bytes]] = ()) -> None:
    """A problem+json answer from plain ASGI code (the gateway's edge, middleware), outside FastAPI."""
    body = problem_body(status, detail)
    start_headers = [
        (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
        (b"content-length", str(len(body)).encode()),
        *headers,
    ]
    await send({"type": "http.response.start", "status": status, "headers": start_headers})
    await send({"type": "http.response.body", "body": body})


class DomainError(Exception):
    """A rule was broken; `service.py` raises these and one handler turns them into problems."""

    status = 400

    def __init__(self, detail: str, *, errors: list[dict[str, str]] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors


class Unauthorized(DomainError):
    status = 401


class Forbidden(DomainError):
    status = 403


class NotFound(DomainError):
    status = 404


class Conflict(DomainError):
    status = 409


class InvalidTransition(Conflict):
    """The resource's current state does not allow the action."""


class Invalid(DomainError):
    status = 422

    def __init__(self, detail: str, *, field: str | None = None, errors=None) -> None:
        if errors is None and field is not None:
            errors = [{"field": field, "message": detail}]
        super().__init__(detail, errors=errors)


class Unavailable(DomainError):
    status = 503


def database_problem(exc: DBAPIError) -> tuple[int, str]:
    """The status and detail a database error is answered with; the unexpected ones are logged."""
    if isinstance(exc, IntegrityError):
        log.info("integrity error mapped to 409: %s", exc.orig)
        return 409, "The request conflicts with existing data."
    sqlstate = getattr(exc.orig, "sqlstate", "") or ""
    if sqlstate.startswith("22"):  # data exception: bad encoding, out of range
        return 422, "A value is not acceptable to the database."
    log.exception("database error")
    if exc.connection_invalidated or sqlstate.startswith(("08", "53", "57")):  # connection, resources, shutdown
        return 503, "The database is unavailable; try again shortly."
    return 500, "An unexpected error occurred; it has been logged."


def _field_name(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "cookie")]
    return ".".join(parts) or str(loc[0] if loc else "")


def validation_errors(exc: RequestValidationError) -> list[dict[str, str]]:
    return [{"field": _field_name(tuple(e.get("loc", ()))), "message": e.get("msg", "invalid")} for e in exc.errors()]


def install_problem_handlers(app: FastAPI) -> None:
    """Map every error, including unknown paths and crashes, to problem+json without stack traces."""

    @app.exception_handler(DomainError)
    async def _domain(_: Request, exc: DomainError) -> Response:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return problem_response(exc.status, exc.detail, errors=exc.errors, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> Response:
        return problem_response(422, "The request is not valid.", errors=validation_errors(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).description
        if exc.status_code == 404 and exc.detail == "Not Found":
            detail = "No resource at this path."
        return problem_response(exc.status_code, detail, headers=getattr(exc, "headers", None))

    @app.exception_handler(DBAPIError)
    async def _database(_: Request, exc: DBAPIError) -> Response:
        return problem_response(*database_problem(exc))

    @app.exception_handler(Exception)
    async def _crash(_: Request, exc: Exception) -> Response:
        log.exception("unhandled error")
        return problem_response(500, "An unexpected error occurred; it has been logged.")


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries declaring problem+json for the given statuses."""
    return {
        status: {
            "description": HTTPStatus(status).phrase,
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for status in statuses
    }

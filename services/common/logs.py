"""JSON logs carrying the request id, and the ASGI middleware that assigns and forwards it."""

import contextvars
import logging
import logging.config
import re
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TextIO

import orjson
from opentelemetry import trace as otel_trace
from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.orjson import OrjsonFormatter
from starlette.types import ASGIApp, Message, Receive, Scope, Send

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
access_log = logging.getLogger("kuaiban.access")
# ANSI escape sequences (CSI such as colours, and the two-character ones): terminal markup, never log content
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])")


class Caller:
    """Who made the request being served: put in `caller_var` by `RequestIdMiddleware` when the request starts,
    filled in by the auth step once it knows the caller, read for the access line when the answer is sent.

    A mutable holder rather than values in context variables: FastAPI runs dependencies in copies of the request's
    context (sync ones in threads), where a variable set would not be seen by the middleware afterwards; a holder
    set before the copies are made is shared by all of them."""

    __slots__ = ("client", "role", "user")

    def __init__(self, client: str | None = None) -> None:
        self.client = client
        self.user: str | None = None
        self.role: str | None = None


caller_var: contextvars.ContextVar[Caller | None] = contextvars.ContextVar("caller", default=None)


def note_caller(user: str, role: str) -> None:
    """The request being served is `user`'s, in `role`: its access line will say so (a no-op outside a request)."""
    caller = caller_var.get()
    if caller is not None:
        caller.user, caller.role = user, role


@dataclass
class _AccessSink:
    """Where access lines go directly once `configure_logging` ran (None: through `logging`)."""

    stream: TextIO | None = None
    component: str = ""


_sink = _AccessSink()


def _iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def current_trace_id() -> str:
    """The W3C trace id of the current span (32 hex digits), '' outside a trace: log lines carry it."""
    context = otel_trace.get_current_span().get_span_context()
    return format(context.trace_id, "032x") if context.is_valid else ""


def strip_ansi(text: str) -> str:
    return _ANSI.sub("", text) if "\x1b" in text else text


class _Formatter(OrjsonFormatter):
    """One compact JSON object per line, as the access lines are (both through orjson).

    uvicorn puts a copy of some messages with ANSI colours into `color_message`, which a JSON formatter would copy
    like any extra field: it is left out, and escape sequences are taken out of whatever text remains."""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        return _iso(record.created)

    def process_log_record(self, log_data: dict[str, Any]) -> dict[str, Any]:
        for key, value in log_data.items():
            if isinstance(value, str) and "\x1b" in value:
                log_data[key] = _ANSI.sub("", value)
        return log_data


def json_formatter() -> logging.Formatter:
    return _Formatter(
        "{asctime}{levelname}{name}{message}{component}{request_id}{trace_id}",
        style="{",
        rename_fields={"asctime": "at", "levelname": "level", "name": "logger"},
        reserved_attrs=[*RESERVED_ATTRS, "color_message"],
    )


class _RequestIdFilter(logging.Filter):
    def __init__(self, component: str) -> None:
        super().__init__()
        self.component = component

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        record.trace_id = current_trace_id()
        record.component = self.component
        return True


def json_handler(component: str) -> logging.Handler:
    """JSON lines on stderr, named after the component; access lines go straight to the same stream."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(json_formatter())
    handler.addFilter(_RequestIdFilter(component))
    _sink.stream, _sink.component = sys.stderr, component
    logging.captureWarnings(True)  # a library's warning becomes a JSON line too, not text of its own
    return handler


def logging_config(component: str, level: str = "INFO") -> dict[str, Any]:
    """The `logging.config.dictConfig` of a Kuaiban process, also given to uvicorn as its `log_config`: uvicorn
    applies it in each worker process it spawns (`--workers` > 1), which start with logging unconfigured."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "handlers": {"json": {"()": "services.common.logs.json_handler", "component": component}},
        "root": {"handlers": ["json"], "level": level.upper()},
        "loggers": {
            "uvicorn": {"handlers": [], "propagate": True},
            "uvicorn.error": {"handlers": [], "propagate": True},
            # our access line carries the request id; uvicorn's own is off (`access_log=False`) and goes nowhere
            "uvicorn.access": {"handlers": [], "propagate": False},
            "httpx": {"level": "WARNING"},  # one line per call is noise; errors still show
        },
    }


def configure_logging(component: str, level: str = "INFO") -> None:
    """One JSON object per line on stderr, for every logger including uvicorn's."""
    logging.config.dictConfig(logging_config(component, level))
    logging.getLogger("uvicorn.access").disabled = True


def log_access(method: str, path: str, status: int, started: float, caller: Caller | None = None) -> None:
    """One access line per request, in the same JSON shape as every other log line, naming the caller (`user`,
    `role`: null when unauthenticated) and the client address.

    Built with orjson and written straight to the stream once logging is configured: on the gateway's
    hot path the generic logging machinery cost a sixth of all CPU time.
    """
    if not access_log.isEnabledFor(logging.INFO):
        return
    duration_ms = round((time.perf_counter() - started) * 1000, 2)
    fields = {
        "method": method,
        "path": path,
        "status": status,
        "duration_ms": duration_ms,
        "user": caller.user if caller is not None else None,
        "role": caller.role if caller is not None else None,
        "client": caller.client if caller is not None else None,
    }
    stream = _sink.stream
    if stream is None:
        access_log.info("%s %s %s", method, path, status, extra=fields)
        return
    line = {
        "at": _iso(time.time()),
        "level": "INFO",
        "logger": access_log.name,
        "message": f"{method} {path} {status}",
        "component": _sink.component,
        "request_id": request_id_var.get(),
        "trace_id": current_trace_id(),
        **fields,
    }
    stream.write(orjson.dumps(line).decode() + "\n")


def incoming_request_id(scope: Scope) -> str:
    for name, value in scope.get("headers", ()):
        if name == b"x-request-id":
            candidate = value.decode("latin-1")
            if _VALID_REQUEST_ID.match(candidate):
                return candidate
            break
    return uuid.uuid4().hex


def peer_address(scope: Scope) -> str | None:
    """The TCP peer of the request."""
    client = scope.get("client")
    return client[0] if client else None


def forwarded_client(scope: Scope) -> str | None:
    """The client a proxy in front (the gateway) names first in `X-Forwarded-For`, else the TCP peer."""
    for name, value in scope.get("headers", ()):
        if name == b"x-forwarded-for":
            first = value.decode("latin-1").split(",", 1)[0].strip()
            if first:
                return first
            break
    return peer_address(scope)


class RequestIdMiddleware:
    """Takes the caller's X-Request-ID (or makes one), logs one access line, echoes the id back.

    `extra_headers(path)` adds response headers that the app did not set itself (the gateway's
    security headers). `client(scope)` names the client address of the access line: by default the first of
    `X-Forwarded-For` (services, behind the gateway), the TCP peer at the gateway (`peer_address`).
    """

    def __init__(
        self,
        app: ASGIApp,
        extra_headers: Callable[[str], Sequence[tuple[bytes, bytes]]] | None = None,
        client: Callable[[Scope], str | None] = forwarded_client,
    ) -> None:
        self.app = app
        self.extra_headers = extra_headers
        self.client = client

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = incoming_request_id(scope)
        token = request_id_var.set(request_id)
        caller = Caller(self.client(scope))
        caller_token = caller_var.set(caller)
        started = time.perf_counter()
        path = scope["path"]
        status = 500
        added = [*(self.extra_headers(path) if self.extra_headers else ()), (b"x-request-id", request_id.encode())]

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", ()))
                present = {name.lower() for name, _ in headers}
                headers.extend(header for header in added if header[0] not in present)
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            log_access(scope["method"], path, status, started, caller)
            caller_var.reset(caller_token)
            request_id_var.reset(token)

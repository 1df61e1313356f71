"""The gateway's edge: request ids, access log, security headers, body limit, rate limit, routing.

Plain ASGI rather than middleware classes, because every forwarded request passes through here and
per-request work is what separates a fast gateway from a slow one. Bodies are read whole (up to
`max_body_bytes`) except a service's multipart/form-data uploads, which are streamed on as they arrive
(up to `upload_max_bytes` plus `UPLOAD_OVERHEAD`) so the gateway never holds a file whole.
"""

import re

from limits import RateLimitItemPerMinute
from limits.aio.strategies import SlidingWindowCounterRateLimiter
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gateway.access import AccessCache
from gateway.config import API_CSP, DOCS_CSP, DOCS_FILES_PREFIX, DOCS_PAGES, ROUTES, SECURITY_HEADERS, UNLIMITED_PATHS
from gateway.proxy import Proxy, Upload, UploadStopped
from gateway.throttle import async_storage, seconds_until
from services.common.auth import REVOKED, REVOKED_TOKEN, Principal, Role, TokenVerifier
from services.common.logs import note_caller, request_id_var
from services.common.problems import NO_RESOURCE, Unauthorized, send_problem
from services.common.settings import Settings
from services.common.texts import Text


class RateLimiter:
    """Requests per caller per minute; in memory by default, shared when given a Redis URL."""

    def __init__(self, per_minute: int, storage_url: str) -> None:
        self.item = RateLimitItemPerMinute(per_minute)
        self.limiter = SlidingWindowCounterRateLimiter(async_storage(storage_url))

    async def retry_after(self, key: str) -> int | None:
        """None when the caller may go on, else the seconds to wait."""
        if await self.limiter.hit(self.item, key):
            return None
        return seconds_until((await self.limiter.get_window_stats(self.item, key)).reset_time)


_API_HEADERS = (*SECURITY_HEADERS, API_CSP, (b"cache-control", b"no-store"))
_DOCS_HEADERS = (*SECURITY_HEADERS, DOCS_CSP, (b"cache-control", b"no-store"))
_DOCS_FILE_HEADERS = (*SECURITY_HEADERS, DOCS_CSP, (b"cache-control", b"no-cache"))  # revalidated by ETag


def response_headers(path: str) -> tuple[tuple[bytes, bytes], ...]:
    """Security headers for every gateway response (the docs pages need a CSP that lets them run)."""
    if path in DOCS_PAGES:
        return _DOCS_HEADERS
    return _DOCS_FILE_HEADERS if path.startswith(DOCS_FILES_PREFIX) else _API_HEADERS


_CONTROL = re.compile(rb"[\x00-\x08\x0a-\x1f\x7f]")  # RFC 9110 field values: no control but HTAB
_CONTROL_IN_HEADER = Text(
    "请求头含控制字符（如 NUL），无法处理。", "A request header contains a control character (such as NUL)."
)


UPLOAD_OVERHEAD = 1024 * 1024  # the multipart framing and form fields around the file itself
_MULTIPART = b"multipart/form-data"


def _too_large(limit: int) -> Text:
    return Text(f"请求体超过 {limit} 字节。", f"The request body exceeds {limit} bytes.")


class Edge:
    """Wraps the gateway's own FastAPI app and forwards service prefixes to the services."""

    settings: Settings
    proxy: Proxy
    verifier: TokenVerifier
    access: AccessCache
    limiter: RateLimiter | None

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    def start(self, settings: Settings, proxy: Proxy, verifier: TokenVerifier, access: AccessCache) -> None:
        self.settings = settings
        self.proxy = proxy
        self.verifier = verifier  # the app's own, so a token is verified once per process
        self.access = access
        per_minute = settings.rate_limit_per_minute
        self.limiter = RateLimiter(per_minute, settings.rate_limit_storage) if per_minute > 0 else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self._handle(scope, receive, send, scope["path"], request_id_var.get())

    async def _handle(self, scope: Scope, receive: Receive, send: Send, path: str, request_id: str) -> None:
        if "/../" in path + "/" or "/./" in path + "/" or "\x00" in path:
            await send_problem(send, 404, NO_RESOURCE, scope=scope)
            return
        if _CONTROL.search(b"\t".join(part for header in scope["headers"] for part in header)):  # one scan: HTAB passes
            # uvicorn's parser refuses these on the wire; a server or an ASGI client that lets them through
            # must not get them to a service, where a NUL would reach PostgreSQL
            await send_problem(send, 400, _CONTROL_IN_HEADER, scope=scope)
            return
        segments = path.split("/", 2)
        first_segment = segments[1] if len(segments) > 1 else ""  # `*` (OPTIONS *) has no segment
        service = ROUTES.get(first_segment)
        subject = None
        if service is not None:
            try:
                principal = self._principal(scope)
            except Unauthorized as exc:
                await send_problem(send, 401, exc.detail, [(b"www-authenticate", b"Bearer")], scope=scope)
                return
            subject = principal.subject
            if not await self.access.allows(principal):
                await send_problem(send, 401, REVOKED, [(b"www-authenticate", b"Bearer")], scope=scope)
                return
            note_caller(principal.username, principal.role)  # for the access line (own routes: `current_principal`)
        elif first_segment == "internal" and not self._is_service(scope):
            await send_problem(send, 404, NO_RESOURCE, scope=scope)  # internal paths are for services only
            return
        elif (own := self._own_caller(scope)) is not None and not await self.access.allows(own):
            # the gateway's own routes decide: a route that needs a caller answers 401, a public one
            # (health, the OpenAPI document, logging in) answers as if no token had been sent
            scope.setdefault("state", {})[REVOKED_TOKEN] = True
        if self.limiter is not None and path not in UNLIMITED_PATHS:
            key = f"sub:{subject}" if subject else f"ip:{scope['client'][0] if scope.get('client') else '-'}"
            if (wait := await self.limiter.retry_after(key)) is not None:
                too_many = Text(f"请求过于频繁，请 {wait} 秒后重试。", f"Too many requests; try again in {wait} s.")
                await send_problem(send, 429, too_many, [(b"retry-after", str(wait).encode())], scope=scope)
                return
        length = None
        multipart = False
        for name, value in scope["headers"]:  # one pass for both: this runs on every request
            if name == b"content-length":
                length = value
            elif name == b"content-type":
                multipart = value[:19].lower() == _MULTIPART
        if multipart and service is not None:
            await self._forward_upload(scope, receive, send, length, service, request_id)
            return
        body = await self._read_body(scope, receive, send, length)
        if body is None:
            return
        if service is not None:
            await self.proxy.forward(scope, body, send, service=service, request_id=request_id)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    def _principal(self, scope: Scope) -> Principal:
        """The verified caller; every service path needs a valid bearer token."""
        return self.verifier.verify_scope(scope)

    def _own_caller(self, scope: Scope) -> Principal | None:
        """The caller of the gateway's own routes when its token is valid (they answer 401 themselves if not)."""
        try:
            return self._principal(scope)
        except Unauthorized:
            return None

    def _is_service(self, scope: Scope) -> bool:
        try:
            return self._principal(scope).role is Role.internal
        except Unauthorized:
            return False

    async def _forward_upload(
        self, scope: Scope, receive: Receive, send: Send, length: bytes | None, service: str, request_id: str
    ) -> None:
        """Stream an upload to its service, 413 when it is (or turns out) too large; the upstream request is
        aborted when it passes the limit or the caller leaves mid-way."""
        limit = self.settings.upload_max_bytes + UPLOAD_OVERHEAD
        if length is not None and length.isdigit() and int(length) > limit:
            await send_problem(send, 413, _too_large(limit), scope=scope)
            return
        upload = Upload(receive, limit)
        try:
            await self.proxy.forward_upload(scope, upload, send, service=service, request_id=request_id)
        except UploadStopped:
            if upload.overflowed:  # the service cannot have answered: it has not had the whole body
                await send_problem(send, 413, _too_large(limit), scope=scope)

    async def _read_body(self, scope: Scope, receive: Receive, send: Send, length: bytes | None) -> bytes | None:
        """The whole request body, or None after answering 413 when it exceeds the limit."""
        limit = self.settings.max_body_bytes
        if length is not None and length.isdigit() and int(length) > limit:
            await send_problem(send, 413, _too_large(limit), scope=scope)
            return None
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await send_problem(send, 413, _too_large(limit), scope=scope)
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

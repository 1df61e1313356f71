"""Forwarding to the services: pooled keep-alive connections, paths passed through unchanged."""

import logging
from collections.abc import AsyncIterator

import aiohttp
from opentelemetry import propagate
from starlette.types import Receive, Scope, Send
from yarl import URL

from services.common import exports
from services.common.internal import Replicas
from services.common.problems import ProblemKind, send_problem
from services.common.texts import Text

log = logging.getLogger("kuaiban.proxy")

HOP_BY_HOP = frozenset(
    {
        b"connection",
        b"keep-alive",
        b"proxy-authenticate",
        b"proxy-authorization",
        b"proxy-connection",
        b"te",
        b"trailer",
        b"transfer-encoding",
        b"upgrade",
    }
)
REQUEST_DROP = HOP_BY_HOP | {
    b"host",
    b"content-length",
    b"x-request-id",
    b"x-forwarded-for",
    b"x-forwarded-proto",
    b"traceparent",  # the gateway's own context goes on instead (the caller's, continued, or a new trace)
    b"tracestate",
}
EXPORT_READ_SECONDS = 900.0  # the longest wait between two reads of a download's answer


def _asks_for_download(scope: Scope) -> bool:
    """The request's `Accept` asks for a CSV or xlsx download (services/common/exports.py negotiates the same)."""
    accept = next((value for key, value in scope["headers"] if key == b"accept"), None)
    return accept is not None and exports.negotiate(accept.decode("latin-1")) is not None


UPLOAD_DROP = REQUEST_DROP - {b"content-length"}  # an upload keeps its length: aiohttp then sends just that
RESPONSE_DROP = HOP_BY_HOP | {b"server", b"date"}
RETRYABLE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
SMALL_BODY = 256 * 1024


class UploadStopped(Exception):
    """An upload stopped before the service answered (too large, or the caller left): nothing was sent back."""


class Upload:
    """A request body passed on as it arrives instead of held whole (a file upload), cut off past `limit` bytes.
    It is read once, so it goes to one replica; `overflowed` and `left` say why it stopped early."""

    __slots__ = ("left", "limit", "overflowed", "receive", "started")

    def __init__(self, receive: Receive, limit: int) -> None:
        self.receive = receive
        self.limit = limit
        self.started = self.overflowed = self.left = False

    async def chunks(self) -> AsyncIterator[bytes]:
        """The body as the caller sends it; raising here makes aiohttp abort the upstream request."""
        self.started = True
        size = 0
        while True:
            message = await self.receive()
            if message["type"] == "http.disconnect":
                self.left = True
                raise UploadStopped("the caller left mid-upload")
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                self.overflowed = True
                raise UploadStopped(f"the upload passed {self.limit} bytes")
            if chunk:
                yield chunk
            if not message.get("more_body", False):
                return


class BrokenUpstream(Exception):
    """The service failed after its answer had started: no problem can be sent any more, so the
    caller's connection is cut (raising out of the ASGI app) rather than ending a truncated body cleanly."""


class Proxy:
    """One pooled aiohttp session shared by every forwarded request, spread over each service's replicas."""

    def __init__(self, upstreams: dict[str, list[str]], *, timeout_seconds: float) -> None:
        self.upstreams = {service: Replicas(urls) for service, urls in upstreams.items()}
        self.session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=512, limit_per_host=256, keepalive_timeout=60, ttl_dns_cache=300),
            timeout=aiohttp.ClientTimeout(total=timeout_seconds, sock_connect=2.0),
            auto_decompress=False,
            cookie_jar=aiohttp.DummyCookieJar(),
            skip_auto_headers=("User-Agent", "Accept", "Accept-Encoding", "Content-Type"),
        )
        # an upload lasts as long as the caller takes to send it: the answer is timed once it is all sent
        self.upload_timeout = aiohttp.ClientTimeout(total=None, sock_connect=2.0, sock_read=timeout_seconds)
        # a CSV or Excel download of a whole list streams for as long as it has rows, and an xlsx is zipped only
        # after its last row (services/common/exports.py): no total, and a long wait for the first byte
        self.export_timeout = aiohttp.ClientTimeout(
            total=None, sock_connect=2.0, sock_read=max(timeout_seconds, EXPORT_READ_SECONDS)
        )

    async def close(self) -> None:
        await self.session.close()

    async def forward(self, scope: Scope, body: bytes, send: Send, *, service: str, request_id: str) -> None:
        """Send the request on and stream the answer back; failures become 502/503/504 problems."""
        method = scope["method"]
        path, headers = self._request(scope, request_id, REQUEST_DROP)
        replicas = self.upstreams[service]
        order = replicas.order()
        if method in RETRYABLE_METHODS and len(order) == 1:
            order = order * 2  # a pooled connection the service had closed: once more, on a fresh one
        timed = {"timeout": self.export_timeout} if method == "GET" and _asks_for_download(scope) else {}
        for attempt, base in enumerate(order):
            last = attempt + 1 == len(order)
            try:
                async with self.session.request(
                    method,
                    URL(base + path, encoded=True),
                    headers=headers,
                    data=body or None,
                    allow_redirects=False,
                    **timed,
                ) as response:
                    await self._relay(response, send)
                replicas.answered(base)
                return
            except aiohttp.ServerDisconnectedError as exc:
                if method in RETRYABLE_METHODS and not last:  # safe to ask again (this replica or the next)
                    continue
                await self._fail(exc, scope, send, service)
            except aiohttp.ClientConnectorError as exc:
                replicas.refused(base)
                if not last:  # nothing was sent: any method goes on to the next replica
                    continue
                await self._fail(exc, scope, send, service)
            except (TimeoutError, aiohttp.ClientError) as exc:
                await self._fail(exc, scope, send, service)
            return

    async def forward_upload(self, scope: Scope, upload: Upload, send: Send, *, service: str, request_id: str) -> None:
        """Stream an upload on as it arrives and its answer back. Never sent twice: only a replica that refused
        the connection, before a byte was read from the caller, passes it on to the next. Raises
        `UploadStopped` when the upload stopped before any answer, for the edge to answer."""
        path, headers = self._request(scope, request_id, UPLOAD_DROP)  # the service may refuse by its length
        replicas = self.upstreams[service]
        order = replicas.order()
        for attempt, base in enumerate(order):
            try:
                async with self.session.request(
                    scope["method"],
                    URL(base + path, encoded=True),
                    headers=headers,
                    data=upload.chunks(),
                    allow_redirects=False,
                    timeout=self.upload_timeout,
                ) as response:
                    await self._relay(response, send)
                replicas.answered(base)
                return
            except (TimeoutError, aiohttp.ClientError) as exc:
                if upload.overflowed or upload.left:
                    raise UploadStopped(str(exc)) from exc
                if isinstance(exc, aiohttp.ClientConnectorError):
                    replicas.refused(base)
                    if not upload.started and attempt + 1 < len(order):
                        continue
                await self._fail(exc, scope, send, service)
            return

    @staticmethod
    def _request(scope: Scope, request_id: str, drop: frozenset[bytes]) -> tuple[str, list[tuple[str, str]]]:
        """The path with its query, and the headers for the service: the caller's less `drop`, plus ours."""
        path = scope["raw_path"].decode("latin-1")
        if scope["query_string"]:
            path += "?" + scope["query_string"].decode("latin-1")
        client = scope.get("client")
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in scope["headers"] if k not in drop]
        headers.append(("x-request-id", request_id))
        headers.append(("x-forwarded-for", client[0] if client else ""))
        headers.append(("x-forwarded-proto", scope.get("scheme", "http")))
        context: dict[str, str] = {}
        propagate.inject(context)  # as every internal call does (aiohttp's span, when recording, refines it)
        headers.extend(context.items())
        return path, headers

    @staticmethod
    async def _fail(exc: BaseException, scope: Scope, send: Send, service: str) -> None:
        """The problem for a request the service did not answer (nothing has been sent back yet)."""
        if isinstance(exc, aiohttp.ServerDisconnectedError):
            closed = Text(f"{service} 服务断开了连接。", f"The {service} service closed the connection.")
            await send_problem(send, 502, closed, kind=ProblemKind.bad_upstream, scope=scope)
        elif isinstance(exc, aiohttp.ClientConnectorError):
            down = Text(
                f"{service} 服务暂不可用，请稍后重试。", f"The {service} service is unavailable; try again shortly."
            )
            await send_problem(send, 503, down, kind=ProblemKind.service_unavailable, scope=scope)
        elif isinstance(exc, TimeoutError):
            late = Text(f"{service} 服务未能及时应答。", f"The {service} service did not answer in time.")
            await send_problem(send, 504, late, kind=ProblemKind.upstream_timeout, scope=scope)
        else:
            log.warning("upstream %s failed: %r", service, exc)
            invalid = Text(f"{service} 服务的应答无效。", f"The {service} service gave an invalid answer.")
            await send_problem(send, 502, invalid, kind=ProblemKind.bad_upstream, scope=scope)

    @staticmethod
    async def _relay(response: aiohttp.ClientResponse, send: Send) -> None:
        headers = [(k, v) for k, v in response.raw_headers if k.lower() not in RESPONSE_DROP]
        length = response.content_length
        if length is not None and length <= SMALL_BODY:
            payload = await response.read()  # read first so a broken upstream still gets a clean 502
            await send({"type": "http.response.start", "status": response.status, "headers": headers})
            await send({"type": "http.response.body", "body": payload})
            return
        await send({"type": "http.response.start", "status": response.status, "headers": headers})
        try:
            async for chunk in response.content.iter_any():
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise BrokenUpstream(f"the answer broke off after it started: {exc!r}") from exc
        await send({"type": "http.response.body", "body": b""})

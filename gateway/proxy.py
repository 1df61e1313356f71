"""Forwarding to the services: pooled keep-alive connections, paths passed through unchanged."""

import logging

import aiohttp
from opentelemetry import propagate
from starlette.types import Scope, Send
from yarl import URL

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
RESPONSE_DROP = HOP_BY_HOP | {b"server", b"date"}
RETRYABLE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
SMALL_BODY = 256 * 1024


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

    async def close(self) -> None:
        await self.session.close()

    async def forward(self, scope: Scope, body: bytes, send: Send, *, service: str, request_id: str) -> None:
        """Send the request on and stream the answer back; failures become 502/503/504 problems."""
        method = scope["method"]
        path = scope["raw_path"].decode("latin-1")
        if scope["query_string"]:
            path += "?" + scope["query_string"].decode("latin-1")
        client = scope.get("client")
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in scope["headers"] if k not in REQUEST_DROP]
        headers.append(("x-request-id", request_id))
        headers.append(("x-forwarded-for", client[0] if client else ""))
        headers.append(("x-forwarded-proto", scope.get("scheme", "http")))
        context: dict[str, str] = {}
        propagate.inject(context)  # as every internal call does (aiohttp's span, when recording, refines it)
        headers.extend(context.items())
        replicas = self.upstreams[service]
        order = replicas.order()
        if method in RETRYABLE_METHODS and len(order) == 1:
            order = order * 2  # a pooled connection the service had closed: once more, on a fresh one
        for attempt, base in enumerate(order):
            last = attempt + 1 == len(order)
            try:
                async with self.session.request(
                    method, URL(base + path, encoded=True), headers=headers, data=body or None, allow_redirects=False
                ) as response:
                    await self._relay(response, send)
                replicas.answered(base)
                return
            except aiohttp.ServerDisconnectedError:
                if method in RETRYABLE_METHODS and not last:  # safe to ask again (this replica or the next)
                    continue
                closed = Text(f"{service} 服务断开了连接。", f"The {service} service closed the connection.")
                await send_problem(send, 502, closed, kind=ProblemKind.bad_upstream, scope=scope)
            except aiohttp.ClientConnectorError:
                replicas.refused(base)
                if not last:  # nothing was sent: any method goes on to the next replica
                    continue
                down = Text(
                    f"{service} 服务暂不可用，请稍后重试。", f"The {service} service is unavailable; try again shortly."
                )
                await send_problem(send, 503, down, kind=ProblemKind.service_unavailable, scope=scope)
            except TimeoutError:
                late = Text(f"{service} 服务未能及时应答。", f"The {service} service did not answer in time.")
                await send_problem(send, 504, late, kind=ProblemKind.upstream_timeout, scope=scope)
            except aiohttp.ClientError as exc:
                log.warning("upstream %s failed: %r", service, exc)
                invalid = Text(f"{service} 服务的应答无效。", f"The {service} service gave an invalid answer.")
                await send_problem(send, 502, invalid, kind=ProblemKind.bad_upstream, scope=scope)
            return

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

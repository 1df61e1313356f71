"""Calls between Kuaiban processes ("internal calls"): a short-lived `internal` token, the current
request id, pooled keep-alive connections, retries only where a retry is safe.

Typed clients (each consumer's `clients.py`) sit on top of `InternalHttp` and speak the provider's
`contract.py` models; nothing here knows any service's paths or shapes. The transport is aiohttp's
pooled client in production; tests give an in-process one that calls the other apps over ASGI.
"""

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Protocol, TypeVar

import aiohttp
from fastapi import Depends, Request
from opentelemetry import propagate
from pydantic import BaseModel, ValidationError

from services.common.auth import Principal, Role, issue_token
from services.common.logs import request_id_var
from services.common.problems import Unavailable
from services.common.settings import Settings
from services.common.texts import Text

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
INTERNAL_TOKEN_TTL = 300
log = logging.getLogger("kuaiban.internal")
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes


class Unreachable(Exception):
    """The other process did not answer at all (refused, reset, timed out); `refused`: the request never left."""

    def __init__(self, reason: str, *, refused: bool = False) -> None:
        super().__init__(reason)
        self.refused = refused


class Replicas:
    """A service's processes, taken in turn. One that refused a connection sits out `REST_SECONDS` behind the
    others, so a stopped replica costs one failed connect, not one per request; it is tried again after."""

    REST_SECONDS = 5.0

    def __init__(self, urls: Sequence[str]) -> None:
        self.urls = list(urls)
        self._next = 0
        self._resting: dict[str, float] = {}

    def order(self) -> list[str]:
        """Every replica, the next in turn first and resting ones last."""
        if len(self.urls) == 1:
            return self.urls
        start, self._next = self._next, (self._next + 1) % len(self.urls)
        turn = self.urls[start:] + self.urls[:start]
        if not self._resting:
            return turn
        now = time.monotonic()
        return sorted(turn, key=lambda url: self._resting.get(url, 0.0) > now)

    def refused(self, url: str) -> None:
        self._resting[url] = time.monotonic() + self.REST_SECONDS

    def answered(self, url: str) -> None:
        if self._resting:
            self._resting.pop(url, None)


class Transport(Protocol):
    async def send(
        self, method: str, url: str, *, headers: dict[str, str], body: bytes | None, time_limit: float
    ) -> Reply: ...

    async def aclose(self) -> None: ...


class AiohttpTransport:
    """One pooled aiohttp session per process (far cheaper per call than httpx, see DESIGN.md)."""

    def __init__(self) -> None:
        self._session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=100, keepalive_timeout=30, ttl_dns_cache=300),
            cookie_jar=aiohttp.DummyCookieJar(),
            skip_auto_headers=("User-Agent", "Accept-Encoding"),
        )

    async def send(
        self, method: str, url: str, *, headers: dict[str, str], body: bytes | None, time_limit: float
    ) -> Reply:
        try:
            async with self._session.request(
                method,
                url,
                headers=headers,
                data=body,
                timeout=aiohttp.ClientTimeout(total=time_limit, sock_connect=min(2.0, time_limit)),
                allow_redirects=False,
            ) as response:
                return Reply(response.status, await response.read())
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise Unreachable(repr(exc), refused=isinstance(exc, aiohttp.ClientConnectorError)) from exc

    async def aclose(self) -> None:
        await self._session.close()


class InternalHttp:
    """Sends internal calls as this process (`caller`) with an `internal` role token."""

    def __init__(
        self,
        settings: Settings,
        *,
        caller: str,
        transport: Transport | None = None,
        retries: int = 2,
        timeout: float = 5.0,
    ) -> None:
        self._settings = settings
        self._caller = caller
        self._transport = transport if transport is not None else AiohttpTransport()
        self._retries = retries
        self._timeout = timeout
        self._token = ""
        self._token_expires_at = 0.0
        self._upstreams: dict[str, Replicas] = {}

    def _internal_token(self) -> str:
        if time.time() > self._token_expires_at - 60:
            principal = Principal(subject=f"internal:{self._caller}", username=self._caller, role=Role.internal)
            self._token = issue_token(self._settings.jwt_secret, principal, ttl_seconds=INTERNAL_TOKEN_TTL)
            self._token_expires_at = time.time() + INTERNAL_TOKEN_TTL
        return self._token

    async def call(
        self,
        service: str,
        method: str,
        path: str,
        *,
        body: BaseModel | bytes | None = None,
        retries: int | None = None,
        time_limit: float | None = None,
    ) -> Reply:
        """One call; transport failures of idempotent methods are retried with backoff.

        A process that stays unreachable raises `Unavailable` (503 to our own caller).
        """
        method = method.upper()
        headers = {"authorization": f"Bearer {self._internal_token()}"}
        if request_id := request_id_var.get():
            headers["x-request-id"] = request_id
        propagate.inject(headers)  # the trace goes on whatever the transport (aiohttp's own span refines it)
        if isinstance(body, BaseModel):
            body = body.model_dump_json().encode()
        if body is not None:
            headers["content-type"] = "application/json"
        retries = self._retries if retries is None else retries
        replicas = self._replicas(service)
        order = replicas.order()
        # idempotent calls are retried (on the next replica when there is one); any call goes on to the next
        # replica when the last one refused the connection, since then nothing was sent
        attempts = max(len(order), 1 + (retries if method in IDEMPOTENT_METHODS else 0))
        for attempt in range(attempts):
            base = order[attempt % len(order)]
            url = base + path
            try:
                reply = await self._transport.send(
                    method, url, headers=headers, body=body, time_limit=time_limit or self._timeout
                )
                replicas.answered(base)
                return reply
            except Unreachable as exc:
                log.warning("%s %s failed (attempt %d/%d): %s", method, url, attempt + 1, attempts, exc)
                if exc.refused:
                    replicas.refused(base)
                elif method not in IDEMPOTENT_METHODS:
                    break  # it may have been received: not sent again
                if attempt + 1 < attempts and (attempt + 1) % len(order) == 0:
                    await asyncio.sleep(0.1 * 2 ** (attempt // len(order)))  # every replica tried: back off
        raise Unavailable(
            Text(f"{service} 服务暂时不可用，请稍后再试。", f"The {service} service is unavailable; try again shortly.")
        )

    def _replicas(self, service: str) -> Replicas:
        found = self._upstreams.get(service)
        if found is None:
            found = self._upstreams[service] = Replicas(self._settings.service_urls(service))
        return found

    async def fetch(self, service: str, path: str, model: type[M], *, what: Text) -> M | None:
        """GET one resource of another service as its contract model; None when it is not there (404).

        Anything else (down, 5xx, a body that breaks the contract) raises `Unavailable` naming `what`.
        """
        reply = await self.call(service, "GET", path)
        if reply.status == 404:
            return None
        if reply.status == 200:
            try:
                return model.model_validate_json(reply.body)
            except ValidationError:
                log.error("%s answered %s with a body outside its contract", service, path)
        raise Unavailable(
            Text(
                f"{service} 服务暂时无法确认{what}，请稍后再试。",
                f"The {service} service could not confirm {what.en}; try again shortly.",
            )
        )

    async def aclose(self) -> None:
        await self._transport.aclose()


class ContractClient:
    """The base of the typed clients each provider's `contract.py` offers: they call over `internal`."""

    def __init__(self, internal: InternalHttp) -> None:
        self._internal = internal


C = TypeVar("C")


def injected(client_class: Callable[[InternalHttp], C]) -> Any:
    """`Annotated[client_class, Depends(...)]`: a typed client on the app runtime's `internal` transport."""

    def dependency(request: Request) -> C:
        return client_class(request.app.state.runtime.internal)

    return Annotated[client_class, Depends(dependency)]

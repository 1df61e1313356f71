"""The one HTTP client for calls between services: pooled, timed out, retried only when safe."""

import asyncio
import logging
import time
from typing import Any

import httpx

from services.common.auth import Principal, Role, issue_token
from services.common.logs import request_id_var
from services.common.problems import Unavailable
from services.common.settings import Settings

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
SERVICE_TOKEN_TTL = 300
log = logging.getLogger("kuaiban.http")


class ServiceClient:
    """Calls another Kuaiban service with a short-lived service token and the current request id."""

    def __init__(self, settings: Settings, *, caller: str, retries: int = 2, timeout: float = 5.0) -> None:
        self._settings = settings
        self._caller = caller
        self._retries = retries
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout, connect=2.0),
            limits=httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=30),
        )
        self._token = ""
        self._token_expires_at = 0.0

    def _service_token(self) -> str:
        if time.time() > self._token_expires_at - 60:
            principal = Principal(subject=f"service:{self._caller}", username=self._caller, role=Role.service)
            self._token = issue_token(self._settings.jwt_secret, principal, ttl_seconds=SERVICE_TOKEN_TTL)
            self._token_expires_at = time.time() + SERVICE_TOKEN_TTL
        return self._token

    async def request(
        self, service: str, method: str, path: str, *, retries: int | None = None, **kwargs
    ) -> httpx.Response:
        """Send one request; transport errors on idempotent methods are retried with backoff.

        A service that stays unreachable raises `Unavailable` (503 to our caller).
        """
        method = method.upper()
        url = self._settings.service_url(service) + path
        headers = {"authorization": f"Bearer {self._service_token()}", **kwargs.pop("headers", {})}
        if request_id := request_id_var.get():
            headers["x-request-id"] = request_id
        retries = self._retries if retries is None else retries
        attempts = 1 + (retries if method in IDEMPOTENT_METHODS else 0)
        for attempt in range(attempts):
            try:
                return await self._client.request(method, url, headers=headers, **kwargs)
            except httpx.TransportError as exc:
                log.warning("%s %s failed (attempt %d/%d): %r", method, url, attempt + 1, attempts, exc)
                if attempt + 1 < attempts:
                    await asyncio.sleep(0.1 * 2**attempt)
        raise Unavailable(f"The {service} service is unavailable; try again shortly.")

    async def get_json(self, service: str, path: str, *, what: str) -> Any | None:
        """GET a resource of another service: its JSON, None when it is not there (404).

        Anything else (down, 5xx) raises `Unavailable` naming `what` could not be confirmed.
        """
        response = await self.request(service, "GET", path)
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise Unavailable(f"The {service} service could not confirm {what}; try again shortly.")
        return response.json()

    async def aclose(self) -> None:
        await self._client.aclose()

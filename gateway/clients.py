"""The gateway's typed clients of the services: registry look-ups for new accounts, health, OpenAPI."""

import uuid
from dataclasses import dataclass, field
from typing import Annotated, Any, TypeVar

import orjson
from fastapi import Depends, Request
from pydantic import BaseModel, ValidationError

from gateway.access import AccessCache
from gateway.config import HEALTH_TIMEOUT_SECONDS, STATS_TIMEOUT_SECONDS
from gateway.passwords import Passwords
from gateway.throttle import LoginThrottle
from services.common.app import Runtime
from services.common.internal import ContractClient, InternalHttp, injected
from services.common.problems import Invalid, ProblemKind, Unavailable
from services.common.texts import Text
from services.finance.contract import FinanceClient
from services.intake.contract import IntakeClient


@dataclass(eq=False)
class GatewayRuntime(Runtime):
    """The gateway's runtime: the common one, password hashing at the configured cost, and the last
    complete merged OpenAPI document."""

    passwords: Passwords = field(init=False)
    login_throttle: LoginThrottle = field(init=False)
    access: AccessCache = field(init=False)
    merged_openapi: tuple[float, dict[str, Any]] | None = None
    public_stats: tuple[float, Any] | None = None  # (monotonic time, figures): GET /public/stats, cached a minute

    def __post_init__(self) -> None:
        self.passwords = Passwords(time_cost=self.settings.argon2_time_cost, memory_kib=self.settings.argon2_memory_kib)
        self.login_throttle = LoginThrottle(
            per_minute=self.settings.login_failures_per_minute, storage_url=self.settings.rate_limit_storage
        )
        self.access = AccessCache(self.sessions, ttl_seconds=self.settings.access_check_seconds)


class ServicesClient(ContractClient):
    """What the gateway asks of every service: its health and its OpenAPI document."""

    async def healthy(self, service: str) -> bool:
        try:
            reply = await self._internal.call(service, "GET", "/healthz", retries=0, time_limit=HEALTH_TIMEOUT_SECONDS)
        except Unavailable:
            return False
        return reply.status == 200

    async def openapi(self, service: str) -> dict[str, Any] | None:
        try:
            reply = await self._internal.call(
                service, "GET", "/openapi.json", retries=0, time_limit=HEALTH_TIMEOUT_SECONDS
            )
        except Unavailable:
            return None
        if reply.status != 200:
            return None
        try:
            document = orjson.loads(reply.body)
        except orjson.JSONDecodeError:
            return None
        return document if isinstance(document, dict) else None  # a broken document is left out, not a 500


M = TypeVar("M", bound=BaseModel)


class StatsClient(ContractClient):
    """The services' county figures (their stats endpoints, with the internal token), read as the gateway's models."""

    async def figures(self, service: str, path: str, model: type[M]) -> M | None:
        """None when the service is down, refuses or answers outside `model`: open data shows what it has."""
        try:
            reply = await self._internal.call(service, "GET", path, retries=0, time_limit=STATS_TIMEOUT_SECONDS)
        except Unavailable:
            return None
        if reply.status != 200:
            return None
        try:
            return model.model_validate_json(reply.body)
        except ValidationError:
            return None


class RegistryClient:
    """Whether an account's enterprise (intake) or bank (finance) is registered."""

    def __init__(self, internal: InternalHttp) -> None:
        self._intake = IntakeClient(internal)
        self._finance = FinanceClient(internal)

    async def require_enterprise(self, enterprise_id: uuid.UUID) -> None:
        await self._intake.enterprise(enterprise_id)  # 422 on `enterprise_id` when unknown

    async def require_bank(self, bank_id: uuid.UUID) -> None:
        if await self._finance.bank(bank_id) is None:
            raise Invalid(
                Text("没有以此 id 登记的银行。", "No bank is registered with this id."),
                field="bank_id",
                kind=ProblemKind.unknown_reference,
            )


def gateway_runtime(request: Request) -> GatewayRuntime:
    return request.app.state.runtime


GatewayRuntimeDep = Annotated[GatewayRuntime, Depends(gateway_runtime)]
ServicesDep = injected(ServicesClient)
RegistryDep = injected(RegistryClient)
StatsDep = injected(StatsClient)

"""Calls from the gateway to the services: health, OpenAPI documents, enterprise look-ups."""

import uuid
from typing import Any

from gateway.config import HEALTH_TIMEOUT_SECONDS
from services.common.http import ServiceClient
from services.common.problems import Invalid, Unavailable


async def service_health(client: ServiceClient, service: str):
    return await client.request(service, "GET", "/healthz", retries=0, timeout=HEALTH_TIMEOUT_SECONDS)


async def service_openapi(client: ServiceClient, service: str) -> dict[str, Any] | None:
    try:
        response = await client.request(service, "GET", "/openapi.json", retries=0, timeout=HEALTH_TIMEOUT_SECONDS)
    except Unavailable:
        return None
    return response.json() if response.status_code == 200 else None


async def require_enterprise(client: ServiceClient, enterprise_id: uuid.UUID) -> None:
    """An enterprise account must point at a registered enterprise."""
    if await client.get_json("intake", f"/intake/enterprises/{enterprise_id}", what="the enterprise") is None:
        raise Invalid("No enterprise is registered with this id.", field="enterprise_id")


async def require_bank(client: ServiceClient, bank_id: uuid.UUID) -> None:
    """A bank account must point at a bank registered in finance."""
    if await client.get_json("finance", f"/finance/banks/{bank_id}", what="the bank") is None:
        raise Invalid("No bank is registered with this id.", field="bank_id")

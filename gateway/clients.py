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
    response = await client.request("intake", "GET", f"/intake/enterprises/{enterprise_id}")
    if response.status_code == 404:
        raise Invalid("No enterprise is registered with this id.", field="enterprise_id")
    if response.status_code != 200:
        raise Unavailable("The intake service could not confirm the enterprise; try again shortly.")


async def require_bank(client: ServiceClient, bank_id: uuid.UUID) -> None:
    """A bank account must point at a bank registered in finance."""
    response = await client.request("finance", "GET", f"/finance/banks/{bank_id}")
    if response.status_code == 404:
        raise Invalid("No bank is registered with this id.", field="bank_id")
    if response.status_code != 200:
        raise Unavailable("The finance service could not confirm the bank; try again shortly.")

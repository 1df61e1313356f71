"""Calls from approval to intake: the enterprise's profile and the liaison officer's enterprises."""

import uuid
from typing import Any

from services.common.http import ServiceClient
from services.common.problems import Invalid, Unavailable


async def enterprise(client: ServiceClient, enterprise_id: uuid.UUID) -> dict[str, Any]:
    """The enterprise as intake has it (its credit rating decides whether it may use 容缺)."""
    response = await client.request("intake", "GET", f"/intake/enterprises/{enterprise_id}")
    if response.status_code == 404:
        raise Invalid("No enterprise is registered with this id.", field="enterprise_id")
    if response.status_code != 200:
        raise Unavailable("The intake service could not confirm the enterprise; try again shortly.")
    return response.json()


async def liaison_enterprises(client: ServiceClient, username: str) -> list[uuid.UUID]:
    """The enterprises an officer is the dedicated liaison (包保专员) for."""
    response = await client.request("intake", "GET", f"/internal/intake/liaisons/{username}")
    if response.status_code != 200:
        raise Unavailable("The intake service could not list the liaison's enterprises; try again shortly.")
    return [uuid.UUID(value) for value in response.json()["enterprise_ids"]]

"""Calls from approval to intake: the enterprise's profile and the liaison officer's enterprises."""

import uuid
from typing import Any

from services.common.http import ServiceClient
from services.common.problems import Invalid


async def enterprise(client: ServiceClient, enterprise_id: uuid.UUID) -> dict[str, Any]:
    """The enterprise as intake has it (its credit rating decides whether it may use 容缺)."""
    profile = await client.get_json("intake", f"/intake/enterprises/{enterprise_id}", what="the enterprise")
    if profile is None:
        raise Invalid("No enterprise is registered with this id.", field="enterprise_id")
    return profile


async def liaison_enterprises(client: ServiceClient, username: str) -> list[uuid.UUID]:
    """The enterprises an officer is the dedicated liaison (包保专员) for."""
    found = await client.get_json("intake", f"/internal/intake/liaisons/{username}", what="the liaison's enterprises")
    return [uuid.UUID(value) for value in (found or {"enterprise_ids": []})["enterprise_ids"]]

"""Calls from finance to intake: the enterprise profile that matching needs."""

import uuid
from typing import Any

from services.common.http import ServiceClient
from services.common.problems import NotFound


async def enterprise_profile(client: ServiceClient, enterprise_id: uuid.UUID) -> dict[str, Any]:
    """Industry, town, founding date, revenue and credit rating, as intake has them now."""
    profile = await client.get_json("intake", f"/intake/enterprises/{enterprise_id}", what="the enterprise profile")
    if profile is None:
        raise NotFound("The enterprise behind this account is not registered.")
    return profile

"""Calls from finance to intake: the enterprise profile that matching needs."""

import uuid
from typing import Any

from services.common.http import ServiceClient
from services.common.problems import NotFound, Unavailable


async def enterprise_profile(client: ServiceClient, enterprise_id: uuid.UUID) -> dict[str, Any]:
    """Industry, town, founding date, revenue and credit rating, as intake has them now."""
    response = await client.request("intake", "GET", f"/intake/enterprises/{enterprise_id}")
    if response.status_code == 404:
        raise NotFound("The enterprise behind this account is not registered.")
    if response.status_code != 200:
        raise Unavailable("The intake service could not provide the enterprise profile; try again shortly.")
    return response.json()

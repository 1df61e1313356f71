"""Calls from intake to other services."""

from services.common.http import ServiceClient
from services.common.problems import Invalid


async def require_officer(client: ServiceClient, username: str) -> None:
    """The gateway owns accounts: ask it whether `username` is an officer."""
    account = await client.get_json("gateway", f"/internal/identity/accounts/{username}", what="the officer")
    if account is None or account["role"] != "officer":
        raise Invalid(f"{username!r} is not an officer's account.", field="officer_username")

"""Calls from intake to other services."""

from services.common.http import ServiceClient
from services.common.problems import Invalid, Unavailable


async def require_officer(client: ServiceClient, username: str) -> None:
    """The gateway owns accounts: ask it whether `username` is an officer."""
    response = await client.request("gateway", "GET", f"/internal/identity/accounts/{username}")
    if response.status_code == 404 or (response.status_code == 200 and response.json()["role"] != "officer"):
        raise Invalid(f"{username!r} is not an officer's account.", field="officer_username")
    if response.status_code != 200:
        raise Unavailable("The gateway could not confirm the officer; try again shortly.")

"""What the gateway serves to other Kuaiban processes: account look-ups and a typed client.

The gateway owns accounts (the `identity` schema); intake asks it whether a username is an officer's.
"""

import uuid

from pydantic import BaseModel, ConfigDict

from services.common.internal import ContractClient
from services.common.texts import Text

ACCOUNT_PATH = "/internal/identity/accounts/{username}"


class AccountRef(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    username: str
    role: str
    department: str | None


class IdentityClient(ContractClient):
    """The gateway's accounts as services call them."""

    async def account(self, username: str) -> AccountRef | None:
        path = ACCOUNT_PATH.format(username=username)
        return await self._internal.fetch("gateway", path, AccountRef, what=Text("账号", "the account"))

"""Access that ends when it should: a token is honoured only while its account is active and at the
token's version. Changing an account, a new password or a logout raises the version, so every token
issued before stops working at the edge within `KUAIBAN_ACCESS_CHECK_SECONDS` (each account's state is
read again at most that often). Every request reaches the services through the edge, so this check is
enough for them too: their ports are not public.

A bank system's token (client credentials) is checked the same way against its API client: revoking the
client raises the client's version; rotating its secret does not, so tokens already issued keep working.
"""

import time
import uuid
from collections.abc import Callable

from sqlmodel import select

from gateway.domain import ClientStatus
from gateway.models import Account, ApiClient
from services.common.auth import Principal, Role
from services.common.db import Sessions


class AccessCache:
    def __init__(self, sessions: Sessions, *, ttl_seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._sessions = sessions
        self._ttl = ttl_seconds
        self._clock = clock
        # account id or `client:<id>` -> (read at, version; None: no access)
        self._seen: dict[str, tuple[float, int | None]] = {}

    @staticmethod
    def client_key(client_id: str) -> str:
        return "client:" + client_id

    async def allows(self, principal: Principal) -> bool:
        if principal.role is Role.internal:  # a process of ours, not an account
            return True
        key = principal.subject if principal.client_id is None else self.client_key(principal.client_id)
        read_at, version = self._seen.get(key, (float("-inf"), None))
        if self._clock() - read_at >= self._ttl:
            version = await self._version(principal)
            if len(self._seen) > 100_000:
                self._seen.clear()
            self._seen[key] = (self._clock(), version)
        return version is not None and version == principal.token_version

    async def _version(self, principal: Principal) -> int | None:
        try:
            row_id = uuid.UUID(principal.client_id or principal.subject)
        except ValueError:
            return None
        if principal.client_id is None:
            query = select(Account.token_version).where(Account.id == row_id, Account.active)
        else:
            query = select(ApiClient.token_version).where(
                ApiClient.id == row_id, ApiClient.status == ClientStatus.active
            )
        async with self._sessions() as session:
            return (await session.exec(query)).first()

    def forget(self, subject: str) -> None:
        """This process changed the account (its id) or client (`client_key`): check it afresh at once (other
        replicas within the TTL)."""
        self._seen.pop(subject, None)

"""Access that ends when it should: a token is honoured only while its account is active and at the
token's version. Changing an account, a new password or a logout raises the version, so every token
issued before stops working at the edge within `KUAIBAN_ACCESS_CHECK_SECONDS` (each account's state is
read again at most that often). Every request reaches the services through the edge, so this check is
enough for them too: their ports are not public.
"""

import time
import uuid
from collections.abc import Callable

from sqlmodel import select

from gateway.models import Account
from services.common.auth import Principal, Role
from services.common.db import Sessions


class AccessCache:
    def __init__(self, sessions: Sessions, *, ttl_seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._sessions = sessions
        self._ttl = ttl_seconds
        self._clock = clock
        self._seen: dict[str, tuple[float, int | None]] = {}  # account id -> (read at, version; None: no access)

    async def allows(self, principal: Principal) -> bool:
        if principal.role is Role.internal:  # a process of ours, not an account
            return True
        read_at, version = self._seen.get(principal.subject, (float("-inf"), None))
        if self._clock() - read_at >= self._ttl:
            version = await self._version(principal.subject)
            if len(self._seen) > 100_000:
                self._seen.clear()
            self._seen[principal.subject] = (self._clock(), version)
        return version is not None and version == principal.token_version

    async def _version(self, subject: str) -> int | None:
        try:
            account_id = uuid.UUID(subject)
        except ValueError:
            return None
        async with self._sessions() as session:
            query = select(Account.token_version).where(Account.id == account_id, Account.active)
            return (await session.exec(query)).first()

    def forget(self, subject: str) -> None:
        """This process changed the account: check it afresh at once (other replicas within the TTL)."""
        self._seen.pop(subject, None)

"""Password hashing (argon2id) at the configured cost, off the event loop.

The defaults (3 passes over 64 MiB) are the gateway's production strength; `KUAIBAN_ARGON2_TIME_COST` and
`KUAIBAN_ARGON2_MEMORY_KIB` tune them per deployment (the tests run cheaply with the minimum).
"""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from starlette.concurrency import run_in_threadpool


class Passwords:
    def __init__(self, *, time_cost: int, memory_kib: int) -> None:
        self._hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib)
        self._dummy_hash = self._hasher.hash("not-a-real-password")

    async def hash(self, password: str) -> str:
        return await run_in_threadpool(self._hasher.hash, password)

    async def matches(self, password_hash: str, password: str) -> bool:
        try:
            return await run_in_threadpool(self._hasher.verify, password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    async def spend_equal_time(self, password: str) -> None:
        """The work of a real check, for a username that does not exist (no timing oracle)."""
        await self.matches(self._dummy_hash, password)

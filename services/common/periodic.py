"""Background work a service repeats on an interval, done by one replica at a time.

`periodic_hook(name, interval, work)` is a lifespan hook (for `create_app(hooks=...)`): every `interval(settings)`
seconds it opens a transaction, takes a PostgreSQL transaction-scoped advisory lock named after the work and the
service (`pg_try_advisory_xact_lock`), and only if it got the lock runs `work(session, runtime)` in it. Another
replica that tries meanwhile skips that round; the lock goes with the transaction, so a replica that dies frees
it. A failing round is logged and the next one tries again. `work` must be idempotent: a round may find nothing
to do, and an admin may run the same work by hand beside it.
"""

import asyncio
import contextlib
import logging
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.plain import plain

log = logging.getLogger("kuaiban.periodic")

Work = Callable[[AsyncSession, Any], Awaitable[Any]]


def lock_id(name: str, service: str) -> int:
    """The advisory lock of `name`'s work in `service` (the same in every replica)."""
    return zlib.crc32(f"kuaiban-{name}-{service}".encode())


async def run_once(runtime: Any, name: str, work: Work) -> bool:
    """One round: `work` in a transaction of its own under the lock; False when another replica holds it."""
    async with runtime.sessions.begin() as session:
        if not (await plain(session, "SELECT pg_try_advisory_xact_lock(%s)", (lock_id(name, runtime.name),)))[0][0]:
            return False
        await work(session, runtime)
        return True


def periodic_hook(name: str, interval: Callable[[Any], float], work: Work):
    """A lifespan hook running `work` every `interval(settings)` seconds (the first round after one interval),
    in one replica at a time; `name` names the task and the lock."""

    @asynccontextmanager
    async def hook(runtime: Any) -> AsyncIterator[None]:
        seconds = interval(runtime.settings)

        async def loop() -> None:
            while True:
                await asyncio.sleep(seconds)
                try:
                    await run_once(runtime, name, work)
                except Exception:  # the database away, say: the next round tries again
                    log.exception("%s failed", name)

        task = asyncio.create_task(loop(), name=f"{runtime.name}-{name}")
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    return hook

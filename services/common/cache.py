"""In-process snapshots of tables read on hot paths and rarely written (the products that matching scans),
kept exact by a token row.

A statement trigger on each watched table renews the snapshot's token (`cache_token`, one row per snapshot,
in the service's schema) inside the writing transaction. A reader reads the token in its own transaction:
the same token as the kept snapshot means the snapshot holds what the reader's own queries would see.
The renewal locks the token row until commit, and a BEFORE STATEMENT trigger takes that lock before any
row lock of the statement, so writers of the watched table queue on it instead of deadlocking.

A snapshot loaded while the reader's own transaction has renewed the token (it wrote the table and may yet
roll back) serves that transaction only and is never kept. Tokens are random, so two databases never share
one, and each process (each uvicorn worker) keeps its own snapshots.
"""

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

from sqlalchemy import BigInteger, text
from sqlmodel import Field, SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession

T = TypeVar("T")


class CacheTokenRecord(SQLModel):
    """Columns of a service's `cache_token` table: the current token of each snapshot and who renewed it."""

    name: str = Field(primary_key=True, max_length=64)
    token: uuid.UUID
    writer: int | None = Field(default=None, sa_type=BigInteger)  # the renewing transaction's id (xid8)


# Settled: renewed by a committed (or aborted, hence invisible) transaction, not by this one still open.
_READ = "SELECT token, pg_xact_status(writer::text::xid8) IS DISTINCT FROM 'in progress' FROM {schema}.cache_token "
_READ += "WHERE name = :name"


class TableSnapshot(Generic[T]):
    """One process's snapshot of a watched table, loaded by `load` and reused while its token stands."""

    def __init__(self, schema: str, name: str, load: Callable[[AsyncSession], Awaitable[T]]) -> None:
        self._read = text(_READ.format(schema=schema)).bindparams(name=name)
        self._load = load
        self._kept: tuple[uuid.UUID, T] | None = None
        self._lock: asyncio.Lock | None = None
        self._lock_loop: asyncio.AbstractEventLoop | None = None
        self.loads = 0  # how many times the table was read (the benchmark reports it)

    async def get(self, session: AsyncSession) -> T:
        """The snapshot as this session's transaction sees the table."""
        token, settled = (await session.exec(self._read)).one()  # type: ignore[call-overload]
        kept = self._kept
        if kept is not None and kept[0] == token:
            return kept[1]
        if not settled:
            return await self._read_table(session)
        async with self._loop_lock():  # one load per token, however many requests ask at once
            kept = self._kept
            if kept is not None and kept[0] == token:
                return kept[1]
            value = await self._read_table(session)
            self._kept = (token, value)
            return value

    async def _read_table(self, session: AsyncSession) -> T:
        self.loads += 1
        return await self._load(session)

    def _loop_lock(self) -> asyncio.Lock:
        """A lock of the running event loop (tests run several loops in one process)."""
        loop = asyncio.get_running_loop()
        if self._lock is None or self._lock_loop is not loop:
            self._lock, self._lock_loop = asyncio.Lock(), loop
        return self._lock

"""`Idempotency-Key` for every POST, in the same transaction as the work it guards.

The same key from the same caller with the same body replays the first answer; with a different body,
422; while the first is still running, 409. Answers below 500 are kept at least 24 h; a 5xx or a crash
keeps nothing, so the client's retry runs again.

A key is claimed with a transaction-scoped advisory lock, so "still running" needs no lease: when the
first attempt's process dies, PostgreSQL ends its transaction and the lock with it. Each service declares
its own `idempotency_key` table from `IdempotencyRecord`.
"""

import functools
import hashlib
import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import DateTime, Index, LargeBinary, UniqueConstraint
from sqlalchemy.sql.schema import Table
from sqlmodel import Field, SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.models import utcnow
from services.common.plain import plain
from services.common.problems import ProblemKind
from services.common.texts import Text

HEADER = b"idempotency-key"
KEEP = timedelta(hours=24)
CLEANUP_SHARE = 0.01  # the share of claims that also clear every expired key (an index on created_at)


class IdempotencyRecord(SQLModel):
    """Columns of every service's idempotency table: one row per answered key."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True), nullable=False)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True), nullable=False)
    caller: str = Field(max_length=128)
    key: str = Field(max_length=255)
    method: str = Field(max_length=8)
    path: str = Field(max_length=500)
    request_hash: str = Field(max_length=64)
    response_status: int
    response_type: str | None = Field(default=None, max_length=100)
    response_body: bytes = Field(sa_type=LargeBinary)


def idempotency_table_args(schema: str) -> tuple:
    return (
        UniqueConstraint("caller", "key", name="uq_idempotency_key_caller_key"),
        Index("ix_idempotency_key_created_at", "created_at"),  # for the clean-up of expired keys
        {"schema": schema},
    )


@dataclass(frozen=True)
class Use:
    """One use of a key: who, which key, and what it was sent with."""

    caller: str
    key: str
    path: str
    body: bytes

    @property
    def request_hash(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str | None
    body: bytes


@dataclass(frozen=True)
class Refusal:
    kind: ProblemKind
    detail: Text

    @property
    def status(self) -> int:
        return self.kind.status


IN_USE = Refusal(
    ProblemKind.idempotency_key_in_use,
    Text("使用此幂等键的请求仍在处理中。", "A request with this Idempotency-Key is still being processed."),
)
REUSED = Refusal(
    ProblemKind.idempotency_key_reused,
    Text("此幂等键已用于另一个不同的请求。", "This Idempotency-Key was used with a different request."),
)


@functools.cache
def _statements(table: Table) -> dict[str, str]:
    """The key table's statements, plain SQL (`db.plain`): every idempotent POST runs them."""
    name = f'"{table.schema}"."{table.name}"'
    return {
        "lock": "SELECT pg_try_advisory_xact_lock(hashtextextended(%s, 0))",
        "find": f"SELECT id, created_at, request_hash, path, response_status, response_type, response_body"
        f" FROM {name} WHERE caller = %s AND key = %s",
        "forget": f"DELETE FROM {name} WHERE id = %s",
        "expire": f"DELETE FROM {name} WHERE created_at < %s",
        "remember": f"INSERT INTO {name} (id, created_at, updated_at, caller, key, method, path, request_hash,"
        " response_status, response_type, response_body) VALUES (%s, %s, %s, %s, %s, 'POST', %s, %s, %s, %s, %s)",
    }


async def claim(session: AsyncSession, table: Table, use: Use, *, now: datetime) -> Answer | Refusal | None:
    """Lock the key for this transaction. None: this request runs; else the answer to replay or a refusal."""
    sql = _statements(table)
    [(locked,)] = await plain(session, sql["lock"], (f"{table.fullname}:{use.caller}:{use.key}",))
    if not locked:
        return IN_USE
    if random.random() < CLEANUP_SHARE:
        await plain(session, sql["expire"], (now - KEEP,))
    # A statement of its own after the lock: its snapshot sees an answer committed just before the lock.
    rows = await plain(session, sql["find"], (use.caller, use.key))
    if not rows:
        return None
    row_id, created_at, request_hash, path, status, content_type, body = rows[0]
    if created_at < now - KEEP:  # an expired use of the key: forget it, run afresh
        await plain(session, sql["forget"], (row_id,))
        return None
    if request_hash != use.request_hash or path != use.path:
        return REUSED
    return Answer(status, content_type, bytes(body))


async def remember(session: AsyncSession, table: Table, use: Use, answer: Answer, *, now: datetime) -> None:
    """Store the answer in the current transaction: it commits with the work, or not at all."""
    await plain(
        session,
        _statements(table)["remember"],
        (
            uuid.uuid4(),
            now,
            now,
            use.caller,
            use.key,
            use.path,
            use.request_hash,
            answer.status,
            answer.content_type,
            answer.body,
        ),
    )

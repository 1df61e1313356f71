"""`Idempotency-Key` for every POST: the same key from the same caller with the same body replays the
first response; a different body is 422; while the first is still running, 409. Keys are kept 24 h.

Each service declares its own `idempotency_key` table from `IdempotencyRecord`. A request that fails
with a 5xx or a crash frees its key, so the client's retry runs again; a request whose process died
mid-way frees it after `LEASE`.
"""

import hashlib
import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import DateTime, Index, LargeBinary, UniqueConstraint, delete, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import Field, SQLModel
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.common.auth import TokenVerifier
from services.common.models import utcnow
from services.common.problems import Unauthorized, send_problem

HEADER = b"idempotency-key"
KEEP = timedelta(hours=24)
LEASE = timedelta(minutes=5)
CLEANUP_SHARE = 0.01


@dataclass(frozen=True)
class Stored:
    status: int
    content_type: str | None
    body: bytes


@dataclass(frozen=True)
class Refused:
    status: int
    detail: str


class IdempotencyRecord(SQLModel):
    """Columns of every service's idempotency table."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True), nullable=False)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True), nullable=False)
    caller: str = Field(max_length=128)
    key: str = Field(max_length=255)
    method: str = Field(max_length=8)
    path: str = Field(max_length=500)
    request_hash: str = Field(max_length=64)
    state: str = Field(max_length=8)  # running | done
    response_status: int | None = None
    response_type: str | None = Field(default=None, max_length=100)
    response_body: bytes | None = Field(default=None, sa_type=LargeBinary)


def idempotency_table_args(schema: str) -> tuple:
    return (
        UniqueConstraint("caller", "key", name="uq_idempotency_key_caller_key"),
        Index("ix_idempotency_key_created_at", "created_at"),  # for the clean-up of expired keys
        {"schema": schema},
    )


class IdempotencyMiddleware:
    """Wraps a service's app; needs `app.state.engine` and `app.state.verifier` (set by the lifespan)."""

    def __init__(self, app: ASGIApp, model: type[IdempotencyRecord]) -> None:
        self.app = app
        self.table = model.__table__  # type: ignore[attr-defined]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = _header_of(scope["headers"], HEADER) if scope["type"] == "http" and scope["method"] == "POST" else None
        if key is None:
            await self.app(scope, receive, send)
            return
        state = scope["app"].state
        caller = _caller(scope, state.verifier)
        if caller is None:  # no valid token: the route answers 401 itself
            await self.app(scope, receive, send)
            return
        if not 1 <= len(key) <= 255:
            await send_problem(send, 422, "Idempotency-Key must be 1 to 255 characters.")
            return
        body = await _read_body(receive)
        request_hash = hashlib.sha256(body).hexdigest()
        record = {"caller": caller, "key": key, "method": "POST", "path": scope["path"], "request_hash": request_hash}
        claim = await self._claim(state.engine, record)
        if isinstance(claim, Stored):
            await _replay(send, claim.status, claim.content_type, claim.body)
            return
        if isinstance(claim, Refused):
            await send_problem(send, claim.status, claim.detail)
            return
        await self._run_and_store(scope, body, send, state.engine, caller, key)

    async def _claim(self, engine: AsyncEngine, record: dict) -> "Stored | Refused | None":
        """None when this request owns the key now; else the stored response or why it is refused."""
        t = self.table
        now = utcnow()
        async with engine.begin() as conn:
            if random.random() < CLEANUP_SHARE:  # now and then, every expired key goes
                await conn.execute(delete(t).where(t.c.created_at < now - KEEP))
            else:  # always, an expired use of this key
                await conn.execute(
                    delete(t).where(
                        t.c.caller == record["caller"], t.c.key == record["key"], t.c.created_at < now - KEEP
                    )
                )
            inserted = await conn.execute(
                insert(t)
                .values(id=uuid.uuid4(), created_at=now, updated_at=now, state="running", **record)
                .on_conflict_do_nothing(index_elements=["caller", "key"])
                .returning(t.c.id)
            )
            if inserted.first() is not None:
                return None
            row = (await conn.execute(select(t).where(t.c.caller == record["caller"], t.c.key == record["key"]))).one()
            if row.request_hash != record["request_hash"] or row.path != record["path"]:
                return Refused(422, "This Idempotency-Key was used with a different request.")
            if row.state == "done":
                return Stored(row.response_status, row.response_type, row.response_body)
            taken = await conn.execute(
                update(t)
                .where(t.c.id == row.id, t.c.state == "running", t.c.updated_at < now - LEASE)
                .values(updated_at=now)
                .returning(t.c.id)
            )
            if taken.first() is not None:  # the first attempt's process died: this one takes over
                return None
            return Refused(409, "A request with this Idempotency-Key is still being processed.")

    async def _run_and_store(
        self, scope: Scope, body: bytes, send: Send, engine: AsyncEngine, caller: str, key: str
    ) -> None:
        """Run the request; its response is stored before the client sees it, so a quick retry replays it."""
        t = self.table
        where = (t.c.caller == caller, t.c.key == key)
        held: list[Message] = []
        response = {"status": 500, "type": None}

        async def replay_body() -> Message:
            return {"type": "http.request", "body": body, "more_body": False}

        async def hold_until_stored(message: Message) -> None:
            held.append(message)
            if message["type"] == "http.response.start":
                response["status"] = message["status"]
                response["type"] = _header_of(message.get("headers", ()), b"content-type")
                return
            if message["type"] != "http.response.body" or message.get("more_body", False):
                return
            stored = b"".join(m.get("body", b"") for m in held if m["type"] == "http.response.body")
            async with engine.begin() as conn:
                if response["status"] >= 500:  # nothing was done for sure: let the retry run again
                    await conn.execute(delete(t).where(*where))
                else:
                    await conn.execute(
                        update(t)
                        .where(*where)
                        .values(
                            state="done",
                            updated_at=utcnow(),
                            response_status=response["status"],
                            response_type=response["type"],
                            response_body=stored,
                        )
                    )
            for held_message in held:
                await send(held_message)
            held.clear()

        try:
            await self.app(scope, replay_body, hold_until_stored)
        except BaseException:
            async with engine.begin() as conn:
                await conn.execute(delete(t).where(*where))
            raise


def _header_of(headers, name: bytes) -> str | None:
    for key, value in headers:
        if key.lower() == name:
            return value.decode("latin-1")
    return None


def _caller(scope: Scope, verifier: TokenVerifier) -> str | None:
    try:
        return verifier.verify_scope(scope).subject
    except Unauthorized:
        return None


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


async def _replay(send: Send, status: int, content_type: str | None, body: bytes) -> None:
    headers = [(b"content-length", str(len(body)).encode()), (b"idempotent-replayed", b"true")]
    if content_type:
        headers.append((b"content-type", content_type.encode("latin-1")))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})

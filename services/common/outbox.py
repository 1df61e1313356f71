"""Transactional outbox: a message is written in the same transaction as the change it announces, then
delivered to its recipient (another service) until the recipient acknowledges it.

Each service that sends declares its own `outbox` table from `OutboxMessage`. A commit that wrote a
message wakes the relay (`db.on_commit`), which otherwise polls every second. The relay never holds a
lock across the network: it claims a batch (pushes their next attempt a lease ahead, commits), sends
outside any transaction, then records each result. Recipients are idempotent on the message id, so a
message sent twice (a relay that died between sending and recording) is stored once.

A recipient that answers 4xx (other than 408, 409 and 429) will never take the message: it becomes a
dead letter at once. Any other answered failure is retried with backoff until `outbox_max_attempts`,
then it is a dead letter too. A recipient that does not answer at all (down) only delays delivery:
that never makes a dead letter. Admin lists dead letters and redrives them; nothing is deleted unsent.
"""

import asyncio
import contextlib
import logging
import random
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

import orjson
from fastapi import APIRouter
from pydantic import BaseModel
from sqlalchemy import DateTime, Index, update
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.exc import DBAPIError
from sqlmodel import Field, SQLModel, select

from services.common import exports, metrics, tracing
from services.common.auth import AdminDep
from services.common.clock import NowDep
from services.common.db import SessionDep, Sessions, on_commit
from services.common.internal import InternalHttp, Reply
from services.common.logs import request_id_var
from services.common.models import EnumText, utcnow
from services.common.pagination import PageDep, make_page, page_body, paginate
from services.common.problems import NotFound, Unavailable, problem_responses
from services.common.schemas import ResponseBody
from services.common.texts import localize, no_such

log = logging.getLogger("kuaiban.outbox")
MAX_BACKOFF_SECONDS = 300
CLAIM_LEASE = timedelta(seconds=60)  # a claimed message is not claimed again before this, unless recorded
RETRYABLE_4XX = frozenset({408, 409, 429})


class MessageStatus(StrEnum):
    pending = "pending"
    delivered = "delivered"
    dead = "dead"  # a dead letter: not retried until an admin redrives it


class OutboxMessage(SQLModel):
    """Columns of every service's outbox table; `id` is the message id recipients deduplicate on."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True), nullable=False)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True), nullable=False)
    recipient: str = Field(max_length=16)
    path: str = Field(max_length=200)
    payload: dict[str, Any] = Field(sa_type=JSONB, nullable=False)  # sa_type: a Column object cannot be shared
    status: MessageStatus = Field(default=MessageStatus.pending, sa_type=EnumText(MessageStatus, 16))
    attempts: int = 0  # every try, whether the recipient answered or not: drives the backoff
    failures: int = 0  # tries the recipient answered with an error: decides a dead letter
    next_attempt_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True), nullable=False)
    delivered_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    last_error: str | None = Field(default=None, max_length=500)
    # The request that wrote it: its delivery continues that trace and carries that request id.
    traceparent: str | None = Field(default=None, max_length=64)
    request_id: str | None = Field(default=None, max_length=200)


def outbox_table_args(schema: str) -> tuple:
    """The indexes every outbox table carries, in the service's schema."""
    return (
        Index("ix_outbox_pending", "next_attempt_at", postgresql_where="status = 'pending'"),
        Index("ix_outbox_dead", "updated_at", postgresql_where="status = 'dead'"),
        {"schema": schema},
    )


def message(
    model: type[OutboxMessage], *, message_id: uuid.UUID, recipient: str, path: str, body: BaseModel, now: datetime
) -> OutboxMessage:
    """An outbox row carrying `body` (the recipient's contract model), due at once; add it to the change's session."""
    return model(
        id=message_id,
        recipient=recipient,
        path=path,
        payload=body.model_dump(mode="json"),
        created_at=now,
        updated_at=now,
        next_attempt_at=now,
        traceparent=tracing.traceparent(),
        request_id=request_id_var.get() or None,
    )


def _batch_body(rows: list[Any]) -> bytes:
    """`{"items": [...]}` of the rows' stored payloads, as the batch path takes them."""
    return b'{"items":[' + b",".join(orjson.dumps(row.payload) for row in rows) + b"]}"


@contextlib.contextmanager
def _as_written(rows: list[Any]) -> Iterator[None]:
    """Send within the trace of the request that wrote the messages, under its request id (the first message's,
    with links to the others' traces when a batch carries several)."""
    token = request_id_var.set(rows[0].request_id or "")
    try:
        with tracing.continued("outbox deliver", [row.traceparent for row in rows]):
            yield
    finally:
        request_id_var.reset(token)


def _error(reply: Reply) -> str | None:
    return None if delivered(reply.status) else f"{reply.status}: {reply.body[:400].decode('utf-8', 'replace')}"


def backoff(attempts: int) -> timedelta:
    """Exponential with jitter, capped: 1 s, 2 s, 4 s ... 5 min."""
    seconds = min(MAX_BACKOFF_SECONDS, 2 ** max(0, attempts - 1))
    return timedelta(seconds=seconds * random.uniform(0.8, 1.2))


def delivered(status: int | None) -> bool:
    """The recipient answered 2xx (None: it did not answer)."""
    return status is not None and status < 300


def permanent(status: int) -> bool:
    """A 4xx the recipient will answer again whatever we do."""
    return 400 <= status < 500 and status not in RETRYABLE_4XX


class Relay:
    """The loop every relay shares: a round of deliveries, then, unless the round was full, a wait until a
    commit wakes it or `poll_seconds` pass. A database outage costs one warning line a round, anything else a
    traceback, and the loop never dies. Subclasses deliver (`deliver_once`, returning how many it handled)."""

    name = "relay"

    def __init__(self, *, batch_size: int, poll_seconds: float, logger: logging.Logger) -> None:
        self.batch_size = batch_size
        self.poll_seconds = poll_seconds
        self._log = logger
        self._wake = asyncio.Event()

    def wake(self) -> None:
        self._wake.set()

    async def deliver_once(self) -> int:
        raise NotImplementedError

    async def aclose(self) -> None:
        """Release what the relay holds (a client session, say); nothing by default."""

    async def run(self) -> None:
        while True:
            try:
                handled = await self.deliver_once()
            except DBAPIError as exc:  # the database is away for a moment: one line a round, not a traceback
                self._log.warning(
                    "%s round failed, the database is unavailable: %s", self.name, type(exc.orig).__name__
                )
                handled = 0
            except Exception:  # anything else is a bug worth its traceback; still, never let the relay die
                self._log.exception("%s round failed", self.name)
                handled = 0
            if handled < self.batch_size:
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), self.poll_seconds)


@asynccontextmanager
async def running(relay: Relay, sessions: Sessions, model: type, *, task_name: str) -> AsyncIterator[None]:
    """`relay` runs beside the app, woken by commits that write rows of `model`; stopped and closed on exit."""
    on_commit(sessions, model, relay.wake)
    task = asyncio.create_task(relay.run(), name=task_name)
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await relay.aclose()


class OutboxRelay(Relay):
    """Delivers due messages in the background; `wake()` delivers at once."""

    name = "outbox relay"

    def __init__(
        self,
        model: type[OutboxMessage],
        sessions: Sessions,
        internal: InternalHttp,
        *,
        max_attempts: int,
        batch_size: int = 50,
        poll_seconds: float = 1.0,
        clock: Callable[[], datetime] = utcnow,
        batch_paths: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(batch_size=batch_size, poll_seconds=poll_seconds, logger=log)
        self.batch_paths = dict(batch_paths or {})  # path -> the recipient's path taking `{"items": [...]}`
        self.table = model.__table__  # type: ignore[attr-defined]
        self.sessions = sessions
        self.internal = internal
        self.max_attempts = max_attempts
        self.clock = clock

    async def deliver_once(self) -> int:
        """One round: claim due messages, send them (in one call per recipient path with a batch path), record
        what happened; returns how many were delivered."""
        with tracing.untraced():  # polling is no one's request: no trace for it
            claimed = await self._claim()
        results: list[tuple[Any, int | None, str | None]] = []  # (row, answered status or None, error)
        for unit in self._units(claimed):
            try:
                results.extend(await self._deliver(unit))
            except Unavailable as exc:  # the recipient is down: the rest of the round waits for the next
                results.extend((row, None, localize(exc.detail, "en")) for row in unit)  # operators read English
                break
        with tracing.untraced():
            await self._record(claimed, results)
        return sum(1 for _, status, _ in results if delivered(status))

    async def _deliver(self, unit: list[Any]) -> list[tuple[Any, int | None, str | None]]:
        if len(unit) > 1:
            with _as_written(unit):
                reply = await self._send(unit[0].recipient, self.batch_paths[unit[0].path], _batch_body(unit))
            if delivered(reply.status) or not permanent(reply.status):
                return [(row, reply.status, _error(reply)) for row in unit]
        # alone, or a refused batch's messages one by one, so only the bad one becomes a dead letter
        answered = []
        for row in unit:
            with _as_written([row]):
                reply = await self._send(row.recipient, row.path, orjson.dumps(row.payload))
            answered.append((row, reply.status, _error(reply)))
        return answered

    def _units(self, claimed: list[Any]) -> list[list[Any]]:
        """The round's messages in calls: those for a path with a batch path together, per recipient and path
        (oldest first), every other message alone."""
        units: list[list[Any]] = []
        together: dict[tuple[str, str], list[Any]] = {}
        for row in claimed:
            if row.path not in self.batch_paths:
                units.append([row])
            elif (key := (row.recipient, row.path)) in together:
                together[key].append(row)
            else:
                together[key] = [row]
                units.append(together[key])
        return units

    async def _send(self, recipient: str, path: str, body: bytes) -> Reply:
        reply = await self.internal.call(recipient, "POST", path, body=body, retries=0)
        if reply.status >= 300:
            log.warning("outbox -> %s %s answered %s", recipient, path, reply.status)
        return reply

    async def _claim(self) -> list[Any]:
        t = self.table
        now = self.clock()
        due = (
            select(t.c.id)
            .where(t.c.status == MessageStatus.pending, t.c.next_attempt_at <= now)
            .order_by(t.c.next_attempt_at)
            .limit(self.batch_size)
            .with_for_update(skip_locked=True)
        )
        async with self.sessions.begin() as session:
            rows = await session.exec(
                update(t)
                .where(t.c.id.in_(due.scalar_subquery()))
                .values(next_attempt_at=now + CLAIM_LEASE)
                .returning(
                    t.c.id,
                    t.c.recipient,
                    t.c.path,
                    t.c.payload,
                    t.c.attempts,
                    t.c.failures,
                    t.c.created_at,
                    t.c.traceparent,
                    t.c.request_id,
                )
            )
            return sorted(rows.all(), key=lambda row: (row.created_at, row.id))  # oldest first

    async def _record(self, claimed: list[Any], results: list[tuple[Any, int | None, str | None]]) -> None:
        t = self.table
        now = self.clock()
        retry_at = now
        done = [row.id for row, status, _ in results if delivered(status)]
        outcomes = Counter({"delivered": len(done)})
        async with self.sessions.begin() as session:
            if done:  # the usual round: one statement however many were delivered
                marked = {"status": MessageStatus.delivered, "delivered_at": now, "updated_at": now}
                await session.exec(update(t).where(t.c.id.in_(done)).values(**marked))
            for row, status, error in (result for result in results if not delivered(result[1])):
                answered = status is not None  # a recipient that is down only delays the message
                attempts, failures = row.attempts + 1, row.failures + answered
                dead = answered and (permanent(status) or failures >= self.max_attempts)
                retry_at = now + backoff(attempts)
                values = {
                    "attempts": attempts,
                    "failures": failures,
                    "last_error": (error or "")[:500],
                    "status": MessageStatus.dead if dead else MessageStatus.pending,
                    "next_attempt_at": retry_at,
                }
                outcomes["dead" if dead else "retry" if answered else "unanswered"] += 1
                if dead:
                    log.error("outbox %s -> %s is a dead letter: %s", row.id, row.recipient, error)
                await session.exec(update(t).where(t.c.id == row.id).values(updated_at=now, **values))
            tried = {row.id for row, _, _ in results}
            unsent = [row.id for row in claimed if row.id not in tried]
            if unsent:  # not tried this round: due again with the message that found the recipient down
                await session.exec(update(t).where(t.c.id.in_(unsent)).values(next_attempt_at=retry_at))
        for result, count in outcomes.items():  # counted once the results are kept
            if count:
                metrics.DELIVERIES.labels(t.schema, result).inc(count)


async def redrive(session, model: type[OutboxMessage], *, message_id: uuid.UUID, now: datetime) -> OutboxMessage:
    """Send a dead letter again from its first attempt."""
    row = await session.get(model, message_id, with_for_update=True)
    if row is None or row.status != MessageStatus.dead:
        raise NotFound(no_such("死信", "dead letter"))
    row.status, row.attempts, row.failures = MessageStatus.pending, 0, 0
    row.next_attempt_at = row.updated_at = now
    session.add(row)
    return row


class DeadLetterRead(ResponseBody):
    id: uuid.UUID
    recipient: str
    path: str
    payload: dict[str, Any]
    status: MessageStatus
    attempts: int
    failures: int
    last_error: str | None
    created_at: datetime
    updated_at: datetime


class DeadLetterPage(ResponseBody):
    items: list[DeadLetterRead]
    next_cursor: str | None


def dead_letter_routes(prefix: str, model: type[OutboxMessage]) -> APIRouter:
    """`GET {prefix}/admin/dead-letters` and `POST .../{id}/redrive` for a service's outbox (admin)."""
    router = APIRouter(prefix=f"{prefix}/admin/dead-letters", tags=["operations"])
    service = prefix.strip("/").capitalize()

    @router.get(
        "",
        response_model=DeadLetterPage,
        operation_id=f"list{service}DeadLetters",
        summary="Outbox messages that will not be retried (admin)",
        description="本服务发往其他服务、已不再重试的消息（死信），最近失败的在前，附最后一次错误。"
        "接收方拒收（408、409、429 以外的 4xx）或答复错误达到 `KUAIBAN_OUTBOX_MAX_ATTEMPTS` 次的消息进入此列。",
    )
    @exports.exportable(DeadLetterPage, "死信")
    async def list_dead_letters(session: SessionDep, page: PageDep, _: AdminDep):
        query = select(model).where(model.status == MessageStatus.dead)
        rows = (await session.exec(paginate(query, model, page, order_by="updated_at"))).all()
        return page_body(make_page(list(rows), page, order_by="updated_at"))

    @router.post(
        "/{message_id}/redrive",
        response_model=DeadLetterRead,
        responses=problem_responses(404),
        operation_id=f"redrive{service}DeadLetter",
        summary="Send a dead letter again, from its first attempt (admin)",
        description="把一条死信重新投递：尝试次数清零，立即交给投递进程；投递仍按消息编号去重。",
    )
    async def redrive_dead_letter(message_id: uuid.UUID, session: SessionDep, now: NowDep, _: AdminDep):
        return await redrive(session, model, message_id=message_id, now=now)

    return router


def outbox_hook(model: type[OutboxMessage], *, batch_paths: Mapping[str, str] | None = None):
    """A lifespan hook: the relay for `model` runs beside the app, woken by commits that write messages;
    `batch_paths` as the recipients' contracts publish them (intake's `BATCH_PATHS`)."""

    def hook(runtime):
        relay = OutboxRelay(
            model,
            runtime.sessions,
            runtime.internal,
            max_attempts=runtime.settings.outbox_max_attempts,
            batch_paths=batch_paths,
        )
        return running(relay, runtime.sessions, model, task_name=f"outbox-{model.__tablename__}")

    return hook

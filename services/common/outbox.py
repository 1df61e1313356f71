"""Transactional outbox: a message is written in the same transaction as the change it announces,
then delivered to another service with retries and backoff until that service acknowledges it.

Each service declares its own `outbox` table from `OutboxMessage` (one schema per service). Receivers
are idempotent on the message id, so a message delivered twice (a crash between the POST and the
commit) is stored once. Several replicas can relay at once: rows are claimed with SKIP LOCKED.
"""

import asyncio
import contextlib
import logging
import random
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from typing import Any

from fastapi import FastAPI
from sqlalchemy import DateTime, Index
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel, select

from services.common.models import utcnow
from services.common.problems import Unavailable

log = logging.getLogger("kuaiban.outbox")
TIMELINE_PATH = "/internal/intake/timeline-events"
MAX_BACKOFF_SECONDS = 300


class OutboxMessage(SQLModel):
    """Columns of every service's outbox table; `id` is the event id receivers deduplicate on."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True), nullable=False)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True), nullable=False)
    service: str = Field(max_length=16)
    path: str = Field(max_length=200)
    payload: dict[str, Any] = Field(sa_type=JSONB, nullable=False)  # sa_type: a Column object cannot be shared
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True), nullable=False)
    delivered_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    last_error: str | None = Field(default=None, max_length=500)


def outbox_table_args(schema: str) -> tuple:
    """The pending-message index every outbox table carries, in the service's schema."""
    return (Index("ix_outbox_pending", "next_attempt_at", postgresql_where="delivered_at IS NULL"), {"schema": schema})


def timeline_message(
    model: type[OutboxMessage],
    *,
    sender: str,
    enterprise_id: uuid.UUID,
    kind: str,
    ref_id: uuid.UUID,
    summary: str,
    at: datetime | None = None,
) -> OutboxMessage:
    """A message for the enterprise's timeline in intake; add it to the session of the change."""
    event_id = uuid.uuid4()
    payload = {
        "id": str(event_id),
        "enterprise_id": str(enterprise_id),
        "at": (at or utcnow()).isoformat(),
        "service": sender,
        "kind": kind,
        "ref_id": str(ref_id),
        "summary": summary[:500],
    }
    return model(id=event_id, service="intake", path=TIMELINE_PATH, payload=payload)


def backoff(attempts: int) -> timedelta:
    """Exponential with jitter, capped: 1 s, 2 s, 4 s ... 5 min."""
    seconds = min(MAX_BACKOFF_SECONDS, 2 ** max(0, attempts - 1))
    return timedelta(seconds=seconds * random.uniform(0.8, 1.2))


class OutboxRelay:
    """Delivers pending messages in the background; `wake()` after a commit delivers at once."""

    def __init__(
        self,
        model: type[OutboxMessage],
        sessionmaker: Callable[[], Any],
        client: Any,
        *,
        batch_size: int = 50,
        poll_seconds: float = 1.0,
    ) -> None:
        self.model = model
        self.sessionmaker = sessionmaker
        self.client = client
        self.batch_size = batch_size
        self.poll_seconds = poll_seconds
        self._wake = asyncio.Event()

    def wake(self) -> None:
        self._wake.set()

    async def run(self) -> None:
        while True:
            try:
                delivered = await self.deliver_once()
            except Exception:  # the database may be away for a moment; never let the relay die
                log.exception("outbox relay round failed")
                delivered = 0
            if delivered < self.batch_size:
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), self.poll_seconds)

    async def deliver_once(self) -> int:
        """One batch: claim due messages, POST each, mark delivered or schedule a retry."""
        M = self.model
        async with self.sessionmaker() as session:
            due = (
                await session.exec(
                    select(M)
                    .where(M.delivered_at.is_(None), M.next_attempt_at <= utcnow())
                    .order_by(M.next_attempt_at)
                    .limit(self.batch_size)
                    .with_for_update(skip_locked=True)
                )
            ).all()
            delivered = 0
            for message in due:
                error, reachable = await self._send(message)
                message.updated_at = utcnow()
                if error is None:
                    message.delivered_at = message.updated_at
                    delivered += 1
                else:
                    message.attempts += 1
                    message.last_error = error[:500]
                    message.next_attempt_at = message.updated_at + backoff(message.attempts)
                session.add(message)
                if not reachable:  # the receiver is down: the rest of the batch waits for the next round
                    break
            await session.commit()
            return delivered

    async def _send(self, message: OutboxMessage) -> tuple[str | None, bool]:
        """(error or None, whether the receiver answered at all)."""
        try:
            response = await self.client.request(message.service, "POST", message.path, json=message.payload, retries=0)
        except Unavailable as exc:
            return exc.detail, False
        if response.status_code < 300:
            return None, True
        log.warning("outbox %s -> %s answered %s", message.id, message.service, response.status_code)
        return f"{response.status_code}: {response.text[:400]}", True


def outbox_hook(model: type[OutboxMessage]):
    """A lifespan hook that runs the relay for `model` beside the app and stops it on shutdown."""

    @asynccontextmanager
    async def hook(app: FastAPI) -> AsyncIterator[None]:
        relay = OutboxRelay(model, app.state.sessionmaker, app.state.services)
        app.state.outbox = relay
        task = asyncio.create_task(relay.run(), name=f"outbox-{model.__tablename__}")
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    return hook

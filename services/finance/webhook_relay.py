"""The webhook relay: sends the webhook outbox (`WebhookDelivery`) to banks' endpoints, signed per the Standard
Webhooks specification, in order per endpoint, beside the finance app (a lifespan hook).

Like the service outbox (`services/common/outbox.py`) it claims a batch under a lease, sends outside any
transaction and records each result; unlike it, the targets are outside Kuaiban, so:
- only the oldest pending event of each enabled endpoint is due (a later one waits while it is retried);
- every attempt is recorded (time, status, latency, the start of the answer, the error);
- the retry delays come from `KUAIBAN_WEBHOOK_RETRY_SCHEDULE`; an event whose schedule runs out has failed,
  and `KUAIBAN_WEBHOOK_DISABLE_AFTER` failed events in a row disable the endpoint, with the reason;
- each URL is checked again at every delivery: an IP literal before connecting, a host name when the
  connection resolves it (`VettedResolver`: the connection goes only to the addresses just checked, so a
  name that resolves elsewhere at the last moment (DNS rebinding) gains nothing);
- bounded: connect 3 s, whole attempt 10 s, at most 64 KiB of the answer read, no redirect followed.
"""

import asyncio
import logging
import socket
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import orjson
from aiohttp.abc import AbstractResolver, ResolveResult
from opentelemetry import propagate
from sqlalchemy import and_, exists, literal, select, update
from sqlalchemy.dialects.postgresql import JSONB
from standardwebhooks import Webhook

from services.common import tracing
from services.common.audit import bind_actor
from services.common.db import Sessions
from services.common.models import utcnow
from services.common.outbox import Relay, running
from services.common.webhook_targets import (
    Resolver,
    TargetGuard,
    UnsafeTarget,
    check_address,
    parse_url,
    system_resolver,
)
from services.finance.domain import DeliveryStatus, after_attempt
from services.finance.models import WebhookDelivery, WebhookEndpoint

log = logging.getLogger("kuaiban.webhooks")
CLAIM_LEASE = timedelta(seconds=60)  # longer than an attempt can take (TOTAL_TIMEOUT)
CONNECT_TIMEOUT = 3.0
TOTAL_TIMEOUT = 10.0
MAX_READ_BYTES = 64 * 1024
KEPT_BODY_CHARS = 2000
USER_AGENT = "Kuaiban-Webhooks/1"


class RefusedTarget(OSError):
    """Raised by the resolver, so aiohttp reports it as a failed connection (it wraps OSError)."""


class VettedResolver(AbstractResolver):
    """Resolves with the guard's resolver and hands aiohttp only addresses that passed the target rules."""

    def __init__(self, guard: TargetGuard) -> None:
        self.guard = guard

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        try:
            addresses = await self.guard.vet_name(host.lower(), port)
        except UnsafeTarget as exc:
            raise RefusedTarget(exc.reason.en) from exc
        return [
            {
                "hostname": host,
                "host": str(address),
                "port": port,
                "family": socket.AF_INET6 if address.version == 6 else socket.AF_INET,
                "proto": 0,
                "flags": socket.AI_NUMERICHOST,
            }
            for address in addresses
        ]

    async def close(self) -> None:
        return None


@dataclass
class Attempt:
    at: datetime
    status_code: int | None
    latency_ms: int
    response_body: str | None
    error: str | None

    @property
    def delivered(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300

    def record(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat().replace("+00:00", "Z"),
            "status_code": self.status_code,
            "latency_ms": self.latency_ms,
            "response_body": self.response_body,
            "error": self.error,
        }


def signed_headers(secret: str, message_id: str, body: str, sent_at: datetime) -> dict[str, str]:
    """`webhook-id`, `webhook-timestamp` and `webhook-signature`, signed with the endpoint's secret."""
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(int(sent_at.timestamp())),
        "webhook-signature": Webhook(secret).sign(message_id, sent_at, body),
        "content-type": "application/json",
        "user-agent": USER_AGENT,
    }


class WebhookRelay(Relay):
    """Delivers due webhook events in the background; `wake()` delivers at once."""

    name = "webhook relay"

    def __init__(
        self,
        sessions: Sessions,
        *,
        allow_hosts: str,
        delays: Sequence[float],
        disable_after: int,
        resolver: Resolver = system_resolver,
        clock: Callable[[], datetime] = utcnow,
        batch_size: int = 20,
        poll_seconds: float = 1.0,
    ) -> None:
        super().__init__(batch_size=batch_size, poll_seconds=poll_seconds, logger=log)
        self.sessions = sessions
        self.guard = TargetGuard.from_setting(allow_hosts, resolver)
        self.delays = tuple(delays)
        self.disable_after = disable_after
        self.clock = clock
        self._http: aiohttp.ClientSession | None = None

    def http(self) -> aiohttp.ClientSession:
        if self._http is None:
            # No pooled connections: every delivery resolves and checks its target afresh.
            connector = aiohttp.TCPConnector(
                resolver=VettedResolver(self.guard), use_dns_cache=False, force_close=True, limit=50
            )
            timeout = aiohttp.ClientTimeout(total=TOTAL_TIMEOUT, sock_connect=CONNECT_TIMEOUT)
            self._http = aiohttp.ClientSession(connector=connector, timeout=timeout, trust_env=False)
        return self._http

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.close()
            self._http = None

    async def deliver_once(self) -> int:
        """One round: claim the due head of each endpoint's queue, send them side by side, record each attempt;
        returns how many were attempted."""
        with tracing.untraced():  # polling is no one's request: no trace for it
            claimed = await self._claim()
        if not claimed:
            return 0
        attempts = await asyncio.gather(*(self._send(row) for row in claimed))
        with tracing.untraced():
            await self._record(list(zip(claimed, attempts, strict=True)))
        return len(claimed)

    async def _claim(self) -> list[Any]:
        D, E = WebhookDelivery.__table__, WebhookEndpoint.__table__  # type: ignore[attr-defined]
        earlier = D.alias("earlier")
        now = self.clock()
        blocked = exists().where(
            earlier.c.endpoint_id == D.c.endpoint_id,
            earlier.c.status == DeliveryStatus.pending,
            earlier.c.seq < D.c.seq,
        )
        due = (
            select(D.c.id)
            .join(E, and_(E.c.id == D.c.endpoint_id, E.c.enabled))
            .where(D.c.status == DeliveryStatus.pending, D.c.next_attempt_at <= now, ~blocked)
            .order_by(D.c.next_attempt_at, D.c.seq)
            .limit(self.batch_size)
            .with_for_update(of=D, skip_locked=True)
        )
        async with self.sessions.begin() as session:
            rows = await session.exec(
                update(D)
                .where(D.c.id.in_(due.scalar_subquery()))
                .values(next_attempt_at=now + CLAIM_LEASE)
                .returning(D.c.id, D.c.endpoint_id, D.c.payload, D.c.tries, D.c.traceparent)
            )
            claimed = rows.all()
            if not claimed:
                return []
            ids = {row.endpoint_id for row in claimed}
            endpoints = {
                row.id: row
                for row in (await session.exec(select(E.c.id, E.c.url, E.c.secret).where(E.c.id.in_(ids)))).all()
            }
        return [
            _Claimed(row.id, endpoints[row.endpoint_id], row.payload, row.tries, row.traceparent) for row in claimed
        ]

    async def _send(self, row: "_Claimed") -> Attempt:
        body = orjson.dumps(row.payload).decode()
        sent_at = datetime.now(UTC)  # the receiver compares the signed timestamp with its own clock
        headers = signed_headers(row.endpoint.secret, str(row.id), body, sent_at)
        at, started = self.clock(), time.perf_counter()

        def attempt(status: int | None, answer: bytes | None, error: str | None) -> Attempt:
            latency = round((time.perf_counter() - started) * 1000)
            kept = answer[: KEPT_BODY_CHARS * 4].decode("utf-8", "replace")[:KEPT_BODY_CHARS] if answer else None
            return Attempt(at, status, latency, kept, error)

        try:
            target = parse_url(row.endpoint.url)
            if not isinstance(target.host, str):  # aiohttp connects to an IP literal without resolving it
                check_address(target.host, self.guard.allow)
            with tracing.continued("webhook deliver", [row.traceparent]):  # the bank sees the causing request's trace
                propagate.inject(headers)  # (aiohttp's own span, when recording, refines it)
                async with self.http().post(
                    row.endpoint.url, data=body.encode(), headers=headers, allow_redirects=False
                ) as response:
                    answer = await response.content.read(MAX_READ_BYTES)
                    status = response.status
        except UnsafeTarget as exc:
            return attempt(None, None, f"refused: {exc.reason.en}")
        except aiohttp.ClientConnectorError as exc:
            refused = isinstance(exc.os_error, RefusedTarget)
            return attempt(None, None, f"refused: {exc.os_error}" if refused else f"cannot connect: {exc.os_error}")
        except TimeoutError:
            return attempt(None, None, f"no answer within {TOTAL_TIMEOUT:g} s")
        except (aiohttp.ClientError, OSError) as exc:
            return attempt(None, None, f"{type(exc).__name__}: {exc}"[:500])
        error = None if 200 <= status < 300 else f"answered {status}"
        return attempt(status, answer, error)

    async def _record(self, results: list[tuple["_Claimed", Attempt]]) -> None:
        D, E = WebhookDelivery.__table__, WebhookEndpoint.__table__  # type: ignore[attr-defined]
        now = self.clock()
        async with self.sessions.begin() as session:
            bind_actor(session, "webhook-relay", "deliver")
            ids = sorted({row.endpoint.id for row, _ in results})  # one statement, locks taken in id order
            locked = await session.exec(
                select(E.c.id, E.c.failed_in_a_row, E.c.enabled)
                .where(E.c.id.in_(ids))
                .order_by(E.c.id)
                .with_for_update()
            )
            # (failed_in_a_row, enabled) of each endpoint, kept as the round's rows change them below
            endpoints = {found.id: (found.failed_in_a_row, found.enabled) for found in locked.all()}
            for row, attempt in results:
                if row.endpoint.id not in endpoints:  # deleted meanwhile, with its deliveries
                    continue
                failed_in_a_row, enabled = endpoints[row.endpoint.id]
                outcome = after_attempt(
                    delivered=attempt.delivered,
                    tries=row.tries + 1,
                    delays=self.delays,
                    endpoint_failures=failed_in_a_row,
                    disable_after=self.disable_after,
                )
                values: dict[str, Any] = {
                    "status": outcome.status,
                    "tries": row.tries + 1,
                    "updated_at": now,
                    "attempts": D.c.attempts.op("||")(literal([attempt.record()], JSONB)),
                }
                if outcome.retry_in is not None:
                    values["next_attempt_at"] = now + timedelta(seconds=outcome.retry_in)
                if outcome.status == DeliveryStatus.delivered:
                    values["delivered_at"] = now
                await session.exec(update(D).where(D.c.id == row.id).values(**values))
                if outcome.endpoint_failures != failed_in_a_row or outcome.disable:
                    changes: dict[str, Any] = {"failed_in_a_row": outcome.endpoint_failures, "updated_at": now}
                    if outcome.disable and enabled:
                        changes |= {"enabled": False, "disabled_at": now, "disabled_reason": _reason(outcome, attempt)}
                        log.error("webhook endpoint %s disabled: %s", row.endpoint.id, changes["disabled_reason"])
                    await session.exec(update(E).where(E.c.id == row.endpoint.id).values(**changes))
                    endpoints[row.endpoint.id] = (outcome.endpoint_failures, changes.get("enabled", enabled))


def _reason(outcome: Any, attempt: Attempt) -> str:
    return (
        f"Disabled after {outcome.endpoint_failures} events in a row could not be delivered "
        f"(last attempt: {attempt.error})"
    )[:500]


@dataclass
class _Claimed:
    id: uuid.UUID
    endpoint: Any  # (id, url, secret)
    payload: dict[str, Any]
    tries: int
    traceparent: str | None  # the request that caused the event: the bank's system sees the same trace


def webhook_hook(runtime: Any):
    """A lifespan hook: the relay runs beside the app, woken by commits that write deliveries."""
    settings = runtime.settings
    relay = WebhookRelay(
        runtime.sessions,
        allow_hosts=settings.webhook_allow_hosts,
        delays=settings.webhook_retry_delays,
        disable_after=settings.webhook_disable_after,
        clock=runtime.clock,
    )
    return running(relay, runtime.sessions, WebhookDelivery, task_name="webhook-relay")

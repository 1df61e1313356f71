"""What the shared library's in-process tests share: data through the real apps, a probe app, rows read in SQL."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from fastapi import APIRouter, FastAPI
from sqlalchemy import select, text
from sqlalchemy.engine import Row
from sqlalchemy.exc import OperationalError

from services.approval.models import ApprovalOutbox
from services.common.app import Runtime, create_app
from services.common.db import Sessions, create_sessionmaker
from services.common.internal import InternalHttp
from services.intake.models import IntakeIdempotency
from tests.helpers.factories import ADMIN, enterprise_payload, headers_for, unique_name
from tests.helpers.inprocess import Kuaiban

OUTBOX = ApprovalOutbox.__table__
LICENCE = "business_license_application"
RELAY_PATIENCE_SECONDS = 10.0  # how long a test waits for a background relay before calling it stuck


async def new_enterprise(kuaiban: Kuaiban, **fields: Any) -> tuple[str, dict[str, str]]:
    """An enterprise registered in intake: (its id, the headers of its own account)."""
    async with kuaiban.client("intake", ADMIN) as intake:
        created = await intake.post("/intake/enterprises", json=enterprise_payload(**fields))
    assert created.status_code == 201, created.text
    enterprise_id = created.json()["id"]
    return enterprise_id, headers_for("enterprise", enterprise_id=enterprise_id)


def matter_body(code: str | None = None) -> dict[str, Any]:
    """A one-department matter whose only material is required."""
    return {
        "code": code or unique_name("QYKB").replace("_", "-"),
        "name": "营业执照核发",
        "departments": [{"department": "market", "task_name": "营业执照核发", "sla_working_days": 1}],
        "materials": [{"code": LICENCE, "name": "公司登记（备案）申请书", "waivable": False}],
        "sla_working_days": 3,
    }


async def new_matter(kuaiban: Kuaiban, code: str | None = None) -> dict[str, Any]:
    async with kuaiban.client("approval", ADMIN) as approval:
        created = await approval.post("/approval/matters", json=matter_body(code))
    assert created.status_code == 201, created.text
    return created.json()


def application_body(matter_code: str) -> dict[str, Any]:
    return {"matter_code": matter_code, "materials": [LICENCE]}


async def submit(kuaiban: Kuaiban, headers: dict[str, str], matter_code: str) -> dict[str, Any]:
    """An application submitted by an enterprise; approval's outbox now holds its timeline event."""
    async with kuaiban.client("approval", headers) as approval:
        submitted = await approval.post("/approval/applications", json=application_body(matter_code))
    assert submitted.status_code == 201, submitted.text
    return submitted.json()


async def outbox_row(kuaiban: Kuaiban, message_id: Any) -> Row:
    return (await kuaiban.connection.execute(select(OUTBOX).where(OUTBOX.c.id == message_id))).one()


async def message_about(kuaiban: Kuaiban, ref_id: str) -> Row:
    """The outbox message announcing something that happened to `ref_id` (an application)."""
    query = select(OUTBOX).where(OUTBOX.c.payload["ref_id"].astext == ref_id)
    return (await kuaiban.connection.execute(query)).one()


async def timeline_ids(kuaiban: Kuaiban, enterprise_id: str) -> list[uuid.UUID]:
    """The ids of the events intake stored on the enterprise's timeline."""
    rows = await kuaiban.connection.execute(
        text("SELECT id FROM intake.timeline_event WHERE enterprise_id = :id ORDER BY at"), {"id": enterprise_id}
    )
    return list(rows.scalars())


async def count(kuaiban: Kuaiban, sql: str, **params: Any) -> int:
    return (await kuaiban.connection.execute(text(sql), params)).scalar_one()


def probe_app(kuaiban: Kuaiban, *routers: APIRouter, sessions: Sessions | None = None, **runtime: Any) -> FastAPI:
    """An app made by `create_app` around test routes, on the test's transaction (intake's idempotency keys)."""
    app = create_app(name="probe", title="Probe", routers=routers, idempotency=IntakeIdempotency)
    app.state.runtime = Runtime.build(
        "probe",
        kuaiban.settings,
        engine=runtime.pop("engine", kuaiban.runtimes["intake"].engine),
        sessions=sessions or create_sessionmaker(kuaiban.connection, join_transaction_mode="create_savepoint"),
        internal=InternalHttp(kuaiban.settings, caller="probe", transport=kuaiban.transport, retries=0),
        clock=kuaiban.clock,
        **runtime,
    )
    return app


def probe_client(app: FastAPI, headers: dict[str, str] | None = None) -> httpx.AsyncClient:
    """A client that gets the 500 a crashing route is answered with, instead of the exception."""
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://probe.test", headers=headers)


class ObservedSessions:
    """A runtime's sessions that count the transactions finished through `begin()`, so a test can wait for a
    background relay's round without sleeping; the first `failures` begins fail as a lost database would.

    Counting never suspends the relay, so when a waiting test resumes, the relay has reached its next pause.
    """

    def __init__(self, sessions: Sessions, *, failures: int = 0) -> None:
        self._sessions = sessions
        self.kw = sessions.kw  # `on_commit` hooks the app's own session class
        self.finished = 0
        self.failed = 0
        self._failures = failures
        self._changed = asyncio.Event()

    def __call__(self, **options: Any) -> Any:
        return self._sessions(**options)

    @asynccontextmanager
    async def begin(self) -> AsyncIterator[Any]:
        if self.failed < self._failures:
            self.failed += 1
            self._changed.set()
            raise OperationalError("connect", {}, ConnectionRefusedError("the database went away"))
        try:
            async with self._sessions.begin() as session:
                yield session
        finally:
            self.finished += 1
            self._changed.set()

    async def wait(self, *, finished: int = 0, failed: int = 0) -> None:
        """Until `finished` transactions ended and `failed` begins failed; a stuck relay fails the test."""
        async with asyncio.timeout(RELAY_PATIENCE_SECONDS):
            while self.finished < finished or self.failed < failed:
                self._changed.clear()
                await self._changed.wait()

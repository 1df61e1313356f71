"""The intake service's ASGI app."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from services.common.app import Runtime, create_app
from services.common.documents import orphan_sweep_hook
from services.common.metrics import outbox_gauges
from services.common.outbox import outbox_hook
from services.common.periodic import periodic_hook
from services.intake import appointments, config, halls, routes, service
from services.intake.clients import IntakeRuntime
from services.intake.models import IntakeIdempotency, IntakeOutbox, RequestAttachment

log = logging.getLogger("kuaiban.intake")


# --- window appointments: the demo hall, and the reminders the working day before ---------------


@asynccontextmanager
async def seed_demo(runtime: Runtime) -> AsyncIterator[None]:
    """`make run` starts with the county's service hall (濉溪县政务服务中心) and its windows, so slots can be booked."""
    if runtime.settings.seed_demo:
        async with runtime.sessions.begin() as session:  # start-up work: a transaction of its own
            added = await halls.seed_demo(session, now=runtime.clock())
        log.info("demo hall seeded: %d new windows", added)
    yield


appointment_reminders = periodic_hook(
    "appointment-reminders", lambda settings: settings.appointment_reminder_seconds, appointments.reminders_job
)

app = create_app(
    name=config.NAME,
    title=config.TITLE,
    routers=[routes.router, routes.operations, routes.sweep, routes.internal, routes.audit],
    hooks=[
        outbox_hook(IntakeOutbox),
        orphan_sweep_hook(RequestAttachment.__table__),
        seed_demo,
        appointment_reminders,
    ],
    runtime_class=IntakeRuntime,
    idempotency=IntakeIdempotency,
    gauges=[outbox_gauges(IntakeOutbox, config.NAME), service.gauges],
)

"""The approval service's ASGI app."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from services.approval import catalog, config, jobs, routes
from services.approval.models import ApprovalDocument, ApprovalIdempotency, ApprovalOutbox
from services.approval.service import calendar, matters, stats
from services.common.app import Runtime, create_app
from services.common.documents import orphan_sweep_hook
from services.common.metrics import outbox_gauges
from services.common.outbox import outbox_hook
from services.intake import contract as intake_contract

log = logging.getLogger("kuaiban.approval")


@asynccontextmanager
async def seed(runtime: Runtime) -> AsyncIterator[None]:
    """Officially announced years (and, for `make run`, the demo catalog) are there before the first request."""
    now = runtime.clock()
    async with runtime.sessions.begin() as session:  # start-up work: a transaction of its own
        added = await calendar.seed(session, now=now)
        log.info("calendar seeded from the holidays package: %d new years", added)
        if runtime.settings.seed_demo:
            added = await matters.seed(session, catalog=catalog.matters(), now=now)
            log.info("demo catalog seeded: %d new matters", added)
    yield


app = create_app(
    name=config.NAME,
    title=config.TITLE,
    routers=[routes.router, routes.operations, routes.internal, routes.audit, routes.documents_sweep],
    hooks=[
        seed,
        outbox_hook(ApprovalOutbox, batch_paths=intake_contract.BATCH_PATHS),
        jobs.jobs_hook(),
        orphan_sweep_hook(ApprovalDocument.__table__),  # type: ignore[attr-defined]
    ],
    idempotency=ApprovalIdempotency,
    gauges=[outbox_gauges(ApprovalOutbox, config.NAME), stats.gauges],
)

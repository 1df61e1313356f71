"""The approval service's ASGI app."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from services.approval import catalog, config, jobs, routes, service
from services.approval.models import ApprovalIdempotency, ApprovalOutbox
from services.common.app import create_app
from services.common.outbox import outbox_hook

log = logging.getLogger("kuaiban.approval")


@asynccontextmanager
async def seed_calendar(app: FastAPI) -> AsyncIterator[None]:
    """Officially announced years (and, for `make run`, the demo catalog) are there before the first request."""
    async with app.state.sessionmaker() as session:
        added = await service.seed_calendar(session)
        log.info("calendar seeded from the holidays package: %d new years", added)
        if app.state.settings.seed_demo:
            log.info("demo catalog seeded: %d new matters", await catalog.seed_catalog(session))
    yield


app = create_app(
    name=config.NAME,
    title=config.TITLE,
    routers=[routes.router, routes.internal],
    hooks=[seed_calendar, outbox_hook(ApprovalOutbox), jobs.jobs_hook()],  # jobs after the outbox: it wakes it
    idempotency=ApprovalIdempotency,
)

"""The approval service's ASGI app."""

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from services.approval import catalog, config, routes, service
from services.approval.models import ApprovalOutbox
from services.common.app import create_app
from services.common.models import utcnow
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


@asynccontextmanager
async def periodic_sweep(app: FastAPI) -> AsyncIterator[None]:
    """The SLA sweep every SWEEP_SECONDS; replicas may overlap safely (rows are claimed SKIP LOCKED)."""

    async def loop() -> None:
        while True:
            await asyncio.sleep(config.SWEEP_SECONDS)
            try:
                async with app.state.sessionmaker() as session:
                    result = await service.sweep(session, now=utcnow())
                if any(result.values()):
                    log.info("sweep: %s", result)
                    app.state.outbox.wake()
            except Exception:
                log.exception("sweep failed; trying again next round")

    task = asyncio.create_task(loop(), name="approval-sweep")
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


app = create_app(
    name=config.NAME,
    title=config.TITLE,
    routers=[routes.router, routes.internal],
    hooks=[seed_calendar, outbox_hook(ApprovalOutbox), periodic_sweep],
)

"""The finance service's ASGI app."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from services.common.app import Runtime, create_app
from services.common.metrics import outbox_gauges
from services.common.outbox import outbox_hook
from services.finance import catalog, config, routes
from services.finance.clients import FinanceRuntime
from services.finance.models import FinanceIdempotency, FinanceOutbox
from services.finance.service import banks, matchmaking
from services.finance.webhook_relay import webhook_hook
from services.intake import contract as intake_contract

log = logging.getLogger("kuaiban.finance")


@asynccontextmanager
async def seed_demo(runtime: Runtime) -> AsyncIterator[None]:
    """`make run` starts with a few local banks and their products, so matching has something to find."""
    if runtime.settings.seed_demo:
        async with runtime.sessions.begin() as session:  # start-up work: a transaction of its own
            added = await banks.seed(session, catalog=catalog.banks(), now=runtime.clock())
        log.info("demo banks seeded: %d new", added)
    yield


app = create_app(
    name=config.NAME,
    title=config.TITLE,
    routers=[routes.router, routes.webhook_router, routes.operations, routes.internal, routes.audit],
    hooks=[seed_demo, outbox_hook(FinanceOutbox, batch_paths=intake_contract.BATCH_PATHS), webhook_hook],
    runtime_class=FinanceRuntime,
    idempotency=FinanceIdempotency,
    gauges=[outbox_gauges(FinanceOutbox, config.NAME), matchmaking.gauges],
)

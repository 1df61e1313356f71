"""The finance service's ASGI app."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from services.common.app import create_app
from services.common.outbox import outbox_hook
from services.finance import catalog, config, routes
from services.finance.models import FinanceIdempotency, FinanceOutbox

log = logging.getLogger("kuaiban.finance")


@asynccontextmanager
async def seed_demo(app: FastAPI) -> AsyncIterator[None]:
    """`make run` starts with a few local banks and their products, so matching has something to find."""
    if app.state.settings.seed_demo:
        async with app.state.sessionmaker() as session:
            log.info("demo banks seeded: %d new", await catalog.seed_catalog(session))
    yield


app = create_app(
    name=config.NAME,
    title=config.TITLE,
    routers=[routes.router],
    hooks=[seed_demo, outbox_hook(FinanceOutbox)],
    idempotency=FinanceIdempotency,
)

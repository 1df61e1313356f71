"""The approval service's ASGI app."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from services.approval import config, routes, service
from services.common.app import create_app

log = logging.getLogger("kuaiban.approval")


@asynccontextmanager
async def seed_calendar(app: FastAPI) -> AsyncIterator[None]:
    """Officially announced years are in the table before the first request (replicas may race: fine)."""
    async with app.state.sessionmaker() as session:
        added = await service.seed_calendar(session)
    log.info("calendar seeded from the holidays package: %d new years", added)
    yield


app = create_app(name=config.NAME, title=config.TITLE, routers=[routes.router, routes.internal], hooks=[seed_calendar])

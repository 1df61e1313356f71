"""The intake service's ASGI app."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from services.common.app import create_app
from services.common.calendar import CalendarSource
from services.intake import config, routes
from services.intake.models import IntakeIdempotency


@asynccontextmanager
async def calendar_source(app: FastAPI) -> AsyncIterator[None]:
    """Due dates follow the approval service's calendar, refreshed within the TTL."""
    app.state.calendar = CalendarSource(app.state.services, ttl_seconds=app.state.settings.calendar_ttl_seconds)
    yield


app = create_app(
    name=config.NAME,
    title=config.TITLE,
    routers=[routes.router, routes.internal],
    hooks=[calendar_source],
    idempotency=IntakeIdempotency,
)

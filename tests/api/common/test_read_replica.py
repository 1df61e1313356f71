"""Figures from the read replica (issue 13): with `KUAIBAN_DATABASE_READ_URL`, the stats of every service and the
metrics' gauges are read through a pool of their own on it; without, through the request's session."""

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import event

from services.common.app import Runtime
from services.common.db import create_engine, create_sessionmaker
from services.common.settings import Settings
from tests.api.common._support import ADMIN
from tests.helpers.inprocess import Kuaiban


@pytest.fixture
async def replica(kuaiban: Kuaiban, settings: Settings) -> AsyncIterator[list[str]]:
    """Every service reads through a second pool (on the same server here), and what it ran there."""
    engine = create_engine(settings, application_name="read-replica", url=settings.database_url)
    statements: list[str] = []
    event.listen(engine.sync_engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    for name in ("intake", "approval", "finance"):
        kuaiban.runtimes[name].read_sessions = create_sessionmaker(engine)
    try:
        yield statements
    finally:
        for name in ("intake", "approval", "finance"):
            kuaiban.runtimes[name].read_sessions = None
        await engine.dispose()


@pytest.mark.parametrize("name", ["intake", "approval", "finance"])
async def test_stats_and_gauges_are_read_from_the_replica(kuaiban: Kuaiban, replica: list[str], name: str):
    async with kuaiban.client(name, ADMIN) as client:
        assert (await client.get(f"/{name}/stats")).status_code == 200
        assert replica, "the stats ran on the replica"
        replica.clear()
        assert (await client.get("/metrics")).status_code == 200
    assert any("outbox" in statement for statement in replica)


async def test_a_read_url_gets_a_pool_of_its_own(settings: Settings):
    plain = Runtime.build("intake", settings)
    replicated = Runtime.build("intake", settings.model_copy(update={"database_read_url": settings.database_url}))
    try:
        assert plain.read_sessions is None
        assert replicated.read_sessions is not None and replicated.read_sessions.kw["bind"] is not replicated.engine
    finally:
        await plain.aclose()
        await replicated.aclose()

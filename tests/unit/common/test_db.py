"""The engine's outage behaviour without a database: a server that never answers fails the connection in
seconds as a lost connection (answered 503), and errors PostgreSQL itself reports are left as they are."""

import asyncio
import socket
import time
from types import SimpleNamespace

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, OperationalError

from services.common.db import CONNECT_TIMEOUT_SECONDS, _connection_lost, create_engine
from services.common.problems import database_problem
from services.common.settings import Settings


@pytest.fixture
def silent_server():
    """A port on 127.0.0.1 that takes connections (the kernel's backlog) and never says a word."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        yield sock.getsockname()[1]


async def test_a_server_that_never_answers_fails_the_connection_quickly_as_unavailable(silent_server: int):
    settings = Settings(database_url=f"postgresql://kuaiban@127.0.0.1:{silent_server}/kuaiban", jwt_secret="x" * 32)
    engine = create_engine(settings, application_name="tests")

    async def first_query() -> None:
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))

    started = time.monotonic()
    try:
        with pytest.raises(DBAPIError) as raised:  # without a connect timeout: TimeoutError from wait_for
            await asyncio.wait_for(first_query(), CONNECT_TIMEOUT_SECONDS + 3)
    finally:
        await engine.dispose()
    assert time.monotonic() - started < CONNECT_TIMEOUT_SECONDS + 1
    assert raised.value.connection_invalidated
    assert database_problem(raised.value)[0] == 503


def test_errors_the_server_reports_are_not_taken_for_a_lost_connection():
    reported = SimpleNamespace(sqlstate="57014")  # canceling statement due to statement timeout
    context = SimpleNamespace(
        sqlalchemy_exception=OperationalError("SELECT 1", {}, Exception()),
        original_exception=reported,
        is_disconnect=False,
    )
    _connection_lost(context)  # type: ignore[arg-type]
    assert context.is_disconnect is False
    context.original_exception = SimpleNamespace(sqlstate=None)
    _connection_lost(context)  # type: ignore[arg-type]
    assert context.is_disconnect is True

"""Fixtures of intake's in-process tests: an intake client and the cast of people taking part."""

from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import text

from tests.api.intake._support import Cast, make_cast
from tests.helpers.inprocess import Kuaiban


@pytest.fixture
async def intake(kuaiban: Kuaiban) -> AsyncIterator[httpx.AsyncClient]:
    async with kuaiban.client("intake") as client:
        yield client


@pytest.fixture
async def cast(kuaiban: Kuaiban, intake: httpx.AsyncClient) -> Cast:
    return await make_cast(kuaiban, intake)


@pytest.fixture
async def no_requests(kuaiban: Kuaiban) -> None:
    """No request in the database yet: the dashboard counts every request, and end-to-end tests of the same
    run commit theirs. The delete is rolled back with the test."""
    await kuaiban.connection.execute(text("DELETE FROM intake.request"))

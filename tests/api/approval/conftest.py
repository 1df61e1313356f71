"""Fixtures of approval's in-process tests: the clock on a known Monday, an approval client, the cast."""

from collections.abc import AsyncIterator

import httpx
import pytest

from tests.api.approval._support import MONDAY, Cast, make_cast
from tests.helpers.inprocess import Kuaiban


@pytest.fixture(autouse=True)
def monday(kuaiban: Kuaiban) -> None:
    """Every test starts on MONDAY, so due dates and working days are the same on every run."""
    kuaiban.clock.now = MONDAY


@pytest.fixture
async def api(kuaiban: Kuaiban) -> AsyncIterator[httpx.AsyncClient]:
    """A client of approval's public paths; each call names its caller's headers."""
    async with kuaiban.client("approval") as client:
        yield client


@pytest.fixture
async def cast(kuaiban: Kuaiban) -> Cast:
    return await make_cast(kuaiban)

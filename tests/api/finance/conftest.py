"""The finance tests' fixture: a `Finance` driver on the in-process apps of the test's transaction."""

from collections.abc import AsyncIterator

import pytest

from tests.api.finance._support import Finance
from tests.helpers.inprocess import Kuaiban


@pytest.fixture
async def fin(kuaiban: Kuaiban) -> AsyncIterator[Finance]:
    async with kuaiban.client("finance") as http, kuaiban.client("intake") as intake:
        yield Finance(kuaiban, http, intake)

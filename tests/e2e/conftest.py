"""End-to-end fixtures: a bank's webhook receiver on 127.0.0.1 (the processes under test push to it)."""

from collections.abc import Iterator

import pytest

from tests.helpers.receivers import Received, webhook_receiver


@pytest.fixture
def receiver() -> Iterator[tuple[str, Received]]:
    with webhook_receiver() as running:
        yield running

"""Waiting for a condition instead of sleeping a fixed time: bounded, polled, with a message naming what failed."""

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def wait_until(condition: Callable[[], T], what: object, timeout: float, every: float = 0.1) -> T:
    """Until `condition()` is true (its value is returned); `what` (or what it returns when called) tells the
    failure once `timeout` seconds have passed."""
    deadline = time.monotonic() + timeout
    while not (value := condition()):
        assert time.monotonic() < deadline, f"{what() if callable(what) else what}: not within {timeout} s"
        time.sleep(every)
    return value

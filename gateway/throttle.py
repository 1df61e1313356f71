"""Login throttling: failed logins for one username, or from one client address, slow down to 429.

Only failures count, in a moving one-minute window, so the real owner is kept out for at most a minute
and a successful login clears its username's count. Counted in memory, or in Redis when the rate-limit
storage says so (gateway replicas then share the counts).
"""

import math
import time
from typing import Any

from limits import RateLimitItemPerMinute
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string

from services.common.problems import TooManyRequests
from services.common.texts import Text

CLIENT_FACTOR = 10  # one office's address may have many people mistyping


def async_storage(storage_url: str) -> Any:
    """A `limits` storage for asyncio from the rate-limit storage setting (`memory://`, `redis://...`)."""
    return storage_from_string(storage_url if storage_url.startswith("async+") else f"async+{storage_url}")


def seconds_until(reset_time: float) -> int:
    """Whole seconds (at least 1) a caller waits before its window frees a hit, for `Retry-After`."""
    return max(1, math.ceil(reset_time - time.time()))


class LoginThrottle:
    def __init__(self, *, per_minute: int, storage_url: str) -> None:
        self._limiter = MovingWindowRateLimiter(async_storage(storage_url))
        self._per_username = RateLimitItemPerMinute(per_minute, namespace="login-user")
        self._per_client = RateLimitItemPerMinute(per_minute * CLIENT_FACTOR, namespace="login-client")

    async def check(self, *, username: str, client: str) -> None:
        """Refuse (429) while either count is spent; the answer says how long to wait."""
        for item, key in ((self._per_username, username), (self._per_client, client)):
            if not await self._limiter.test(item, key):
                wait = seconds_until((await self._limiter.get_window_stats(item, key)).reset_time)
                raise TooManyRequests(
                    Text(f"登录失败次数过多，请 {wait} 秒后再试。", f"Too many failed logins; try again in {wait} s."),
                    retry_after=wait,
                )

    async def failed(self, *, username: str, client: str) -> None:
        await self._limiter.hit(self._per_username, username)
        await self._limiter.hit(self._per_client, client)

    async def succeeded(self, *, username: str) -> None:
        await self._limiter.clear(self._per_username, username)

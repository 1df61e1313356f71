"""The injectable clock: routes take `now: NowDep` and pass it down, so tests can move time.

The clock is the app runtime's `clock` (UTC now in production); rules never call `utcnow()` themselves.
"""

from datetime import datetime
from typing import Annotated

from fastapi import Depends, Request


def now(request: Request) -> datetime:
    return request.app.state.runtime.clock()


NowDep = Annotated[datetime, Depends(now)]

"""Finance's typed clients of other processes, injected into routes: intake's profiles and liaisons, and
approval's working-day calendar (kept `calendar_ttl_seconds` in the runtime) for review due days and stats."""

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request

from services.approval.contract import ApprovalClient
from services.common.app import Runtime
from services.common.calendar import CalendarCache
from services.common.internal import injected
from services.intake.contract import IntakeClient

IntakeDep = injected(IntakeClient)


@dataclass(eq=False)
class FinanceRuntime(Runtime):
    """Finance's runtime: the common one plus the cached calendar."""

    calendar: CalendarCache = field(init=False)

    def __post_init__(self) -> None:
        self.calendar = CalendarCache(
            ApprovalClient(self.internal).calendar, ttl_seconds=self.settings.calendar_ttl_seconds
        )


def calendar(request: Request) -> CalendarCache:
    return request.app.state.runtime.calendar


CalendarDep = Annotated[CalendarCache, Depends(calendar)]

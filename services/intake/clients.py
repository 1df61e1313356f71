"""Intake's typed clients of other processes, injected into routes and handed to `service.py`.

The gateway's accounts (is this username an officer's?) and approval's working-day calendar, which
intake keeps for `calendar_ttl_seconds` in its runtime.
"""

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request

from gateway.contract import IdentityClient
from services.approval.contract import ApprovalClient
from services.common.app import Runtime
from services.common.calendar import CalendarCache
from services.common.internal import injected


@dataclass(eq=False)
class IntakeRuntime(Runtime):
    """Intake's runtime: the common one plus the cached calendar."""

    calendar: CalendarCache = field(init=False)

    def __post_init__(self) -> None:
        approval = ApprovalClient(self.internal)
        self.calendar = CalendarCache(approval.calendar, ttl_seconds=self.settings.calendar_ttl_seconds)


def calendar(request: Request) -> CalendarCache:
    return request.app.state.runtime.calendar


CalendarDep = Annotated[CalendarCache, Depends(calendar)]
IdentityDep = injected(IdentityClient)
ApprovalDep = injected(ApprovalClient)  # approval's open applications naming an investment project

"""What approval serves to other Kuaiban processes: the working-day calendar feed and a typed client.

Consumers import this module and nothing else of approval.
"""

from datetime import date

from pydantic import BaseModel

from services.common.calendar import YearSchedule
from services.common.internal import ContractClient
from services.common.problems import Unavailable
from services.common.texts import Text

CALENDAR_PATH = "/internal/approval/calendar"


class YearScheduleBody(BaseModel):
    """One year of the calendar: the weekdays off and the weekend days worked (调休)."""

    year: int
    provisional: bool
    holidays: list[date]
    workdays: list[date]

    @classmethod
    def of(cls, schedule: YearSchedule) -> "YearScheduleBody":
        return cls(
            year=schedule.year,
            provisional=schedule.provisional,
            holidays=sorted(schedule.holidays),
            workdays=sorted(schedule.workdays),
        )

    def schedule(self) -> YearSchedule:
        return YearSchedule(self.year, self.provisional, frozenset(self.holidays), frozenset(self.workdays))


class CalendarFeed(BaseModel):
    """Every stored year."""

    years: list[YearScheduleBody]


class ApprovalClient(ContractClient):
    """Approval as other services call it."""

    async def calendar(self) -> list[YearSchedule]:
        feed = await self._internal.fetch(
            "approval", CALENDAR_PATH, CalendarFeed, what=Text("工作日历", "the working-day calendar")
        )
        if feed is None:
            raise Unavailable(
                Text(
                    "审批服务暂无工作日历，请稍后再试。",
                    "The approval service has no calendar feed; try again shortly.",
                )
            )
        return [year.schedule() for year in feed.years]

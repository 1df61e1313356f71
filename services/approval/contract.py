"""What approval serves to other Kuaiban processes: the working-day calendar feed, the open applications serving
an investment project, and a typed client.

Consumers import this module and nothing else of approval.
"""

import uuid
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from services.common.calendar import YearSchedule
from services.common.internal import ContractClient
from services.common.problems import Unavailable
from services.common.texts import Text

CALENDAR_PATH = "/internal/approval/calendar"
PROJECT_APPLICATIONS_PATH = "/internal/approval/projects/{project_id}/applications"  # the open ones


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


class ProjectApplication(BaseModel):
    """An open application (in review or awaiting a supplement) that names an investment project."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    code: str
    enterprise_id: uuid.UUID
    matter_code: str
    matter_name: str
    status: str = Field(description="in_review or supplement_required")
    due_date: date
    submitted_at: datetime


class ProjectApplications(BaseModel):
    """The open applications naming a project, oldest first."""

    items: list[ProjectApplication]


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

    async def project_applications(self, project_id: uuid.UUID) -> list[ProjectApplication]:
        """The open applications naming the project; `Unavailable` when approval cannot say."""
        path = PROJECT_APPLICATIONS_PATH.format(project_id=project_id)
        what = Text("项目的审批申请", "the project's applications")
        found = await self._internal.fetch("approval", path, ProjectApplications, what=what)
        if found is None:  # the path is always there: a 404 is an approval without it (mid-deploy)
            raise Unavailable(
                Text("审批服务暂时无法列出项目的申请。", "Approval cannot list the project's applications now.")
            )
        return found.items

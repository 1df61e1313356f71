"""What intake serves to other Kuaiban processes: its internal paths, their models, and a typed client.

Consumers (approval, finance, the gateway) import this module and nothing else of intake. The paths
here are the ones intake's internal routes are declared with, so sender and receiver cannot drift.
"""

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, GetJsonSchemaHandler, field_validator
from pydantic_core import CoreSchema

from services.common.auth import Principal, Role
from services.common.internal import ContractClient
from services.common.outbox import OutboxMessage, message
from services.common.problems import Invalid, ProblemKind, Unavailable
from services.common.schemas import CreditRating, IndustrySection, RequestBody, labelled, text
from services.common.texts import Text

ENTERPRISE_PATH = "/internal/intake/enterprises/{enterprise_id}"
ENTERPRISES_PATH = "/internal/intake/enterprises"  # every profile, in pages by id (a subscriber's full resync)
ENTERPRISES_PAGE_MAX = 1000
LIAISON_PATH = "/internal/intake/liaisons/{username}"
TIMELINE_PATH = "/internal/intake/timeline-events"
TIMELINE_BATCH_PATH = "/internal/intake/timeline-events/batch"
TIMELINE_BATCH_MAX = 100
# A sender's outbox may post messages bound for a path in one call to its batch path (services.common.outbox).
BATCH_PATHS = {TIMELINE_PATH: TIMELINE_BATCH_PATH}
UNKNOWN_ENTERPRISE = Text("没有以此 id 登记的企业。", "No enterprise is registered with this id.")
PROJECT_PATH = "/internal/intake/projects/{project_id}"
UNKNOWN_PROJECT = Text("没有以此 id 登记的招商项目。", "No investment project is recorded with this id.")


class TimelineKind(StrEnum):
    """What can appear on an enterprise's timeline: intake's own request events and what approval and
    finance send (finance's loan applications share `application.approved`/`rejected` with approval's)."""

    request_received = "request.received"
    request_assigned = "request.assigned"
    request_replied = "request.replied"
    request_reopened = "request.reopened"
    request_closed = "request.closed"
    application_submitted = "application.submitted"
    application_approved = "application.approved"
    application_rejected = "application.rejected"
    application_withdrawn = "application.withdrawn"
    application_terminated = "application.terminated"
    commitment_reminder = "commitment.reminder"
    commitment_fulfilled = "commitment.fulfilled"
    commitment_overdue = "commitment.overdue"
    project_recorded = "project.recorded"
    project_stage_changed = "project.stage_changed"
    appointment_booked = "appointment.booked"
    appointment_rescheduled = "appointment.rescheduled"
    appointment_cancelled = "appointment.cancelled"
    appointment_reminder = "appointment.reminder"
    appointment_no_show = "appointment.no_show"
    onsite_requested = "onsite.requested"
    onsite_scheduled = "onsite.scheduled"
    need_posted = "need.posted"
    deal_signed = "deal.signed"
    policy_granted = "policy.granted"
    policy_disbursed = "policy.disbursed"
    policy_revoked = "policy.revoked"

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        """Names a client generator can use: the values have dots, which no identifier may contain."""
        json_schema = handler.resolve_ref_schema(handler(schema))
        json_schema["x-enum-varnames"] = ["".join(part.title() for part in m.name.split("_")) for m in cls]
        return json_schema


labelled(
    TimelineKind,
    {
        "request.received": ("诉求已受理", "Request received"),
        "request.assigned": ("诉求已交办", "Request assigned"),
        "request.replied": ("诉求已答复", "Request replied to"),
        "request.reopened": ("诉求重新办理", "Request reopened"),
        "request.closed": ("诉求已办结", "Request closed"),
        "application.submitted": ("审批申请已提交", "Application submitted"),
        "application.approved": ("申请已通过（审批或贷款）", "Application approved (approval or loan)"),
        "application.rejected": ("申请未通过（审批或贷款）", "Application rejected (approval or loan)"),
        "application.withdrawn": ("审批申请已撤回", "Application withdrawn"),
        "application.terminated": ("审批申请已终止", "Application terminated"),
        "commitment.reminder": ("容缺承诺补交提醒", "Reminder: a committed material is due"),
        "commitment.fulfilled": ("容缺承诺已兑现", "Committed material handed in"),
        "commitment.overdue": ("容缺承诺已逾期", "Committed material overdue"),
        "project.recorded": ("招商项目已登记", "Investment project recorded"),
        "project.stage_changed": ("招商项目进入新阶段", "Investment project moved to a new stage"),
        "appointment.booked": ("已预约窗口办理", "Window appointment booked"),
        "appointment.rescheduled": ("窗口预约已改期", "Window appointment rescheduled"),
        "appointment.cancelled": ("窗口预约已取消", "Window appointment cancelled"),
        "appointment.reminder": ("下一工作日预约提醒（窗口或上门）", "Reminder: booked for the next working day"),
        "appointment.no_show": ("窗口预约未到", "Window appointment missed"),
        "onsite.requested": ("已申请上门办", "On-site service requested"),
        "onsite.scheduled": ("上门办已排期", "On-site service scheduled"),
        "need.posted": ("融资需求已发布", "Financing need posted"),
        "deal.signed": ("贷款已签约", "Loan signed"),
        "policy.granted": ("政策奖补已兑现（待确认收款账户）", "Policy benefit granted (confirm the account)"),
        "policy.disbursed": ("政策资金已拨付", "Policy funds paid"),
        "policy.revoked": ("政策奖补已撤销", "Policy benefit revoked"),
    },
)


class EnterpriseProfile(BaseModel):
    """An enterprise as other services need it: who it is and the facts rules look at."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    uscc: str
    name: str
    industry: IndustrySection
    town: str
    established_on: date
    employees: int | None
    annual_revenue_yuan: int | None
    credit_rating: CreditRating
    key_enterprise: bool
    tags: list[str] = Field(default_factory=list, description="Qualifications on record, such as 专精特新")
    revision: int = Field(default=1, description="Goes up by one with every change; a subscriber keeps the highest")


class EnterpriseChanged(RequestBody):
    """An enterprise was registered or its profile changed: the whole new profile, for subscribers' read models."""

    id: uuid.UUID = Field(description="The event id; a redelivery carries the same id")
    kind: Literal["enterprise.created", "enterprise.updated"]
    at: datetime
    profile: EnterpriseProfile


class EnterpriseProfilePage(BaseModel):
    """Profiles ordered by id; `next_after` is the id to ask after for the next page, null on the last."""

    items: list[EnterpriseProfile]
    next_after: uuid.UUID | None


class LiaisonEnterprises(BaseModel):
    """The enterprises an officer is the dedicated liaison (包保专员) for."""

    enterprise_ids: list[uuid.UUID]


class ProjectRef(BaseModel):
    """An investment project (招商项目) as another service names it: an application serving the project."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    enterprise_id: uuid.UUID | None = Field(description="Null while the investor is not registered")
    stage: str = Field(description="negotiating, signed, started, counted or dropped")


class TimelineEvent(RequestBody):
    """Something that happened to an enterprise in another service, for its timeline in intake."""

    id: uuid.UUID = Field(description="The sender's message id; a redelivery with the same id is stored once")
    enterprise_id: uuid.UUID
    at: datetime
    service: Literal["approval", "finance"]
    kind: TimelineKind
    ref_id: uuid.UUID
    summary: text(500)

    @field_validator("at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError(Text("须带时区", "must carry a time zone"))
        return value


class TimelineReceipt(BaseModel):
    id: uuid.UUID
    stored: bool


class TimelineBatch(RequestBody):
    """Events for timelines in one call (an outbox's round); stored together or not at all."""

    items: list[TimelineEvent] = Field(min_length=1, max_length=TIMELINE_BATCH_MAX)


class TimelineBatchReceipt(BaseModel):
    received: int
    stored: int = Field(description="How many were new; the rest were redeliveries, stored before")


class IntakeClient(ContractClient):
    """Intake as other services call it."""

    async def enterprise(self, enterprise_id: uuid.UUID) -> EnterpriseProfile:
        """The enterprise's profile; an unknown enterprise is 422 on `enterprise_id` wherever it is named."""
        path = ENTERPRISE_PATH.format(enterprise_id=enterprise_id)
        profile = await self._internal.fetch("intake", path, EnterpriseProfile, what=Text("企业", "the enterprise"))
        if profile is None:
            raise Invalid(UNKNOWN_ENTERPRISE, field="enterprise_id", kind=ProblemKind.unknown_reference)
        return profile

    async def project(self, project_id: uuid.UUID) -> ProjectRef:
        """An investment project; an unknown project is 422 on `project_id` wherever it is named."""
        path = PROJECT_PATH.format(project_id=project_id)
        found = await self._internal.fetch("intake", path, ProjectRef, what=Text("招商项目", "the investment project"))
        if found is None:
            raise Invalid(UNKNOWN_PROJECT, field="project_id", kind=ProblemKind.unknown_reference)
        return found

    async def enterprise_page(self, *, after: uuid.UUID | None, limit: int) -> EnterpriseProfilePage:
        """One page of every enterprise's profile, by id (a subscriber's resync walks them all)."""
        query = f"?limit={limit}" + (f"&after={after}" if after is not None else "")
        page = await self._internal.fetch(
            "intake", ENTERPRISES_PATH + query, EnterpriseProfilePage, what=Text("企业名录", "the enterprise registry")
        )
        if page is None:  # the list is always there: a 404 is an intake without it (mid-deploy), not "no enterprises"
            raise Unavailable(Text("企业名录暂时无法读取。", "The enterprise registry cannot be read now."))
        return page

    async def liaison_of(self, principal: Principal) -> set[uuid.UUID]:
        """The enterprises the caller is the liaison officer for: an officer's, none for any other role."""
        return await self.liaison_enterprises(principal.username) if principal.role is Role.officer else set()

    async def liaison_enterprises(self, username: str) -> set[uuid.UUID]:
        path = LIAISON_PATH.format(username=username)
        found = await self._internal.fetch(
            "intake", path, LiaisonEnterprises, what=Text("包保企业名单", "the liaison's enterprises")
        )
        return set(found.enterprise_ids) if found is not None else set()


def timeline_message(
    model: type[OutboxMessage],
    *,
    sender: Literal["approval", "finance"],
    enterprise_id: uuid.UUID,
    kind: TimelineKind | str,
    ref_id: uuid.UUID,
    summary: str,
    at: datetime,
) -> OutboxMessage:
    """An outbox row that puts an event on the enterprise's timeline; add it to the change's session.

    A `kind` that is not a TimelineKind raises here, in the sender, before anything is stored."""
    event = TimelineEvent(
        id=uuid.uuid4(),
        enterprise_id=enterprise_id,
        at=at,
        service=sender,
        kind=kind,
        ref_id=ref_id,
        summary=summary[:500],
    )
    return message(model, message_id=event.id, recipient="intake", path=TIMELINE_PATH, body=event, now=at)

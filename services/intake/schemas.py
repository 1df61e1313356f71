"""Request and response bodies of the intake service."""

import uuid
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Self

from pydantic import (
    AfterValidator,
    ConfigDict,
    Field,
    StringConstraints,
    computed_field,
    field_validator,
    model_validator,
)

from services.common.auth import Role
from services.common.departments import Department
from services.common.documents import DocumentRead
from services.common.schemas import (
    CreditRating,
    Distinct,
    IndustrySection,
    IsoDate,
    IsoDateTime,
    RequestBody,
    ResponseBody,
    labelled,
    text,
)
from services.common.texts import Text
from services.intake.config import PREFIX
from services.intake.contract import EnterpriseProfile, TimelineKind
from services.intake.domain import (
    AttachmentPart,
    Category,
    Chain,
    Channel,
    Grade,
    ProjectAction,
    ProjectStage,
    RequestAction,
    RequestStatus,
)
from services.intake.slots import AppointmentStatus, OnsiteStatus, Weekday
from services.intake.uscc import uscc_error

labelled(
    Category,
    {
        "power": ("用电", "Power supply"),
        "land": ("用地", "Land"),
        "financing": ("融资", "Financing"),
        "permits": ("审批许可", "Permits"),
        "talent": ("人才用工", "Talent and labour"),
        "policy": ("政策兑现", "Policy support"),
        "infrastructure": ("基础设施", "Infrastructure"),
        "other": ("其他", "Other"),
    },
)
labelled(
    Channel,
    {
        "tea_meeting": ("政企茶叙会", "Tea meeting"),
        "online": ("网上提交", "Online"),
        "window": ("政务服务窗口", "Service window"),
        "hotline": ("12345 热线", "Hotline"),
        "visit": ("走访", "Visit"),
    },
)
labelled(
    RequestStatus,
    {
        "received": ("已受理", "Received"),
        "assigned": ("已交办", "Assigned"),
        "replied": ("已答复", "Replied"),
        "reopened": ("重新办理", "Reopened"),
        "closed": ("已办结", "Closed"),
    },
)
labelled(
    AttachmentPart,
    {"request": ("企业随诉求提交", "Sent with the request"), "reply": ("部门随答复提交", "Sent with the reply")},
)
# Not labelled in services.common yet; the OpenAPI document wants every enum labelled.
labelled(Grade, {"urgent": ("紧急", "Urgent"), "normal": ("一般", "Normal"), "major": ("重大", "Major")})
labelled(
    RequestAction,
    {
        "received": ("受理", "Received"),
        "assigned": ("交办", "Assigned"),
        "replied": ("答复", "Replied"),
        "note": ("备注", "Note"),
        "feedback": ("企业评价", "Feedback"),
        "reopened": ("重新办理", "Reopened"),
        "closed": ("办结", "Closed"),
    },
)


class TimelineService(StrEnum):
    intake = "intake"
    approval = "approval"
    finance = "finance"


labelled(
    TimelineService,
    {"intake": ("诉求受理", "Intake"), "approval": ("并联审批", "Approval"), "finance": ("银企对接", "Finance")},
)


# uscc_error's reasons in Chinese, by how each starts; a reason not listed gets the general message.
_USCC_REASONS = {
    "must be 18 characters": "应为 18 位",
    "contains characters": "含有代码中不允许的字符",
    "characters 3-8": "第 3–8 位应为行政区划代码（数字）",
    "check character": "校验码不符（GB 32100-2015）",
}


def _valid_uscc(value: str) -> str:
    if error := uscc_error(value):
        reason = next((zh for start, zh in _USCC_REASONS.items() if error.startswith(start)), None)
        zh = f"不是有效的统一社会信用代码：{reason}" if reason else "不是有效的统一社会信用代码"
        raise ValueError(Text(zh, f"not a valid unified social credit code: {error}"))
    return value


FOUNDED_EARLIEST = date(1949, 10, 1)


def _plausible_founding(value: date) -> date:
    if value < FOUNDED_EARLIEST:
        raise ValueError(Text(f"不能早于 {FOUNDED_EARLIEST}", f"must not be before {FOUNDED_EARLIEST}"))
    if value > datetime.now(UTC).date():
        raise ValueError(Text("不能晚于今天", "must not be in the future"))
    return value


# The bounds live in the validator: a `ge` on a date is not JSON Schema and breaks the client generators.
Founded = Annotated[IsoDate, AfterValidator(_plausible_founding)]


Uscc = Annotated[str, StringConstraints(strip_whitespace=True, to_upper=True), AfterValidator(_valid_uscc)]
Tags = Annotated[list[text(32)], Distinct]
TAGS = "Qualifications on record, such as 专精特新: distinct, at most 20, each at most 32 characters"
TAGS_MAX = 20
NULLABLE_PROFILE_FIELDS = frozenset({"employees", "annual_revenue_yuan"})


class EnterpriseCreate(RequestBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "uscc": "91340621MA2TG8XK4H",
                    "name": "安徽濉溪经济开发区新材料有限公司",
                    "industry": "C",
                    "town": "濉溪镇",
                    "established_on": "2019-05-16",
                    "employees": 260,
                    "annual_revenue_yuan": 186000000,
                    "credit_rating": "A",
                    "key_enterprise": True,
                    "tags": ["专精特新"],
                }
            ]
        }
    )

    uscc: Uscc = Field(description="18-character unified social credit code (GB 32100-2015)")
    name: text(200)
    industry: IndustrySection = Field(description="GB/T 4754 section letter A–T")
    town: text(50) = Field(description="Town or street (乡镇/街道)")
    established_on: Founded
    employees: int | None = Field(default=None, ge=0, le=10_000_000)
    annual_revenue_yuan: int | None = Field(default=None, ge=0, le=10**15)
    credit_rating: CreditRating = CreditRating.B
    key_enterprise: bool = False
    tags: Tags = Field(default_factory=list, max_length=TAGS_MAX, description=TAGS)


class EnterpriseUpdate(RequestBody):
    """A profile change: only the fields sent change (the USCC never does). `employees` and
    `annual_revenue_yuan` may be sent as null to clear them; no other field may be null."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"employees": 310, "tags": ["专精特新", "高新技术企业"]}, {"town": "百善镇"}]}
    )

    name: text(200) | None = None
    industry: IndustrySection | None = Field(default=None, description="GB/T 4754 section letter A–T")
    town: text(50) | None = Field(default=None, description="Town or street (乡镇/街道)")
    established_on: Founded | None = None
    employees: int | None = Field(default=None, ge=0, le=10_000_000)
    annual_revenue_yuan: int | None = Field(default=None, ge=0, le=10**15)
    credit_rating: CreditRating | None = None
    key_enterprise: bool | None = None
    tags: Tags | None = Field(default=None, max_length=TAGS_MAX, description=f"{TAGS}; the whole new list")

    @model_validator(mode="after")
    def _no_nulls(self) -> Self:
        for name in self.model_fields_set - NULLABLE_PROFILE_FIELDS:
            if getattr(self, name) is None:
                raise ValueError(Text(f"{name} 不能为 null", f"{name} must not be null"))
        return self


class EnterpriseRead(EnterpriseProfile):
    """An enterprise as its page shows it: the profile other services get, its liaison, its times."""

    liaison_officer: str | None
    created_at: datetime
    updated_at: datetime


class EnterprisePage(ResponseBody):
    items: list[EnterpriseRead]
    next_cursor: str | None


class LiaisonAssign(RequestBody):
    officer_username: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{2,63}$")]


class MeetingCreate(RequestBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "title": "濉溪县2026年第一季度政企茶叙会",
                    "held_on": "2026-03-18",
                    "location": "濉溪县政务服务中心三楼会议室",
                }
            ]
        }
    )

    title: text(200)
    held_on: IsoDate = Field(ge=date(2000, 1, 1), le=date(2100, 12, 31))
    location: text(200)


class MeetingStats(ResponseBody):
    received: int
    closed: int
    satisfaction_rate: float | None


class MeetingRead(ResponseBody):
    id: uuid.UUID
    title: str
    held_on: date
    location: str
    created_at: datetime
    updated_at: datetime


class MeetingWithStats(MeetingRead):
    stats: MeetingStats


class MeetingPage(ResponseBody):
    items: list[MeetingRead]
    next_cursor: str | None


class RequestCreate(RequestBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "title": "新建厂房电力增容",
                    "description": "百善镇新建铝基材料厂房需增容 800 千伏安，请协调供电部门尽快接入。",
                    "category": "power",
                    "channel": "tea_meeting",
                    "meeting_id": None,
                    "enterprise_id": None,
                }
            ]
        }
    )

    title: text(200)
    description: text(5000, multiline=True)
    category: Category
    channel: Channel
    meeting_id: uuid.UUID | None = None
    enterprise_id: uuid.UUID | None = Field(default=None, description="Required when an admin or officer files it")
    project_id: uuid.UUID | None = Field(
        default=None, description="The investment project (招商项目) it serves: one of the same enterprise's"
    )


class RequestAssign(RequestBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "lead_department": "power",
                    "cooperating_departments": ["natural_resources", "development_reform"],
                    "grade": "urgent",
                }
            ]
        }
    )

    lead_department: Department
    cooperating_departments: Annotated[list[Department], Distinct] = Field(default_factory=list, max_length=13)
    grade: Grade


class RequestReply(RequestBody):
    content: text(5000, multiline=True)


class RequestNote(RequestBody):
    content: text(2000, multiline=True)


class RequestFeedback(RequestBody):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"rating": 5, "comment": "供电公司三天内完成接入，满意。"}]}
    )

    rating: int = Field(ge=1, le=5)
    comment: text(2000, multiline=True) | None = None


class RequestEventRead(ResponseBody):
    at: datetime
    actor: str
    actor_role: Role
    action: RequestAction
    details: dict


class RequestRead(ResponseBody):
    id: uuid.UUID
    code: str
    enterprise_id: uuid.UUID
    meeting_id: uuid.UUID | None
    project_id: uuid.UUID | None = Field(default=None, description="The investment project (招商项目) it serves")
    title: str
    description: str
    category: Category
    channel: Channel
    status: RequestStatus
    grade: Grade | None
    lead_department: Department | None
    cooperating_departments: list[Department]
    due_date: date | None
    assigned_at: datetime | None
    first_replied_at: datetime | None
    replied_at: datetime | None
    closed_at: datetime | None
    reply: str | None
    rating: int | None
    feedback_comment: str | None
    created_at: datetime
    updated_at: datetime


class RequestDetail(RequestRead):
    events: list[RequestEventRead]
    attachments: int = Field(description="How many files are attached to it (both parts); listed at its attachments")


class RequestPage(ResponseBody):
    items: list[RequestRead]
    next_cursor: str | None


ATTACHMENT_EXAMPLE = {
    "id": "7a1c3e5f-9b2d-4f6a-8c0e-1d3f5b7a9c2e",
    "request_id": "3f6d2a9e-8b1c-4e57-9f0a-2c4b6d8e1a37",
    "part": "request",
    "filename": "厂房用电负荷清单.pdf",
    "size": 284_113,
    "sha256": "9f2c1b7e4a6d8c0e2f4a6b8d0c2e4f6a8b0d2c4e6f8a0b2d4c6e8f0a2b4d6c8e",
    "media_type": "application/pdf",
    "scan": "clean",
    "uploaded_by": "suixi-lvji",
    "created_at": "2026-03-02T01:30:00Z",
    "download_url": "/intake/requests/3f6d2a9e-8b1c-4e57-9f0a-2c4b6d8e1a37/attachments/"
    "7a1c3e5f-9b2d-4f6a-8c0e-1d3f5b7a9c2e",
}


class RequestAttachmentRead(DocumentRead):
    """A file attached to a request: by the enterprise with it (`request`), or by the lead department (`reply`)."""

    model_config = ConfigDict(json_schema_extra={"examples": [ATTACHMENT_EXAMPLE]})

    request_id: uuid.UUID
    part: AttachmentPart

    @computed_field(description="Where its bytes are downloaded (GET; Range and If-None-Match work)")
    @property
    def download_url(self) -> str:
        return f"{PREFIX}/requests/{self.request_id}/attachments/{self.id}"


class RequestAttachmentPage(ResponseBody):
    """Every attachment of the request, oldest first (a request has at most 20: one page, `next_cursor` null)."""

    items: list[RequestAttachmentRead]
    next_cursor: str | None = None


class TimelineItem(ResponseBody):
    at: datetime
    service: TimelineService
    kind: TimelineKind
    ref_id: uuid.UUID
    summary: str


class TimelinePage(ResponseBody):
    items: list[TimelineItem]
    next_cursor: str | None


class CountsByKey(ResponseBody):
    received: int
    closed: int


class DepartmentStats(ResponseBody):
    lead: int
    closed: int
    on_time_rate: float | None


class IntakeStats(ResponseBody):
    received: int
    closed: int
    completion_rate: float | None
    satisfaction_rate: float | None
    on_time_rate: float | None
    avg_reply_working_days: float | None
    by_category: dict[str, CountsByKey]
    by_department: dict[str, DepartmentStats]


class IntakeWeek(ResponseBody):
    """One ISO week (Monday to Sunday, CST) of requests."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "week": "2026-W48",
                    "starts_on": "2026-11-23",
                    "received": 7,
                    "closed": 6,
                    "feedback": 6,
                    "satisfied": 6,
                    "satisfaction_rate": 1.0,
                    "settled": 5,
                    "on_time": 5,
                    "on_time_rate": 1.0,
                }
            ]
        }
    )

    week: str = Field(description="ISO week, `YYYY-Www`")
    starts_on: date = Field(description="Its Monday")
    received: int = Field(description="Requests raised in the week")
    closed: int = Field(description="Requests closed in the week")
    feedback: int = Field(description="Ratings given in the week")
    satisfied: int = Field(description="Of those, ratings of 4 or 5")
    satisfaction_rate: float | None
    settled: int = Field(
        description="Requests whose punctuality was settled in the week: first answered in it, or (unanswered) "
        "past their due date from a day in it"
    )
    on_time: int = Field(description="Of those, first answered by the due date")
    on_time_rate: float | None


class DepartmentWeek(ResponseBody):
    """A lead department's punctuality in one ISO week: the requests whose punctuality was settled in it."""

    week: str
    starts_on: date
    settled: int
    on_time: int
    on_time_rate: float | None


class IntakeWeekly(ResponseBody):
    weeks: list[IntakeWeek] = Field(description="The last `weeks` ISO weeks, the current one last")
    by_department: dict[str, list[DepartmentWeek]] = Field(
        description="Every lead department with a request settled in the period, by its code: the same weeks"
    )


# --- window appointments (预约办, 延时办, 上门办) --------------------------------------------------

labelled(
    Weekday,
    {
        "monday": ("星期一", "Monday"),
        "tuesday": ("星期二", "Tuesday"),
        "wednesday": ("星期三", "Wednesday"),
        "thursday": ("星期四", "Thursday"),
        "friday": ("星期五", "Friday"),
        "saturday": ("星期六", "Saturday"),
        "sunday": ("星期日", "Sunday"),
    },
)
labelled(
    AppointmentStatus,
    {
        "booked": ("已预约", "Booked"),
        "cancelled": ("已取消", "Cancelled"),
        "checked_in": ("已到场", "Checked in"),
        "no_show": ("未到场", "No-show"),
    },
)
labelled(OnsiteStatus, {"requested": ("待排期", "Requested"), "scheduled": ("已排期", "Scheduled")})

ClockTime = Annotated[str, StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]
MatterCode = text(32)
OFFICER_USERNAME = r"^[A-Za-z0-9][A-Za-z0-9_.-]{2,63}$"
WEEKLY_HOURS = (
    "Weekly opening hours in China Standard Time: ranges of a weekday, each cut into `slot_minutes` slots from its "
    "start, regular or after-hours (延时办). A holiday (a weekday off, and the weekend days of its break) has no "
    "slots; an ordinary weekend day has its own ranges; a make-up workday (调休上班) has the ranges of `makeup_day`."
)
HALL_EXAMPLE = {"name": "濉溪县政务服务中心", "town": "濉溪镇", "address": "濉溪县濉溪镇政务服务中心二楼大厅"}
WINDOW_EXAMPLE = {
    "number": "A01",
    "name": "企业开办专窗",
    "department": "market",
    "matter_codes": ["QYKB-001"],
    "hours": [
        {"weekday": "monday", "start": "09:00", "end": "12:00", "after_hours": False},
        {"weekday": "monday", "start": "13:30", "end": "17:00", "after_hours": False},
        {"weekday": "monday", "start": "17:30", "end": "19:00", "after_hours": True},
        {"weekday": "saturday", "start": "09:00", "end": "12:00", "after_hours": True},
    ],
    "slot_minutes": 30,
    "capacity": 2,
    "makeup_day": "monday",
}


class HoursRangeBody(RequestBody):
    """One opening range of a weekday, `HH:MM` to `HH:MM` in China Standard Time."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"weekday": "saturday", "start": "09:00", "end": "12:00", "after_hours": True}]}
    )

    weekday: Weekday
    start: ClockTime = Field(description="HH:MM, China Standard Time")
    end: ClockTime = Field(description="HH:MM, China Standard Time, after `start`")
    after_hours: bool = Field(default=False, description="An after-hours range (延时办): evenings, weekends")


class HallCreate(RequestBody):
    model_config = ConfigDict(json_schema_extra={"examples": [HALL_EXAMPLE]})

    name: text(200)
    town: text(50) = Field(description="Town or street (乡镇/街道)")
    address: text(200)


class WindowBody(RequestBody):
    """A window as an admin sets it up (and replaces it): the whole definition."""

    model_config = ConfigDict(json_schema_extra={"examples": [WINDOW_EXAMPLE]})

    number: text(16) = Field(description="The window's number in its hall, e.g. A01; unique in the hall")
    name: text(100)
    department: Department = Field(description="Whose staff serve at it; on-site requests are routed by it")
    matter_codes: Annotated[list[MatterCode], Distinct] = Field(
        min_length=1, max_length=50, description="The service matters it serves (approval's matter codes)"
    )
    hours: list[HoursRangeBody] = Field(default_factory=list, max_length=70, description=WEEKLY_HOURS)
    slot_minutes: int = Field(default=30, ge=5, le=240, description="Length of a slot in minutes")
    capacity: int = Field(default=1, ge=1, le=100, description="People served at once in a slot")
    makeup_day: Weekday = Field(
        default=Weekday.monday, description="Whose ranges a make-up workday (调休上班的周末) takes: Monday to Friday"
    )


class HoursRangeRead(ResponseBody):
    weekday: Weekday
    start: str = Field(description="HH:MM, China Standard Time")
    end: str = Field(description="HH:MM, China Standard Time")
    after_hours: bool


WINDOW_READ_EXAMPLE = {
    "id": "9c1e3a5b-7d9f-4b2d-8e4a-6c8e0a2b4d6f",
    "hall_id": "4e6a8c0d-2f4b-4d6e-9a1c-3e5b7d9f1a2c",
    **WINDOW_EXAMPLE,
    "created_at": "2026-11-30T01:30:00Z",
    "updated_at": "2026-11-30T01:30:00Z",
}


class WindowRead(ResponseBody):
    model_config = ConfigDict(json_schema_extra={"examples": [WINDOW_READ_EXAMPLE]})

    id: uuid.UUID
    hall_id: uuid.UUID
    number: str
    name: str
    department: Department
    matter_codes: list[str]
    hours: list[HoursRangeRead] = Field(description=WEEKLY_HOURS)
    slot_minutes: int
    capacity: int
    makeup_day: Weekday
    created_at: datetime
    updated_at: datetime


class HallRead(ResponseBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "4e6a8c0d-2f4b-4d6e-9a1c-3e5b7d9f1a2c",
                    **HALL_EXAMPLE,
                    "created_at": "2026-11-30T01:30:00Z",
                    "updated_at": "2026-11-30T01:30:00Z",
                }
            ]
        }
    )

    id: uuid.UUID
    name: str
    town: str
    address: str
    created_at: datetime
    updated_at: datetime


class HallDetail(HallRead):
    """A hall with its windows, by number."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "4e6a8c0d-2f4b-4d6e-9a1c-3e5b7d9f1a2c",
                    **HALL_EXAMPLE,
                    "created_at": "2026-11-30T01:30:00Z",
                    "updated_at": "2026-11-30T01:30:00Z",
                    "windows": [WINDOW_READ_EXAMPLE],
                }
            ]
        }
    )

    windows: list[WindowRead]


class HallPage(ResponseBody):
    items: list[HallRead]
    next_cursor: str | None


SLOT_EXAMPLE = {
    "hall_id": "4e6a8c0d-2f4b-4d6e-9a1c-3e5b7d9f1a2c",
    "hall_name": "濉溪县政务服务中心",
    "window_id": "9c1e3a5b-7d9f-4b2d-8e4a-6c8e0a2b4d6f",
    "window_number": "A01",
    "window_name": "企业开办专窗",
    "start": "2026-12-05T09:00:00+08:00",
    "end": "2026-12-05T09:30:00+08:00",
    "after_hours": True,
    "capacity": 2,
    "remaining": 1,
}


class SlotRead(ResponseBody):
    """A slot with a place free."""

    model_config = ConfigDict(json_schema_extra={"examples": [SLOT_EXAMPLE]})

    hall_id: uuid.UUID
    hall_name: str
    window_id: uuid.UUID
    window_number: str
    window_name: str
    start: datetime = Field(description="China Standard Time (+08:00); book it by this instant")
    end: datetime
    after_hours: bool = Field(description="An after-hours slot (延时办)")
    capacity: int
    remaining: int = Field(description="Places still free (at least 1)")


class SlotList(ResponseBody):
    """Every free slot of the matter's windows in the days asked for, earliest first (not paginated: at most
    31 days)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "matter_code": "QYKB-001",
                    "first_day": "2026-12-05",
                    "last_day": "2026-12-11",
                    "items": [SLOT_EXAMPLE],
                }
            ]
        }
    )

    matter_code: str
    first_day: date
    last_day: date
    items: list[SlotRead]


class AppointmentCreate(RequestBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "start": "2026-12-05T09:00:00+08:00",
                    "window_id": "9c1e3a5b-7d9f-4b2d-8e4a-6c8e0a2b4d6f",
                    "matter_code": "QYKB-001",
                    "enterprise_id": None,
                }
            ]
        }
    )

    start: IsoDateTime = Field(description="The slot's start, as the slot list gives it")
    window_id: uuid.UUID
    matter_code: MatterCode
    enterprise_id: uuid.UUID | None = Field(
        default=None, description="Required when an admin or the enterprise's liaison officer books for it"
    )


class AppointmentReschedule(RequestBody):
    model_config = ConfigDict(json_schema_extra={"examples": [{"start": "2026-12-07T17:30:00+08:00"}]})

    start: IsoDateTime = Field(description="The new slot's start")
    window_id: uuid.UUID | None = Field(default=None, description="Another window serving the matter; default: same")


APPOINTMENT_EXAMPLE = {
    "id": "3f6d2a9e-8b1c-4e57-9f0a-2c4b6d8e1a37",
    "enterprise_id": "5b1e7c3a-2d4f-4a6b-8c9d-0e1f2a3b4c5d",
    "hall_id": "4e6a8c0d-2f4b-4d6e-9a1c-3e5b7d9f1a2c",
    "window_id": "9c1e3a5b-7d9f-4b2d-8e4a-6c8e0a2b4d6f",
    "matter_code": "QYKB-001",
    "start_at": "2026-12-05T01:00:00Z",
    "end_at": "2026-12-05T01:30:00Z",
    "appointment_on": "2026-12-05",
    "after_hours": True,
    "status": "booked",
    "booked_by": "suixi-lvji",
    "rescheduled": 0,
    "cancelled_at": None,
    "checked_in_at": None,
    "no_show_at": None,
    "reminded_at": None,
    "created_at": "2026-11-30T01:30:00Z",
    "updated_at": "2026-11-30T01:30:00Z",
}


class AppointmentRead(ResponseBody):
    model_config = ConfigDict(json_schema_extra={"examples": [APPOINTMENT_EXAMPLE]})

    id: uuid.UUID
    enterprise_id: uuid.UUID
    hall_id: uuid.UUID
    window_id: uuid.UUID
    matter_code: str
    start_at: datetime
    end_at: datetime
    appointment_on: date = Field(description="The day of the appointment (China Standard Time)")
    after_hours: bool
    status: AppointmentStatus
    booked_by: str
    rescheduled: int = Field(description="How many times it was moved")
    cancelled_at: datetime | None = None
    checked_in_at: datetime | None = None
    no_show_at: datetime | None = None
    reminded_at: datetime | None = Field(default=None, description="When the reminder went on the timeline")
    created_at: datetime
    updated_at: datetime


class AppointmentPage(ResponseBody):
    items: list[AppointmentRead]
    next_cursor: str | None


class ReminderRun(ResponseBody):
    model_config = ConfigDict(json_schema_extra={"examples": [{"appointments": 12, "onsite_requests": 2}]})

    appointments: int = Field(description="Appointments reminded in this run")
    onsite_requests: int = Field(description="On-site visits reminded in this run")


class OnsiteCreate(RequestBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "matter_code": "YDBZ-001",
                    "address": "濉溪经济开发区凤栖路 18 号",
                    "preferred_dates": ["2026-12-08", "2026-12-09"],
                    "notes": "新厂房高压用电报装，请带勘察设备。",
                    "department": None,
                    "enterprise_id": None,
                }
            ]
        }
    )

    matter_code: MatterCode
    address: text(200) = Field(description="Where the officer comes to")
    preferred_dates: Annotated[list[IsoDate], Distinct] = Field(default_factory=list, max_length=10)
    notes: text(2000, multiline=True) | None = None
    department: Department | None = Field(
        default=None,
        description="Who serves it; default: the department of the windows serving the matter (422 when they are "
        "several departments or none)",
    )
    enterprise_id: uuid.UUID | None = Field(
        default=None, description="Required when an admin or the enterprise's liaison officer requests for it"
    )


class OnsiteSchedule(RequestBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"officer_username": "power-officer-wang", "start": "2026-12-08T09:30:00+08:00"}]
        }
    )

    officer_username: Annotated[str, StringConstraints(pattern=OFFICER_USERNAME)] = Field(
        description="An officer of the request's department"
    )
    start: IsoDateTime = Field(description="When the officer arrives; on a working day, in the future")


class OnsiteRead(ResponseBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "6b8d0f2a-4c6e-4a8b-9d1f-5a7c9e1b3d5f",
                    "enterprise_id": "5b1e7c3a-2d4f-4a6b-8c9d-0e1f2a3b4c5d",
                    "matter_code": "YDBZ-001",
                    "department": "power",
                    "address": "濉溪经济开发区凤栖路 18 号",
                    "preferred_dates": ["2026-12-08"],
                    "notes": "新厂房高压用电报装，请带勘察设备。",
                    "status": "scheduled",
                    "requested_by": "suixi-lvji",
                    "officer_username": "power-officer-wang",
                    "start_at": "2026-12-08T01:30:00Z",
                    "visit_on": "2026-12-08",
                    "scheduled_at": "2026-12-01T02:00:00Z",
                    "scheduled_by": "power-officer-wang",
                    "reminded_at": None,
                    "created_at": "2026-11-30T01:30:00Z",
                    "updated_at": "2026-12-01T02:00:00Z",
                }
            ]
        }
    )

    id: uuid.UUID
    enterprise_id: uuid.UUID
    matter_code: str
    department: Department
    address: str
    preferred_dates: list[date]
    notes: str | None
    status: OnsiteStatus
    requested_by: str
    officer_username: str | None
    start_at: datetime | None
    visit_on: date | None = Field(description="The day of the visit (China Standard Time)")
    scheduled_at: datetime | None
    scheduled_by: str | None
    reminded_at: datetime | None = None
    created_at: datetime
    updated_at: datetime


class OnsitePage(ResponseBody):
    items: list[OnsiteRead]
    next_cursor: str | None


class AppointmentFigures(ResponseBody):
    bookings: int = Field(description="Bookings made, cancelled ones included")
    cancelled: int
    checked_in: int
    no_shows: int
    no_show_rate: float | None = Field(description="No-shows among the bookings whose attendance was recorded")
    avg_wait_days: float | None = Field(
        description="Calendar days from the day of booking to the day of the appointment (CST), cancelled ones left out"
    )


class OnsiteCounts(ResponseBody):
    requested: int = Field(description="Every on-site request")
    scheduled: int = Field(description="Those scheduled with an officer")


class OnsiteFigures(OnsiteCounts):
    by_department: dict[str, OnsiteCounts]


class AppointmentStats(AppointmentFigures):
    """Window appointments and on-site service: the whole, by matter code and by hall name."""

    by_matter: dict[str, AppointmentFigures]
    by_hall: dict[str, AppointmentFigures]
    onsite: OnsiteFigures


# --- investment projects (招商项目) --------------------------------------------------------------

labelled(
    Chain,
    {
        "auto_parts_equipment": ("汽车零部件及高端装备", "Auto parts and high-end equipment"),
        "new_energy": ("新能源", "New energy"),
        "metals_materials": ("金属及新材料", "Metals and new materials"),
        "agri_food": ("农产品深加工及绿色食品", "Agricultural processing and green food"),
        "modern_services": ("现代服务业", "Modern services"),
        "other": ("其他", "Other"),
    },
)
labelled(
    ProjectStage,
    {
        "negotiating": ("洽谈中", "Negotiating"),
        "signed": ("已签约", "Signed"),
        "started": ("已开工", "Started"),
        "counted": ("已纳统", "Counted in the statistics"),
        "dropped": ("已终止", "Dropped"),
    },
)
labelled(
    ProjectAction,
    {
        "recorded": ("登记项目", "Recorded"),
        "updated": ("修改项目信息", "Updated"),
        "linked": ("关联企业", "Linked to its enterprise"),
        "stage_changed": ("变更阶段", "Stage changed"),
    },
)

OfficerName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{2,63}$")]
PLANNED_YUAN = "Planned investment in yuan (计划总投资，元)"
PLANNED_MAX = 10**13  # 10 万亿元: far above any county project
TARGET = "The day the project should reach this stage by (optional); past and not reached, it is overdue"
PROJECT_EXAMPLE = {
    "name": "年产10万吨铝基新材料项目",
    "enterprise_id": None,
    "investor_name": "安徽华锐铝业集团有限公司",
    "planned_investment_yuan": 1_200_000_000,
    "chain": "metals_materials",
    "town_or_park": "濉溪经济开发区",
    "manufacturing": True,
    "liaison": "fgw-officer-zhang",
    "first_talk_on": "2026-03-02",
    "signed_target_on": "2026-04-30",
    "started_target_on": "2026-09-30",
    "counted_target_on": "2026-12-31",
}

PROJECT_EVENT_EXAMPLES = [
    {
        "at": "2026-04-11T09:30:00Z",
        "actor": "fgw-officer-zhang",
        "actor_role": "officer",
        "action": "stage_changed",
        "details": {"from": "negotiating", "to": "signed", "on": "2026-04-11"},
    }
]
PROJECT_REQUEST_EXAMPLES = [
    {
        "id": "3f6d2a9e-8b1c-4e57-9f0a-2c4b6d8e1a37",
        "code": "SQ-20260412-0007",
        "title": "新建厂房电力增容",
        "category": "power",
        "status": "assigned",
        "lead_department": "power",
        "due_date": "2026-04-17",
    }
]
PROJECT_APPLICATION_EXAMPLES = [
    {
        "id": "8d2f4b6a-1c3e-4f5a-9b7d-6e8f0a2c4d1b",
        "code": "SP-20260415-0003",
        "matter_code": "SGXK-001",
        "matter_name": "建筑工程施工许可证核发",
        "status": "in_review",
        "due_date": "2026-04-22",
        "submitted_at": "2026-04-15T02:00:00Z",
    }
]


class ProjectCreate(RequestBody):
    """A new project, negotiating from its first talk: an enterprise's (`enterprise_id`) or a prospective
    investor's not yet registered (`investor_name`); at least one of them."""

    model_config = ConfigDict(json_schema_extra={"examples": [PROJECT_EXAMPLE]})

    name: text(200)
    enterprise_id: uuid.UUID | None = Field(default=None, description="The registered enterprise it belongs to")
    investor_name: text(200) | None = Field(default=None, description="The prospective investor, before registering")
    planned_investment_yuan: int = Field(ge=1, le=PLANNED_MAX, description=PLANNED_YUAN)
    chain: Chain = Field(description="Industry chain (产业链)")
    town_or_park: text(100) = Field(description="Town or park (乡镇/园区)")
    manufacturing: bool = Field(description="Whether it is a manufacturing project (制造业项目)")
    liaison: OfficerName | None = Field(
        default=None,
        description="The liaison officer's username (包保专员): an officer's account; an officer recording a "
        "project is its liaison, admin names one",
    )
    first_talk_on: IsoDate = Field(description="The day of the first talk (首次洽谈); not in the future")
    signed_target_on: IsoDate | None = Field(default=None, description=TARGET)
    started_target_on: IsoDate | None = Field(default=None, description=TARGET)
    counted_target_on: IsoDate | None = Field(default=None, description=TARGET)


class ProjectUpdate(RequestBody):
    """A change of the fields sent: `enterprise_id` links a prospective investor's project to its enterprise once
    registered (once: a linked project keeps its enterprise); `liaison` is changed by admin only. Target dates,
    `investor_name` and `liaison` may be sent as null to clear them. Stages change at `.../stage` only."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"enterprise_id": "5b1e7c3a-2d4f-4a6b-8c9d-0e1f2a3b4c5d"},
                {"planned_investment_yuan": 1_500_000_000, "started_target_on": "2026-10-31"},
            ]
        }
    )

    name: text(200) | None = None
    enterprise_id: uuid.UUID | None = Field(default=None, description="Link the project to its registered enterprise")
    investor_name: text(200) | None = None
    planned_investment_yuan: int | None = Field(default=None, ge=1, le=PLANNED_MAX, description=PLANNED_YUAN)
    chain: Chain | None = None
    town_or_park: text(100) | None = None
    manufacturing: bool | None = None
    liaison: OfficerName | None = Field(default=None, description="A new liaison officer (admin only)")
    signed_target_on: IsoDate | None = Field(default=None, description=TARGET)
    started_target_on: IsoDate | None = Field(default=None, description=TARGET)
    counted_target_on: IsoDate | None = Field(default=None, description=TARGET)

    @field_validator("name", "enterprise_id", "planned_investment_yuan", "chain", "town_or_park", "manufacturing")
    @classmethod
    def _not_null(cls, value: object) -> object:
        """Only a field sent is validated (defaults are not): one sent as null is refused, naming it."""
        if value is None:
            raise ValueError(Text("不能为 null", "must not be null"))
        return value


class ProjectStageChange(RequestBody):
    """The next stage and the day it was reached; `dropped` (from any stage before counted) with a reason."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"stage": "signed", "on": "2026-04-11"},
                {"stage": "dropped", "on": "2026-05-20", "reason": "投资方资金链调整，暂缓投资"},
            ]
        }
    )

    stage: ProjectStage
    on: IsoDate = Field(description="The day the stage was reached: not before the current stage's, not in the future")
    reason: text(500, multiline=True) | None = Field(default=None, description="Why it was dropped (dropped only)")


class ProjectRead(ResponseBody):
    """An investment project (招商项目): whose, its figures, its liaison, its stage and the day of each."""

    # No written example: FastAPI drops an example's nulls, and a project always has some; one is built from fields.

    id: uuid.UUID
    name: str
    enterprise_id: uuid.UUID | None
    investor_name: str | None
    planned_investment_yuan: int
    chain: Chain
    town_or_park: str
    manufacturing: bool
    liaison: str | None
    stage: ProjectStage
    first_talk_on: date
    signed_on: date | None
    started_on: date | None
    counted_on: date | None
    dropped_on: date | None
    drop_reason: str | None
    signed_target_on: date | None
    started_target_on: date | None
    counted_target_on: date | None
    created_by: str
    created_at: datetime
    updated_at: datetime


class ProjectPage(ResponseBody):
    items: list[ProjectRead]
    next_cursor: str | None


class ProjectEventRead(ResponseBody):
    model_config = ConfigDict(json_schema_extra={"examples": PROJECT_EVENT_EXAMPLES})

    at: datetime
    actor: str
    actor_role: Role
    action: ProjectAction
    details: dict


class ProjectRequest(ResponseBody):
    """An open request (诉求) naming the project: something that blocks it."""

    model_config = ConfigDict(json_schema_extra={"examples": PROJECT_REQUEST_EXAMPLES})

    id: uuid.UUID
    code: str
    title: str
    category: Category
    status: RequestStatus
    lead_department: Department | None
    due_date: date | None


class ProjectApplication(ResponseBody):
    """An open approval application naming the project (in review, or awaiting a supplement)."""

    model_config = ConfigDict(json_schema_extra={"examples": PROJECT_APPLICATION_EXAMPLES})

    id: uuid.UUID
    code: str
    matter_code: str
    matter_name: str
    status: str = Field(description="in_review or supplement_required (approval's application status)")
    due_date: date
    submitted_at: datetime


class ProjectDetail(ProjectRead):
    """A project with its events and what blocks it: the open requests and approval applications naming it."""

    events: list[ProjectEventRead] = Field(description="Every change, oldest first")
    requests: list[ProjectRequest] = Field(description="Open requests (诉求) naming the project, oldest first")
    applications: list[ProjectApplication] | None = Field(
        description="Open approval applications naming the project, oldest first; null when approval cannot say now"
    )
    applications_unavailable: bool = Field(description="True when approval did not answer: `applications` is null")


class ProjectFigures(ResponseBody):
    projects: int
    planned_investment_yuan: int


class ProjectRecordRead(ResponseBody):
    """The fastest project from first talk to signing (by calendar days, then working days)."""

    project_id: uuid.UUID
    name: str
    first_talk_on: date
    signed_on: date
    calendar_days: int
    working_days: int


class FirstTalkToSigning(ResponseBody):
    """Days from the first talk to signing of every project signed (nearest-rank percentiles)."""

    signed: int = Field(description="Projects that reached signing (dropped ones included if they had)")
    calendar_days_p50: int | None
    calendar_days_p90: int | None
    working_days_p50: int | None = Field(description="Working days after the first talk up to the signing day")
    working_days_p90: int | None
    record: ProjectRecordRead | None


class SameYearFigures(ResponseBody):
    """Of the projects signed in `year`, those also started, and also counted (纳统), in that year."""

    year: int
    signed: int
    started_same_year: int
    counted_same_year: int = Field(description="当年签约、当年开工、当年纳统")
    started_same_year_rate: float | None
    counted_same_year_rate: float | None


class OverdueProject(ResponseBody):
    project_id: uuid.UUID
    name: str
    stage: ProjectStage
    next_stage: ProjectStage
    target_on: date
    days_overdue: int
    liaison: str | None


class OverdueTargets(ResponseBody):
    """Projects whose next stage's target day has passed, by that next stage."""

    signed: int
    started: int
    counted: int
    projects: list[OverdueProject] = Field(description="Most overdue first")


class ProjectStats(ResponseBody):
    projects: int
    planned_investment_yuan: int
    signed_over_100m: int = Field(description="Projects of 100 million yuan or more that were signed (亿元以上签约)")
    manufacturing: int
    manufacturing_share: float | None = Field(description="Manufacturing projects' share of all projects")
    by_chain: dict[str, ProjectFigures] = Field(description="Every chain, by its code")
    by_stage: dict[str, ProjectFigures] = Field(description="Every stage, by its code")
    first_talk_to_signing: FirstTalkToSigning
    same_year: list[SameYearFigures] = Field(description="By year of signing, earliest first")
    overdue_targets: OverdueTargets

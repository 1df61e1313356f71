"""Request and response bodies of the intake service."""

import uuid
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Self

from pydantic import AfterValidator, ConfigDict, Field, StringConstraints, computed_field, model_validator

from services.common.auth import Role
from services.common.departments import Department
from services.common.documents import DocumentRead
from services.common.schemas import (
    CreditRating,
    Distinct,
    IndustrySection,
    IsoDate,
    RequestBody,
    ResponseBody,
    labelled,
    text,
)
from services.common.texts import Text
from services.intake.config import PREFIX
from services.intake.contract import EnterpriseProfile, TimelineKind
from services.intake.domain import AttachmentPart, Category, Channel, Grade, RequestAction, RequestStatus
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

"""Request and response bodies of the approval service."""

import uuid
from datetime import date, datetime
from typing import Annotated, Self

from pydantic import ConfigDict, Field, StringConstraints, model_validator

from services.approval.contract import CalendarFeed, YearScheduleBody
from services.approval.domain import ApplicationStatus, Decision, TaskStatus
from services.common.departments import Department
from services.common.schemas import IsoDate, RequestBody, ResponseBody, labelled, text
from services.common.texts import Text

DAYS_IN_YEAR = 366

labelled(
    ApplicationStatus,
    {
        "in_review": ("审批中", "In review"),
        "supplement_required": ("待补正", "Supplement required"),
        "approved": ("已通过", "Approved"),
        "rejected": ("未通过", "Rejected"),
        "withdrawn": ("已撤回", "Withdrawn"),
        "terminated": ("已终止", "Terminated"),
    },
)
labelled(
    TaskStatus,
    {
        "pending": ("待审批", "Pending"),
        "approved": ("已同意", "Approved"),
        "rejected": ("已否决", "Rejected"),
        "returned": ("退回补正", "Returned for supplement"),
        "cancelled": ("已取消", "Cancelled"),
    },
)
labelled(Decision, {"approve": ("同意", "Approve"), "reject": ("否决", "Reject"), "return": ("退回补正", "Return")})


class CalendarYearWrite(RequestBody):
    """A year's official schedule as an admin loads it; it replaces the stored year."""

    year: int | None = Field(default=None, description="If given, must equal the year in the path")
    provisional: bool = Field(default=False, description="True only for a schedule not yet official")
    holidays: list[IsoDate] = Field(max_length=DAYS_IN_YEAR, description="Weekdays off")
    workdays: list[IsoDate] = Field(max_length=DAYS_IN_YEAR, description="Saturdays and Sundays worked (调休)")


CalendarYearRead = YearScheduleBody
CalendarRead = CalendarFeed


Code = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]


class MatterDepartment(RequestBody):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"department": "market", "task_name": "营业执照核发", "sla_working_days": 1}]}
    )

    department: Department
    task_name: text(200)
    sla_working_days: int = Field(ge=1, le=60)


class MatterMaterial(RequestBody):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"code": "premises_proof", "name": "住所使用证明", "waivable": True}]}
    )

    code: Code
    name: text(200)
    waivable: bool = False


class MatterCreate(RequestBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "code": "enterprise-opening",
                    "name": "企业开办（一件事）",
                    "departments": [
                        {"department": "market", "task_name": "营业执照核发", "sla_working_days": 1},
                        {"department": "tax", "task_name": "发票申领", "sla_working_days": 1},
                        {"department": "public_security", "task_name": "印章刻制备案", "sla_working_days": 1},
                    ],
                    "materials": [
                        {"code": "application_form", "name": "企业设立登记申请书", "waivable": False},
                        {"code": "premises_proof", "name": "住所使用证明", "waivable": True},
                    ],
                    "sla_working_days": 3,
                    "deemed_approval": False,
                }
            ]
        }
    )

    code: Code
    name: text(200)
    departments: list[MatterDepartment] = Field(min_length=1, max_length=len(Department))
    materials: list[MatterMaterial] = Field(default_factory=list, max_length=100)
    sla_working_days: int = Field(ge=1, le=60)
    deemed_approval: bool = False

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if len({d.department for d in self.departments}) != len(self.departments):
            raise ValueError(Text("部门重复出现", "a department appears twice"))
        if len({m.code for m in self.materials}) != len(self.materials):
            raise ValueError(Text("材料编码重复出现", "a material code appears twice"))
        if any(d.sla_working_days > self.sla_working_days for d in self.departments):
            raise ValueError(Text("部门的办理时限不能超过事项的时限", "a department's SLA cannot exceed the matter's"))
        return self


class MatterRead(ResponseBody):
    id: uuid.UUID
    code: str
    name: str
    departments: list[MatterDepartment]
    materials: list[MatterMaterial]
    sla_working_days: int
    deemed_approval: bool
    created_at: datetime
    updated_at: datetime


class MatterPage(ResponseBody):
    items: list[MatterRead]
    next_cursor: str | None


class Commitment(RequestBody):
    """A signed commitment (承诺) to hand in a waivable material by `due_date` (容缺受理)."""

    material_code: Code
    due_date: IsoDate


class CommitmentRead(ResponseBody):
    """A commitment as the application keeps it: fulfilled when the material is handed in."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"material_code": "premises_proof", "due_date": "2026-03-27", "fulfilled_at": "2026-03-20T02:15:00Z"}
            ]
        }
    )

    material_code: str
    due_date: date
    fulfilled_at: datetime | None


class ApplicationCreate(RequestBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "matter_code": "enterprise-opening",
                    "materials": ["application_form"],
                    "commitments": [{"material_code": "premises_proof", "due_date": "2026-03-27"}],
                    "enterprise_id": None,
                }
            ]
        }
    )

    matter_code: Code
    materials: list[Code] = Field(default_factory=list, max_length=100)
    commitments: list[Commitment] = Field(default_factory=list, max_length=100)
    enterprise_id: uuid.UUID | None = Field(default=None, description="Required when an admin applies on its behalf")


class DecisionCreate(RequestBody):
    model_config = ConfigDict(json_schema_extra={"examples": [{"decision": "approve", "comment": "材料齐全，同意。"}]})

    decision: Decision
    comment: text(2000, multiline=True) | None = None


class SupplementCreate(RequestBody):
    materials: list[Code] = Field(min_length=1, max_length=100)


class TaskRead(ResponseBody):
    id: uuid.UUID
    application_id: uuid.UUID
    department: Department
    task_name: str
    status: TaskStatus
    due_date: date
    decided_at: datetime | None
    decided_by: str | None
    comment: str | None
    deemed: bool
    created_at: datetime
    updated_at: datetime


class TaskPage(ResponseBody):
    items: list[TaskRead]
    next_cursor: str | None


class ApplicationRead(ResponseBody):
    id: uuid.UUID
    code: str
    enterprise_id: uuid.UUID
    matter_code: str
    status: ApplicationStatus
    due_date: date
    materials: list[str]
    materials_count: int
    commitments: list[CommitmentRead]
    submitted_at: datetime
    completed_at: datetime | None
    elapsed_working_days: float | None
    tasks: list[TaskRead]
    created_at: datetime
    updated_at: datetime


class ApplicationPage(ResponseBody):
    items: list[ApplicationRead]
    next_cursor: str | None


class SweepResult(ResponseBody):
    deemed: int
    terminated: int


class MatterFigures(ResponseBody):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"applications": 42, "approved": 37, "avg_working_days": 1.01}]}
    )

    applications: int
    approved: int
    avg_working_days: float | None


class DepartmentTasks(ResponseBody):
    """A department's tasks in all, and in each status that has any (a status without tasks is left out)."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"tasks": 5, "approved": 3, "pending": 2}]})

    tasks: int
    pending: int = 0
    approved: int = 0
    rejected: int = 0
    returned: int = 0
    cancelled: int = 0


class ApprovalStats(ResponseBody):
    applications: int
    approved: int
    rejected: int
    in_review: int
    avg_working_days: float | None
    avg_materials: float | None
    on_time_rate: float | None
    deemed_approvals: int
    by_matter: dict[str, MatterFigures] = Field(description="By matter code")
    by_department: dict[str, DepartmentTasks] = Field(description="By department (see `Department`)")

"""Request and response bodies of the approval service."""

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Self

from pydantic import ConfigDict, Field, StringConstraints, model_validator

from services.approval.contract import CalendarFeed, YearScheduleBody
from services.approval.domain import ApplicationStatus, CommitmentState, Decision, MaterialSource, TaskStatus
from services.common.departments import Department
from services.common.documents import DocumentRead
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
labelled(
    CommitmentState,
    {
        "open": ("待补交", "Open"),
        "fulfilled": ("已兑现", "Fulfilled"),
        "overdue": ("已逾期", "Overdue"),
        "revoked": ("已撤销", "Revoked"),
    },
)
labelled(MaterialSource, {"upload": ("本次上传", "Uploaded"), "vault": ("材料库复用", "Reused from the vault")})
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
    """A commitment in the ledger: `open` until the material is handed in (`fulfilled`), its due date passes
    (`overdue`) or the application ends otherwise (`revoked`)."""

    id: uuid.UUID
    application_id: uuid.UUID
    enterprise_id: uuid.UUID
    material_code: str
    due_date: date
    state: CommitmentState
    fulfilled_at: datetime | None
    closed_at: datetime | None = Field(description="When it became overdue or was revoked")
    reminded_days: int | None = Field(description="The last reminder sent: 3 or 1 working days before the due date")
    created_at: datetime


class CommitmentPage(ResponseBody):
    items: list[CommitmentRead]
    next_cursor: str | None


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
    materials: list[Code] = Field(
        default_factory=list, max_length=100, description="Materials handed in (uploaded now or later)"
    )
    commitments: list[Commitment] = Field(default_factory=list, max_length=100)
    use_vault: bool = Field(
        default=False, description="Reuse the vault's documents, valid through the due date, for materials not listed"
    )
    enterprise_id: uuid.UUID | None = Field(default=None, description="Required when an admin applies on its behalf")
    project_id: uuid.UUID | None = Field(
        default=None, description="The investment project (招商项目) it serves: one of the same enterprise's"
    )


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


class ApprovalForecast(ResponseBody):
    """When an application of the matter submitted at `as_of` should finish, from the working days of the
    matter's applications approved in the last `window_days` (nearest-rank percentiles; nulls when none)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "matter_code": "enterprise-opening",
                    "as_of": "2026-03-02T01:00:00Z",
                    "window_days": 90,
                    "based_on": 37,
                    "due_date": "2026-03-05",
                    "p50_working_days": 1.01,
                    "p90_working_days": 2.5,
                    "p50_finish_date": "2026-03-03",
                    "p90_finish_date": "2026-03-04",
                }
            ]
        }
    )

    matter_code: str
    as_of: datetime = Field(description="The submission the forecast is for (now, or the application's)")
    window_days: int = Field(description="Calendar days back from `as_of` of the applications it is based on")
    based_on: int = Field(description="Approved applications of the matter completed in the window")
    due_date: date = Field(description="The legal due date (the matter's SLA in working days)")
    p50_working_days: float | None = Field(description="Half of them took at most this long; null when none")
    p90_working_days: float | None = Field(description="Nine in ten took at most this long; null when none")
    p50_finish_date: date | None = Field(description="The CST day p50 working days from `as_of` run out")
    p90_finish_date: date | None = Field(description="The CST day p90 working days from `as_of` run out")


class ApplicationRead(ResponseBody):
    id: uuid.UUID
    code: str
    enterprise_id: uuid.UUID
    matter_code: str
    project_id: uuid.UUID | None = Field(default=None, description="The investment project (招商项目) it serves")
    status: ApplicationStatus
    due_date: date
    materials: list[str] = Field(description="Materials provided: handed in, or reused from the vault")
    reused_materials: list[str] = Field(description="Of those, the ones reused from the vault")
    materials_count: int = Field(description="Materials the enterprise handed in for this application")
    commitments: list[CommitmentRead]
    submitted_at: datetime
    completed_at: datetime | None
    elapsed_working_days: float | None
    forecast: ApprovalForecast | None = Field(
        default=None, description="Only in the answer to the submission (null on every other read)"
    )
    tasks: list[TaskRead]
    created_at: datetime
    updated_at: datetime


class ApplicationPage(ResponseBody):
    items: list[ApplicationRead]
    next_cursor: str | None


class SweepResult(ResponseBody):
    deemed: int
    terminated: int
    overdue_commitments: int = 0
    reminders: int = 0


class MaterialState(StrEnum):
    uploaded = "uploaded"  # a file uploaded for this application
    reused = "reused"  # a document of the vault
    declared = "declared"  # listed as handed in, its file not uploaded (yet)
    committed = "committed"  # missing against a 容缺 commitment
    missing = "missing"


labelled(
    MaterialState,
    {
        "uploaded": ("已上传", "Uploaded"),
        "reused": ("材料库复用", "Reused"),
        "declared": ("待上传", "To upload"),
        "committed": ("容缺承诺", "Committed"),
        "missing": ("缺少", "Missing"),
    },
)


class ApplicationMaterialRead(ResponseBody):
    """One material of the application's matter: how it is provided, and its file when there is one."""

    material_code: str
    name: str
    waivable: bool
    state: MaterialState
    source: MaterialSource | None
    document: DocumentRead | None
    download_url: str | None
    commitment: CommitmentRead | None


class ApplicationMaterials(ResponseBody):
    application_id: uuid.UUID
    items: list[ApplicationMaterialRead]


class VaultDocumentRead(DocumentRead):
    """A document in the enterprise's materials vault (材料库), reusable until `valid_until`."""

    enterprise_id: uuid.UUID
    material_code: str
    issuer: str | None
    valid_until: date | None
    download_url: str


class VaultFields(RequestBody):
    """The text fields sent with a file for the vault (multipart)."""

    material_code: Code
    issuer: text(200) | None = Field(default=None, description="Who issued it, e.g. 县市场监督管理局")
    valid_until: IsoDate | None = Field(default=None, description="Its last valid day; none: it does not expire")
    enterprise_id: uuid.UUID | None = Field(default=None, description="Required when an admin adds it on its behalf")


VAULT_FIELDS = {  # the same fields as they appear in the OpenAPI multipart body
    "material_code": {"type": "string", "pattern": Code.__metadata__[0].pattern, "examples": ["business_license"]},
    "issuer": {"type": "string", "maxLength": 200, "examples": ["县市场监督管理局"]},
    "valid_until": {"type": "string", "format": "date"},
    "enterprise_id": {"type": "string", "format": "uuid", "description": "Required when an admin adds it"},
}


class VaultPage(ResponseBody):
    items: list[VaultDocumentRead]
    next_cursor: str | None


class PrecheckCreate(RequestBody):
    model_config = ConfigDict(json_schema_extra={"examples": [{"matter_code": "enterprise-opening"}]})

    matter_code: Code
    enterprise_id: uuid.UUID | None = Field(default=None, description="Required when an admin asks on its behalf")


class PrecheckCovered(ResponseBody):
    material_code: str
    name: str
    document_id: uuid.UUID
    filename: str
    issuer: str | None
    valid_until: date | None


class PrecheckMissing(ResponseBody):
    material_code: str
    name: str
    waivable: bool = Field(description="May be missing at submission against a 容缺 commitment")


class PrecheckRead(ResponseBody):
    """What the vault covers for an application submitted today, and what is still to hand in."""

    matter_code: str
    due_date: date = Field(description="The application's due date if submitted now")
    rongque_allowed: bool = Field(description="False for an enterprise rated D: no material may be missing")
    covered: list[PrecheckCovered]
    missing: list[PrecheckMissing] = Field(description="Not covered by the vault, the expiring ones included")
    expiring: list[PrecheckCovered] = Field(description="In the vault, but expiring before the due date")


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


class CommitmentFigures(ResponseBody):
    """容缺 commitments of a department's applications (or all): how many are kept."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"commitments": 12, "open": 2, "fulfilled": 9, "overdue": 1, "revoked": 0, "fulfilment_rate": 0.9}
            ]
        }
    )

    commitments: int
    open: int
    fulfilled: int
    overdue: int
    revoked: int
    fulfilment_rate: float | None = Field(description="fulfilled / (fulfilled + overdue): of those decided")


class CommitmentStats(CommitmentFigures):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "commitments": 12,
                    "open": 2,
                    "fulfilled": 9,
                    "overdue": 1,
                    "revoked": 0,
                    "fulfilment_rate": 0.9,
                    "by_department": {
                        "market": {
                            "commitments": 12,
                            "open": 2,
                            "fulfilled": 9,
                            "overdue": 1,
                            "revoked": 0,
                            "fulfilment_rate": 0.9,
                        }
                    },
                }
            ]
        }
    )

    by_department: dict[str, CommitmentFigures] = Field(description="By a department with a task in the application")


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
    commitments: CommitmentStats


# --- analytics: critical paths and the dashboard's weeks ------------------------------------------


class DepartmentPath(ResponseBody):
    """One department's part in an application's critical path (working days from the submission, 补正 pauses
    excluded)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "department": "tax",
                    "task_status": "approved",
                    "decided_at": "2026-03-03T07:00:00Z",
                    "working_days": 1.25,
                    "added_working_days": 0.75,
                    "critical": True,
                }
            ]
        }
    )

    department: Department
    task_status: TaskStatus
    decided_at: datetime | None = Field(description="Its decision (approve or reject); null while it has none")
    working_days: float | None = Field(description="From the submission to its decision; null without one")
    added_working_days: float | None = Field(description="Beyond the fastest department's; null without a decision")
    critical: bool = Field(description="Its decision set the application's finish")


class CriticalPathRead(ResponseBody):
    """Which department's task set the application's finish, and what each department added beyond the fastest."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "application_id": "8d2f4b6a-1c3e-4f5a-9b7d-6e8f0a2c4d1b",
                    "code": "SP-2026-0042",
                    "matter_code": "enterprise-opening",
                    "status": "approved",
                    "submitted_at": "2026-03-02T01:00:00Z",
                    "completed_at": "2026-03-03T07:00:00Z",
                    "elapsed_working_days": 1.25,
                    "department": "tax",
                    "fastest_working_days": 0.5,
                    "departments": [DepartmentPath.model_config["json_schema_extra"]["examples"][0]],  # type: ignore[index]
                }
            ]
        }
    )

    application_id: uuid.UUID
    code: str
    matter_code: str
    status: ApplicationStatus
    submitted_at: datetime
    completed_at: datetime | None
    elapsed_working_days: float | None = Field(description="The application's, pauses excluded")
    department: Department | None = Field(
        description="Whose decision set the finish (the most working days); null unless approved or rejected"
    )
    fastest_working_days: float | None = Field(description="The fastest department's working days")
    departments: list[DepartmentPath] = Field(
        description="Slowest first, undecided last; an officer who is not the liaison sees its department's only"
    )


class DepartmentDelay(ResponseBody):
    """A department over many approved applications: how often it was last, and what it added."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "department": "tax",
                    "applications": 20,
                    "last": 12,
                    "last_rate": 0.6,
                    "added_working_days": 9.5,
                    "avg_added_working_days": 0.48,
                    "added_working_days_when_last": 8.75,
                }
            ]
        }
    )

    department: Department
    applications: int = Field(description="Approved applications it decided a task of")
    last: int = Field(description="How often its decision set the finish")
    last_rate: float | None = Field(description="last / applications")
    added_working_days: float = Field(description="Working days beyond the fastest department, summed")
    avg_added_working_days: float | None
    added_working_days_when_last: float = Field(description="The same, over the applications it finished")


class CriticalPathStats(ResponseBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "matter_code": "enterprise-opening",
                    "since": "2026-01-01",
                    "applications": 20,
                    "departments": [DepartmentDelay.model_config["json_schema_extra"]["examples"][0]],  # type: ignore[index]
                }
            ]
        }
    )

    matter_code: str | None = Field(description="The filter, if any")
    since: date | None = Field(description="The filter, if any: completed on or after this CST day")
    applications: int = Field(description="Approved applications counted")
    departments: list[DepartmentDelay] = Field(description="Most often last first")


class ApprovalDepartmentWeek(ResponseBody):
    """A department's punctuality in one ISO week: the tasks it decided in it (a cell of the SLA heatmap)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"week": "2026-W10", "starts_on": "2026-03-02", "decided": 8, "on_time": 7, "on_time_rate": 0.875}
            ]
        }
    )

    week: str = Field(description="ISO week, `YYYY-Www` (China Standard Time)")
    starts_on: date = Field(description="Its Monday")
    decided: int = Field(description="Tasks it approved or rejected in the week")
    on_time: int = Field(description="Of those, decided (CST day) on or before the task's due date")
    on_time_rate: float | None


class ApprovalWeek(ResponseBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "week": "2026-W10",
                    "starts_on": "2026-03-02",
                    "received": 12,
                    "completed": 10,
                    "approved": 9,
                    "avg_working_days": 1.01,
                    "avg_materials": 1.59,
                }
            ]
        }
    )

    week: str = Field(description="ISO week, `YYYY-Www` (China Standard Time)")
    starts_on: date = Field(description="Its Monday")
    received: int = Field(description="Applications submitted in the week")
    completed: int = Field(description="Applications approved or rejected (办结) in the week")
    approved: int = Field(description="Applications approved in the week")
    avg_working_days: float | None = Field(description="Of the applications approved in the week")
    avg_materials: float | None = Field(description="Materials handed in per application received in the week")


class ApprovalWeekly(ResponseBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "weeks": [ApprovalWeek.model_config["json_schema_extra"]["examples"][0]],  # type: ignore[index]
                    "by_department": {
                        "market": [ApprovalDepartmentWeek.model_config["json_schema_extra"]["examples"][0]]  # type: ignore[index]
                    },
                }
            ]
        }
    )

    weeks: list[ApprovalWeek] = Field(description="The last `weeks` ISO weeks, the current one last")
    by_department: dict[str, list[ApprovalDepartmentWeek]] = Field(
        description="Every department with a task decided in the period, by its code: the same weeks"
    )

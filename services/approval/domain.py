"""Approval's rules with no I/O: statuses, 容缺 checks and how an application and its tasks move.

Transitions take the rows as loaded, the input and `now`; they check the move, change the rows in
memory and return the events to emit (action, summary for the enterprise's timeline). `service/` loads,
locks, applies and stores. Closing an application needs the working-day calendar for its elapsed time;
a decision returns the status it closes with, so the calendar is read only when one does.
"""

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol, TypeVar

from services.common.calendar import WorkCalendar
from services.common.problems import Invalid, InvalidTransition, ProblemKind, field_error
from services.common.texts import Text, join

if TYPE_CHECKING:  # the rows these rules change; only their attributes are used, no database
    from services.approval.models import Application, MaterialCommitment, Task
    from services.approval.schemas import MatterMaterial


class ApplicationStatus(StrEnum):
    in_review = "in_review"
    supplement_required = "supplement_required"
    approved = "approved"
    rejected = "rejected"
    withdrawn = "withdrawn"
    terminated = "terminated"


OPEN_STATUSES = (ApplicationStatus.in_review, ApplicationStatus.supplement_required)


class TaskStatus(StrEnum):
    pending = "pending"
    approved = "approved"
    rejected = "rejected"
    returned = "returned"  # 补正: waiting for the enterprise's supplement
    cancelled = "cancelled"


class MaterialSource(StrEnum):
    upload = "upload"  # a file uploaded for the application
    vault = "vault"  # reused from the enterprise's vault: not handed in again


class CommitmentState(StrEnum):
    open = "open"
    fulfilled = "fulfilled"  # the promised material was handed in
    overdue = "overdue"  # its due date passed first
    revoked = "revoked"  # the application ended otherwise (rejected, withdrawn, terminated)


REMINDER_DAYS = (3, 1)  # working days before a commitment's due date that the enterprise is reminded


class Decision(StrEnum):
    approve = "approve"
    reject = "reject"
    return_ = "return"


CLOSING_SUMMARY = {
    ApplicationStatus.approved: "全部部门审批通过，申请已办结",
    ApplicationStatus.withdrawn: "企业已撤回申请",
    ApplicationStatus.terminated: "承诺材料逾期未补交，申请已终止",
}
DEEMED_COMMENT = "超时默认通过"
DEEMED_BY = "system"
Event = tuple[str, str]  # (action, summary), e.g. ("approved", "全部部门审批通过，申请已办结")


def submitted(matter_name: str, departments: int) -> Event:
    """The timeline event of a new application."""
    return "submitted", f"{matter_name}申请已提交，{departments}个部门并联审批"


@dataclass(frozen=True)
class Commitment:
    material_code: str
    due_date: date


def check_materials(
    *,
    matter_code: str,
    materials: Sequence["MatterMaterial"],
    provided: Sequence[str],
    commitments: Sequence[Commitment],
    rating: str,
    due_date: date,
    today: date,
) -> None:
    """容缺受理: a waivable material may be missing only against a commitment due by the application's due
    date, and never for an enterprise rated D. Every problem is reported at once (422)."""
    known = {m.code: m for m in materials}
    errors: list[dict[str, str]] = []
    for code in sorted(set(provided) - set(known)):
        errors.append(_unknown_material(code, matter_code))
    missing = {code for code in known if code not in provided}
    committed = {c.material_code: c for c in commitments}
    for code in sorted(missing):
        name = known[code].name
        if not known[code].waivable:
            message = Text(f"缺少必交材料 {code}（{name}）", f"{code} ({name}) is required")
            errors.append(field_error("materials", ProblemKind.missing_material, message))
        elif code not in committed:
            message = Text(
                f"缺少材料 {code}（{name}）：容缺受理须就此材料签署承诺",
                f"{code} is missing: 容缺 needs a signed commitment for it",
            )
            errors.append(field_error("commitments", ProblemKind.commitment_required, message))
    for code, commitment in committed.items():
        if code not in missing:
            message = Text(f"{code} 不是缺交的可容缺材料，无需承诺", f"{code} is not a missing waivable material")
            errors.append(field_error("commitments", ProblemKind.invalid_commitment, message))
        elif not today <= commitment.due_date <= due_date:
            message = Text(
                f"{code} 的承诺补交日期须在今天至办结期限 {due_date} 之间",
                f"{code} must be committed for a date from today to the due date {due_date}",
            )
            errors.append(field_error("commitments", ProblemKind.invalid_commitment, message))
    if commitments and rating == "D":
        message = Text(
            "信用等级为 D 的企业不能容缺受理（commitments）", "an enterprise rated D cannot use 容缺 (commitments)"
        )
        errors.append(field_error("commitments", ProblemKind.rongque_not_allowed, message))
    if len(commitments) != len(committed):
        message = Text("同一材料承诺了两次", "a material is committed twice")
        errors.append(field_error("commitments", ProblemKind.invalid_commitment, message))
    if errors:
        raise materials_problem(errors)


def _unknown_material(code: str, matter_code: str | None = None) -> dict[str, str]:
    if matter_code is None:
        message = Text(f"{code} 不是该事项的材料", f"{code} is not a material of this matter")
    else:
        message = Text(f"{code} 不是事项 {matter_code} 的材料", f"{code} is not a material of {matter_code}")
    return field_error("materials", ProblemKind.unknown_material, message)


def materials_problem(errors: list[dict[str, str]]) -> Invalid:
    """Every gap at once; the problem's kind is the first gap's, so a UI can lead with it."""
    return Invalid(join(e["message"] for e in errors), kind=ProblemKind(errors[0]["code"]), errors=errors)


def require_open(application: "Application") -> None:
    if application.status not in OPEN_STATUSES:
        raise InvalidTransition(
            Text(
                f"申请状态为 {application.status}，不能再变更。",
                f"The application is {application.status}; no more changes.",
            )
        )


def decide(
    application: "Application",
    tasks: Sequence["Task"],
    task: "Task",
    *,
    decision: Decision,
    comment: str | None,
    officer: str,
    now: datetime,
) -> ApplicationStatus | None:
    """An officer's decision on a pending task; returns the status the application closes with, if any.

    A reject vetoes the application; a return (补正) stops its clock until the supplement.
    """
    require_open(application)
    if task.status != TaskStatus.pending:
        raise InvalidTransition(Text(f"此任务已是 {task.status} 状态。", f"This task is {task.status} already."))
    task.decided_at, task.decided_by, task.comment, task.updated_at = now, officer, comment, now
    application.updated_at = now
    if decision is Decision.reject:
        task.status = TaskStatus.rejected
        return ApplicationStatus.rejected
    if decision is Decision.return_:
        task.status = TaskStatus.returned
        application.status = ApplicationStatus.supplement_required
        application.paused_at = application.paused_at or now
        return None
    task.status = TaskStatus.approved
    return ApplicationStatus.approved if all_approved(application, tasks) else None


def all_approved(application: "Application", tasks: Sequence["Task"]) -> bool:
    return application.status == ApplicationStatus.in_review and all(t.status == TaskStatus.approved for t in tasks)


def close(
    application: "Application",
    tasks: Sequence["Task"],
    status: ApplicationStatus,
    *,
    calendar: WorkCalendar,
    now: datetime,
) -> Event:
    """Close the application: open tasks cancelled, completion time and elapsed working days recorded."""
    for task in tasks:
        if task.status in (TaskStatus.pending, TaskStatus.returned):
            task.status = TaskStatus.cancelled
            task.updated_at = now
    application.status = status
    application.completed_at = now
    application.updated_at = now
    application.pauses = closed_pauses(application, now)
    application.paused_at = None
    application.elapsed_working_days = calendar.elapsed_working_days(
        application.submitted_at,
        now,
        [(datetime.fromisoformat(a), datetime.fromisoformat(b)) for a, b in application.pauses],
    )
    if status is ApplicationStatus.rejected:
        vetoed = next((t for t in tasks if t.status == TaskStatus.rejected), None)
        return status.value, f"{vetoed.task_name if vetoed else '部门审查'}未通过，申请已驳回"
    return status.value, CLOSING_SUMMARY[status]


def closed_pauses(application: "Application", now: datetime) -> list[list[str]]:
    if application.paused_at is None:
        return list(application.pauses)
    return [*application.pauses, [application.paused_at.isoformat(), now.isoformat()]]


def supplement(
    application: "Application",
    tasks: Sequence["Task"],
    commitments: Sequence["MaterialCommitment"],
    *,
    provided: set[str],
    known: Collection[str],
    now: datetime,
) -> None:
    """The enterprise hands in materials: commitments fulfilled, returned tasks back in review, clock resumed.

    Only materials of the matter (`known`) are taken, as at submission: anything else would count as a
    material handed in and inflate the county's materials average.
    """
    require_open(application)
    if unknown := sorted(provided - set(known)):
        raise materials_problem([_unknown_material(code) for code in unknown])
    fulfilled = fulfil(commitments, provided, now=now)
    returned = [t for t in tasks if t.status == TaskStatus.returned]
    if not fulfilled and not returned:
        raise InvalidTransition(Text("没有待补正的材料或任务。", "Nothing is waiting for a supplement."))
    for task in returned:
        task.status, task.decided_at, task.decided_by, task.updated_at = TaskStatus.pending, None, None, now
    hand_in(application, provided, now=now)
    if application.status == ApplicationStatus.supplement_required:
        application.pauses = closed_pauses(application, now)
        application.paused_at = None
        application.status = ApplicationStatus.in_review
    application.updated_at = now


def hand_in(application: "Application", provided: Collection[str], *, now: datetime) -> None:
    """Materials handed in for the application: provided, and no longer counted as reused from the vault."""
    application.materials = sorted({*application.materials, *provided})
    application.reused = sorted(set(application.reused) - set(provided))
    application.materials_count = len(application.materials) - len(application.reused)
    application.updated_at = now


def fulfil(
    commitments: Sequence["MaterialCommitment"], provided: Collection[str], *, now: datetime
) -> list["MaterialCommitment"]:
    """Open commitments for the materials handed in become fulfilled; returns them."""
    done = [c for c in commitments if c.state == CommitmentState.open and c.material_code in provided]
    for commitment in done:
        commitment.state, commitment.fulfilled_at, commitment.updated_at = CommitmentState.fulfilled, now, now
    return done


def revoke_open(commitments: Sequence["MaterialCommitment"], *, now: datetime) -> None:
    """The application ended without approval: what it still promised is no longer owed."""
    for commitment in commitments:
        if commitment.state == CommitmentState.open:
            commitment.state, commitment.closed_at, commitment.updated_at = CommitmentState.revoked, now, now


def mark_overdue(
    commitments: Sequence["MaterialCommitment"], *, today: date, now: datetime
) -> list["MaterialCommitment"]:
    """Open commitments past their due date become overdue; returns them (an open application is terminated)."""
    late = [c for c in commitments if c.state == CommitmentState.open and c.due_date < today]
    for commitment in late:
        commitment.state, commitment.closed_at, commitment.updated_at = CommitmentState.overdue, now, now
    return late


def commitment_reminder(commitment: "MaterialCommitment", working_days_left: int) -> Event:
    when = f"还剩 {working_days_left} 个工作日" if working_days_left > 0 else "今天到期"
    return (
        "commitment.reminder",
        f"容缺承诺材料 {commitment.material_code} 须于 {commitment.due_date} 前补交（{when}）",
    )


def commitment_overdue(commitment: "MaterialCommitment") -> Event:
    code, due = commitment.material_code, commitment.due_date
    return "commitment.overdue", f"容缺承诺材料 {code} 已逾期未补交（应于 {due} 前）"


def commitment_fulfilled(material_code: str) -> Event:
    return "commitment.fulfilled", f"容缺承诺材料 {material_code} 已补交"


def reminder_due(commitment: "MaterialCommitment", *, working_days_left: int) -> int | None:
    """The reminder to send now (3 or 1 working days before), if one is due and not sent yet."""
    if commitment.state != CommitmentState.open or working_days_left > max(REMINDER_DAYS):
        return None
    stage = min(d for d in REMINDER_DAYS if d >= working_days_left) if working_days_left > 0 else min(REMINDER_DAYS)
    if commitment.reminded_days is not None and commitment.reminded_days <= stage:
        return None
    return stage


class VaultCover(Protocol):
    material_code: str
    valid_until: date | None


V = TypeVar("V", bound=VaultCover)


def vault_cover(documents: Iterable[V], *, due_date: date) -> tuple[dict[str, V], dict[str, V]]:
    """Per material code, the vault document that stays valid through the application's due date (one without an
    end first, else the longest valid); and, for codes none covers, the one that expires before it."""
    covered: dict[str, V] = {}
    expiring: dict[str, V] = {}
    for document in sorted(documents, key=lambda d: d.valid_until or date.max, reverse=True):
        code = document.material_code
        if code in covered or code in expiring:
            continue
        if document.valid_until is None or document.valid_until >= due_date:
            covered[code] = document
        else:
            expiring[code] = document
    return covered, expiring


def deem_overdue(tasks: Sequence["Task"], *, today: date, now: datetime) -> int:
    """超时默认: pending tasks past their due date are approved as deemed; returns how many."""
    deemed = 0
    for task in tasks:
        if task.status == TaskStatus.pending and task.due_date < today:
            task.status, task.deemed, task.decided_at, task.decided_by = TaskStatus.approved, True, now, DEEMED_BY
            task.comment, task.updated_at = DEEMED_COMMENT, now
            deemed += 1
    return deemed

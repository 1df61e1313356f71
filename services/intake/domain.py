"""Intake's rules with no I/O: the vocabulary of requests (诉求) and how a request moves.

Transitions take the request as loaded, the input and `now`; they check the move, change the request in
memory and return the events to record, in the order they happened (action, details). `service.py`
loads, locks, applies and stores.
"""

from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from services.common.calendar import cst_date
from services.common.problems import Invalid, InvalidTransition
from services.common.texts import Text

if TYPE_CHECKING:  # the row these rules change; only its attributes are used, no database
    from services.intake.models import EnterpriseRequest, Project


class Category(StrEnum):
    power = "power"
    land = "land"
    financing = "financing"
    permits = "permits"
    talent = "talent"
    policy = "policy"
    infrastructure = "infrastructure"
    other = "other"


class Channel(StrEnum):
    tea_meeting = "tea_meeting"
    online = "online"
    window = "window"
    hotline = "hotline"
    visit = "visit"


class RequestStatus(StrEnum):
    received = "received"
    assigned = "assigned"
    replied = "replied"
    reopened = "reopened"
    closed = "closed"


class Grade(StrEnum):
    urgent = "urgent"
    normal = "normal"
    major = "major"


class AttachmentPart(StrEnum):
    """Which part of a request an attachment belongs to: what the enterprise sent with it, or the staff's reply."""

    request = "request"
    reply = "reply"


class RequestAction(StrEnum):
    """What a request's event records: its status changes, and the notes and feedback that come with them."""

    received = "received"
    assigned = "assigned"
    replied = "replied"
    note = "note"
    feedback = "feedback"
    reopened = "reopened"
    closed = "closed"


GRADE_WORKING_DAYS = {Grade.urgent: 3, Grade.normal: 10, Grade.major: 20}
SATISFIED_RATING = 4  # satisfaction_rate counts ratings of 4 and 5
CLOSING_RATING = 3  # 3 or more closes the request; 2 or less reopens it
ASSIGNABLE = (RequestStatus.received, RequestStatus.assigned)
REPLYABLE = (RequestStatus.assigned, RequestStatus.reopened)  # a reopened request needs a new answer
ANNOTATABLE = (RequestStatus.assigned, RequestStatus.replied, RequestStatus.reopened)
ATTACHABLE = {  # while each part takes attachments: the enterprise's until closed, the reply's once assigned
    AttachmentPart.request: (RequestStatus.received, *ANNOTATABLE),
    AttachmentPart.reply: ANNOTATABLE,
}
MAX_ATTACHMENTS = 20  # per request, both parts together
TIMELINE_SUMMARY = {  # the events that also go on the enterprise's timeline, as the enterprise reads them
    "received": "诉求已受理",
    "assigned": "诉求已交办",
    "replied": "部门已答复",
    "reopened": "企业不满意，诉求重新办理",
    "closed": "诉求已办结",
}
Event = tuple[str, dict[str, Any]]  # (action, details), e.g. ("replied", {"content": "已安排专线"})


# The moves, as a refusal names them.
ASSIGNING = Text("交办", "assigned")
REPLYING = Text("答复", "replied to")
ANNOTATING = Text("添加备注", "annotated")
RATING = Text("评价", "rated")
ATTACHING = Text("添加附件", "attached to")


def require(request: "EnterpriseRequest", allowed: tuple[RequestStatus, ...], *, action: Text) -> None:
    """A move the request's status does not allow is a conflict (409)."""
    if request.status not in allowed:
        raise InvalidTransition(
            Text(f"状态为 {request.status} 的诉求不能{action}。", f"A {request.status} request cannot be {action.en}.")
        )


def receive(request: "EnterpriseRequest", *, now: datetime) -> list[Event]:
    """A new request starts `received`, stamped with the time it came in."""
    request.status = RequestStatus.received
    request.created_at = request.updated_at = now
    return [("received", {"channel": request.channel.value})]


def assign(
    request: "EnterpriseRequest", *, lead: str, cooperating: list[str], grade: Grade, due_date: date, now: datetime
) -> list[Event]:
    """Lead and cooperating departments and a grade; the due date follows from the grade (the caller's calendar)."""
    require(request, ASSIGNABLE, action=ASSIGNING)
    if lead in cooperating:
        raise Invalid(
            Text("牵头部门不能同时是配合部门。", "The lead department cannot also cooperate."),
            field="cooperating_departments",
        )
    request.lead_department = lead
    request.cooperating_departments = list(cooperating)
    request.grade = grade
    request.due_date = due_date
    request.assigned_at = request.updated_at = now
    request.status = RequestStatus.assigned
    details = {
        "lead_department": lead,
        "cooperating_departments": list(cooperating),
        "grade": grade.value,
        "due_date": due_date.isoformat(),
    }
    return [("assigned", details)]


def reply(request: "EnterpriseRequest", *, content: str, now: datetime) -> list[Event]:
    """The lead department answers; the first answer's time is kept for punctuality."""
    require(request, REPLYABLE, action=REPLYING)
    request.first_replied_at = request.first_replied_at or now
    request.replied_at = request.updated_at = now
    request.reply = content
    request.status = RequestStatus.replied
    return [("replied", {"content": content})]


def note(request: "EnterpriseRequest", *, content: str, now: datetime) -> list[Event]:
    """A note changes no status; it is only possible while the request is being handled."""
    require(request, ANNOTATABLE, action=ANNOTATING)
    request.updated_at = now
    return [("note", {"content": content})]


def feedback(request: "EnterpriseRequest", *, rating: int, comment: str | None, now: datetime) -> list[Event]:
    """The enterprise rates the answer: 3 or more closes the request, 2 or less reopens it."""
    require(request, (RequestStatus.replied,), action=RATING)
    closing = rating >= CLOSING_RATING
    request.rating = rating
    request.feedback_comment = comment
    request.updated_at = now
    if closing:
        request.status = RequestStatus.closed
        request.closed_at = now
    else:
        request.status = RequestStatus.reopened
    return [("feedback", {"rating": rating, "comment": comment}), ("closed" if closing else "reopened", {})]


def on_time(due_date: date | None, first_replied_at: datetime | None, today: date) -> bool | None:
    """Whether the first answer came by the due date; None while an unanswered request is not yet due."""
    if due_date is None:
        return None
    if first_replied_at is not None:
        return cst_date(first_replied_at) <= due_date
    return False if today > due_date else None


# --- investment projects (招商项目) --------------------------------------------------------------


class Chain(StrEnum):
    """The county's industry chains (产业链) a project belongs to."""

    auto_parts_equipment = "auto_parts_equipment"
    new_energy = "new_energy"
    metals_materials = "metals_materials"
    agri_food = "agri_food"
    modern_services = "modern_services"
    other = "other"


class ProjectStage(StrEnum):
    """negotiating → signed → started → counted (纳统), or dropped from any stage before counted."""

    negotiating = "negotiating"
    signed = "signed"
    started = "started"
    counted = "counted"
    dropped = "dropped"


class ProjectAction(StrEnum):
    """What a project's event records."""

    recorded = "recorded"
    updated = "updated"
    linked = "linked"  # a prospective investor's project linked to its enterprise, once registered
    stage_changed = "stage_changed"


PROJECT_PATH = (ProjectStage.negotiating, ProjectStage.signed, ProjectStage.started, ProjectStage.counted)
FINAL_STAGES = (ProjectStage.counted, ProjectStage.dropped)
STAGE_DATE = {  # the column holding the day each stage was reached
    ProjectStage.negotiating: "first_talk_on",
    ProjectStage.signed: "signed_on",
    ProjectStage.started: "started_on",
    ProjectStage.counted: "counted_on",
    ProjectStage.dropped: "dropped_on",
}
STAGE_TARGET = {  # the column holding the day a stage should be reached by, when one was set
    ProjectStage.signed: "signed_target_on",
    ProjectStage.started: "started_target_on",
    ProjectStage.counted: "counted_target_on",
}
STAGE_WORDS = {
    ProjectStage.negotiating: Text("洽谈中", "negotiating"),
    ProjectStage.signed: Text("已签约", "signed"),
    ProjectStage.started: Text("已开工", "started"),
    ProjectStage.counted: Text("已纳统", "counted in the statistics"),
    ProjectStage.dropped: Text("已终止", "dropped"),
}
EARLIEST_FIRST_TALK = date(2000, 1, 1)
BIG_PROJECT_YUAN = 100_000_000  # 亿元以上项目: the county report counts the projects of 100 million yuan or more


def next_stage(stage: ProjectStage) -> ProjectStage | None:
    """The stage after `stage` on the way to counted; None for counted and dropped."""
    if stage in FINAL_STAGES:
        return None
    return PROJECT_PATH[PROJECT_PATH.index(stage) + 1]


def check_day(day: date, *, field: str, today: date, not_before: date | None = None, after_what: Text | None = None):
    """A stage's day: not in the future (CST), and not before the day it follows (422 on `field`)."""
    if day > today:
        raise Invalid(Text(f"日期 {day} 晚于今天（{today}）。", f"{day} is after today ({today})."), field=field)
    if not_before is not None and day < not_before:
        what = after_what or Text("前一阶段的日期", "the previous stage's day")
        raise Invalid(
            Text(f"日期 {day} 早于{what}（{not_before}）。", f"{day} is before {what.en} ({not_before})."), field=field
        )


def check_targets(project: "Project") -> None:
    """A target date, when set, is not before the first talk."""
    for column in STAGE_TARGET.values():
        target = getattr(project, column)
        if target is not None and target < project.first_talk_on:
            raise Invalid(
                Text(
                    f"目标日期 {target} 早于首次洽谈日期（{project.first_talk_on}）。",
                    f"The target {target} is before the first talk ({project.first_talk_on}).",
                ),
                field=column,
            )


def record_project(project: "Project", *, today: date, now: datetime) -> list[Event]:
    """A new project starts negotiating on the day of its first talk (not in the future, not before 2000)."""
    check_day(
        project.first_talk_on,
        field="first_talk_on",
        today=today,
        not_before=EARLIEST_FIRST_TALK,
        after_what=Text("2000 年 1 月 1 日", "1 January 2000"),
    )
    check_targets(project)
    project.stage = ProjectStage.negotiating
    project.created_at = project.updated_at = now
    return [(ProjectAction.recorded.value, {"stage": project.stage.value, "on": project.first_talk_on.isoformat()})]


def move_project(
    project: "Project", *, stage: ProjectStage, on: date, reason: str | None, today: date, now: datetime
) -> list[Event]:
    """Move the project one stage on (or drop it, with a reason) as of `on`: never back, never over a stage, never
    from counted or dropped (409); `on` not before the current stage's day nor in the future (422)."""
    current = project.stage
    if current in FINAL_STAGES:
        raise InvalidTransition(
            Text(
                f"项目{STAGE_WORDS[current]}，不能再变更阶段。",
                f"The project is {STAGE_WORDS[current].en}: its stage cannot change any more.",
            )
        )
    if stage is ProjectStage.dropped:
        if not reason:
            raise Invalid(Text("终止项目须说明原因。", "Dropping a project needs a reason."), field="reason")
    else:
        expected = next_stage(current)
        if stage is not expected:
            raise InvalidTransition(
                Text(
                    f"项目{STAGE_WORDS[current]}，下一阶段是「{STAGE_WORDS[expected]}」，不能变为「{STAGE_WORDS[stage]}」。",
                    f"A project {STAGE_WORDS[current].en} moves on to {STAGE_WORDS[expected].en}, "
                    f"not to {STAGE_WORDS[stage].en}.",
                )
            )
        if reason is not None:
            raise Invalid(
                Text("只有终止项目时填写原因。", "A reason is given only when a project is dropped."), field="reason"
            )
    check_day(on, field="on", today=today, not_before=getattr(project, STAGE_DATE[current]))
    setattr(project, STAGE_DATE[stage], on)
    if stage is ProjectStage.dropped:
        project.drop_reason = reason
    project.stage = stage
    project.updated_at = now
    details: dict[str, Any] = {"from": current.value, "to": stage.value, "on": on.isoformat()}
    if reason is not None:
        details["reason"] = reason
    return [(ProjectAction.stage_changed.value, details)]


def project_timeline_summary(name: str, action: str, details: dict[str, Any]) -> str | None:
    """How a project's event reads on the enterprise's timeline; None for an event that stays off it."""
    if action == ProjectAction.recorded:
        return f"「{name}」招商项目已登记（{STAGE_WORDS[ProjectStage(details['stage'])]}）"
    if action == ProjectAction.linked:
        return f"「{name}」招商项目已关联本企业（{STAGE_WORDS[ProjectStage(details['stage'])]}）"
    if action == ProjectAction.stage_changed:
        to = ProjectStage(details["to"])
        if to is ProjectStage.dropped:
            return f"「{name}」已终止洽谈：{details['reason']}"
        return f"「{name}」{STAGE_WORDS[to]}"
    return None


def overdue_target(project: "Project", today: date) -> tuple[ProjectStage, date] | None:
    """The next stage and its target day, when the project has not reached it and the day has passed."""
    following = next_stage(project.stage)
    if following is None:
        return None
    target = getattr(project, STAGE_TARGET[following])
    return (following, target) if target is not None and target < today else None

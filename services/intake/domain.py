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
    from services.intake.models import EnterpriseRequest


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

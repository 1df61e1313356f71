"""Intake's rules with no I/O: the vocabulary of requests (诉求) and how a request moves.

A transition takes the request as it is, the input and `now`, checks the move is allowed, and returns
the `Step`: the columns that change and the events to record. `service.py` loads, applies and stores.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Protocol

from services.common.calendar import cst_date
from services.common.problems import Invalid, InvalidTransition


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


GRADE_WORKING_DAYS = {Grade.urgent: 3, Grade.normal: 10, Grade.major: 20}
SATISFIED_RATING = 4  # satisfaction_rate counts ratings of 4 and 5
CLOSING_RATING = 3  # 3 or more closes the request; 2 or less reopens it
TIMELINE_SUMMARY = {  # the events that also go on the enterprise's timeline, as the enterprise reads them
    "received": "诉求已受理",
    "assigned": "诉求已交办",
    "replied": "部门已答复",
    "reopened": "企业不满意，诉求重新办理",
    "closed": "诉求已办结",
}


class RequestState(Protocol):
    status: RequestStatus
    lead_department: str | None
    cooperating_departments: list[str]
    first_replied_at: datetime | None


@dataclass(frozen=True)
class Step:
    """What a transition does: column values to set and events (action, details) to record."""

    changes: dict[str, Any]
    events: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


def _require(request: RequestState, *allowed: RequestStatus, action: str) -> None:
    if request.status not in allowed:
        raise InvalidTransition(f"A {request.status} request cannot be {action}.")


def assign(
    request: RequestState, *, lead: str, cooperating: list[str], grade: Grade, due_date: date, now: datetime
) -> Step:
    """Lead and cooperating departments and a grade; the due date follows from the grade."""
    _require(request, RequestStatus.received, RequestStatus.assigned, action="assigned")
    if lead in cooperating:
        raise Invalid("The lead department cannot also cooperate.", field="cooperating_departments")
    details = {"lead_department": lead, "cooperating_departments": cooperating, "grade": grade.value}
    return Step(
        changes={**details, "grade": grade, "due_date": due_date, "assigned_at": now, "status": RequestStatus.assigned},
        events=[("assigned", {**details, "due_date": due_date.isoformat()})],
    )


def reply(request: RequestState, *, content: str, now: datetime) -> Step:
    """The lead department answers; a reopened request needs a new answer."""
    _require(request, RequestStatus.assigned, RequestStatus.reopened, action="replied to")
    return Step(
        changes={
            "first_replied_at": request.first_replied_at or now,
            "replied_at": now,
            "reply": content,
            "status": RequestStatus.replied,
        },
        events=[("replied", {"content": content})],
    )


def note(request: RequestState, *, content: str) -> Step:
    """A note changes no state; it is only possible while the request is being handled."""
    _require(request, RequestStatus.assigned, RequestStatus.replied, RequestStatus.reopened, action="annotated")
    return Step(changes={}, events=[("note", {"content": content})])


def feedback(request: RequestState, *, rating: int, comment: str | None, now: datetime) -> Step:
    """The enterprise rates the answer: 3 or more closes the request, 2 or less reopens it."""
    _require(request, RequestStatus.replied, action="rated")
    closing = rating >= CLOSING_RATING
    changes: dict[str, Any] = {
        "rating": rating,
        "feedback_comment": comment,
        "status": RequestStatus.closed if closing else RequestStatus.reopened,
    }
    if closing:
        changes["closed_at"] = now
    return Step(
        changes=changes,
        events=[("feedback", {"rating": rating, "comment": comment}), ("closed" if closing else "reopened", {})],
    )


def on_time(due_date: date | None, first_replied_at: datetime | None, today: date) -> bool | None:
    """Whether the first answer came by the due date; None while an unanswered request is not yet due."""
    if due_date is None:
        return None
    if first_replied_at is not None:
        return cst_date(first_replied_at) <= due_date
    return False if today > due_date else None

"""Intake's pure rules: every transition of a request, the moves it refuses, and punctuality."""

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from services.common.problems import Invalid, InvalidTransition
from services.intake import domain
from services.intake.domain import Category, Channel, Grade, RequestStatus
from services.intake.models import EnterpriseRequest

NOW = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)  # Monday 10:00 in China
DUE = date(2026, 11, 5)
EVERY_STATUS = set(RequestStatus)


def request_in(status: RequestStatus, **fields) -> EnterpriseRequest:
    """A request row in memory, as loaded, with the columns its status implies."""
    row = EnterpriseRequest(
        code="SQ20261102000001",
        enterprise_id=uuid.uuid4(),
        title="新建厂房需要增容用电",
        description="用电容量由2000千伏安增至5000千伏安",
        category=Category.power,
        channel=Channel.online,
        status=status,
        created_at=NOW - timedelta(days=1),
        updated_at=NOW - timedelta(days=1),
    )
    if status is not RequestStatus.received:
        row.lead_department, row.cooperating_departments, row.grade, row.due_date = "power", ["tax"], Grade.normal, DUE
    for name, value in fields.items():
        setattr(row, name, value)
    return row


def test_receive_starts_a_request():
    row = EnterpriseRequest(
        code="SQ1", enterprise_id=uuid.uuid4(), title="t", description="d", category="land", channel=Channel.visit
    )
    assert domain.receive(row, now=NOW) == [("received", {"channel": "visit"})]
    assert row.status is RequestStatus.received and row.created_at == row.updated_at == NOW


@pytest.mark.parametrize("status", [RequestStatus.received, RequestStatus.assigned])
def test_assign_sets_departments_grade_and_due_date(status: RequestStatus):
    row = request_in(status)
    cooperating = ["natural_resources", "tax"]
    events = domain.assign(row, lead="water", cooperating=cooperating, grade=Grade.urgent, due_date=DUE, now=NOW)
    assert events == [
        (
            "assigned",
            {
                "lead_department": "water",
                "cooperating_departments": ["natural_resources", "tax"],
                "grade": "urgent",
                "due_date": "2026-11-05",
            },
        )
    ]
    assert row.status is RequestStatus.assigned and row.lead_department == "water" and row.grade is Grade.urgent
    assert row.cooperating_departments == cooperating and row.cooperating_departments is not cooperating
    assert row.due_date == DUE and row.assigned_at == row.updated_at == NOW


@pytest.mark.parametrize("status", sorted(EVERY_STATUS - set(domain.ASSIGNABLE)))
def test_assign_after_an_answer_is_409(status: RequestStatus):
    row = request_in(status)
    with pytest.raises(InvalidTransition):
        domain.assign(row, lead="water", cooperating=[], grade=Grade.major, due_date=DUE, now=NOW)
    assert row.status is status and row.lead_department == "power"


def test_the_lead_cannot_also_cooperate():
    row = request_in(RequestStatus.received)
    with pytest.raises(Invalid) as raised:
        domain.assign(row, lead="power", cooperating=["power"], grade=Grade.normal, due_date=DUE, now=NOW)
    assert raised.value.errors[0]["field"] == "cooperating_departments"
    assert row.status is RequestStatus.received and row.lead_department is None


@pytest.mark.parametrize("status", domain.REPLYABLE)
def test_reply_answers_and_keeps_the_first_answer_time(status: RequestStatus):
    first = NOW - timedelta(hours=5) if status is RequestStatus.reopened else None
    row = request_in(status, first_replied_at=first)
    assert domain.reply(row, content="已安排专线", now=NOW) == [("replied", {"content": "已安排专线"})]
    assert row.status is RequestStatus.replied and row.reply == "已安排专线"
    assert row.first_replied_at == (first or NOW) and row.replied_at == row.updated_at == NOW


@pytest.mark.parametrize("status", sorted(EVERY_STATUS - set(domain.REPLYABLE)))
def test_reply_out_of_order_is_409(status: RequestStatus):
    row = request_in(status)
    with pytest.raises(InvalidTransition, match="cannot be replied to"):
        domain.reply(row, content="x", now=NOW)
    assert row.status is status and row.reply is None


@pytest.mark.parametrize("status", domain.ANNOTATABLE)
def test_note_changes_no_status(status: RequestStatus):
    row = request_in(status)
    assert domain.note(row, content="用地指标已落实", now=NOW) == [("note", {"content": "用地指标已落实"})]
    assert row.status is status and row.updated_at == NOW


@pytest.mark.parametrize("status", [RequestStatus.received, RequestStatus.closed])
def test_note_outside_handling_is_409(status: RequestStatus):
    with pytest.raises(InvalidTransition, match="annotated"):
        domain.note(request_in(status), content="x", now=NOW)


@pytest.mark.parametrize("rating", [3, 4, 5])
def test_three_or_more_closes(rating: int):
    row = request_in(RequestStatus.replied)
    events = domain.feedback(row, rating=rating, comment="满意", now=NOW)
    assert events == [("feedback", {"rating": rating, "comment": "满意"}), ("closed", {})]
    assert row.status is RequestStatus.closed and row.closed_at == row.updated_at == NOW
    assert row.rating == rating and row.feedback_comment == "满意"


@pytest.mark.parametrize("rating", [1, 2])
def test_two_or_less_reopens(rating: int):
    row = request_in(RequestStatus.replied)
    events = domain.feedback(row, rating=rating, comment=None, now=NOW)
    assert events == [("feedback", {"rating": rating, "comment": None}), ("reopened", {})]
    assert row.status is RequestStatus.reopened and row.closed_at is None and row.updated_at == NOW
    assert row.rating == rating and row.feedback_comment is None


@pytest.mark.parametrize("status", sorted(EVERY_STATUS - {RequestStatus.replied}))
def test_feedback_without_a_fresh_answer_is_409(status: RequestStatus):
    row = request_in(status)
    with pytest.raises(InvalidTransition, match="rated"):
        domain.feedback(row, rating=5, comment=None, now=NOW)
    assert row.status is status and row.rating is None


def test_a_reopened_request_goes_round_again():
    row = request_in(RequestStatus.assigned)
    actions = []
    for move in (
        lambda: domain.reply(row, content="第一次答复", now=NOW),
        lambda: domain.feedback(row, rating=2, comment="时间太长", now=NOW + timedelta(hours=1)),
        lambda: domain.reply(row, content="第二次答复", now=NOW + timedelta(hours=2)),
        lambda: domain.feedback(row, rating=4, comment=None, now=NOW + timedelta(hours=3)),
    ):
        actions += [action for action, _ in move()]
    assert actions == ["replied", "feedback", "reopened", "replied", "feedback", "closed"]
    assert row.first_replied_at == NOW and row.replied_at == NOW + timedelta(hours=2)
    assert row.status is RequestStatus.closed and row.rating == 4


def test_only_state_changes_go_on_the_timeline():
    assert set(domain.TIMELINE_SUMMARY) == {"received", "assigned", "replied", "reopened", "closed"}
    assert "note" not in domain.TIMELINE_SUMMARY and "feedback" not in domain.TIMELINE_SUMMARY


@pytest.mark.parametrize(
    ("due_date", "first_replied_at", "today", "expected"),
    [
        (None, None, date(2026, 11, 30), None),  # never assigned
        (None, NOW, date(2026, 11, 30), None),
        (DUE, None, DUE, None),  # unanswered, due today: not late yet
        (DUE, None, DUE + timedelta(days=1), False),  # unanswered past the due date
        (DUE, datetime(2026, 11, 5, 15, 59, tzinfo=UTC), date(2026, 12, 1), True),  # 23:59 on the due date in China
        (DUE, datetime(2026, 11, 5, 16, 0, tzinfo=UTC), date(2026, 12, 1), False),  # already the 6th in China
        (DUE, NOW, date(2026, 11, 2), True),
    ],
)
def test_on_time(due_date, first_replied_at, today, expected):
    assert domain.on_time(due_date, first_replied_at, today) is expected


def test_grades_are_3_10_and_20_working_days():
    assert [domain.GRADE_WORKING_DAYS[grade] for grade in Grade] == [3, 10, 20]

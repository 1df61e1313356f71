"""Approval's rules on rows in memory: 容缺 checks, decisions, closing, supplements, the sweep's rules and
the elapsed working days with the clock stopped while an application waits for a supplement."""

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest

from services.approval import domain
from services.approval.domain import ApplicationStatus, Commitment, CommitmentState, Decision, TaskStatus
from services.approval.models import Application, MaterialCommitment, Task
from services.approval.schemas import MatterMaterial
from services.common.calendar import CST, WorkCalendar, official_schedule
from services.common.problems import Invalid, InvalidTransition, ProblemKind
from services.common.texts import Text

MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=CST)  # an ordinary working week
TODAY = MONDAY.date()
DUE = date(2026, 3, 5)
CALENDAR = WorkCalendar([official_schedule(2026)])  # type: ignore[list-item]
MATERIALS = [
    MatterMaterial(code="registration_form", name="设立登记申请书", waivable=False),
    MatterMaterial(code="articles", name="公司章程", waivable=False),
    MatterMaterial(code="premises_proof", name="住所使用证明", waivable=True),
    MatterMaterial(code="seal_record", name="印章备案表", waivable=True),
]
EVERYTHING = [m.code for m in MATERIALS]
REQUIRED = ["registration_form", "articles"]


def at(hours: float) -> datetime:
    return MONDAY + timedelta(hours=hours)


def check(provided=EVERYTHING, commitments=(), rating: str = "A") -> None:
    domain.check_materials(
        matter_code="QYKB-001",
        materials=MATERIALS,
        provided=list(provided),
        commitments=list(commitments),
        rating=rating,
        due_date=DUE,
        today=TODAY,
    )


def errors_of(provided=EVERYTHING, commitments=(), rating: str = "A") -> list[tuple[str, str]]:
    with pytest.raises(Invalid) as raised:
        check(provided, commitments, rating)
    problem = raised.value
    assert problem.status == 422 and problem.kind.code == problem.errors[0]["code"]  # led by the first gap
    assert problem.detail == "；".join(e["message"] for e in problem.errors)
    assert problem.detail.en == "; ".join(e["message"].en for e in problem.errors)
    assert all(isinstance(e["message"], Text) and e["message"] != e["message"].en for e in problem.errors)
    return [(e["field"], e["message"].en) for e in problem.errors]


def codes_of(provided=EVERYTHING, commitments=(), rating: str = "A") -> list[str]:
    with pytest.raises(Invalid) as raised:
        check(provided, commitments, rating)
    return [e["code"] for e in raised.value.errors]


def promise(code: str = "premises_proof", due: date = DUE) -> Commitment:
    return Commitment(code, due)


# --- 容缺 ----------------------------------------------------------------------------------------


def test_everything_provided_needs_no_commitment():
    check()
    check(rating="D")  # a D rating only bars 容缺


def test_a_waivable_material_may_be_missing_against_a_commitment_due_by_the_due_date():
    check([*REQUIRED, "seal_record"], [promise(due=TODAY)])  # due today: the earliest allowed
    check(REQUIRED, [promise(due=DUE), promise("seal_record", date(2026, 3, 3))])  # up to the due date


def test_a_missing_required_material_is_named():
    assert errors_of(["articles", "premises_proof", "seal_record"]) == [
        ("materials", "registration_form (设立登记申请书) is required")
    ]


def test_a_missing_waivable_material_needs_a_commitment():
    assert errors_of([*REQUIRED, "seal_record"]) == [
        ("commitments", "premises_proof is missing: 容缺 needs a signed commitment for it")
    ]


@pytest.mark.parametrize("due", [TODAY - timedelta(days=1), DUE + timedelta(days=1)])
def test_a_commitment_is_due_between_today_and_the_due_date(due: date):
    assert errors_of([*REQUIRED, "seal_record"], [promise(due=due)]) == [
        ("commitments", "premises_proof must be committed for a date from today to the due date 2026-03-05")
    ]


@pytest.mark.parametrize("code", ["seal_record", "registration_form", "tax_clearance"])
def test_only_a_missing_waivable_material_is_committed(code: str):
    """A provided material, and one the matter does not have, take no commitment."""
    assert errors_of(commitments=[promise(code)]) == [("commitments", f"{code} is not a missing waivable material")]


def test_an_enterprise_rated_d_cannot_use_rongque():
    assert errors_of([*REQUIRED, "seal_record"], [promise()], rating="D") == [
        ("commitments", "an enterprise rated D cannot use 容缺 (commitments)")
    ]


def test_a_material_committed_twice():
    assert errors_of([*REQUIRED, "seal_record"], [promise(), promise(due=TODAY)]) == [
        ("commitments", "a material is committed twice")
    ]


def test_an_unknown_material_is_named():
    assert errors_of([*EVERYTHING, "tax_clearance", "audit_report"]) == [
        ("materials", "audit_report is not a material of QYKB-001"),
        ("materials", "tax_clearance is not a material of QYKB-001"),
    ]


def test_each_gap_has_a_code_a_ui_can_act_on():
    assert codes_of(["articles", "premises_proof", "seal_record"]) == [ProblemKind.missing_material]
    assert codes_of([*REQUIRED, "seal_record"]) == [ProblemKind.commitment_required]
    assert codes_of([*REQUIRED, "seal_record"], [promise(due=DUE + timedelta(days=1))]) == [
        ProblemKind.invalid_commitment
    ]
    assert codes_of([*REQUIRED, "seal_record"], [promise()], rating="D") == [ProblemKind.rongque_not_allowed]
    assert codes_of([*EVERYTHING, "audit_report"]) == [ProblemKind.unknown_material]


def test_every_problem_is_reported_at_once():
    commitments = [promise("seal_record", DUE + timedelta(days=9)), promise("articles"), promise("articles")]
    assert errors_of(["tax_clearance"], commitments, rating="D") == [
        ("materials", "tax_clearance is not a material of QYKB-001"),
        ("materials", "articles (公司章程) is required"),
        ("commitments", "premises_proof is missing: 容缺 needs a signed commitment for it"),
        ("materials", "registration_form (设立登记申请书) is required"),
        ("commitments", "seal_record must be committed for a date from today to the due date 2026-03-05"),
        ("commitments", "an enterprise rated D cannot use 容缺 (commitments)"),
        ("commitments", "a material is committed twice"),
    ]


# --- decisions ------------------------------------------------------------------------------------


def make(*departments: str, status: ApplicationStatus = ApplicationStatus.in_review) -> tuple:
    application = Application(
        code="SP20260302-00001",
        enterprise_id=uuid.uuid4(),
        matter_id=uuid.uuid4(),
        matter_code="QYKB-001",
        status=status,
        due_date=DUE,
        materials=sorted(REQUIRED),
        materials_count=2,
        reused=[],
        submitted_at=MONDAY,
        pauses=[],
        created_at=MONDAY,
        updated_at=MONDAY,
    )
    tasks = [
        Task(
            application_id=application.id,
            department=d,
            task_name=f"{d}审查",
            status=TaskStatus.pending,
            due_date=date(2026, 3, 3),
            created_at=MONDAY,
            updated_at=MONDAY,
        )
        for d in departments
    ]
    return application, tasks


def ledger(application: Application, *commitments: Commitment) -> list[MaterialCommitment]:
    """The commitment rows of `application`, open."""
    return [
        MaterialCommitment(
            application_id=application.id,
            enterprise_id=application.enterprise_id,
            material_code=c.material_code,
            due_date=c.due_date,
            state=CommitmentState.open,
            created_at=MONDAY,
            updated_at=MONDAY,
        )
        for c in commitments
    ]


def decide(application, tasks, index: int, decision: Decision, hours: float = 1, comment: str | None = None):
    return domain.decide(
        application, tasks, tasks[index], decision=decision, comment=comment, officer="officer_1", now=at(hours)
    )


def test_approvals_close_the_application_with_the_last_one():
    application, tasks = make("market", "tax")
    assert decide(application, tasks, 0, Decision.approve, comment="齐全") is None
    market = tasks[0]
    assert (market.status, market.decided_at, market.decided_by, market.comment) == (
        TaskStatus.approved,
        at(1),
        "officer_1",
        "齐全",
    )
    assert market.updated_at == application.updated_at == at(1) and tasks[1].updated_at == MONDAY
    assert application.status is ApplicationStatus.in_review
    assert decide(application, tasks, 1, Decision.approve, hours=2) is ApplicationStatus.approved


def test_a_reject_vetoes():
    application, tasks = make("market", "tax")
    assert decide(application, tasks, 1, Decision.reject) is ApplicationStatus.rejected
    assert tasks[1].status is TaskStatus.rejected and tasks[0].status is TaskStatus.pending
    assert application.status is ApplicationStatus.in_review  # until `close` records the outcome


def test_a_return_stops_the_clock_once():
    application, tasks = make("market", "tax", "hrss")
    assert decide(application, tasks, 0, Decision.return_, hours=1) is None
    assert application.status is ApplicationStatus.supplement_required and application.paused_at == at(1)
    assert tasks[0].status is TaskStatus.returned
    assert decide(application, tasks, 1, Decision.return_, hours=2) is None
    assert application.paused_at == at(1)  # the clock stopped at the first return
    assert decide(application, tasks, 2, Decision.approve, hours=3) is None  # no outcome while waiting


def test_approving_everything_while_waiting_for_a_supplement_does_not_close():
    application, tasks = make("market", "tax")
    decide(application, tasks, 0, Decision.return_)
    tasks[0].status = TaskStatus.approved  # as if it had been approved before the return of another
    assert decide(application, tasks, 1, Decision.approve) is None
    assert not domain.all_approved(application, tasks)


@pytest.mark.parametrize(
    "status", [TaskStatus.approved, TaskStatus.rejected, TaskStatus.returned, TaskStatus.cancelled]
)
def test_a_decided_task_takes_no_decision(status: TaskStatus):
    application, tasks = make("market")
    tasks[0].status = status
    with pytest.raises(InvalidTransition, match=f"This task is {status} already") as raised:
        decide(application, tasks, 0, Decision.approve)
    assert raised.value.status == 409 and tasks[0].decided_at is None


@pytest.mark.parametrize(
    "status",
    [ApplicationStatus.approved, ApplicationStatus.rejected, ApplicationStatus.withdrawn, ApplicationStatus.terminated],
)
def test_a_closed_application_takes_no_change(status: ApplicationStatus):
    application, tasks = make("market", status=status)
    with pytest.raises(InvalidTransition, match=f"The application is {status}"):
        decide(application, tasks, 0, Decision.approve)
    with pytest.raises(InvalidTransition):
        domain.supplement(application, tasks, [], provided={"premises_proof"}, known=EVERYTHING, now=at(1))
    with pytest.raises(InvalidTransition):
        domain.require_open(application)
    assert tasks[0].status is TaskStatus.pending and application.updated_at == MONDAY


# --- closing and elapsed time -------------------------------------------------------------------


def test_closing_cancels_open_tasks_and_records_the_working_days():
    application, tasks = make("market", "tax", "hrss")
    decide(application, tasks, 0, Decision.approve, hours=1)
    decide(application, tasks, 1, Decision.return_, hours=2)
    decide(application, tasks, 2, Decision.reject, hours=3)
    event = domain.close(application, tasks, ApplicationStatus.rejected, calendar=CALENDAR, now=at(6))
    assert event == ("rejected", "hrss审查未通过，申请已驳回")
    assert [t.status for t in tasks] == [TaskStatus.approved, TaskStatus.cancelled, TaskStatus.rejected]
    assert tasks[1].updated_at == at(6)
    assert application.status is ApplicationStatus.rejected and application.completed_at == at(6)
    assert application.paused_at is None and application.pauses == [[at(2).isoformat(), at(6).isoformat()]]
    assert application.elapsed_working_days == 0.08  # 2 hours before the return; the clock stayed stopped


@pytest.mark.parametrize(
    ("status", "summary"),
    [
        (ApplicationStatus.approved, "全部部门审批通过，申请已办结"),
        (ApplicationStatus.withdrawn, "企业已撤回申请"),
        (ApplicationStatus.terminated, "承诺材料逾期未补交，申请已终止"),
    ],
)
def test_each_way_of_closing_has_its_summary(status: ApplicationStatus, summary: str):
    application, tasks = make("market")
    assert domain.close(application, tasks, status, calendar=CALENDAR, now=at(24)) == (status.value, summary)
    assert application.elapsed_working_days == 1.0


def test_a_reject_without_a_rejected_task_still_has_a_summary():
    application, tasks = make("market")
    event = domain.close(application, tasks, ApplicationStatus.rejected, calendar=CALENDAR, now=at(1))
    assert event == ("rejected", "部门审查未通过，申请已驳回")


def test_elapsed_working_days_leave_out_the_pauses_and_the_weekend():
    """Monday 09:00 to the next Monday 09:00 is 5 working days; two pauses take 1 day and 12 hours off."""
    application, tasks = make("market")
    application.pauses = [[at(24).isoformat(), at(48).isoformat()]]  # Tuesday 09:00 to Wednesday 09:00
    application.paused_at = at(72)  # Thursday 09:00, still waiting at the close
    domain.close(application, tasks, ApplicationStatus.withdrawn, calendar=CALENDAR, now=at(84))
    assert application.elapsed_working_days == 2.0
    assert len(application.pauses) == 2 and application.paused_at is None
    application, tasks = make("market")
    domain.close(application, tasks, ApplicationStatus.withdrawn, calendar=CALENDAR, now=at(7 * 24))
    assert application.elapsed_working_days == 5.0


def test_closed_pauses_adds_the_running_pause():
    application, _ = make("market")
    assert domain.closed_pauses(application, at(1)) == []
    application.paused_at = at(1)
    assert domain.closed_pauses(application, at(2)) == [[at(1).isoformat(), at(2).isoformat()]]


# --- supplements ----------------------------------------------------------------------------------


def test_a_supplement_answers_returns_and_restarts_the_clock():
    application, tasks = make("market", "tax")
    decide(application, tasks, 0, Decision.return_, hours=1)
    decide(application, tasks, 1, Decision.approve, hours=2)
    domain.supplement(application, tasks, [], provided={"premises_proof"}, known=EVERYTHING, now=at(5))
    assert application.status is ApplicationStatus.in_review and application.paused_at is None
    assert application.pauses == [[at(1).isoformat(), at(5).isoformat()]]
    assert (tasks[0].status, tasks[0].decided_at, tasks[0].decided_by) == (TaskStatus.pending, None, None)
    assert tasks[0].updated_at == application.updated_at == at(5)
    assert tasks[1].status is TaskStatus.approved
    assert application.materials == ["articles", "premises_proof", "registration_form"]
    assert application.materials_count == 3


def test_a_supplement_fulfils_open_commitments_only():
    application, tasks = make("market")
    commitments = ledger(application, promise(), promise("seal_record"))
    commitments[1].state, commitments[1].fulfilled_at = CommitmentState.fulfilled, at(1)
    domain.supplement(
        application, tasks, commitments, provided={"premises_proof", "seal_record"}, known=EVERYTHING, now=at(3)
    )
    assert [(c.state, c.fulfilled_at) for c in commitments] == [
        (CommitmentState.fulfilled, at(3)),
        (CommitmentState.fulfilled, at(1)),
    ]
    assert application.status is ApplicationStatus.in_review and application.pauses == []
    assert application.materials_count == 4


def test_a_supplement_needs_something_waiting_for_it():
    application, tasks = make("market")
    commitments = ledger(application, promise())
    with pytest.raises(InvalidTransition, match="Nothing is waiting"):
        domain.supplement(application, tasks, commitments, provided={"seal_record"}, known=EVERYTHING, now=at(1))
    assert application.materials_count == 2 and commitments[0].state is CommitmentState.open


def test_a_supplement_takes_only_materials_of_the_matter():
    application, tasks = make("market")
    commitments = ledger(application, promise())
    with pytest.raises(Invalid) as raised:
        domain.supplement(
            application, tasks, commitments, provided={"premises_proof", "selfie", "cv"}, known=EVERYTHING, now=at(1)
        )
    assert raised.value.kind is ProblemKind.unknown_material
    assert [(e["field"], e["message"].en, e["code"]) for e in raised.value.errors] == [
        ("materials", "cv is not a material of this matter", "unknown_material"),
        ("materials", "selfie is not a material of this matter", "unknown_material"),
    ]
    assert commitments[0].fulfilled_at is None and application.materials_count == 2


def test_handing_in_a_reused_material_counts_it_as_handed_in():
    application, _ = make("market")
    application.materials, application.reused = sorted({*REQUIRED, "premises_proof"}), ["premises_proof"]
    application.materials_count = len(REQUIRED)
    domain.hand_in(application, {"premises_proof"}, now=at(1))
    assert application.reused == [] and application.materials_count == len(REQUIRED) + 1


# --- the sweep's rules ----------------------------------------------------------------------------


def test_overdue_pending_tasks_are_deemed_approved():
    _, tasks = make("market", "tax", "hrss", "power")
    tasks[0].due_date = date(2026, 3, 1)  # overdue
    tasks[1].due_date = TODAY  # due today: not yet
    tasks[2].due_date, tasks[2].status = date(2026, 3, 1), TaskStatus.returned  # waits for the enterprise
    tasks[3].due_date, tasks[3].status = date(2026, 3, 1), TaskStatus.rejected
    assert domain.deem_overdue(tasks, today=TODAY, now=at(1)) == 1
    deemed = tasks[0]
    assert (deemed.status, deemed.deemed, deemed.decided_by, deemed.comment) == (
        TaskStatus.approved,
        True,
        "system",
        "超时默认通过",
    )
    assert deemed.decided_at == deemed.updated_at == at(1)
    assert [t.status for t in tasks[1:]] == [TaskStatus.pending, TaskStatus.returned, TaskStatus.rejected]
    assert not any(t.deemed for t in tasks[1:])
    assert domain.deem_overdue(tasks, today=TODAY, now=at(2)) == 0


def test_an_unfulfilled_commitment_past_due_is_overdue():
    application, _ = make("market")
    commitments = ledger(application, promise(due=date(2026, 3, 3)), promise("seal_record"))
    assert domain.mark_overdue(commitments, today=date(2026, 3, 3), now=at(1)) == []  # due today
    commitments[1].state = CommitmentState.fulfilled
    assert domain.mark_overdue(commitments, today=date(2026, 3, 6), now=at(2)) == [commitments[0]]
    assert (commitments[0].state, commitments[0].closed_at) == (CommitmentState.overdue, at(2))
    assert commitments[1].state is CommitmentState.fulfilled
    assert domain.mark_overdue(commitments, today=date(2030, 1, 1), now=at(3)) == []


def test_closing_without_approval_revokes_what_is_still_open():
    application, _ = make("market")
    commitments = ledger(application, promise(), promise("seal_record"))
    commitments[0].state = CommitmentState.fulfilled
    domain.revoke_open(commitments, now=at(4))
    assert [c.state for c in commitments] == [CommitmentState.fulfilled, CommitmentState.revoked]
    assert commitments[1].closed_at == at(4)


@pytest.mark.parametrize(
    ("left", "already", "sent"),
    [
        (5, None, None),  # too early
        (3, None, 3),
        (2, None, 3),  # the 3-day reminder, late (the commitment was made 2 working days before)
        (2, 3, None),
        (1, 3, 1),
        (1, None, 1),  # made the day before: straight to the last one
        (0, 3, 1),  # due today, the last one not sent yet
        (1, 1, None),
    ],
)
def test_reminders_go_three_and_one_working_days_before(left: int, already: int | None, sent: int | None):
    application, _ = make("market")
    (commitment,) = ledger(application, promise())
    commitment.reminded_days = already
    assert domain.reminder_due(commitment, working_days_left=left) == sent
    commitment.state = CommitmentState.fulfilled
    assert domain.reminder_due(commitment, working_days_left=left) is None


def test_the_vault_covers_a_material_with_its_longest_valid_document():
    @dataclass
    class Kept:
        material_code: str
        valid_until: date | None

    forever, long, short, stale = (
        Kept("licence", None),
        Kept("premises_proof", date(2026, 12, 31)),
        Kept("premises_proof", date(2026, 3, 10)),
        Kept("articles", date(2026, 3, 4)),
    )
    covered, expiring = domain.vault_cover([short, stale, long, forever], due_date=DUE)
    assert covered == {"licence": forever, "premises_proof": long}
    assert expiring == {"articles": stale}  # expires before the due date 2026-03-05: not reused
    covered, expiring = domain.vault_cover([stale], due_date=date(2026, 3, 4))
    assert covered == {"articles": stale} and expiring == {}  # valid through its last day


def test_all_approved_needs_every_task_and_review():
    application, tasks = make("market", "tax")
    assert not domain.all_approved(application, tasks)
    for task in tasks:
        task.status = TaskStatus.approved
    assert domain.all_approved(application, tasks)
    application.status = ApplicationStatus.supplement_required
    assert not domain.all_approved(application, tasks)


def test_the_submission_event():
    assert domain.submitted("企业开办“一件事”", 5) == ("submitted", "企业开办“一件事”申请已提交，5个部门并联审批")

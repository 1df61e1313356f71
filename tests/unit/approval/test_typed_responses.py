"""Approval's answers typed to the letter: the kinds it puts on the timeline are the contract's, a matter's
departments and materials and an application's commitments read as models, and the county figures keep
the shape they have always had (a department lists only the task statuses it has)."""

import uuid
from datetime import UTC, date, datetime

import pytest

from services.approval import domain
from services.approval.domain import ApplicationStatus, TaskStatus
from services.approval.models import Application
from services.approval.schemas import ApprovalStats, CommitmentRead, DepartmentTasks, MatterRead
from services.common.calendar import WorkCalendar, official_schedule
from services.common.departments import Department
from services.intake.contract import TimelineKind

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
CLOSING = (ApplicationStatus.approved, ApplicationStatus.rejected, ApplicationStatus.withdrawn)


def application() -> Application:
    return Application(
        code="SP20260302-00001",
        enterprise_id=uuid.uuid4(),
        matter_id=uuid.uuid4(),
        matter_code="enterprise-opening",
        status=ApplicationStatus.in_review,
        due_date=date(2026, 3, 5),
        materials=[],
        materials_count=0,
        reused=[],
        submitted_at=NOW,
        pauses=[],
        created_at=NOW,
        updated_at=NOW,
    )


@pytest.mark.parametrize("status", [*CLOSING, ApplicationStatus.terminated])
def test_every_way_of_closing_is_a_timeline_kind(status: ApplicationStatus):
    action, _ = domain.close(application(), [], status, calendar=WorkCalendar([official_schedule(2026)]), now=NOW)
    assert TimelineKind(f"application.{action}").value == f"application.{status.value}"


def test_the_commitment_events_are_timeline_kinds():
    commitment = domain.commitment_fulfilled("premises_proof")[0]
    assert {TimelineKind(commitment), TimelineKind("commitment.reminder"), TimelineKind("commitment.overdue")}
    row = type("Row", (), {"material_code": "premises_proof", "due_date": date(2026, 3, 5)})()
    assert TimelineKind(domain.commitment_reminder(row, 3)[0]) is TimelineKind.commitment_reminder  # type: ignore[arg-type]
    assert TimelineKind(domain.commitment_overdue(row)[0]) is TimelineKind.commitment_overdue  # type: ignore[arg-type]


def test_the_submission_is_a_timeline_kind():
    action, _ = domain.submitted("企业开办（一件事）", 3)
    assert TimelineKind(f"application.{action}") is TimelineKind.application_submitted


def test_a_matter_reads_its_stored_departments_and_materials_as_models():
    stored = {
        "id": uuid.uuid4(),
        "code": "enterprise-opening",
        "name": "企业开办（一件事）",
        "departments": [{"department": "market", "task_name": "营业执照核发", "sla_working_days": 1}],
        "materials": [{"code": "premises_proof", "name": "住所使用证明", "waivable": True}],
        "sla_working_days": 3,
        "deemed_approval": False,
        "created_at": NOW,
        "updated_at": NOW,
    }
    matter = MatterRead.model_validate(stored)
    assert matter.departments[0].department is Department.market and matter.materials[0].waivable is True
    assert matter.model_dump(mode="json")["departments"] == stored["departments"]
    assert matter.model_dump(mode="json")["materials"] == stored["materials"]


def test_a_commitment_reads_its_stored_times():
    fulfilled = CommitmentRead.model_validate(
        {
            "id": uuid.uuid4(),
            "application_id": uuid.uuid4(),
            "enterprise_id": uuid.uuid4(),
            "material_code": "premises_proof",
            "due_date": "2026-03-05",
            "state": "fulfilled",
            "fulfilled_at": NOW.isoformat(),
            "closed_at": None,
            "reminded_days": None,
            "created_at": NOW.isoformat(),
        }
    )
    assert fulfilled.due_date == date(2026, 3, 5) and fulfilled.fulfilled_at == NOW
    assert fulfilled.model_dump(mode="json")["fulfilled_at"] == "2026-03-02T01:00:00Z"


def test_a_departments_figures_name_every_task_status():
    assert set(DepartmentTasks.model_fields) == {"tasks", *(status.value for status in TaskStatus)}


def test_the_county_figures_keep_only_the_statuses_a_department_has():
    figures = {
        "applications": 2,
        "approved": 1,
        "rejected": 0,
        "in_review": 1,
        "avg_working_days": 1.0,
        "avg_materials": 2.5,
        "on_time_rate": 1.0,
        "deemed_approvals": 0,
        "by_matter": {"enterprise-opening": {"applications": 2, "approved": 1, "avg_working_days": 1.0}},
        "by_department": {"market": {"tasks": 2, "approved": 1, "pending": 1}},
        "commitments": {
            "commitments": 1,
            "open": 0,
            "fulfilled": 1,
            "overdue": 0,
            "revoked": 0,
            "fulfilment_rate": 1.0,
            "by_department": {
                "market": {
                    "commitments": 1,
                    "open": 0,
                    "fulfilled": 1,
                    "overdue": 0,
                    "revoked": 0,
                    "fulfilment_rate": 1.0,
                }
            },
        },
    }
    assert ApprovalStats.model_validate(figures).model_dump(mode="json", exclude_unset=True) == figures

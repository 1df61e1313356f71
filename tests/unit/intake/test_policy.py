"""Intake's row scopes and gates without a database: what each role's WHERE clause says."""

import uuid

import pytest

from services.common.auth import Principal, Role
from services.common.problems import Forbidden
from services.intake import policy
from services.intake.domain import Category, Channel, RequestStatus
from services.intake.models import EnterpriseRequest

ENTERPRISE_ID = uuid.UUID("5d0e0c5a-7a3b-4f43-9a53-1c4f3f1a0001")  # fixed: the same test ids in every worker


def principal(role: Role, **claims) -> Principal:
    return Principal(subject=str(uuid.uuid4()), username=f"{role.value}_li", role=role, **claims)


def sql(clause) -> str:
    return str(clause.compile(compile_kwargs={"literal_binds": True}))


def request_led_by(lead: str, cooperating: list[str]) -> EnterpriseRequest:
    return EnterpriseRequest(
        code="SQ1",
        enterprise_id=ENTERPRISE_ID,
        title="t",
        description="d",
        category=Category.power,
        channel=Channel.online,
        status=RequestStatus.assigned,
        lead_department=lead,
        cooperating_departments=cooperating,
    )


@pytest.mark.parametrize("role", [Role.internal, Role.bank])
def test_roles_outside_intake_see_no_rows(role: Role):
    someone = principal(role, bank_id=uuid.uuid4()) if role is Role.bank else principal(role)
    for scope in (
        policy.enterprises_visible_to,
        policy.enterprises_editable_by,
        policy.timelines_visible_to,
        policy.requests_visible_to,
    ):
        assert sql(scope(someone)) == "false"


def test_admin_sees_every_row():
    admin = principal(Role.admin)
    for scope in (
        policy.enterprises_visible_to,
        policy.enterprises_editable_by,
        policy.timelines_visible_to,
        policy.requests_visible_to,
    ):
        assert sql(scope(admin)) == "true"


def test_an_officer_sees_timelines_only_as_liaison():
    officer = principal(Role.officer, department="tax")
    assert sql(policy.enterprises_visible_to(officer)) == "true"
    assert "liaison_officer = 'officer_li'" in sql(policy.timelines_visible_to(officer))
    requests = sql(policy.requests_visible_to(officer))
    assert "lead_department = 'tax'" in requests and "liaison_officer = 'officer_li'" in requests


def test_only_admin_and_the_liaison_change_a_profile():
    officer = principal(Role.officer, department="tax")
    assert sql(policy.enterprises_editable_by(officer)) == "intake.enterprise.liaison_officer = 'officer_li'"
    itself = principal(Role.enterprise, enterprise_id=ENTERPRISE_ID)
    assert sql(policy.enterprises_editable_by(itself)) == "false"


def test_an_enterprise_sees_itself():
    itself = principal(Role.enterprise, enterprise_id=ENTERPRISE_ID)
    assert ENTERPRISE_ID.hex in sql(policy.enterprises_visible_to(itself)).replace("-", "")
    assert ENTERPRISE_ID.hex in sql(policy.requests_visible_to(itself)).replace("-", "")


def test_only_the_lead_replies():
    request = request_led_by("power", ["tax"])
    policy.require_lead(principal(Role.officer, department="power"), request)
    for department in ("tax", "water"):
        with pytest.raises(Forbidden):
            policy.require_lead(principal(Role.officer, department=department), request)


def test_notes_come_from_the_departments_involved_or_admin():
    request = request_led_by("power", ["tax"])
    for someone in (
        principal(Role.officer, department="power"),
        principal(Role.officer, department="tax"),
        principal(Role.admin),
    ):
        policy.require_involved(someone, request)
    with pytest.raises(Forbidden):
        policy.require_involved(principal(Role.officer, department="water"), request)

"""Who sees which rows in approval: the scopes as SQL conditions, and the task rules of officers."""

import uuid

import pytest
from sqlalchemy.dialects import postgresql

from services.approval import policy
from services.approval.models import Application, Task
from services.common.auth import Principal, Role
from services.common.problems import Forbidden, NotFound

ENTERPRISE = uuid.UUID("0a6c9a86-6f8f-4d2b-b0a5-6a8f2d9b0001")  # fixed: the same test ids in every worker


def principal(role: Role, **claims) -> Principal:
    return Principal(subject=str(uuid.uuid4()), username=f"{role}_1", role=role, **claims)


def sql(condition) -> str:
    return str(condition.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}))


def test_scopes():
    assert sql(policy.applications_visible_to(principal(Role.admin), set())) == "true"
    assert sql(policy.applications_visible_to(principal(Role.internal), set())) == "false"
    assert sql(policy.applications_visible_to(principal(Role.bank), set())) == "false"
    own = sql(policy.applications_visible_to(principal(Role.enterprise, enterprise_id=ENTERPRISE), set()))
    assert "approval.application.enterprise_id =" in own and str(ENTERPRISE) in own
    officer = sql(policy.applications_visible_to(principal(Role.officer, department="tax"), {ENTERPRISE}))
    assert "approval.task.department = 'tax'" in officer and str(ENTERPRISE) in officer


def test_an_officer_sees_its_department_tasks_unless_liaison():
    application = Application(enterprise_id=ENTERPRISE)
    tasks = [Task(department="market"), Task(department="tax")]
    tax = principal(Role.officer, department="tax")
    assert [t.department for t in policy.visible_tasks(tax, application, tasks, set())] == ["tax"]
    assert [t.department for t in policy.visible_tasks(tax, application, tasks, {ENTERPRISE})] == ["market", "tax"]
    admin = principal(Role.admin)
    assert policy.visible_tasks(admin, application, tasks, set()) == tasks


def test_only_the_applicant_and_the_department_act():
    application = Application(enterprise_id=ENTERPRISE)
    policy.require_own(principal(Role.enterprise, enterprise_id=ENTERPRISE), application)
    with pytest.raises(NotFound):
        policy.require_own(principal(Role.enterprise, enterprise_id=uuid.uuid4()), application)
    tax = principal(Role.officer, department="tax")
    policy.require_department(tax, "tax", is_liaison=False)
    with pytest.raises(Forbidden):
        policy.require_department(tax, "market", is_liaison=True)
    with pytest.raises(NotFound):
        policy.require_department(tax, "market", is_liaison=False)

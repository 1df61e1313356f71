"""Who may call what in approval, and which rows each caller sees.

An officer sees the applications with a task of its department (and only those tasks), and every
application, with all its tasks, of the enterprises it is liaison for; the liaison list comes from
intake, so `service/` fetches it and hands it in. Rows outside the scope are not found (404).
"""

import uuid
from collections.abc import Sequence
from typing import Annotated, TypeVar

from fastapi import Depends
from sqlalchemy import false, or_, true
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import select

from services.approval.models import Application, Task
from services.common.auth import AdminDep, InternalDep, Principal, PrincipalDep, Role, allow
from services.common.problems import Forbidden, NotFound
from services.common.texts import Text, no_such

__all__ = [
    "AdminDep",
    "ApplicantDep",
    "EnterpriseDep",
    "InternalDep",
    "OfficerDep",
    "PeopleDep",
    "PrincipalDep",
    "ReaderDep",
    "StatsReaderDep",
]

PeopleDep = Annotated[Principal, Depends(allow(Role.admin, Role.officer, Role.enterprise))]
ReaderDep = Annotated[Principal, Depends(allow(Role.admin, Role.officer, Role.enterprise, Role.leader))]
ApplicantDep = Annotated[Principal, Depends(allow(Role.admin, Role.enterprise))]
OfficerDep = Annotated[Principal, Depends(allow(Role.officer))]
EnterpriseDep = Annotated[Principal, Depends(allow(Role.enterprise))]
# The county's figures and analytics: admin, and county leaders, who read them and change nothing.
StatsReaderDep = Annotated[Principal, Depends(allow(Role.admin, Role.leader, Role.internal))]  # internal: /public/stats
T = TypeVar("T", bound=Task)


def applications_visible_to(principal: Principal, liaison_of: set[uuid.UUID]) -> ColumnElement[bool]:
    A = Application
    if principal.role in (Role.admin, Role.leader):  # a county leader reads every application, changes none
        return true()
    if principal.role is Role.enterprise:
        return A.enterprise_id == principal.enterprise_id
    if principal.role is Role.officer:
        own_tasks = select(Task.application_id).where(Task.department == principal.department)
        return or_(A.id.in_(own_tasks), A.enterprise_id.in_(liaison_of))
    return false()


def visible_tasks(
    principal: Principal, application: Application, tasks: Sequence[T], liaison_of: set[uuid.UUID]
) -> list[T]:
    """An officer sees its department's tasks only, unless it is the enterprise's liaison."""
    if principal.role is Role.officer and application.enterprise_id not in liaison_of:
        return [t for t in tasks if t.department == principal.department]
    return list(tasks)


def require_own(principal: Principal, application: Application) -> None:
    """Supplements and withdrawals come from the enterprise that applied."""
    if application.enterprise_id != principal.enterprise_id:
        raise NotFound(no_such("申请", "application"))


def require_department(principal: Principal, task_department: str, *, is_liaison: bool) -> None:
    """Only an officer of the task's department decides it; a liaison sees it (403), anyone else does not (404)."""
    if task_department == principal.department:
        return
    if is_liaison:
        raise Forbidden(
            Text("只有该任务所属部门的工作人员可以审批。", "Only an officer of the task's department decides it.")
        )
    raise NotFound(no_such("审批任务", "task"))

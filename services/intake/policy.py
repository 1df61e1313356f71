"""Who may call what in intake, and which rows each caller sees.

Role gates are the `...Dep` aliases routes declare; row scopes are WHERE clauses `service.py` adds to
its queries, so a row the caller may not see is simply not found (404, never 403).
"""

from typing import Annotated

from fastapi import Depends
from sqlalchemy import false, or_, true
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import select

from services.common.auth import AdminDep, InternalDep, Principal, Role, allow
from services.common.problems import Forbidden
from services.common.texts import Text
from services.intake.domain import AttachmentPart
from services.intake.models import Appointment, Enterprise, EnterpriseRequest, OnsiteRequest, Project

__all__ = [
    "AdminDep",
    "AttacherDep",
    "EnterpriseDep",
    "InternalDep",
    "OfficerDep",
    "PeopleDep",
    "ProjectReaderDep",
    "ProjectStatsDep",
    "ReaderDep",
    "StaffDep",
    "StaffReaderDep",
    "StatsDep",
]

StaffDep = Annotated[Principal, Depends(allow(Role.admin, Role.officer))]
# Reads of the registry and of requests: county leaders too (read-only; the records hold no contact data)
StaffReaderDep = Annotated[Principal, Depends(allow(Role.admin, Role.officer, Role.leader))]
ReaderDep = Annotated[Principal, Depends(allow(Role.admin, Role.officer, Role.enterprise, Role.leader))]
PeopleDep = Annotated[Principal, Depends(allow(Role.admin, Role.officer, Role.enterprise))]
OfficerDep = Annotated[Principal, Depends(allow(Role.officer))]
EnterpriseDep = Annotated[Principal, Depends(allow(Role.enterprise))]
AttacherDep = Annotated[Principal, Depends(allow(Role.officer, Role.enterprise))]  # those who raise or reply
# The county's figures: admin, county leaders (read-only), and the gateway's open data (/public/stats, internal)
StatsDep = Annotated[Principal, Depends(allow(Role.admin, Role.leader, Role.internal))]


def enterprises_visible_to(principal: Principal) -> ColumnElement[bool]:
    """Staff and county leaders see every enterprise; an enterprise sees itself."""
    if principal.role in (Role.admin, Role.officer, Role.leader):
        return true()
    if principal.role is Role.enterprise:
        return Enterprise.id == principal.enterprise_id
    return false()


def enterprises_editable_by(principal: Principal) -> ColumnElement[bool]:
    """Who changes an enterprise's profile: admin, and the enterprise's liaison officer (包保专员)."""
    if principal.role is Role.admin:
        return true()
    if principal.role is Role.officer:
        return Enterprise.liaison_officer == principal.username
    return false()


def timelines_visible_to(principal: Principal) -> ColumnElement[bool]:
    """An enterprise's timeline: admin, the enterprise itself and its liaison officer."""
    if principal.role is Role.admin:
        return true()
    if principal.role is Role.enterprise:
        return Enterprise.id == principal.enterprise_id
    if principal.role is Role.officer:
        return Enterprise.liaison_officer == principal.username
    return false()


def requests_visible_to(principal: Principal) -> ColumnElement[bool]:
    """Admin and county leaders all; an enterprise its own; an officer those its department leads or cooperates
    on, and every request of the enterprises it is liaison for."""
    R = EnterpriseRequest
    if principal.role in (Role.admin, Role.leader):
        return true()
    if principal.role is Role.enterprise:
        return R.enterprise_id == principal.enterprise_id
    if principal.role is Role.officer:
        liaison_of = R.enterprise_id.in_(select(Enterprise.id).where(Enterprise.liaison_officer == principal.username))
        return or_(
            R.lead_department == principal.department,
            R.cooperating_departments.contains([principal.department]),
            liaison_of,
        )
    return false()


def require_lead(principal: Principal, request: EnterpriseRequest) -> None:
    """Only an officer of the lead department replies."""
    if principal.department != request.lead_department:
        raise Forbidden(Text("只有牵头部门的工作人员可以答复。", "Only an officer of the lead department replies."))


def require_involved(principal: Principal, request: EnterpriseRequest) -> None:
    """Notes come from admin or from the lead and cooperating departments (not a mere liaison)."""
    involved = {request.lead_department, *request.cooperating_departments}
    if principal.role is Role.officer and principal.department not in involved:
        raise Forbidden(
            Text("只有牵头和配合部门可以添加备注。", "Only the lead and cooperating departments add notes.")
        )


def attachment_part(principal: Principal) -> AttachmentPart:
    """The part a caller attaches to: an enterprise to its request, an officer to the reply (as replies go)."""
    return AttachmentPart.request if principal.role is Role.enterprise else AttachmentPart.reply


def require_own_part(principal: Principal, part: AttachmentPart) -> None:
    """Each attaches to its own part only: the enterprise to its request (visibility keeps it to its own), staff to
    the reply (and of staff only whoever replies: `require_lead`)."""
    if part is not attachment_part(principal):
        raise Forbidden(
            Text(
                "企业只能为诉求本身添加附件，答复的附件由牵头部门添加。",
                "An enterprise attaches to its request; the reply's attachments come from the lead department.",
            )
        )


# --- window appointments (预约办, 延时办, 上门办) --------------------------------------------------

# Halls and free slots: any logged-in person. Booking, cancelling, moving and asking for on-site service: an
# enterprise for itself, admin or the enterprise's liaison officer for it (`require_acting_for`).
VisitorDep = Annotated[Principal, Depends(allow(Role.admin, Role.officer, Role.enterprise, Role.leader, Role.bank))]
AppointmentStatsDep = Annotated[Principal, Depends(allow(Role.admin, Role.leader))]


def appointments_visible_to(principal: Principal) -> ColumnElement[bool]:
    """Staff (admin, officers: the halls' windows are theirs) see every appointment; an enterprise its own."""
    if principal.role in (Role.admin, Role.officer):
        return true()
    if principal.role is Role.enterprise:
        return Appointment.enterprise_id == principal.enterprise_id
    return false()


def onsite_visible_to(principal: Principal) -> ColumnElement[bool]:
    """The same rule as appointments: staff every on-site request, an enterprise its own."""
    if principal.role in (Role.admin, Role.officer):
        return true()
    if principal.role is Role.enterprise:
        return OnsiteRequest.enterprise_id == principal.enterprise_id
    return false()


def require_acting_for(principal: Principal, enterprise: Enterprise) -> None:
    """An officer books, cancels or moves only for the enterprises it is liaison officer (包保专员) of."""
    if principal.role is Role.officer and enterprise.liaison_officer != principal.username:
        raise Forbidden(
            Text(
                "只有该企业的包保专员可以代企业预约或变更预约。",
                "Only the enterprise's liaison officer books or changes bookings on its behalf.",
            )
        )


def require_department(principal: Principal, department: str) -> None:
    """Attendance at a window, and scheduling a visit, are for admin and the officers of the department serving it."""
    if principal.role is Role.officer and principal.department != department:
        raise Forbidden(
            Text("只有负责该事项的部门工作人员可以办理。", "Only officers of the department serving it may do this.")
        )


# --- investment projects (招商项目) --------------------------------------------------------------

ProjectReaderDep = Annotated[Principal, Depends(allow(Role.admin, Role.leader, Role.officer, Role.enterprise))]
ProjectStatsDep = Annotated[Principal, Depends(allow(Role.admin, Role.leader))]
# Who records and changes projects is StaffDep (admin, officers); which ones an officer changes, `projects_editable_by`.


def projects_visible_to(principal: Principal) -> ColumnElement[bool]:
    """Admin and leaders see every project; an officer the projects it is liaison of; an enterprise its own."""
    if principal.role in (Role.admin, Role.leader):
        return true()
    if principal.role is Role.officer:
        return Project.liaison == principal.username
    if principal.role is Role.enterprise:
        return Project.enterprise_id == principal.enterprise_id
    return false()


def projects_editable_by(principal: Principal) -> ColumnElement[bool]:
    """Admin changes every project; an officer the projects it is liaison of (others are not found)."""
    if principal.role is Role.admin:
        return true()
    if principal.role is Role.officer:
        return Project.liaison == principal.username
    return false()


def require_liaison_changer(principal: Principal) -> None:
    """Only admin gives a project another liaison officer."""
    if principal.role is not Role.admin:
        raise Forbidden(Text("只有管理员可以更换项目的包保专员。", "Only admin changes a project's liaison officer."))

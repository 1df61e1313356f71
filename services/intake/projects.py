"""Investment projects (招商项目) from first talk to the statistics: record, list, read with what blocks them,
change, move through their stages, and the county's figures.

A project is an enterprise's, or a prospective investor's before it registers (linked to the enterprise once it
does). Its stage moves by the rules of `domain.py` (`move_project`); every change is an event of the project and,
once the project has an enterprise, an entry of that enterprise's timeline, in the same transaction. Requests (诉求)
and approval applications name the project they serve, and the project's page lists the open ones: the requests
from intake's own table, the applications from approval through its typed client (when approval does not answer,
the page still answers, the applications marked unavailable). Visibility comes from `policy.py`; like `service.py`,
every function runs inside the request's unit of work and never commits.
"""

import uuid
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from enum import Enum
from typing import Any, NamedTuple

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from gateway.contract import IdentityClient
from services.approval.contract import ApprovalClient, ProjectApplication
from services.common.auth import Principal, Role
from services.common.calendar import CalendarCache, WorkCalendar, cst_date
from services.common.pagination import PageParams, make_page, paginate
from services.common.problems import Invalid, InvalidTransition, NotFound, ProblemKind, Unavailable
from services.common.stats import percentile, rate
from services.common.texts import Text, no_such
from services.intake import domain, policy
from services.intake.contract import TimelineKind
from services.intake.domain import BIG_PROJECT_YUAN, Chain, ProjectAction, ProjectStage, RequestStatus
from services.intake.models import Enterprise, EnterpriseRequest, Project, ProjectEvent, TimelineEntry
from services.intake.schemas import ProjectCreate, ProjectStageChange, ProjectUpdate

Page = tuple[list[Any], str | None]
LIST_FILTERS = ("stage", "chain", "enterprise_id", "liaison")  # and `town`, on `town_or_park`
TIMELINE_KIND = {
    ProjectAction.recorded: TimelineKind.project_recorded,
    ProjectAction.linked: TimelineKind.project_recorded,  # recorded on the timeline of the enterprise it now has
    ProjectAction.stage_changed: TimelineKind.project_stage_changed,
}
NO_PROJECT = no_such("招商项目", "investment project")


class ProjectView(NamedTuple):
    """A project's page: the project, its events, and the open requests and applications naming it (None when
    approval could not say)."""

    project: Project
    events: list[ProjectEvent]
    requests: list[EnterpriseRequest]
    applications: list[ProjectApplication] | None


# --- records ------------------------------------------------------------------------------------


def _store(
    session: AsyncSession, project: Project, principal: Principal, events: list[domain.Event], now: datetime
) -> Project:
    """The changed project, its events, and those an enterprise reads on its timeline (once it has one).

    Events of one change are a microsecond apart, so they list in the order they happened."""
    session.add(project)
    for index, (action, details) in enumerate(events):
        at = now + timedelta(microseconds=index)
        session.add(
            ProjectEvent(
                project_id=project.id,
                at=at,
                actor=principal.username,
                actor_role=principal.role.value,
                action=action,
                details=details,
                created_at=now,
                updated_at=now,
            )
        )
        summary = domain.project_timeline_summary(project.name, action, details)
        if project.enterprise_id is not None and summary is not None:
            session.add(
                TimelineEntry(
                    enterprise_id=project.enterprise_id,
                    at=at,
                    service="intake",
                    kind=TIMELINE_KIND[ProjectAction(action)].value,
                    ref_id=project.id,
                    summary=summary[:500],
                    created_at=now,
                    updated_at=now,
                )
            )
    return project


async def _require_officer(identity: IdentityClient, username: str) -> None:
    """A liaison is an officer's account in the gateway (422 on `liaison` otherwise; 503 when the gateway is down)."""
    account = await identity.account(username)
    if account is None or account.role != Role.officer.value:
        raise Invalid(
            Text(f"{username} 不是工作人员账号。", f"{username!r} is not an officer's account."),
            field="liaison",
            kind=ProblemKind.unknown_reference,
        )


async def _require_enterprise(session: AsyncSession, enterprise_id: uuid.UUID) -> None:
    if await session.get(Enterprise, enterprise_id) is None:
        raise Invalid(
            Text("没有以此 id 登记的企业。", "No enterprise is registered with this id."),
            field="enterprise_id",
            kind=ProblemKind.unknown_reference,
        )


def _jsonable(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, uuid.UUID)):
        return str(value)
    return value


async def create_project(
    session: AsyncSession, *, data: ProjectCreate, principal: Principal, identity: IdentityClient, now: datetime
) -> Project:
    """Record a project, negotiating since its first talk: an officer records the projects it is liaison of, admin
    names the liaison (or none yet)."""
    if principal.role is Role.officer:
        if data.liaison not in (None, principal.username):
            raise Invalid(
                Text(
                    "工作人员登记的项目由本人包保；更换包保专员请联系管理员。",
                    "An officer records its own projects; admin gives a project another liaison.",
                ),
                field="liaison",
            )
        liaison: str | None = principal.username
    else:
        liaison = data.liaison
        if liaison is not None:
            await _require_officer(identity, liaison)
    if data.enterprise_id is None and data.investor_name is None:
        raise Invalid(
            Text(
                "请填写项目所属企业（enterprise_id），尚未注册的请填写投资方名称（investor_name）。",
                "Name the project's enterprise (enterprise_id) or, before it registers, its investor (investor_name).",
            ),
            field="investor_name",
        )
    if data.enterprise_id is not None:
        await _require_enterprise(session, data.enterprise_id)
    project = Project(
        **data.model_dump(exclude={"liaison"}),
        liaison=liaison,
        stage=ProjectStage.negotiating,
        created_by=principal.username,
    )
    events = domain.record_project(project, today=cst_date(now), now=now)
    return _store(session, project, principal, events, now)


async def _visible(session: AsyncSession, project_id: uuid.UUID, principal: Principal) -> Project:
    query = select(Project).where(Project.id == project_id, policy.projects_visible_to(principal))
    found = (await session.exec(query)).first()
    if found is None:
        raise NotFound(NO_PROJECT)
    return found


async def _editable(session: AsyncSession, project_id: uuid.UUID, principal: Principal) -> Project:
    """The project, locked until commit, if the caller may change it (else 404)."""
    query = select(Project).where(Project.id == project_id, policy.projects_editable_by(principal))
    found = (await session.exec(query.with_for_update())).first()
    if found is None:
        raise NotFound(NO_PROJECT)
    return found


async def list_projects(
    session: AsyncSession, *, principal: Principal, page: PageParams, filters: dict[str, Any]
) -> Page:
    """The projects the caller sees, newest first, filtered."""
    query = select(Project).where(policy.projects_visible_to(principal))
    for name in LIST_FILTERS:
        if filters.get(name) is not None:
            query = query.where(getattr(Project, name) == filters[name])
    if filters.get("town") is not None:
        query = query.where(Project.town_or_park == filters["town"])
    rows = (await session.exec(paginate(query, Project, page))).all()
    return make_page(list(rows), page)


async def get_project(
    session: AsyncSession, *, project_id: uuid.UUID, principal: Principal, approval: ApprovalClient
) -> ProjectView:
    """A project with its events and what blocks it: the open requests and approval applications naming it."""
    project = await _visible(session, project_id, principal)
    events = (
        await session.exec(
            select(ProjectEvent).where(ProjectEvent.project_id == project_id).order_by(ProjectEvent.at, ProjectEvent.id)
        )
    ).all()
    R = EnterpriseRequest
    requests = (
        await session.exec(
            select(R).where(R.project_id == project_id, R.status != RequestStatus.closed).order_by(R.created_at, R.id)
        )
    ).all()
    try:
        applications: list[ProjectApplication] | None = await approval.project_applications(project_id)
    except Unavailable:
        applications = None
    return ProjectView(project, list(events), list(requests), applications)


async def update_project(
    session: AsyncSession,
    *,
    project_id: uuid.UUID,
    data: ProjectUpdate,
    principal: Principal,
    identity: IdentityClient,
    now: datetime,
) -> Project:
    """Change the fields sent (admin, the liaison officer); `enterprise_id` links the project to its enterprise, once.
    A body that changes nothing changes nothing."""
    project = await _editable(session, project_id, principal)
    sent = data.model_dump(exclude_unset=True)
    changes = {name: value for name, value in sent.items() if getattr(project, name) != value}
    if not changes:
        return project
    if "liaison" in changes:
        policy.require_liaison_changer(principal)
        if changes["liaison"] is not None:
            await _require_officer(identity, changes["liaison"])
    linked = changes.pop("enterprise_id", None)
    if linked is not None:
        if project.enterprise_id is not None:
            raise InvalidTransition(
                Text(
                    "项目已关联企业，不能改为另一家企业。",
                    "The project is linked to its enterprise already; it cannot move to another.",
                )
            )
        await _require_enterprise(session, linked)
    if changes.get("investor_name", "kept") is None and project.enterprise_id is None and linked is None:
        raise Invalid(
            Text("尚未关联企业的项目须有投资方名称。", "A project without its enterprise needs its investor's name."),
            field="investor_name",
        )
    for name, value in changes.items():
        setattr(project, name, value)
    domain.check_targets(project)
    events: list[domain.Event] = []
    if changes:
        events.append((ProjectAction.updated.value, {name: _jsonable(value) for name, value in changes.items()}))
    if linked is not None:
        project.enterprise_id = linked
        events.append((ProjectAction.linked.value, {"enterprise_id": str(linked), "stage": project.stage.value}))
    project.updated_at = now
    return _store(session, project, principal, events, now)


async def change_stage(
    session: AsyncSession, *, project_id: uuid.UUID, data: ProjectStageChange, principal: Principal, now: datetime
) -> Project:
    """Move the project to its next stage, or drop it (admin, the liaison officer)."""
    project = await _editable(session, project_id, principal)
    events = domain.move_project(
        project, stage=data.stage, on=data.on, reason=data.reason, today=cst_date(now), now=now
    )
    return _store(session, project, principal, events, now)


# --- what other parts name ----------------------------------------------------------------------


async def project_ref(session: AsyncSession, *, project_id: uuid.UUID) -> Project:
    """A project for another service (an internal call): approval checks the one an application names."""
    project = await session.get(Project, project_id)
    if project is None:
        raise NotFound(NO_PROJECT)
    return project


async def require_project_of(session: AsyncSession, *, project_id: uuid.UUID, enterprise_id: uuid.UUID) -> None:
    """The project a request names exists and is the requesting enterprise's (422 on `project_id` otherwise)."""
    project = await session.get(Project, project_id)
    if project is None:
        raise Invalid(
            Text("没有以此 id 登记的招商项目。", "No investment project is recorded with this id."),
            field="project_id",
            kind=ProblemKind.unknown_reference,
        )
    if project.enterprise_id != enterprise_id:
        raise Invalid(
            Text("该招商项目不属于提出诉求的企业。", "The investment project is not the requesting enterprise's."),
            field="project_id",
            kind=ProblemKind.unknown_reference,
        )


# --- figures ------------------------------------------------------------------------------------


async def stats(
    session: AsyncSession, *, calendar: CalendarCache, now: datetime, town: str | None = None
) -> dict[str, Any]:
    """The county's project figures (of one town or park with `town`); the calendar is read only when a project
    was signed (working days to signing)."""
    query = select(Project)
    if town is not None:
        query = query.where(Project.town_or_park == town)
    projects = list((await session.exec(query)).all())
    work_calendar = await calendar.get() if any(p.signed_on for p in projects) else WorkCalendar()
    return figures(projects, calendar=work_calendar, today=cst_date(now))


def _percentile(values: Sequence[int], q: float) -> int | None:
    found = percentile([(value, 1) for value in values], q)
    return None if found is None else int(found)


def figures(projects: Sequence[Project], *, calendar: WorkCalendar, today: date) -> dict[str, Any]:
    """Counts and planned investment by chain and stage, the manufacturing share, days from first talk to signing
    (p50, p90 and the record), the same-year shares by year of signing, and the overdue stage targets."""
    by_chain = {chain.value: {"projects": 0, "planned_investment_yuan": 0} for chain in Chain}
    by_stage = {stage.value: {"projects": 0, "planned_investment_yuan": 0} for stage in ProjectStage}
    signings: list[tuple[int, int, date, str, Project]] = []  # (calendar days, working days, signed_on, name, p)
    years: dict[int, list[int]] = {}  # year of signing -> [signed, started that year, counted that year]
    overdue: list[dict[str, Any]] = []
    for project in projects:
        for bucket in (by_chain[project.chain.value], by_stage[project.stage.value]):
            bucket["projects"] += 1
            bucket["planned_investment_yuan"] += project.planned_investment_yuan
        if project.signed_on is not None:
            calendar_days = (project.signed_on - project.first_talk_on).days
            working_days = calendar.working_days_between(project.first_talk_on, project.signed_on)
            signings.append((calendar_days, working_days, project.signed_on, project.name, project))
            year = years.setdefault(project.signed_on.year, [0, 0, 0])
            year[0] += 1
            year[1] += project.started_on is not None and project.started_on.year == project.signed_on.year
            year[2] += project.counted_on is not None and project.counted_on.year == project.signed_on.year
        if (late := domain.overdue_target(project, today)) is not None:
            following, target = late
            overdue.append(
                {
                    "project_id": project.id,
                    "name": project.name,
                    "stage": project.stage,
                    "next_stage": following,
                    "target_on": target,
                    "days_overdue": (today - target).days,
                    "liaison": project.liaison,
                }
            )
    fastest = min(signings, key=lambda s: s[:4], default=None)
    manufacturing = sum(project.manufacturing for project in projects)
    overdue.sort(key=lambda item: (-item["days_overdue"], item["name"]))
    return {
        "projects": len(projects),
        "planned_investment_yuan": sum(project.planned_investment_yuan for project in projects),
        "signed_over_100m": sum(s[4].planned_investment_yuan >= BIG_PROJECT_YUAN for s in signings),
        "manufacturing": manufacturing,
        "manufacturing_share": rate(manufacturing, len(projects)),
        "by_chain": by_chain,
        "by_stage": by_stage,
        "first_talk_to_signing": {
            "signed": len(signings),
            "calendar_days_p50": _percentile([s[0] for s in signings], 0.5),
            "calendar_days_p90": _percentile([s[0] for s in signings], 0.9),
            "working_days_p50": _percentile([s[1] for s in signings], 0.5),
            "working_days_p90": _percentile([s[1] for s in signings], 0.9),
            "record": None
            if fastest is None
            else {
                "project_id": fastest[4].id,
                "name": fastest[4].name,
                "first_talk_on": fastest[4].first_talk_on,
                "signed_on": fastest[2],
                "calendar_days": fastest[0],
                "working_days": fastest[1],
            },
        },
        "same_year": [
            {
                "year": year,
                "signed": signed,
                "started_same_year": started,
                "counted_same_year": counted,
                "started_same_year_rate": rate(started, signed),
                "counted_same_year_rate": rate(counted, signed),
            }
            for year, (signed, started, counted) in sorted(years.items())
        ],
        "overdue_targets": {
            **{stage.value: sum(item["next_stage"] is stage for item in overdue) for stage in domain.STAGE_TARGET},
            "projects": overdue,
        },
    }

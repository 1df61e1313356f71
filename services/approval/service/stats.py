"""The county's figures of parallel approval: volumes, working days (1.01 to beat), materials (1.59)."""

from dataclasses import dataclass
from typing import Any

from prometheus_client.core import GaugeMetricFamily
from sqlalchemy import Date, cast, func
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.approval.domain import ApplicationStatus, CommitmentState, TaskStatus
from services.approval.models import Application, MaterialCommitment, Task
from services.common import metrics
from services.common.calendar import cst_date
from services.common.models import utcnow
from services.common.stats import rate

CST_ZONE = "Asia/Shanghai"  # China Standard Time, the days `cst_date` counts in


@dataclass
class _Tally:
    """Sums of a set of applications, from which the averages and shares follow."""

    applications: int = 0
    approved: int = 0
    materials: int = 0
    days: float = 0.0  # elapsed working days of the approved applications that have them
    timed: int = 0
    on_time: int = 0

    def add(self, status: ApplicationStatus, count: int, materials: int, days: float, timed: int, on_time: int) -> None:
        self.applications += count
        self.materials += materials
        if status == ApplicationStatus.approved:
            self.approved += count
            self.days += days
            self.timed += timed
            self.on_time += on_time

    @property
    def avg_working_days(self) -> float | None:
        return round(self.days / self.timed, 2) if self.timed else None

    @property
    def avg_materials(self) -> float | None:
        return round(self.materials / self.applications, 2) if self.applications else None


async def stats(session: AsyncSession) -> dict[str, Any]:
    """Summed by the database per matter and status and per department and status, never row by row."""
    A, T = Application, Task
    timed = A.elapsed_working_days.is_not(None)
    on_time = cast(func.timezone(CST_ZONE, A.completed_at), Date) <= A.due_date
    groups = (
        await session.exec(
            select(
                A.matter_code,
                A.status,
                func.count(),
                func.sum(A.materials_count),
                func.coalesce(func.sum(A.elapsed_working_days), 0.0),
                func.count().filter(timed),
                func.count().filter(on_time),
            ).group_by(A.matter_code, A.status)
        )
    ).all()
    overall = _Tally()
    by_status: dict[ApplicationStatus, int] = {}
    by_matter: dict[str, _Tally] = {}
    for matter_code, status, *sums in groups:
        overall.add(status, *sums)
        by_matter.setdefault(matter_code, _Tally()).add(status, *sums)
        by_status[status] = by_status.get(status, 0) + sums[0]
    task_groups = (
        await session.exec(
            select(T.department, T.status, func.count(), func.count().filter(T.deemed)).group_by(T.department, T.status)
        )
    ).all()
    by_department: dict[str, dict[str, int]] = {}
    deemed_total = 0
    for department, status, count, deemed in task_groups:
        by_department.setdefault(department, {"tasks": 0})
        by_department[department]["tasks"] += count
        by_department[department][status] = count
        deemed_total += deemed
    return {
        "applications": overall.applications,
        "approved": overall.approved,
        "rejected": by_status.get(ApplicationStatus.rejected, 0),
        "in_review": by_status.get(ApplicationStatus.in_review, 0),
        "avg_working_days": overall.avg_working_days,
        "avg_materials": overall.avg_materials,
        "on_time_rate": rate(overall.on_time, overall.approved),
        "deemed_approvals": deemed_total,
        "by_matter": {
            code: {"applications": t.applications, "approved": t.approved, "avg_working_days": t.avg_working_days}
            for code, t in by_matter.items()
        },
        "by_department": by_department,
        "commitments": await commitment_stats(session),
    }


def _commitment_figures(by_state: dict[str, int]) -> dict[str, Any]:
    figures = {state.value: by_state.get(state, 0) for state in CommitmentState}
    decided = figures["fulfilled"] + figures["overdue"]
    return {"commitments": sum(figures.values()), **figures, "fulfilment_rate": rate(figures["fulfilled"], decided)}


async def commitment_stats(session: AsyncSession) -> dict[str, Any]:
    """The ledger's states overall and per department with a task in the commitment's application; the
    fulfilment rate is of those decided (fulfilled or overdue)."""
    C, T = MaterialCommitment, Task
    overall = dict((await session.exec(select(C.state, func.count()).group_by(C.state))).all())
    departments = select(T.application_id, T.department).distinct().subquery()
    rows = (
        await session.exec(
            select(departments.c.department, C.state, func.count())
            .join(departments, departments.c.application_id == C.application_id)
            .group_by(departments.c.department, C.state)
        )
    ).all()
    by_department: dict[str, dict[str, int]] = {}
    for department, state, count in rows:
        by_department.setdefault(department, {})[state] = count
    return {
        **_commitment_figures(overall),
        "by_department": {d: _commitment_figures(states) for d, states in sorted(by_department.items())},
    }


async def gauges(session: AsyncSession) -> list[GaugeMetricFamily]:
    """For `/metrics`: applications by status (`in_review` among them), and pending tasks past their due day by
    department."""
    by_status = dict((await session.exec(select(Application.status, func.count()).group_by(Application.status))).all())
    today = cst_date(utcnow())
    overdue = (
        await session.exec(
            select(Task.department, func.count())
            .where(Task.status == TaskStatus.pending, Task.due_date < today)
            .group_by(Task.department)
        )
    ).all()
    return [
        metrics.gauge(
            "kuaiban_approval_applications",
            "Applications by status",
            [(s, by_status.get(s, 0)) for s in ApplicationStatus],
            ["status"],
        ),
        metrics.gauge(
            "kuaiban_approval_tasks_overdue", "Pending tasks past their due day, by department", overdue, ["department"]
        ),
    ]

"""The county's figures of parallel approval: volumes, working days (1.01 to beat), materials (1.59)."""

from typing import Any

from sqlalchemy import func
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.approval.domain import ApplicationStatus
from services.approval.models import Application, Task
from services.common.calendar import cst_date
from services.common.stats import mean, rate


async def stats(session: AsyncSession) -> dict[str, Any]:
    """The county's figures: volumes, average working days (1.01 to beat), materials (1.59), punctuality."""
    A, T = Application, Task
    apps = (
        await session.exec(
            select(A.matter_code, A.status, A.elapsed_working_days, A.materials_count, A.due_date, A.completed_at)
        )
    ).all()
    by_matter: dict[str, dict[str, Any]] = {}
    days: list[float] = []
    punctual = [0, 0]
    counts: dict[str, int] = {}
    for matter_code, status, elapsed, _, due_date, completed_at in apps:
        counts[status] = counts.get(status, 0) + 1
        entry = by_matter.setdefault(matter_code, {"applications": 0, "approved": 0, "_days": []})
        entry["applications"] += 1
        if status == ApplicationStatus.approved:
            entry["approved"] += 1
            if elapsed is not None:
                days.append(elapsed)
                entry["_days"].append(elapsed)
            punctual[0] += cst_date(completed_at) <= due_date
            punctual[1] += 1
    for entry in by_matter.values():
        values = entry.pop("_days")
        entry["avg_working_days"] = mean(values)
    task_rows = (
        await session.exec(
            select(T.department, T.status, func.count(), func.count().filter(T.deemed)).group_by(T.department, T.status)
        )
    ).all()
    by_department: dict[str, dict[str, int]] = {}
    deemed_total = 0
    for department, status, count, deemed in task_rows:
        by_department.setdefault(department, {"tasks": 0})
        by_department[department]["tasks"] += count
        by_department[department][status] = count
        deemed_total += deemed
    return {
        "applications": len(apps),
        "approved": counts.get(ApplicationStatus.approved, 0),
        "rejected": counts.get(ApplicationStatus.rejected, 0),
        "in_review": counts.get(ApplicationStatus.in_review, 0),
        "avg_working_days": mean(days),
        "avg_materials": mean([row.materials_count for row in apps]),
        "on_time_rate": rate(*punctual),
        "deemed_approvals": deemed_total,
        "by_matter": by_matter,
        "by_department": by_department,
    }

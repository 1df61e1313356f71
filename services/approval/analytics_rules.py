"""Approval's analytics with no I/O: which department's task set an application's finish (the critical path),
what each department costs beyond the fastest one, the forecast of a new application's finish, and the weeks
of the leader's dashboard.

Working days are the calendar's (`WorkCalendar.elapsed_working_days`: 24 hours of a CST working day make one),
always counted from the submission and with the 补正 pauses left out, so they add up with the application's own
`elapsed_working_days`. `service/analytics.py` queries; these functions only compute.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Protocol

from services.approval.domain import ApplicationStatus, TaskStatus
from services.common.calendar import CST, SECONDS_PER_DAY, WorkCalendar
from services.common.stats import percentile, rate

DECIDED = (TaskStatus.approved, TaskStatus.rejected)  # a department's last word on its task
FINISHED_BY_A_DEPARTMENT = (ApplicationStatus.approved, ApplicationStatus.rejected)
FORECAST_WINDOW_DAYS = 90  # calendar days of completed applications a forecast is based on
MAX_FORECAST_DAYS = 366  # a finish date is looked for this many calendar days ahead at most
Pause = tuple[datetime, datetime | None]


class TaskTiming(Protocol):
    department: str
    status: TaskStatus
    decided_at: datetime | None


def pauses_of(pauses: Sequence[Sequence[str]], paused_at: datetime | None = None) -> list[Pause]:
    """An application's 补正 pauses as stored (`[[start, end], ...]` in ISO 8601), with a running one."""
    parsed: list[Pause] = [(datetime.fromisoformat(start), datetime.fromisoformat(end)) for start, end in pauses]
    if paused_at is not None:
        parsed.append((paused_at, None))
    return parsed


@dataclass(frozen=True)
class DepartmentTime:
    """One department's part of an application: working days from the submission to its decision."""

    department: str
    status: TaskStatus
    decided_at: datetime | None
    working_days: float | None  # None while it has not decided (or its task was cancelled)
    added_working_days: float | None  # beyond the fastest department's
    critical: bool  # its decision set the application's finish


@dataclass(frozen=True)
class CriticalPath:
    department: str | None  # whose decision set the finish: None unless approved or rejected
    fastest_working_days: float | None
    departments: list[DepartmentTime]  # slowest first, those without a decision last


def critical_path(
    *,
    status: ApplicationStatus,
    submitted_at: datetime,
    pauses: Sequence[Pause],
    tasks: Iterable[TaskTiming],
    calendar: WorkCalendar,
) -> CriticalPath:
    """Each department's working days to its decision, pauses excluded, and what it added beyond the fastest.

    The department with the most working days set the finish of an approved or rejected application (on a tie,
    the later decision, then the department's name); a withdrawn, terminated or open one has none.
    """
    tasks = list(tasks)
    timed = [
        (task, calendar.elapsed_working_days(submitted_at, task.decided_at, pauses))
        for task in tasks
        if task.status in DECIDED and task.decided_at is not None
    ]
    fastest = min((days for _, days in timed), default=None)
    critical = None
    if status in FINISHED_BY_A_DEPARTMENT and timed:
        critical = max(timed, key=lambda pair: (pair[1], pair[0].decided_at, pair[0].department))[0].department
    days_of = {task.department: days for task, days in timed}
    rows = [
        DepartmentTime(
            department=task.department,
            status=task.status,
            decided_at=task.decided_at if task.department in days_of else None,
            working_days=days_of.get(task.department),
            added_working_days=(
                round(days_of[task.department] - fastest, 2)
                if task.department in days_of and fastest is not None
                else None
            ),
            critical=task.department == critical,
        )
        for task in tasks
    ]
    rows.sort(key=lambda r: (r.working_days is None, -(r.working_days or 0.0), r.department))
    return CriticalPath(department=critical, fastest_working_days=fastest, departments=rows)


@dataclass
class DepartmentDelay:
    """A department's share of the critical paths of many applications."""

    applications: int = 0
    last: int = 0  # how often its decision set the finish
    added_working_days: float = 0.0  # beyond the fastest department, over all its applications
    added_working_days_when_last: float = 0.0  # the same, over the applications it finished

    @property
    def last_rate(self) -> float | None:
        return rate(self.last, self.applications)

    @property
    def avg_added_working_days(self) -> float | None:
        return round(self.added_working_days / self.applications, 2) if self.applications else None


def attribute(paths: Iterable[CriticalPath]) -> dict[str, DepartmentDelay]:
    """Add up critical paths per department (only the departments that decided)."""
    delays: dict[str, DepartmentDelay] = {}
    for path in paths:
        for row in path.departments:
            if row.added_working_days is None:
                continue
            delay = delays.setdefault(row.department, DepartmentDelay())
            delay.applications += 1
            delay.added_working_days = round(delay.added_working_days + row.added_working_days, 2)
            if row.critical:
                delay.last += 1
                delay.added_working_days_when_last = round(
                    delay.added_working_days_when_last + row.added_working_days, 2
                )
    return delays


def ranked(delays: dict[str, DepartmentDelay]) -> list[tuple[str, DepartmentDelay]]:
    """Departments most often last first, then by the working days they added, then by name."""
    return sorted(delays.items(), key=lambda item: (-item[1].last, -item[1].added_working_days, item[0]))


def finish_date(calendar: WorkCalendar, start: datetime, working_days: float) -> date:
    """The CST day on which `working_days` of working time, counted from `start` as `elapsed_working_days`
    counts it, run out: the inverse of `elapsed_working_days` (no pauses), to the day."""
    remaining = working_days * SECONDS_PER_DAY
    cursor = start.astimezone(CST)
    day = cursor.date()
    if remaining <= 0:
        return day
    for _ in range(MAX_FORECAST_DAYS):
        midnight = datetime.combine(day + timedelta(days=1), time.min, CST)
        if calendar.is_working_day(day):
            available = (midnight - cursor).total_seconds()
            if remaining <= available:
                return day
            remaining -= available
        cursor, day = midnight, day + timedelta(days=1)
    raise ValueError(f"{working_days} working days do not run out within {MAX_FORECAST_DAYS} days")


@dataclass(frozen=True)
class Forecast:
    based_on: int  # completed applications
    p50_working_days: float | None
    p90_working_days: float | None
    p50_finish_date: date | None
    p90_finish_date: date | None


def forecast(weighted: Sequence[tuple[float, int]], *, calendar: WorkCalendar, start: datetime) -> Forecast:
    """p50 and p90 (nearest rank) of the working days of completed applications, given as (value, count), and
    the days they would finish on if submitted at `start`; all None when there are none."""
    p50, p90 = percentile(weighted, 0.5), percentile(weighted, 0.9)
    return Forecast(
        based_on=sum(count for _, count in weighted),
        p50_working_days=p50,
        p90_working_days=p90,
        p50_finish_date=None if p50 is None else finish_date(calendar, start, p50),
        p90_finish_date=None if p90 is None else finish_date(calendar, start, p90),
    )


def week_starts(today: date, weeks: int) -> list[date]:
    """The Mondays of the last `weeks` ISO weeks, the one of `today` last."""
    monday = today - timedelta(days=today.weekday())
    return [monday - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]


def week_label(monday: date) -> str:
    """ISO 8601 week, e.g. 2026-W10."""
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass
class DepartmentWeek:
    decided: int = 0
    on_time: int = 0

    @property
    def on_time_rate(self) -> float | None:
        return rate(self.on_time, self.decided)


@dataclass
class Week:
    """One ISO week (CST) of the dashboard: sums, from which the averages follow."""

    starts_on: date
    received: int = 0
    completed: int = 0  # approved or rejected (办结) in the week
    approved: int = 0
    materials: int = 0  # materials handed in with the applications received
    days: float = 0.0  # working days of the applications approved in the week
    timed: int = 0
    departments: dict[str, DepartmentWeek] = field(default_factory=dict)

    @property
    def week(self) -> str:
        return week_label(self.starts_on)

    @property
    def avg_working_days(self) -> float | None:
        return round(self.days / self.timed, 2) if self.timed else None

    @property
    def avg_materials(self) -> float | None:
        return round(self.materials / self.received, 2) if self.received else None


def weekly(
    mondays: Sequence[date],
    applications: Iterable[tuple[date, int, int, int, int, float, int]],
    tasks: Iterable[tuple[date, str, int, int]],
) -> list[Week]:
    """The weeks in order, every one present (zeros where nothing happened), from the grouped sums:
    applications (monday, received, completed, approved, materials, days, timed) and tasks
    (monday, department, decided, on time)."""
    weeks = {monday: Week(starts_on=monday) for monday in mondays}
    for monday, received, completed, approved, materials, days, timed in applications:
        if (week := weeks.get(monday)) is not None:
            week.received += received
            week.completed += completed
            week.approved += approved
            week.materials += materials
            week.days += days
            week.timed += timed
    for monday, department, decided, on_time in tasks:
        if (week := weeks.get(monday)) is not None:
            tally = week.departments.setdefault(department, DepartmentWeek())
            tally.decided += decided
            tally.on_time += on_time
    return [weeks[monday] for monday in mondays]

"""Approval's analytics on values in memory, on the official 2026 calendar: critical paths with the 补正 pause
left out, what departments add beyond the fastest, percentiles and finish dates, and the dashboard's weeks."""

from dataclasses import dataclass
from datetime import date, datetime

import pytest

from services.approval import analytics_rules as rules
from services.approval.domain import ApplicationStatus, TaskStatus
from services.common.calendar import CST, WorkCalendar, official_schedule

CALENDAR = WorkCalendar([official_schedule(2026)])  # type: ignore[list-item]
# Thursday 30 April 2026, 09:00 CST: 1 May (Fri) and 4–5 May (Mon, Tue) are holidays, 2–3 May a weekend, and
# Saturday 9 May a make-up workday (调休).
SUBMITTED = datetime(2026, 4, 30, 9, 0, tzinfo=CST)


def cst(month: int, day: int, hour: int = 0) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=CST)


@dataclass
class T:
    department: str
    status: TaskStatus
    decided_at: datetime | None = None


# public_security returned its task for 补正 on Thursday 21:00; the enterprise supplemented online on Wednesday
# 6 May at 03:00: the pause holds 3 working hours of Thursday and 3 of Wednesday, which do not count.
PAUSE = (cst(4, 30, 21), cst(5, 6, 3))
TASKS = [
    T("market", TaskStatus.approved, cst(4, 30, 15)),  # 6 h of Thursday: 0.25
    T("tax", TaskStatus.approved, cst(5, 6, 9)),  # 12 h of Thursday + 6 h of Wednesday (after the pause): 0.75
    # 12 h of Thursday, 21 h of Wednesday, Thursday, Friday, 9 h of the make-up Saturday: 90 h, 3.75
    T("public_security", TaskStatus.approved, cst(5, 9, 9)),
]


def test_the_slowest_department_set_the_finish_pauses_excluded():
    path = rules.critical_path(
        status=ApplicationStatus.approved, submitted_at=SUBMITTED, pauses=[PAUSE], tasks=TASKS, calendar=CALENDAR
    )
    assert path.department == "public_security"
    assert path.fastest_working_days == 0.25
    assert [(r.department, r.working_days, r.added_working_days, r.critical) for r in path.departments] == [
        ("public_security", 3.75, 3.5, True),
        ("tax", 0.75, 0.5, False),
        ("market", 0.25, 0.0, False),
    ]
    # the application's own elapsed working days, as closing counts them, are the critical department's
    assert CALENDAR.elapsed_working_days(SUBMITTED, cst(5, 9, 9), [PAUSE]) == 3.75
    without_pause = rules.critical_path(
        status=ApplicationStatus.approved, submitted_at=SUBMITTED, pauses=[], tasks=TASKS, calendar=CALENDAR
    )
    assert without_pause.departments[0].working_days == 4.0  # with the pause's 6 working hours


def test_pauses_as_stored_with_a_running_one():
    stored = [[PAUSE[0].isoformat(), PAUSE[1].isoformat()]]
    assert rules.pauses_of(stored) == [PAUSE]
    assert rules.pauses_of(stored, cst(5, 7, 10)) == [PAUSE, (cst(5, 7, 10), None)]


def test_only_decisions_count_and_only_a_decided_application_has_a_critical_department():
    tasks = [
        T("market", TaskStatus.approved, cst(4, 30, 21)),
        T("tax", TaskStatus.pending),
        T("hrss", TaskStatus.returned, cst(4, 30, 15)),  # a return is no decision
    ]
    open_path = rules.critical_path(
        status=ApplicationStatus.supplement_required,
        submitted_at=SUBMITTED,
        pauses=rules.pauses_of([], cst(4, 30, 15)),
        tasks=tasks,
        calendar=CALENDAR,
    )
    assert open_path.department is None and open_path.fastest_working_days == 0.25  # 09:00–15:00, then paused
    assert [(r.department, r.working_days, r.added_working_days, r.decided_at) for r in open_path.departments] == [
        ("market", 0.25, 0.0, cst(4, 30, 21)),
        ("hrss", None, None, None),
        ("tax", None, None, None),
    ]
    vetoed = [
        T("market", TaskStatus.approved, cst(4, 30, 21)),
        T("tax", TaskStatus.rejected, cst(5, 6, 9)),
        T("hrss", TaskStatus.cancelled, cst(4, 30, 15)),  # returned, then cancelled by the veto
    ]
    rejected = rules.critical_path(
        status=ApplicationStatus.rejected, submitted_at=SUBMITTED, pauses=[], tasks=vetoed, calendar=CALENDAR
    )
    assert rejected.department == "tax"
    assert [(r.department, r.added_working_days) for r in rejected.departments] == [
        ("tax", 0.5),
        ("market", 0.0),
        ("hrss", None),
    ]
    withdrawn = rules.critical_path(
        status=ApplicationStatus.withdrawn, submitted_at=SUBMITTED, pauses=[], tasks=TASKS, calendar=CALENDAR
    )
    assert withdrawn.department is None and not any(r.critical for r in withdrawn.departments)


def test_a_tie_goes_to_the_later_decision_then_the_name():
    same_day = [
        T("tax", TaskStatus.approved, cst(5, 2, 10)),  # on a Saturday off: still Thursday's 15 h, like market's
        T("market", TaskStatus.approved, cst(5, 1)),  # at Thursday's midnight
    ]
    later = rules.critical_path(
        status=ApplicationStatus.approved, submitted_at=SUBMITTED, pauses=[], tasks=same_day, calendar=CALENDAR
    )
    assert [r.working_days for r in later.departments] == [0.62, 0.62]  # 15 h: 0.625
    assert later.department == "tax"
    both_at_once = [T("tax", TaskStatus.approved, cst(4, 30, 21)), T("market", TaskStatus.approved, cst(4, 30, 21))]
    named = rules.critical_path(
        status=ApplicationStatus.approved, submitted_at=SUBMITTED, pauses=[], tasks=both_at_once, calendar=CALENDAR
    )
    assert named.department == "tax"  # the greater name: a stable answer


def test_departments_add_up_over_applications():
    first = rules.critical_path(
        status=ApplicationStatus.approved, submitted_at=SUBMITTED, pauses=[PAUSE], tasks=TASKS, calendar=CALENDAR
    )
    second = rules.critical_path(
        status=ApplicationStatus.approved,
        submitted_at=SUBMITTED,
        pauses=[],
        tasks=[T("market", TaskStatus.approved, cst(5, 6, 21)), T("tax", TaskStatus.approved, cst(4, 30, 15))],
        calendar=CALENDAR,
    )  # market 15 h + 21 h = 1.5, tax 0.25: market last, 1.25 beyond tax
    delays = rules.attribute([first, second])
    assert {
        d: (x.applications, x.last, x.added_working_days, x.added_working_days_when_last) for d, x in delays.items()
    } == {
        "public_security": (1, 1, 3.5, 3.5),
        "market": (2, 1, 1.25, 1.25),
        "tax": (2, 0, 0.5, 0.0),
    }
    assert delays["market"].last_rate == 0.5 and delays["market"].avg_added_working_days == 0.62
    assert delays["tax"].avg_added_working_days == 0.25
    assert [d for d, _ in rules.ranked(delays)] == ["public_security", "market", "tax"]
    assert rules.DepartmentDelay().last_rate is None and rules.DepartmentDelay().avg_added_working_days is None


@pytest.mark.parametrize(
    ("start", "working_days", "finish"),
    [
        (SUBMITTED, 0.5, date(2026, 4, 30)),  # 12 of Thursday's 15 h left
        (SUBMITTED, 1.0, date(2026, 5, 6)),  # 15 h, then the holidays and the weekend, then Wednesday
        (SUBMITTED, 2.5, date(2026, 5, 7)),
        (SUBMITTED, 0.0, date(2026, 4, 30)),
        (cst(3, 2), 1.0, date(2026, 3, 2)),  # a whole Monday runs out at its midnight: still Monday
        (cst(2, 27, 12), 1.0, date(2026, 2, 28)),  # Saturday 28 February is a make-up workday
        (cst(5, 2, 10), 0.5, date(2026, 5, 6)),  # submitted on a day off: the clock starts on the next workday
    ],
)
def test_finish_date_runs_working_time_forward(start: datetime, working_days: float, finish: date):
    assert rules.finish_date(CALENDAR, start, working_days) == finish


def test_finish_date_is_the_inverse_of_elapsed_working_days():
    for hours in range(1, 24 * 8, 5):
        end = datetime.fromtimestamp(SUBMITTED.timestamp() + hours * 3600, CST)
        if not CALENDAR.is_working_day(end.date()):
            continue
        days = CALENDAR.elapsed_working_days(SUBMITTED, end)
        assert rules.finish_date(CALENDAR, SUBMITTED, days) == end.date(), hours


def test_forecast_takes_nearest_rank_percentiles():
    weighted = [(2.5, 2), (0.5, 3), (4.0, 1), (1.0, 4)]  # ten applications, as the database groups them
    predicted = rules.forecast(weighted, calendar=CALENDAR, start=SUBMITTED)
    assert predicted == rules.Forecast(
        based_on=10,
        p50_working_days=1.0,  # the 5th of ten
        p90_working_days=2.5,  # the 9th of ten
        p50_finish_date=date(2026, 5, 6),
        p90_finish_date=date(2026, 5, 7),
    )
    single = rules.forecast([(0.5, 1)], calendar=CALENDAR, start=SUBMITTED)
    assert (single.based_on, single.p50_working_days, single.p90_working_days) == (1, 0.5, 0.5)
    assert rules.forecast([], calendar=CALENDAR, start=SUBMITTED) == rules.Forecast(0, None, None, None, None)


def test_weeks_are_iso_weeks_in_order_with_zeros():
    mondays = rules.week_starts(date(2026, 3, 4), 3)
    assert mondays == [date(2026, 2, 16), date(2026, 2, 23), date(2026, 3, 2)]
    assert [rules.week_label(m) for m in mondays] == ["2026-W08", "2026-W09", "2026-W10"]
    assert rules.week_label(date(2026, 12, 28)) == "2026-W53" and rules.week_label(date(2027, 1, 4)) == "2027-W01"
    series = rules.weekly(
        mondays,
        [
            (date(2026, 3, 2), 3, 0, 0, 5, 0.0, 0),
            (date(2026, 3, 2), 0, 2, 1, 0, 1.5, 1),
            (date(2026, 2, 16), 1, 0, 0, 2, 0.0, 0),
            (date(2026, 2, 9), 9, 9, 9, 9, 9.0, 9),  # outside the weeks asked for
        ],
        [(date(2026, 3, 2), "market", 4, 3), (date(2026, 2, 9), "market", 1, 1)],
    )
    assert [(w.week, w.received, w.completed, w.approved, w.avg_working_days, w.avg_materials) for w in series] == [
        ("2026-W08", 1, 0, 0, None, 2.0),
        ("2026-W09", 0, 0, 0, None, None),
        ("2026-W10", 3, 2, 1, 1.5, 1.67),
    ]
    assert series[2].departments["market"].on_time_rate == 0.75 and not series[0].departments

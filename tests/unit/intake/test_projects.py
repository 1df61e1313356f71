"""Investment projects' pure rules: recording, every stage move and the moves refused, the timeline's wording,
overdue targets, and the county figures computed from rows in memory."""

from datetime import UTC, date, datetime

import pytest

from services.common.calendar import WorkCalendar, official_schedule
from services.common.problems import Invalid, InvalidTransition
from services.intake import domain, projects
from services.intake.domain import Chain, ProjectStage
from services.intake.models import Project

NOW = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)  # Monday 10:00 in China
TODAY = date(2026, 11, 2)
FIRST_TALK = date(2026, 3, 2)
DAYS = {  # the day each stage of a project in this file was reached
    ProjectStage.negotiating: FIRST_TALK,
    ProjectStage.signed: date(2026, 4, 11),
    ProjectStage.started: date(2026, 6, 1),
    ProjectStage.counted: date(2026, 9, 30),
}


def project_in(stage: ProjectStage, **fields) -> Project:
    """A project row in memory at `stage`, with the day of every stage it passed."""
    row = Project(
        name="年产10万吨铝基新材料项目",
        investor_name="安徽华锐铝业集团有限公司",
        planned_investment_yuan=1_200_000_000,
        chain=Chain.metals_materials,
        town_or_park="濉溪经济开发区",
        manufacturing=True,
        liaison="fgw-officer",
        stage=stage,
        first_talk_on=FIRST_TALK,
        created_by="fgw-officer",
    )
    for passed in domain.PROJECT_PATH[1 : domain.PROJECT_PATH.index(stage) + 1] if stage in DAYS else ():
        setattr(row, domain.STAGE_DATE[passed], DAYS[passed])
    for name, value in fields.items():
        setattr(row, name, value)
    return row


def test_a_project_is_recorded_negotiating():
    row = project_in(ProjectStage.signed)
    row.signed_on = None
    assert domain.record_project(row, today=TODAY, now=NOW) == [
        ("recorded", {"stage": "negotiating", "on": "2026-03-02"})
    ]
    assert row.stage is ProjectStage.negotiating and row.created_at == row.updated_at == NOW


@pytest.mark.parametrize(
    ("first_talk_on", "field"),
    [(date(2026, 11, 3), "first_talk_on"), (date(1999, 12, 31), "first_talk_on")],
)
def test_a_first_talk_in_the_future_or_before_2000_is_refused(first_talk_on: date, field: str):
    with pytest.raises(Invalid) as refused:
        domain.record_project(project_in(ProjectStage.negotiating, first_talk_on=first_talk_on), today=TODAY, now=NOW)
    assert refused.value.errors[0]["field"] == field


def test_a_target_before_the_first_talk_is_refused():
    row = project_in(ProjectStage.negotiating, started_target_on=date(2026, 3, 1))
    with pytest.raises(Invalid) as refused:
        domain.record_project(row, today=TODAY, now=NOW)
    assert refused.value.errors[0]["field"] == "started_target_on"


@pytest.mark.parametrize(
    ("current", "following"),
    [
        (ProjectStage.negotiating, ProjectStage.signed),
        (ProjectStage.signed, ProjectStage.started),
        (ProjectStage.started, ProjectStage.counted),
    ],
)
def test_each_stage_moves_on_to_the_next(current: ProjectStage, following: ProjectStage):
    row = project_in(current)
    on = date(2026, 10, 30)
    events = domain.move_project(row, stage=following, on=on, reason=None, today=TODAY, now=NOW)
    assert events == [("stage_changed", {"from": current.value, "to": following.value, "on": "2026-10-30"})]
    assert row.stage is following and getattr(row, domain.STAGE_DATE[following]) == on and row.updated_at == NOW


def test_stages_may_share_a_day():
    row = project_in(ProjectStage.signed)
    domain.move_project(row, stage=ProjectStage.started, on=row.signed_on, reason=None, today=TODAY, now=NOW)
    assert row.started_on == row.signed_on


@pytest.mark.parametrize("current", [ProjectStage.negotiating, ProjectStage.signed, ProjectStage.started])
def test_any_stage_before_counted_may_be_dropped_with_a_reason(current: ProjectStage):
    row = project_in(current)
    events = domain.move_project(
        row, stage=ProjectStage.dropped, on=TODAY, reason="投资方资金链调整", today=TODAY, now=NOW
    )
    assert events == [
        ("stage_changed", {"from": current.value, "to": "dropped", "on": "2026-11-02", "reason": "投资方资金链调整"})
    ]
    assert (row.stage, row.dropped_on, row.drop_reason) == (ProjectStage.dropped, TODAY, "投资方资金链调整")


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (ProjectStage.negotiating, ProjectStage.started),  # over a stage
        (ProjectStage.negotiating, ProjectStage.counted),
        (ProjectStage.signed, ProjectStage.negotiating),  # back
        (ProjectStage.started, ProjectStage.signed),
        (ProjectStage.signed, ProjectStage.signed),  # where it is
        (ProjectStage.counted, ProjectStage.dropped),  # from a final stage
        (ProjectStage.dropped, ProjectStage.signed),
    ],
)
def test_moves_back_over_a_stage_or_from_a_final_one_are_conflicts(current: ProjectStage, target: ProjectStage):
    row = project_in(current, **({"dropped_on": TODAY} if current is ProjectStage.dropped else {}))
    reason = "暂缓" if target is ProjectStage.dropped else None
    with pytest.raises(InvalidTransition):
        domain.move_project(row, stage=target, on=TODAY, reason=reason, today=TODAY, now=NOW)
    assert row.stage is current


def test_dropping_needs_a_reason_and_only_dropping_takes_one():
    for stage, reason in ((ProjectStage.dropped, None), (ProjectStage.dropped, ""), (ProjectStage.signed, "提前")):
        with pytest.raises(Invalid) as refused:
            domain.move_project(
                project_in(ProjectStage.negotiating), stage=stage, on=TODAY, reason=reason, today=TODAY, now=NOW
            )
        assert refused.value.errors[0]["field"] == "reason"


@pytest.mark.parametrize(
    ("current", "on"),
    [
        (ProjectStage.negotiating, date(2026, 3, 1)),  # before the first talk
        (ProjectStage.signed, date(2026, 4, 10)),  # before the signing
        (ProjectStage.negotiating, date(2026, 11, 3)),  # tomorrow
    ],
)
def test_a_day_before_the_current_stages_or_in_the_future_is_refused(current: ProjectStage, on: date):
    row = project_in(current)
    following = domain.next_stage(current)
    with pytest.raises(Invalid) as refused:
        domain.move_project(row, stage=following, on=on, reason=None, today=TODAY, now=NOW)
    assert refused.value.errors[0]["field"] == "on"
    assert row.stage is current
    with pytest.raises(Invalid):
        domain.move_project(row, stage=ProjectStage.dropped, on=on, reason="暂缓", today=TODAY, now=NOW)


def test_the_timeline_reads_each_change():
    name = "年产10万吨铝基新材料项目"
    summary = domain.project_timeline_summary
    assert summary(name, "recorded", {"stage": "negotiating"}) == "「年产10万吨铝基新材料项目」招商项目已登记（洽谈中）"
    assert summary(name, "linked", {"stage": "signed"}) == "「年产10万吨铝基新材料项目」招商项目已关联本企业（已签约）"
    assert summary(name, "stage_changed", {"to": "signed"}) == "「年产10万吨铝基新材料项目」已签约"
    assert summary(name, "stage_changed", {"to": "counted"}) == "「年产10万吨铝基新材料项目」已纳统"
    assert (
        summary(name, "stage_changed", {"to": "dropped", "reason": "暂缓"})
        == "「年产10万吨铝基新材料项目」已终止洽谈：暂缓"
    )
    assert summary(name, "updated", {"name": "x"}) is None


def test_a_target_is_overdue_once_past_and_the_stage_not_reached():
    assert domain.overdue_target(project_in(ProjectStage.negotiating, signed_target_on=date(2026, 11, 1)), TODAY) == (
        ProjectStage.signed,
        date(2026, 11, 1),
    )
    assert domain.overdue_target(project_in(ProjectStage.negotiating, signed_target_on=TODAY), TODAY) is None
    assert domain.overdue_target(project_in(ProjectStage.signed, signed_target_on=date(2026, 4, 1)), TODAY) is None
    assert domain.overdue_target(project_in(ProjectStage.signed, started_target_on=date(2026, 5, 1)), TODAY) == (
        ProjectStage.started,
        date(2026, 5, 1),
    )
    assert domain.overdue_target(project_in(ProjectStage.counted, counted_target_on=date(2026, 1, 1)), TODAY) is None


def test_the_figures_of_a_few_projects():
    calendar = WorkCalendar([official_schedule(2025), official_schedule(2026)])
    fast = project_in(ProjectStage.counted, name="快", first_talk_on=date(2026, 9, 21), signed_on=date(2026, 10, 9))
    fast.started_on, fast.counted_on = date(2026, 10, 20), date(2026, 10, 30)
    slow = project_in(ProjectStage.started, name="慢", first_talk_on=date(2025, 11, 3), signed_on=date(2026, 1, 5))
    slow.started_on = date(2026, 2, 2)
    dropped = project_in(
        ProjectStage.dropped, name="停", chain=Chain.new_energy, manufacturing=False, planned_investment_yuan=50_000_000
    )
    dropped.dropped_on = date(2026, 5, 1)
    waiting = project_in(
        ProjectStage.negotiating, name="等", chain=Chain.other, manufacturing=False, signed_target_on=date(2026, 10, 1)
    )
    found = projects.figures([fast, slow, dropped, waiting], calendar=calendar, today=TODAY)
    assert found["projects"] == 4
    assert found["planned_investment_yuan"] == 3 * 1_200_000_000 + 50_000_000
    assert found["signed_over_100m"] == 2
    assert (found["manufacturing"], found["manufacturing_share"]) == (2, 0.5)
    assert found["by_chain"]["metals_materials"] == {"projects": 2, "planned_investment_yuan": 2_400_000_000}
    assert found["by_chain"]["modern_services"] == {"projects": 0, "planned_investment_yuan": 0}
    assert found["by_stage"]["dropped"] == {"projects": 1, "planned_investment_yuan": 50_000_000}
    # 快: 18 calendar days, 21 September to 9 October 2026, over the Mid-Autumn Festival (25 September) and the
    # National Day holidays (1–7 October): working days 22–30 September less the 25th (6), 8 and 9 October: 8.
    # 慢: 63 calendar days, 3 November 2025 to 5 January 2026 (New Year's Day off): 44 working days.
    signing = found["first_talk_to_signing"]
    assert signing == {
        "signed": 2,
        "calendar_days_p50": 18,
        "calendar_days_p90": 63,
        "working_days_p50": 8,
        "working_days_p90": 44,
        "record": {
            "project_id": fast.id,
            "name": "快",
            "first_talk_on": date(2026, 9, 21),
            "signed_on": date(2026, 10, 9),
            "calendar_days": 18,
            "working_days": 8,
        },
    }
    assert found["same_year"] == [
        {
            "year": 2026,
            "signed": 2,
            "started_same_year": 2,
            "counted_same_year": 1,
            "started_same_year_rate": 1.0,
            "counted_same_year_rate": 0.5,
        }
    ]
    overdue = found["overdue_targets"]
    assert (overdue["signed"], overdue["started"], overdue["counted"]) == (1, 0, 0)
    assert overdue["projects"] == [
        {
            "project_id": waiting.id,
            "name": "等",
            "stage": ProjectStage.negotiating,
            "next_stage": ProjectStage.signed,
            "target_on": date(2026, 10, 1),
            "days_overdue": 32,
            "liaison": "fgw-officer",
        }
    ]


def test_no_projects_no_figures():
    found = projects.figures([], calendar=WorkCalendar(), today=TODAY)
    assert found["first_talk_to_signing"]["record"] is None
    assert found["first_talk_to_signing"]["calendar_days_p50"] is None
    assert found["manufacturing_share"] is None and found["same_year"] == []
    assert found["overdue_targets"] == {"signed": 0, "started": 0, "counted": 0, "projects": []}
    assert all(figures == {"projects": 0, "planned_investment_yuan": 0} for figures in found["by_stage"].values())

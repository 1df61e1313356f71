"""An admin's schedule for a year, checked before it replaces the stored one: every problem at once."""

from datetime import UTC, date, datetime

import pytest
from pydantic import ValidationError

from services.approval.schemas import CalendarYearWrite
from services.approval.service import calendar
from services.approval.service.calendar import schedule_errors
from services.common import calendar as common_calendar
from services.common.calendar import YearSchedule
from services.common.texts import Text

YEAR = 2044  # 1 October 2044 is a Saturday, 3 October a Monday


def errors(**body) -> list[tuple[str, str]]:
    """(field, English message) of each error; each message also reads in Chinese, its default."""
    data = CalendarYearWrite.model_validate({"holidays": [], "workdays": [], **body})
    schedule = YearSchedule(YEAR, data.provisional, frozenset(data.holidays), frozenset(data.workdays))
    found = schedule_errors(schedule, data)
    assert all(isinstance(e["message"], Text) and e["message"] != e["message"].en for e in found)
    return [(e["field"], e["message"].en) for e in found]


def test_a_good_schedule_has_no_errors():
    assert errors(holidays=["2044-10-03", "2044-10-04"], workdays=["2044-10-08", "2044-10-09"], year=YEAR) == []
    assert errors(provisional=True) == []


def test_the_body_year_must_match_the_path():
    assert errors(year=2043) == [("year", "2043 does not match the year 2044 in the path")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"holidays": ["2045-01-02"]}, ("holidays.0", "2045-01-02 is not in 2044")),
        ({"holidays": ["2043-12-31"]}, ("holidays.0", "2043-12-31 is not in 2044")),
        (
            {"holidays": ["2044-10-01"]},
            ("holidays.0", "2044-10-01 is a weekend day, and holidays are the weekdays off"),
        ),
        (
            {"workdays": ["2044-10-03"]},
            ("workdays.0", "2044-10-03 is a weekday, and workdays are the weekend days worked (调休)"),
        ),
        ({"workdays": ["2043-10-10"]}, ("workdays.0", "2043-10-10 is not in 2044")),  # another year's Saturday
    ],
)
def test_each_day_is_checked(body: dict, expected: tuple[str, str]):
    assert errors(**body) == [expected]


def test_a_day_in_both_lists():
    found = errors(holidays=["2044-10-03"], workdays=["2044-10-08", "2044-10-03"])
    assert found == [
        ("workdays.1", "2044-10-03 is a weekday, and workdays are the weekend days worked (调休)"),
        ("workdays", "2044-10-03 cannot be both a holiday and a workday"),
    ]


def test_every_problem_at_once_in_order():
    found = errors(
        year=2043, holidays=["2044-10-03", "2044-10-01", "2045-01-02"], workdays=["2044-10-04", "2044-10-08"]
    )
    assert [field for field, _ in found] == ["year", "holidays.1", "holidays.2", "workdays.0"]


@pytest.mark.parametrize("day", [1_790_000_000, 20441003, None, ["2044-10-03"]])
def test_a_day_is_a_date_not_a_number(day):
    with pytest.raises(ValidationError):
        CalendarYearWrite.model_validate({"holidays": [day], "workdays": []})
    assert CalendarYearWrite.model_validate({"holidays": [date(2044, 10, 3)], "workdays": []}).holidays == [
        date(2044, 10, 3)
    ]


def test_unknown_fields_and_missing_lists_are_refused():
    with pytest.raises(ValidationError):
        CalendarYearWrite.model_validate({"holidays": [], "workdays": [], "region": "濉溪县"})
    with pytest.raises(ValidationError):
        CalendarYearWrite.model_validate({"holidays": []})


async def test_seeding_without_an_official_year_adds_nothing(monkeypatch: pytest.MonkeyPatch):
    """A `holidays` package that knows no announced year: nothing to store, and no statement to run."""
    monkeypatch.setattr(common_calendar, "official_years", lambda: ())
    assert await calendar.seed(None, now=datetime(2026, 3, 2, tzinfo=UTC)) == 0  # type: ignore[arg-type]

"""Plain SQL on the hot paths (services.common.plain): rows come back as the table's models, with enums as
members, and `save` writes exactly the fields the rules changed, in place or not."""

import uuid
from datetime import date

import pytest

from services.approval.models import CalendarYear, Matter, YearSource
from services.common.plain import PlainTable, plain
from tests.helpers.inprocess import Kuaiban


async def test_rows_are_models_and_only_changed_rows_are_written(kuaiban: Kuaiban):
    sessions = kuaiban.runtimes["approval"].sessions
    years = PlainTable(CalendarYear)
    async with sessions() as session:
        session.add(CalendarYear(year=2047, provisional=True, holidays=[], workdays=[], source=YearSource.package))
        session.add(CalendarYear(year=2048, provisional=True, holidays=[], workdays=[], source=YearSource.package))
        await session.flush()
        changed, unchanged = await years.fetch(session, "WHERE year IN (2047, 2048) ORDER BY year")
        assert isinstance(changed, CalendarYear) and changed.source is YearSource.package
        changed.holidays.append(date(2047, 10, 1))  # in place: still a change
        changed.source = YearSource.admin
        assert await years.save(session, [changed, unchanged]) == 1
        [again] = await years.fetch(session, "WHERE year = %s", (2047,))
        assert again.holidays == [date(2047, 10, 1)] and again.source is YearSource.admin and again.provisional


async def test_json_changed_in_place_is_written(kuaiban: Kuaiban):
    sessions = kuaiban.runtimes["approval"].sessions
    matters = PlainTable(Matter)
    code = f"T-{uuid.uuid4().hex[:8]}"
    materials = [{"code": "M1", "name": "申请书", "waivable": False}]
    async with sessions() as session:
        session.add(
            Matter(
                code=code, name="测试", departments=[], materials=materials, sla_working_days=1, deemed_approval=False
            )
        )
        await session.flush()
        [matter] = await matters.fetch(session, "WHERE code = %s", (code,))
        matter.materials[0]["waivable"] = True
        assert await matters.save(session, [matter]) == 1
        [(stored,)] = await plain(session, "SELECT materials FROM approval.matter WHERE code = %s", (code,))
    assert stored == [{"code": "M1", "name": "申请书", "waivable": True}]


async def test_a_database_error_is_sqlalchemys(kuaiban: Kuaiban):
    """So the service answers it as every database error (409 for a unique key, 422 for a bad value)."""
    from sqlalchemy.exc import DataError

    async with kuaiban.runtimes["approval"].sessions() as session:
        with pytest.raises(DataError):
            await plain(session, "SELECT %s::int", ("not a number",))

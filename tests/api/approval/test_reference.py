"""Matters and the calendar held in memory (services.approval.service.reference) follow committed changes: a
matter created, or a calendar year replaced, in one transaction is what the next transaction's snapshot holds."""

import uuid
from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from services.approval.service import reference
from services.common.db import create_sessionmaker


async def test_a_committed_matter_and_calendar_change_reach_the_next_snapshot(engine: AsyncEngine):
    sessions = create_sessionmaker(engine)
    code = f"TEST-{uuid.uuid4().hex[:8]}"
    async with sessions() as session:
        before = await reference.current(session)
    async with sessions() as session:
        assert await reference.current(session) is before, "unchanged tables: the kept snapshot"
    assert code not in before.matters
    insert = text(
        "INSERT INTO approval.matter (id, created_at, updated_at, code, name, departments, materials,"
        " sla_working_days, deemed_approval) VALUES (gen_random_uuid(), now(), now(), :code, '测试事项',"
        ' \'[{"department": "market", "task_name": "登记", "sla_working_days": 2}]\', \'[]\', 2, false)'
    )
    try:
        async with engine.begin() as connection:
            await connection.execute(insert, {"code": code})
        async with sessions() as session:
            after = await reference.current(session)
        assert after is not before and after.matters[code].sla_working_days == 2
        assert after.matters[code].departments[0]["department"] == "market"
    finally:
        async with engine.begin() as connection:
            await connection.execute(text("DELETE FROM approval.matter WHERE code = :code"), {"code": code})
    async with sessions() as session:
        assert code not in (await reference.current(session)).matters


async def test_the_snapshot_reads_the_calendar_as_stored(engine: AsyncEngine):
    """The seeded official years: 1 October 2026 (国庆节) is a holiday, Sunday 20 September a make-up workday."""
    async with create_sessionmaker(engine)() as session:
        work_calendar = (await reference.current(session)).calendar
    assert not work_calendar.is_working_day(date(2026, 10, 1))
    assert work_calendar.is_working_day(date(2026, 9, 20))

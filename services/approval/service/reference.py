"""The matters and the working-day calendar, held in memory: every submit and every closing decision reads
them, an admin changes them a few times a year. A `TableSnapshot` (services.common.cache) keeps them exact:
a statement trigger on `matter` and `calendar_year` renews the `reference` token in the writing transaction.
"""

import uuid
from dataclasses import dataclass
from typing import Any

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.approval.models import SCHEMA, Matter
from services.approval.schemas import MatterMaterial
from services.approval.service import calendar
from services.common.cache import TableSnapshot
from services.common.calendar import WorkCalendar


@dataclass(frozen=True)
class MatterFacts:
    """What a submit needs of a matter (shared between requests, so never an ORM row)."""

    id: uuid.UUID
    code: str
    name: str
    departments: tuple[dict[str, Any], ...]
    materials: tuple[MatterMaterial, ...]
    sla_working_days: int


@dataclass(frozen=True)
class Reference:
    calendar: WorkCalendar
    matters: dict[str, MatterFacts]  # by code


async def load(session: AsyncSession) -> Reference:
    years = await calendar.all_years(session)
    matters = (await session.exec(select(Matter))).all()
    return Reference(
        calendar=WorkCalendar(years),
        matters={
            m.code: MatterFacts(
                id=m.id,
                code=m.code,
                name=m.name,
                departments=tuple(m.departments),
                materials=tuple(MatterMaterial.model_validate(material) for material in m.materials),
                sla_working_days=m.sla_working_days,
            )
            for m in matters
        },
    )


snapshot: TableSnapshot[Reference] = TableSnapshot(SCHEMA, "reference", load)


async def current(session: AsyncSession) -> Reference:
    """The matters and the calendar as this session's transaction sees them."""
    return await snapshot.get(session)

"""Service matters (事项): which departments approve in parallel, which materials they need."""

from datetime import datetime

from sqlalchemy.dialects.postgresql import insert
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.approval.models import Matter
from services.approval.schemas import MatterCreate
from services.common.db import insert_unique
from services.common.pagination import PageParams, make_page, paginate
from services.common.problems import NotFound, ProblemKind
from services.common.texts import Text, no_such


async def create_matter(session: AsyncSession, *, data: MatterCreate, now: datetime) -> Matter:
    matter = Matter(**data.model_dump(mode="json"), created_at=now, updated_at=now)
    taken = Text(f"编码为 {data.code} 的事项已存在。", f"A matter with code {data.code!r} exists already.")
    await insert_unique(session, matter, conflict=taken, kind=ProblemKind.duplicate_code)
    return matter


async def get_matter(session: AsyncSession, *, code: str) -> Matter:
    matter = (await session.exec(select(Matter).where(Matter.code == code))).first()
    if matter is None:
        raise NotFound(no_such("事项", "matter"))
    return matter


async def list_matters(session: AsyncSession, *, page: PageParams) -> tuple[list[Matter], str | None]:
    rows = (await session.exec(paginate(select(Matter), Matter, page))).all()
    return make_page(list(rows), page)


async def seed(session: AsyncSession, *, catalog: list[MatterCreate], now: datetime) -> int:
    """Add the catalog's matters that are not there yet; returns how many (replicas may race: fine)."""
    rows = [Matter(**entry.model_dump(mode="json"), created_at=now, updated_at=now).model_dump() for entry in catalog]
    statement = insert(Matter).values(rows).on_conflict_do_nothing(index_elements=["code"])
    return len((await session.exec(statement.returning(Matter.code))).all())  # rowcount is -1 here

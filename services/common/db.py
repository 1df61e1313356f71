"""Async SQLModel sessions on psycopg 3; the engine is built by the app lifespan, not at import."""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Sequence, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel import SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.calendar import cst_date
from services.common.models import utcnow
from services.common.problems import Conflict
from services.common.settings import Settings


def create_engine(settings: Settings, *, application_name: str) -> AsyncEngine:
    return create_async_engine(
        settings.async_database_url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_pool_size,
        pool_recycle=1800,
        pool_pre_ping=False,
        connect_args={"application_name": f"kuaiban-{application_name}", "options": "-c timezone=UTC"},
    )


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    async with request.app.state.sessionmaker() as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session)]


async def next_code(session: AsyncSession, sequence: Sequence, prefix: str) -> str:
    """A human-readable number from a database sequence, e.g. SQ20261128-00042 (the CST day)."""
    number = await session.scalar(select(sequence.next_value()))
    return f"{prefix}{cst_date(utcnow()):%Y%m%d}-{number:05d}"


async def insert_unique(session: AsyncSession, row: SQLModel, *, conflict: str) -> None:
    """Insert and commit `row`; a unique-constraint violation becomes `Conflict(conflict)`."""
    session.add(row)
    try:
        await session.commit()
    except IntegrityError as exc:
        await session.rollback()
        raise Conflict(conflict) from exc

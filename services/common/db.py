"""The database: async SQLModel sessions on psycopg 3 and the small helpers every service's queries use.

Each request's session comes from its unit of work (`unit_of_work.py`); `SessionDep` hands it to a route.
Routes and `service.py` never commit: the unit of work does, once.
"""

import logging
from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import Sequence, event
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.ext import asyncio as sqlalchemy_asyncio
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlalchemy.sql.schema import Table
from sqlmodel import Session, SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.types import Scope, Send

from services.common.calendar import cst_date
from services.common.plain import on_plain_write, plain
from services.common.problems import Conflict, ProblemKind, database_problem, send_problem
from services.common.settings import Settings, sqlalchemy_url

log = logging.getLogger("kuaiban.db")
Sessions = async_sessionmaker[AsyncSession]


CONNECT_TIMEOUT_SECONDS = 2  # an unreachable server answers 503 after this, not after the kernel's minutes
CLIENT_CHECK_MS = 1000  # how often a busy backend checks that its client still lives (PostgreSQL 14+)
SERVER_OPTIONS = f"-c timezone=UTC -c client_connection_check_interval={CLIENT_CHECK_MS}"


POOL_TIMEOUT_SECONDS = 10


def create_engine(settings: Settings, *, application_name: str, url: str | None = None) -> AsyncEngine:
    """The process's pool. Built to ride out a database outage: a connection that cannot be made fails in
    `CONNECT_TIMEOUT_SECONDS` and answers 503 (`_connection_lost`); a pooled connection the restart killed
    is noticed on checkout (`pool_pre_ping`) and replaced, so the first request after it succeeds.

    `client_connection_check_interval` ends the transaction of a process that died mid-request even while
    its backend waits on a lock, so what it held (its idempotency key's advisory lock) is free in seconds."""
    # through the module: the SQLAlchemy instrumentation (services.common.tracing) wraps the function there
    engine = sqlalchemy_asyncio.create_async_engine(
        sqlalchemy_url(url) if url else settings.async_database_url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_pool_size,
        pool_recycle=1800,
        pool_timeout=POOL_TIMEOUT_SECONDS,  # then 503 (busy), rather than a request waiting half a minute
        pool_pre_ping=True,
        connect_args={
            "application_name": f"kuaiban-{application_name}",
            "options": SERVER_OPTIONS,
            "connect_timeout": CONNECT_TIMEOUT_SECONDS,
        },
    )
    event.listen(engine.sync_engine, "handle_error", _connection_lost)
    return engine


def _connection_lost(context: ExceptionContext) -> None:
    """psycopg's errors without an SQLSTATE are the connection's own (refused, timed out, closed under us):
    mark them as disconnects, so the pool drops its connections and the request answers 503, not 500."""
    if isinstance(context.sqlalchemy_exception, OperationalError) and not getattr(
        context.original_exception, "sqlstate", None
    ):
        context.is_disconnect = True


def create_sessionmaker(engine: AsyncEngine | Any, **options: Any) -> Sessions:
    """Sessions of one app. Each app gets its own session class, so its commit hooks stay its own."""
    session_class = type("AppSession", (Session,), {})
    return async_sessionmaker(
        engine, class_=AsyncSession, sync_session_class=session_class, expire_on_commit=False, **options
    )


def _written(table_name: str) -> str:
    return f"wrote:{table_name}"


def on_commit(sessions: Sessions, model: type[SQLModel], callback: Callable[[], None]) -> None:
    """Call `callback` after any commit that wrote a `model` row (an outbox wake-up), through the ORM or
    `plain.PlainTable`."""
    session_class = sessions.kw["sync_session_class"]
    flag = _written(model.__tablename__)

    @event.listens_for(session_class, "after_flush")
    def _noted(session: Session, _context: Any) -> None:
        if any(isinstance(row, model) for row in (*session.new, *session.dirty)):
            session.info[flag] = True

    @event.listens_for(session_class, "after_commit")
    def _committed(session: Session) -> None:
        if session.info.pop(flag, False):
            callback()

    @event.listens_for(session_class, "after_rollback")
    def _rolled_back(session: Session) -> None:
        session.info.pop(flag, None)


@on_plain_write
async def _note_plain_write(session: AsyncSession, table: Table) -> None:
    session.info[_written(table.name)] = True


def session_of(request: Request) -> AsyncSession:
    """The request's session, opened by `UnitOfWork`."""
    return request.state.session


SessionDep = Annotated[AsyncSession, Depends(session_of)]


async def read_session_of(request: Request) -> AsyncIterator[AsyncSession]:
    """A session on the read replica (`KUAIBAN_DATABASE_READ_URL`) for figures that may lag a moment (stats,
    dashboards); without one, the request's own session."""
    replica = request.app.state.runtime.read_sessions
    if replica is None:
        yield request.state.session
        return
    async with replica() as session:
        yield session


ReadSessionDep = Annotated[AsyncSession, Depends(read_session_of)]


async def commit_or_answer(session: AsyncSession, send: Send, scope: Scope) -> bool:
    """Commit; when the commit itself fails, answer a problem (in the caller's language) and return False."""
    try:
        await session.commit()
        return True
    except DBAPIError as exc:
        await session.rollback()
        status, detail, kind = database_problem(exc)
        await send_problem(send, status, detail, kind=kind, scope=scope)
        return False


async def next_code(session: AsyncSession, sequence: Sequence, prefix: str, *, now: Any) -> str:
    """A human-readable number from a database sequence, e.g. SQ20261128-00042 (the CST day of `now`)."""
    [(number,)] = await plain(session, "SELECT nextval(%s)", (f"{sequence.schema}.{sequence.name}",))
    return f"{prefix}{cst_date(now):%Y%m%d}-{number:05d}"


async def insert_unique(
    session: AsyncSession, row: SQLModel, *, conflict: str, kind: ProblemKind = ProblemKind.conflict
) -> None:
    """Insert `row` at once; when a unique constraint holds it back, `Conflict(conflict, kind=kind)`."""
    table: Table = row.__table__  # type: ignore[attr-defined]
    values = {c.key: getattr(row, c.key) for c in table.columns if c.computed is None}
    inserted = await session.exec(insert(table).values(values).on_conflict_do_nothing().returning(table.c.id))
    if inserted.first() is None:
        raise Conflict(conflict, kind=kind)

"""Plain SQL on the hot paths: an idempotency key, an approval decision.

Through the ORM a statement costs about ten times the CPU it costs through psycopg itself, and a decision
is a handful of statements. `plain` sends SQL on the session's own connection, inside the session's
transaction (the unit of work still commits once). `PlainTable` reads rows as the table's model instances
and writes back only the fields that changed, so the domain rules keep working on the same models.
The ORM's flush hooks do not see these writes, so `PlainTable` calls the `on_plain_write` hooks before each:
the audit call is set (`audit`) and a written outbox wakes its relay on commit (`db.on_commit`). The rows are
not in the session: never `session.add` them.
"""

import copy
from collections.abc import Awaitable, Callable, Mapping, Sequence
from enum import StrEnum
from typing import Any, Generic, TypeVar

import psycopg
from psycopg.types.json import Jsonb
from sqlalchemy import ARRAY
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.schema import Table
from sqlmodel import SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.models import EnumText

M = TypeVar("M", bound=SQLModel)
_LOADED = "kuaiban.plain.loaded"  # session.info key: id(instance) -> (instance, the values it was read with)
_WRITE_HOOKS: list[Callable[[AsyncSession, Table], Awaitable[None]]] = []


def on_plain_write(hook: Callable[[AsyncSession, Table], Awaitable[None]]) -> Callable:
    """Register `hook(session, table)`, awaited before every `PlainTable` write (what the ORM's flush hooks do)."""
    _WRITE_HOOKS.append(hook)
    return hook


async def before_write(session: AsyncSession, table: Table) -> None:
    """Run the write hooks for `table`: call it before a set-based `plain` statement that writes the table."""
    for hook in _WRITE_HOOKS:
        await hook(session, table)


async def plain(session: AsyncSession, query: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[tuple]:
    """Run `query` in the session's transaction; its rows as tuples. psycopg's errors come out as
    SQLAlchemy's, so they are answered as every database error is (a lost connection is invalidated)."""
    connection = await session.connection()
    driver: psycopg.AsyncConnection = (await connection.get_raw_connection()).driver_connection  # type: ignore[assignment]
    try:
        cursor = await driver.execute(query, params)  # type: ignore[arg-type]
        return await cursor.fetchall() if cursor.description is not None else []
    except psycopg.Error as exc:
        lost = isinstance(exc, psycopg.OperationalError) and not exc.sqlstate
        if lost:
            await connection.invalidate()
        raise DBAPIError.instance(query, params, exc, psycopg.Error, connection_invalidated=lost) from exc  # type: ignore[arg-type]


class PlainTable(Generic[M]):
    """One table's rows as `model` instances, read and written with plain SQL."""

    def __init__(self, model: type[M]) -> None:
        table = model.__table__  # type: ignore[attr-defined]
        self.model = model
        self.table = table
        self.name = f'"{table.schema}"."{table.name}"'
        self.columns = [column.name for column in table.columns]
        self.select = f"SELECT {', '.join(self.columns)} FROM {self.name}"
        self._enums = {c.name: c.type.enum for c in table.columns if isinstance(c.type, EnumText)}
        self._json = {c.name for c in table.columns if isinstance(c.type, JSONB)}
        self._mutable = [c.name for c in table.columns if isinstance(c.type, (JSONB, ARRAY))]

    async def fetch(self, session: AsyncSession, where: str, params: Sequence[Any] = ()) -> list[M]:
        """The rows `SELECT … FROM table {where}` finds, as model instances. The session remembers the values
        each was read with (for the length of its request), so `save` writes only what changed."""
        loaded = session.info.setdefault(_LOADED, {})
        found = []
        for row in await plain(session, f"{self.select} {where}", params):
            values = dict(zip(self.columns, row, strict=True))
            for name, enum in self._enums.items():
                if values[name] is not None:
                    values[name] = enum(values[name])
            instance = self.model(**values)
            # A copy of what the domain may change in place (JSON, arrays); the instance is kept too, so its id is
            # not reused while the request lasts.
            loaded[id(instance)] = (instance, {**values, **{n: copy.deepcopy(values[n]) for n in self._mutable}})
            found.append(instance)
        return found

    async def insert(self, session: AsyncSession, instances: Sequence[M]) -> None:
        """Insert new instances in one statement (every column given, so each default is the model's)."""
        if not instances:
            return
        await before_write(session, self.table)
        row = f"({', '.join(['%s'] * len(self.columns))})"
        values = [self._bind(n, getattr(instance, n)) for instance in instances for n in self.columns]
        columns = ", ".join(self.columns)
        await plain(session, f"INSERT INTO {self.name} ({columns}) VALUES {', '.join([row] * len(instances))}", values)

    async def save(self, session: AsyncSession, instances: Sequence[M]) -> int:
        """Write back each instance's changed fields (one UPDATE per changed row); the number of rows written."""
        loaded = session.info.get(_LOADED, {})
        written = 0
        for instance in instances:
            _, before = loaded.pop(id(instance))
            changed = {n: getattr(instance, n) for n in self.columns if getattr(instance, n) != before[n]}
            if not changed:
                continue
            await before_write(session, self.table)
            assignments = ", ".join(f"{name} = %s" for name in changed)
            values = [self._bind(name, value) for name, value in changed.items()]
            await plain(session, f"UPDATE {self.name} SET {assignments} WHERE id = %s", (*values, before["id"]))
            written += 1
        return written

    def _bind(self, name: str, value: Any) -> Any:
        if name in self._json:
            return Jsonb(value)
        return value.value if isinstance(value, StrEnum) else value

"""In-process table snapshots (services.common.cache): loaded once per token, reloaded after a committed
change, and never kept when loaded inside the transaction that changed the table (it may roll back)."""

import uuid
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.cache import TableSnapshot
from services.common.db import create_sessionmaker
from services.finance.models import Product
from tests.helpers.finance_rows import product
from tests.helpers.inprocess import Kuaiban

RENEW = "UPDATE finance.cache_token SET token = gen_random_uuid(), writer = pg_current_xact_id()::text::bigint "
RENEW += "WHERE name = :name"


@pytest.fixture
async def token_name(engine: AsyncEngine) -> AsyncIterator[str]:
    """A committed token row of its own, so renewing it touches nothing another test reads."""
    name = f"test-{uuid.uuid4().hex[:12]}"
    async with engine.begin() as connection:
        await connection.execute(
            text("INSERT INTO finance.cache_token (name, token) VALUES (:name, gen_random_uuid())"), {"name": name}
        )
    yield name
    async with engine.begin() as connection:
        await connection.execute(text("DELETE FROM finance.cache_token WHERE name = :name"), {"name": name})


def counting_snapshot(name: str) -> TableSnapshot[int]:
    """A snapshot whose value is the number of the load that produced it."""

    async def load(session: AsyncSession) -> int:
        return snapshot.loads

    snapshot: TableSnapshot[int] = TableSnapshot("finance", name, load)
    return snapshot


async def test_a_snapshot_is_loaded_once_per_committed_token(engine: AsyncEngine, token_name: str):
    sessions = create_sessionmaker(engine)
    snapshot = counting_snapshot(token_name)
    async with sessions() as session:
        assert await snapshot.get(session) == 1
    async with sessions() as session:
        assert await snapshot.get(session) == 1, "the same token: the kept snapshot, no second load"
    async with sessions.begin() as session:
        await session.exec(text(RENEW).bindparams(name=token_name))  # type: ignore[call-overload]
    async with sessions() as session:
        assert await snapshot.get(session) == 2, "a committed change: loaded again"
        assert await snapshot.get(session) == 2
    assert snapshot.loads == 2


async def test_a_snapshot_loaded_by_the_changing_transaction_is_not_kept(engine: AsyncEngine, token_name: str):
    sessions = create_sessionmaker(engine)
    snapshot = counting_snapshot(token_name)
    async with sessions() as session:
        assert await snapshot.get(session) == 1
    async with sessions() as session:
        await session.exec(text(RENEW).bindparams(name=token_name))  # type: ignore[call-overload]
        assert await snapshot.get(session) == 2, "its own change: loaded for this transaction"
        assert await snapshot.get(session) == 3, "and never kept"
        await session.rollback()
    async with sessions() as session:
        assert await snapshot.get(session) == 1, "rolled back: the snapshot kept before stands"
    assert snapshot.loads == 3


async def test_every_write_of_products_renews_their_token_in_its_transaction(kuaiban: Kuaiban):
    """The trigger, on the test's rolled-back transaction: an insert, an update and a delete each renew it."""
    read = text("SELECT token FROM finance.cache_token WHERE name = 'products'")
    async with kuaiban.runtimes["finance"].sessions() as session:
        tokens = [(await session.exec(read)).one()[0]]  # type: ignore[call-overload]
        row = product(bank_id=uuid.uuid4())
        session.add(row)
        await session.flush()
        tokens.append((await session.exec(read)).one()[0])  # type: ignore[call-overload]
        row.name = "皖北振兴贷"
        await session.flush()
        tokens.append((await session.exec(read)).one()[0])  # type: ignore[call-overload]
        await session.delete(await session.get(Product, row.id))
        await session.flush()
        tokens.append((await session.exec(read)).one()[0])  # type: ignore[call-overload]
    assert len(set(tokens)) == 4

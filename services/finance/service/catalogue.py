"""Catalogue sync: a bank upserts its products by its own id (`external_ref`), one at a time or up to 500 in a
batch, and every change of terms is a new version (`ProductVersion`).

A batch loads the bank's products it names in one query and writes what changed in one savepoint; should the
database refuse an item, each is written again in a savepoint of its own, so one refused item never undoes
the others. Items with the terms already stored write nothing.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime

from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import DataError, IntegrityError
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import Principal
from services.common.problems import (
    INVALID_REQUEST,
    DomainError,
    Invalid,
    ProblemKind,
    database_problem,
    field_error,
)
from services.common.texts import Text
from services.common.validation import validation_errors
from services.finance import domain, policy
from services.finance.domain import SyncResult
from services.finance.models import Product
from services.finance.schemas import ProductBatchItem, ProductCreate, RejectedItem
from services.finance.service import banks, webhooks

REPEATED = Text(
    "同一批次中 external_ref 重复，只处理第一次出现的。", "external_ref repeats in this batch; the first wins."
)


@dataclass
class ItemOutcome:
    """What a batch did with one item: its product, or the problem that made it invalid."""

    index: int
    external_ref: str | None
    result: SyncResult
    product: Product | None = None
    problem: DomainError | None = None


async def catalogue_owner(session: AsyncSession, *, principal: Principal, bank_id: uuid.UUID | None) -> uuid.UUID:
    """The registered bank whose catalogue the caller writes (see `policy.catalogue_of`)."""
    owner = policy.catalogue_of(principal, bank_id)
    return await banks.require_registered(session, bank_id=owner, principal=principal)


def put(
    session: AsyncSession,
    product: Product | None,
    data: ProductCreate,
    *,
    bank_id: uuid.UUID,
    external_ref: str,
    now: datetime,
) -> tuple[Product, SyncResult]:
    """Create the product or give it these terms: the same path as `POST /finance/products` for a new one."""
    if product is None:
        return banks.add_product(session, data, bank_id=bank_id, now=now, external_ref=external_ref), SyncResult.created
    if not domain.revise(product, banks.product_values(data), now=now):
        return product, SyncResult.unchanged
    session.add(product)
    banks.record_version(session, product, now=now)
    return product, SyncResult.updated


async def upsert(
    session: AsyncSession,
    *,
    principal: Principal,
    bank_id: uuid.UUID | None,
    external_ref: str,
    data: ProductCreate,
    now: datetime,
) -> tuple[Product, SyncResult]:
    """`PUT /finance/products/by-ref/{external_ref}`: the bank's product with this ref, as sent."""
    owner = await catalogue_owner(session, principal=principal, bank_id=bank_id)
    found = select(Product).where(Product.bank_id == owner, Product.external_ref == external_ref).with_for_update()
    product, result = put(
        session, (await session.exec(found)).first(), data, bank_id=owner, external_ref=external_ref, now=now
    )
    if result is SyncResult.created:
        await webhooks.product_posted(session, product=product, now=now)
    return product, result


async def sync_batch(
    session: AsyncSession,
    *,
    principal: Principal,
    bank_id: uuid.UUID | None,
    items: list[ProductBatchItem | RejectedItem],
    now: datetime,
) -> list[ItemOutcome]:
    """`POST /finance/products/batch`: each item created, updated, unchanged or invalid, the others regardless.

    The bank's products the batch names are loaded (and locked) in one query. Items whose terms are stored
    already write nothing. The items are written together in one savepoint, so their inserts and updates
    go to the database in a few statements; if the database refuses any of them (a concurrent sync took a
    ref, say), that savepoint is undone and each item is written again in a savepoint of its own, so only
    the refused ones are invalid.
    """
    owner = await catalogue_owner(session, principal=principal, bank_id=bank_id)
    refs = {item.external_ref for item in items if isinstance(item, ProductBatchItem)}
    known = select(Product).where(Product.bank_id == owner, Product.external_ref.in_(refs)).with_for_update()
    stored = {product.external_ref: product for product in (await session.exec(known)).all()} if refs else {}
    outcomes: dict[int, ItemOutcome] = {}
    pending: list[tuple[int, ProductBatchItem]] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        if isinstance(item, RejectedItem):
            problem = Invalid(INVALID_REQUEST, errors=validation_errors(RequestValidationError(item.errors)))
            outcomes[index] = ItemOutcome(index, item.external_ref, SyncResult.invalid, problem=problem)
            continue
        ref = item.external_ref
        if ref in seen:
            problem = Invalid(REPEATED, errors=[field_error("external_ref", ProblemKind.validation_failed, REPEATED)])
            outcomes[index] = ItemOutcome(index, ref, SyncResult.invalid, problem=problem)
            continue
        seen.add(ref)
        pending.append((index, item))  # `put` finds the unchanged ones, which write nothing
    try:
        async with session.begin_nested():  # all pending items, flushed together when the block ends
            for index, item in pending:
                ref = item.external_ref
                product, result = put(session, stored.get(ref), item, bank_id=owner, external_ref=ref, now=now)
                outcomes[index] = ItemOutcome(index, ref, result, product=product)
    except (IntegrityError, DataError):
        for _, item in pending:
            if (current := stored.get(item.external_ref)) is not None:
                await session.refresh(current)  # the undone savepoint left its changes expired
        for index, item in pending:
            outcomes[index] = await _sync_one(session, index, item, stored.get(item.external_ref), owner, now)
    created = [o.product for o in outcomes.values() if o.result is SyncResult.created and o.product is not None]
    await webhooks.products_posted(session, products=created, now=now)
    return [outcomes[index] for index in range(len(items))]


async def _sync_one(
    session: AsyncSession,
    index: int,
    item: ProductBatchItem,
    current: Product | None,
    bank_id: uuid.UUID,
    now: datetime,
) -> ItemOutcome:
    """One item in a savepoint of its own: what the database refuses undoes this item alone."""
    ref = item.external_ref
    try:
        async with session.begin_nested():
            product, result = put(session, current, item, bank_id=bank_id, external_ref=ref, now=now)
    except (IntegrityError, DataError) as exc:
        if current is not None:
            await session.refresh(current)
        status, detail, kind = database_problem(exc)
        problem = DomainError(detail, kind=kind or ProblemKind.for_status(status))
        return ItemOutcome(index, ref, SyncResult.invalid, problem=problem)
    return ItemOutcome(index, ref, result, product=product)

"""Banks and the loan products they post."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.dialects.postgresql import insert
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import Principal, Role
from services.common.db import insert_unique
from services.common.pagination import PageParams, make_page, paginate
from services.common.problems import Invalid, NotFound, ProblemKind
from services.common.texts import Text, no_such
from services.finance import domain, policy
from services.finance.domain import ProductStatus
from services.finance.models import Bank, Product, ProductVersion
from services.finance.schemas import BankCreate, ProductCreate
from services.finance.service import webhooks

Page = tuple[list, str | None]


async def create_bank(session: AsyncSession, *, data: BankCreate, now: datetime) -> Bank:
    bank = Bank(**data.model_dump(), created_at=now, updated_at=now)
    taken = Text(f"编码为 {data.code} 的银行已存在。", f"A bank with code {data.code!r} exists already.")
    await insert_unique(session, bank, conflict=taken, kind=ProblemKind.duplicate_code)
    return bank


async def get_bank(session: AsyncSession, *, bank_id: uuid.UUID) -> Bank:
    bank = await session.get(Bank, bank_id)
    if bank is None:
        raise NotFound(no_such("银行", "bank"))
    return bank


async def require_registered(session: AsyncSession, *, bank_id: uuid.UUID, principal: Principal) -> uuid.UUID:
    """The bank a call acts for exists: 404 for a bank account whose bank is gone, 422 for a bank admin named."""
    if await session.get(Bank, bank_id) is None:
        if principal.role is Role.bank:
            raise NotFound(no_such("银行", "bank"))
        raise Invalid(no_such("银行", "bank"), field="bank_id", kind=ProblemKind.unknown_reference)
    return bank_id


async def list_banks(session: AsyncSession, *, page: PageParams) -> Page:
    return make_page(list((await session.exec(paginate(select(Bank), Bank, page))).all()), page)


def product_values(data: ProductCreate) -> dict[str, Any]:
    """A product's terms as row values: enums stored as their values, dates as dates, rates as stored (so the
    answer to a create shows what was kept)."""
    values = data.model_dump(mode="json", include=set(domain.TERM_FIELDS))
    rates = {field: domain.to_cent(values[field]) for field in ("annual_rate_pct_min", "annual_rate_pct_max")}
    return {**values, **rates, "valid_until": data.valid_until}


def new_product(data: ProductCreate, *, bank_id: uuid.UUID, now: datetime, external_ref: str | None = None) -> Product:
    """An active product row at version 1."""
    return Product(
        **product_values(data),
        bank_id=bank_id,
        external_ref=external_ref,
        status=ProductStatus.active,
        version=1,
        created_at=now,
        updated_at=now,
    )


def record_version(session: AsyncSession, product: Product, *, now: datetime) -> None:
    """Snapshot the product's current terms as its current version (a create or a change of terms)."""
    snapshot = ProductVersion(
        product_id=product.id, version=product.version, terms=domain.terms_of(product), created_at=now, updated_at=now
    )
    session.add(snapshot)


def add_product(
    session: AsyncSession, data: ProductCreate, *, bank_id: uuid.UUID, now: datetime, external_ref: str | None = None
) -> Product:
    """The one way a product is created (a post, a catalogue sync, the demo seed): the row and its version 1."""
    product = new_product(data, bank_id=bank_id, now=now, external_ref=external_ref)
    session.add(product)
    record_version(session, product, now=now)
    return product


async def create_product(session: AsyncSession, *, data: ProductCreate, principal: Principal, now: datetime) -> Product:
    """A bank posts a product for itself."""
    await get_bank(session, bank_id=principal.bank_id)
    product = add_product(session, data, bank_id=principal.bank_id, now=now)
    await webhooks.product_posted(session, product=product, now=now)
    return product


async def get_product(session: AsyncSession, *, product_id: uuid.UUID) -> Product:
    product = await session.get(Product, product_id)
    if product is None:
        raise NotFound(no_such("贷款产品", "product"))
    return product


async def list_products(
    session: AsyncSession, *, page: PageParams, bank_id: uuid.UUID | None, status: ProductStatus | None
) -> Page:
    query = select(Product)
    if bank_id is not None:
        query = query.where(Product.bank_id == bank_id)
    if status is not None:
        query = query.where(Product.status == status)
    return make_page(list((await session.exec(paginate(query, Product, page))).all()), page)


async def withdraw_product(
    session: AsyncSession, *, product_id: uuid.UUID, principal: Principal, now: datetime
) -> Product:
    product = policy.require_own_product(principal, await session.get(Product, product_id, with_for_update=True))
    domain.withdraw_product(product, now=now)
    session.add(product)
    return product


async def seed(session: AsyncSession, *, catalog: dict[tuple[str, str], list[ProductCreate]], now: datetime) -> int:
    """Add the demo banks that are missing, with their products; returns how many banks (replicas: fine)."""
    added = 0
    for (code, name), products in catalog.items():
        bank = insert(Bank).values(code=code, name=name, created_at=now, updated_at=now)
        created = await session.exec(bank.on_conflict_do_nothing(index_elements=["code"]).returning(Bank.id))
        bank_id = created.scalar_one_or_none()
        if bank_id is None:
            continue
        added += 1
        for product in products:
            add_product(session, product, bank_id=bank_id, now=now)
    return added

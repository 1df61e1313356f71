"""The data-access log: every read of an enterprise's data by a bank, so the enterprise sees who looked.

A read is recorded in the transaction of the request that read it (the unit of work commits a successful
GET too), so an answer that failed leaves no entry and every answer a bank received has one. A lead list
writes its whole page in one INSERT.
"""

import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import insert
from sqlalchemy import select as sa_select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import Principal, Role
from services.common.logs import request_id_var
from services.common.pagination import PageParams, make_page, paginate
from services.finance import policy
from services.finance.models import AccessKind, AccessRecord, ActorKind, Bank


def actor_kind(principal: Principal) -> ActorKind:
    """A bank's system (client credentials) or one of its people.

    Machine credentials put a `client_id` on the principal; until then every bank caller is a person."""
    return ActorKind.client if principal.client_id else ActorKind.person


async def record(
    session: AsyncSession,
    *,
    principal: Principal,
    what: AccessKind,
    reads: Iterable[tuple[uuid.UUID, uuid.UUID]],
    now: datetime,
) -> None:
    """Log a bank's read of (enterprise id, resource id) pairs, in one INSERT; other callers are not logged."""
    if principal.role is not Role.bank or principal.bank_id is None:
        return
    kind, request_id = actor_kind(principal), request_id_var.get() or None
    rows = [
        {
            "id": uuid.uuid4(),
            "at": now,
            "bank_id": principal.bank_id,
            "actor": principal.username[:64],
            "actor_kind": kind,
            "enterprise_id": enterprise_id,
            "what": what,
            "resource_id": resource_id,
            "request_id": request_id,
        }
        for enterprise_id, resource_id in reads
    ]
    if rows:
        await session.exec(insert(AccessRecord).values(rows))


async def list_reads(
    session: AsyncSession,
    *,
    principal: Principal,
    page: PageParams,
    bank_id: uuid.UUID | None,
    since: datetime | None,
) -> tuple[list[dict], str | None]:
    """Reads of the caller's enterprise (admin: of all), newest first, with the reading bank's name."""
    columns = AccessRecord.__table__.c  # type: ignore[attr-defined]
    query = sa_select(*columns, Bank.name.label("bank_name")).outerjoin(Bank, Bank.id == AccessRecord.bank_id)
    query = query.where(policy.access_visible_to(principal))
    if bank_id is not None:
        query = query.where(AccessRecord.bank_id == bank_id)
    if since is not None:
        query = query.where(AccessRecord.at >= since)
    rows = (await session.exec(paginate(query, AccessRecord, page, order_by="at"))).all()
    entries, next_cursor = make_page(list(rows), page, order_by="at")  # rows have the `at` and `id` paging reads
    return [dict(entry._mapping) for entry in entries], next_cursor

"""Keyset pagination over (created_at, id): stable under inserts, opaque cursors, `limit` 1–100."""

import base64
import uuid
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

import orjson
from fastapi import Depends, Query
from pydantic import BaseModel
from sqlalchemy import tuple_
from sqlmodel.sql.expression import SelectOfScalar

from services.common.problems import Invalid
from services.common.texts import Text

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None


class PageParams(BaseModel):
    limit: int
    after: tuple[datetime, uuid.UUID] | None


def encode_cursor(created_at: datetime, row_id: uuid.UUID) -> str:
    raw = orjson.dumps([created_at.isoformat(), str(row_id)])
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        created_at, row_id = orjson.loads(raw)
        return datetime.fromisoformat(created_at), uuid.UUID(row_id)
    except (ValueError, TypeError, orjson.JSONDecodeError) as exc:
        raise Invalid(
            Text("cursor 不是本接口给出的翻页游标。", "The cursor is not one this API issued."), field="cursor"
        ) from exc


def page_params(
    limit: Annotated[int, Query(ge=1, le=100, description="Items per page (1–100)")] = 20,
    cursor: Annotated[str | None, Query(max_length=200, description="`next_cursor` of the previous page")] = None,
) -> PageParams:
    return PageParams(limit=limit, after=decode_cursor(cursor) if cursor else None)


PageDep = Annotated[PageParams, Depends(page_params)]


def paginate(
    query: SelectOfScalar[Any], model: Any, params: PageParams, *, order_by: str = "created_at"
) -> SelectOfScalar[Any]:
    """Order newest first by (`order_by`, id) and start after the cursor; one extra row tells if more exist.

    The cursor's condition is a row comparison, `(order_by, id) < (moment, id)`: an index on (…, order_by, id)
    then starts the scan at the cursor, where the same test spelt with OR filters every row before it (each
    page of a long list, or of an export's keyset walk, would cost more than the one before)."""
    column = getattr(model, order_by)
    if params.after is not None:
        moment, row_id = params.after
        query = query.where(tuple_(column, model.id) < tuple_(moment, row_id))
    return query.order_by(column.desc(), model.id.desc()).limit(params.limit + 1)


def make_page(rows: list[Any], params: PageParams, *, order_by: str = "created_at") -> tuple[list[Any], str | None]:
    if len(rows) <= params.limit:
        return rows, None
    rows = rows[: params.limit]
    last = rows[-1]
    return rows, encode_cursor(getattr(last, order_by), last.id)


def page_body(page: tuple[list[Any], str | None]) -> dict[str, Any]:
    """A service's (rows, next cursor) as the list shape every collection answers with."""
    items, next_cursor = page
    return {"items": items, "next_cursor": next_cursor}

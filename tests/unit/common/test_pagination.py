"""Keyset pagination: opaque cursors, pages of `limit` rows and the cursor of the last one."""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from services.common.pagination import PageParams, decode_cursor, encode_cursor, make_page, page_body, page_params
from services.common.problems import Invalid

MOMENT = datetime(2026, 10, 1, 8, 30, tzinfo=UTC)


@dataclass
class Row:
    id: uuid.UUID
    created_at: datetime
    updated_at: datetime


def rows(n: int) -> list[Row]:
    return [Row(uuid.uuid4(), MOMENT - timedelta(minutes=i), MOMENT + timedelta(minutes=i)) for i in range(n)]


def test_cursor_round_trip_and_garbage():
    moment = datetime(2026, 10, 1, 8, 30, tzinfo=UTC)
    row_id = uuid.uuid4()
    assert decode_cursor(encode_cursor(moment, row_id)) == (moment, row_id)
    for garbage in ("", "!!!", "bm90IGpzb24", encode_cursor(moment, row_id)[:-4]):
        with pytest.raises(Invalid):
            decode_cursor(garbage)


def test_a_foreign_cursor_is_422_on_the_cursor_field():
    with pytest.raises(Invalid) as refused:
        page_params(limit=5, cursor="bm90IGpzb24")
    assert refused.value.errors[0]["field"] == "cursor"


def test_page_params_carry_the_limit_and_where_to_start():
    row_id = uuid.uuid4()
    assert page_params() == PageParams(limit=20, after=None)
    assert page_params(limit=5, cursor=encode_cursor(MOMENT, row_id)) == PageParams(limit=5, after=(MOMENT, row_id))


def test_a_last_page_has_no_cursor():
    fetched = rows(3)
    assert make_page(fetched, PageParams(limit=3, after=None)) == (fetched, None)
    assert page_body((fetched, None)) == {"items": fetched, "next_cursor": None}


@pytest.mark.parametrize("order_by", ["created_at", "updated_at"])
def test_one_extra_row_means_more_and_the_cursor_names_the_last_row_shown(order_by: str):
    fetched = rows(4)  # limit + 1: the query fetched one more than a page
    items, cursor = make_page(fetched, PageParams(limit=3, after=None), order_by=order_by)
    assert items == fetched[:3]
    assert decode_cursor(cursor) == (getattr(fetched[2], order_by), fetched[2].id)

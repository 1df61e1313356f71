"""Lists and stats as CSV and Excel downloads, in process: the same rows as the JSON pages, the same filters and
visibility, Chinese headers, JSON for any other `Accept`, errors still problems, and a large list streamed."""

import csv
import io
import uuid
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from sqlalchemy import text

from services.common import exports
from services.common.schemas import label_of
from services.intake.contract import TimelineKind
from services.intake.domain import Category, RequestStatus
from tests.api.intake._support import ADMIN, Cast, raise_request
from tests.helpers.inprocess import APPS, Kuaiban, collect_all
from tests.helpers.spreadsheets import read_xlsx

pytestmark = pytest.mark.usefixtures("no_requests")

CSV = {"Accept": exports.CSV_MEDIA_TYPE}
XLSX = {"Accept": exports.XLSX_MEDIA_TYPE}


def parse_csv(response: httpx.Response) -> list[list[str]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(exports.BOM.encode())
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))


async def asgi_get(app: Any, path: str, headers: dict[str, str]) -> tuple[dict, list[bytes]]:
    """GET over ASGI as a server calls the app: the start message and each body chunk as the app sent it."""
    messages: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        messages.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.4"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"intake.test"), *((k.lower().encode(), v.encode()) for k, v in headers.items())],
        "client": ("127.0.0.1", 1),
        "server": ("intake.test", 80),
    }
    await app(scope, receive, send)
    chunks = [m["body"] for m in messages if m["type"] == "http.response.body" and m.get("body")]
    return messages[0], chunks


def column(rows: list[list[str]], header: str) -> list[str]:
    index = rows[0].index(header)
    return [row[index] for row in rows[1:]]


async def test_a_list_exports_every_row_of_its_json_pages_with_the_same_filters(intake: httpx.AsyncClient, cast: Cast):
    for category in ("power", "power", "permits", "power"):
        await raise_request(intake, cast.own, category=category)
    await raise_request(intake, cast.other, category="power")

    pages = await collect_all(intake, "/intake/requests", ADMIN, category="power", limit=2)  # three pages
    rows = parse_csv(await intake.get("/intake/requests", params={"category": "power"}, headers={**ADMIN, **CSV}))

    assert rows[0][:4] == ["编号", "编码", "企业编号", "会议编号"]
    assert column(rows, "编号") == [item["id"] for item in pages] and len(pages) == 4
    assert set(column(rows, "类别")) == {label_of(Category.power)}
    assert set(column(rows, "状态")) == {label_of(RequestStatus(pages[0]["status"]))}
    assert column(rows, "标题") == [item["title"] for item in pages]


async def test_an_enterprise_exports_only_its_own_rows(intake: httpx.AsyncClient, cast: Cast):
    own = [await raise_request(intake, cast.own) for _ in range(3)]
    await raise_request(intake, cast.other)

    answer = await intake.get("/intake/requests", headers={**cast.own, **XLSX})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == exports.XLSX_MEDIA_TYPE
    assert f"filename*=UTF-8''{quote('诉求列表')}-" in answer.headers["content-disposition"]
    assert answer.headers["content-disposition"].endswith(".xlsx")
    sheet = read_xlsx(answer.content)
    assert sheet[0][0] == "编号" and "牵头部门" in sheet[0]
    json_ids = [item["id"] for item in await collect_all(intake, "/intake/requests", cast.own)]
    assert [row[0] for row in sheet[1:]] == json_ids
    assert sorted(json_ids) == sorted(request["id"] for request in own)


async def test_any_other_accept_gets_json(intake: httpx.AsyncClient, cast: Cast):
    await raise_request(intake, cast.own)
    for accept in ("text/html", "application/json", "*/*", "application/xml, text/plain;q=0.5"):
        answer = await intake.get("/intake/requests", headers={**cast.own, "Accept": accept})
        assert answer.status_code == 200 and answer.headers["content-type"] == "application/json", accept
        assert len(answer.json()["items"]) == 1


async def test_errors_and_role_gates_stay_problems(intake: httpx.AsyncClient, cast: Cast):
    hidden = await intake.get(f"/intake/enterprises/{cast.other_id}/timeline", headers={**cast.own, **CSV})
    assert hidden.status_code == 404 and hidden.headers["content-type"] == "application/problem+json"
    refused = await intake.get("/intake/stats", headers={**cast.own, **CSV})
    assert refused.status_code == 403 and refused.headers["content-type"] == "application/problem+json"
    invalid = await intake.get("/intake/requests", params={"cursor": "nonsense"}, headers={**ADMIN, **CSV})
    assert invalid.status_code == 422


async def test_stats_export_as_group_figure_value_rows(intake: httpx.AsyncClient, cast: Cast):
    await raise_request(intake, cast.own, category="power")
    await raise_request(intake, cast.other, category="permits")
    figures = (await intake.get("/intake/stats", headers=ADMIN)).json()

    rows = parse_csv(await intake.get("/intake/stats", headers={**ADMIN, **CSV}))
    assert rows[0] == ["分组", "指标", "值"]
    by_figure = {(group, figure): value for group, figure, value in rows[1:]}
    assert by_figure[("", "受理数")] == str(figures["received"]) == "2"
    assert by_figure[("", "办结数")] == str(figures["closed"])
    power = label_of(Category.power)
    assert by_figure[(f"按类别 / {power}", "受理数")] == str(figures["by_category"]["power"]["received"])

    sheet = read_xlsx((await intake.get("/intake/stats", headers={**ADMIN, **XLSX})).content)
    assert sheet[0] == ["分组", "指标", "值"]
    assert [cells[:2] for cells in sheet[1:]] == [[group, figure] for group, figure, _ in rows[1:]]


async def test_a_large_list_streams_in_chunks(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    """3,500 timeline events (four keyset batches of the export, 35 JSON pages) arrive as the JSON pages list them."""
    await kuaiban.connection.execute(
        text(
            "INSERT INTO intake.timeline_event (id, created_at, updated_at, enterprise_id, at, service, kind, ref_id,"
            " summary) SELECT gen_random_uuid(), now(), now(), :enterprise, TIMESTAMPTZ '2026-01-01 00:00+00'"
            " + (g % 1000) * INTERVAL '1 hour', 'approval', :kind, gen_random_uuid(), '审批事项办结 ' || g"
            " FROM generate_series(1, 3500) AS g"
        ),
        {"enterprise": uuid.UUID(cast.own_id), "kind": next(iter(TimelineKind)).value},
    )
    path = f"/intake/enterprises/{cast.own_id}/timeline"
    start, chunks = await asgi_get(APPS["intake"], path, {**ADMIN, **CSV})  # httpx's transport joins the chunks
    assert start["status"] == 200
    assert b"content-length" not in dict(start["headers"])
    assert len(chunks) > 3
    rows = list(csv.reader(io.StringIO(b"".join(chunks).decode("utf-8-sig"), newline="")))
    assert rows[0] == ["时间", "服务", "类型", "关联编号", "摘要"]
    json_items = await collect_all(intake, path, ADMIN)
    assert len(rows) - 1 == len(json_items) >= 3500
    assert column(rows, "关联编号") == [item["ref_id"] for item in json_items]  # ties on `at` too, in one order


async def test_the_openapi_document_offers_both_downloads():
    document = APPS["intake"].openapi()
    listed = document["paths"]["/intake/requests"]["get"]["responses"]["200"]["content"]
    assert list(listed) == ["application/json", exports.CSV_MEDIA_TYPE, exports.XLSX_MEDIA_TYPE]
    stats = document["paths"]["/intake/stats"]["get"]["responses"]["200"]["content"]
    assert stats[exports.XLSX_MEDIA_TYPE] == {"schema": {"type": "string", "format": "binary"}}
    single = document["paths"]["/intake/enterprises/{enterprise_id}"]["get"]["responses"]["200"]["content"]
    assert list(single) == ["application/json"]

"""The export writers and their pieces: negotiation, Chinese headers, cells, stats as rows, CSV and xlsx bytes."""

import csv
import io
import re
import typing
import zipfile
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from enum import StrEnum

import pytest
from fastapi import APIRouter
from fastapi.routing import APIRoute
from pydantic import BaseModel

from services.common import exports
from services.common.app import create_app
from services.common.departments import Department
from services.common.schemas import labelled
from tests.helpers.spreadsheets import read_xlsx

XLSX = exports.XLSX_MEDIA_TYPE


class Colour(StrEnum):
    red = "red"
    blue = "blue"


labelled(Colour, {"red": ("红色", "Red"), "blue": ("蓝色", "Blue")})


class Contact(BaseModel):
    name: str
    address: str | None = None


class Row(BaseModel):
    id: int
    name: str
    status: Colour
    key_enterprise: bool
    created_at: datetime
    due_on: date | None
    tags: list[str]
    liaison: Contact | None


class RowPage(BaseModel):
    items: list[Row]
    next_cursor: str | None


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        (None, None),
        ("", None),
        ("application/json", None),
        ("*/*", None),
        ("text/html", None),  # a type this API does not serve: JSON (never 406)
        ("text/csv", exports.Format.csv),
        ("TEXT/CSV; charset=utf-8", exports.Format.csv),
        (XLSX, exports.Format.xlsx),
        ("application/json, text/csv", None),  # equal q: the first listed
        ("text/csv, application/json", exports.Format.csv),
        ("application/json;q=0.5, text/csv", exports.Format.csv),
        (f"text/csv;q=0.4, {XLSX};q=0.9, */*;q=0.1", exports.Format.xlsx),
        ("text/csv;q=0", None),
        ("text/csv;q=abc", None),
        ("text/html, text/csv;q=0.2", exports.Format.csv),
    ],
)
def test_negotiation(accept: str | None, chosen: exports.Format | None):
    assert exports.negotiate(accept) == chosen


def test_columns_have_chinese_headers_and_nested_models_flatten():
    columns = exports.columns_of(Row)
    assert [c.header for c in columns] == [
        "编号",
        "名称",
        "状态",
        "重点企业",
        "创建时间",
        "期限",
        "标签",
        "包保专员·名称",
        "包保专员·地址",
    ]
    assert columns[-1].path == ("liaison", "address")
    assert exports.item_model(RowPage) is Row
    assert exports.item_model(Contact) is None


def test_cells():
    moment = datetime(2026, 10, 1, 1, 30, tzinfo=UTC)
    row = Row(
        id=7,
        name="濉溪铝业",
        status=Colour.red,
        key_enterprise=True,
        created_at=moment,
        due_on=None,
        tags=["重点", "铝基"],
        liaison=None,
    )
    assert exports.row_cells(row, exports.columns_of(Row)) == [
        7,
        "濉溪铝业",
        "红色",  # the enum's Chinese label
        "是",
        datetime(2026, 10, 1, 9, 30),  # China Standard Time, naive for a spreadsheet
        None,
        "重点、铝基",
        None,
        None,
    ]
    assert exports.cell(Department.tax) not in ("tax", None)  # a labelled enum of the tree
    assert exports.cell([{"a": 1}]) == '[{"a":1}]'


def test_every_exported_field_has_a_chinese_header():
    """The one table of labels covers every field of every exportable route's model, nested ones too."""
    from services.approval import routes as approval
    from services.finance import routes as finance
    from services.intake import routes as intake

    seen: set[type[BaseModel]] = set()
    missing: set[str] = set()
    exportable = 0

    def walk(model: type[BaseModel]) -> None:
        for name, field in model.model_fields.items():
            if name not in exports.LABELS and name not in ("items", "next_cursor"):
                missing.add(f"{model.__name__}.{name}")
            stack = [field.annotation]
            while stack:
                annotation = exports._plain(stack.pop())
                stack += typing.get_args(annotation)
                if isinstance(annotation, type) and issubclass(annotation, BaseModel) and annotation not in seen:
                    seen.add(annotation)
                    walk(annotation)

    for module in (intake, approval, finance):
        for router in vars(module).values():
            for route in getattr(router, "routes", ()):
                note = getattr(getattr(route, "endpoint", None), "exportable", None)
                if isinstance(route, APIRoute) and note is not None:
                    exportable += 1
                    assert route.response_model is note.model, route.path
                    walk(note.model)
    assert exportable >= 30
    assert not missing, sorted(missing)
    assert all(re.search(r"[\u4e00-\u9fff]", label) for label in exports.LABELS.values())


class Figures(BaseModel):
    received: int
    on_time_rate: float | None
    by_category: dict[str, int]
    by_department: dict[Department, int]


class MatterFigures(BaseModel):
    matter_code: str
    applications: int


class Stats(BaseModel):
    overall: Figures
    by_matter: list[MatterFigures]
    as_of: date


def test_stats_flatten_into_group_figure_value_rows():
    stats = Stats(
        overall=Figures(
            received=3,
            on_time_rate=0.5,
            by_category={"其他": 2},
            by_department={Department.tax: 1},
        ),
        by_matter=[MatterFigures(matter_code="QYKB-01", applications=4)],
        as_of=date(2026, 11, 30),
    )
    rows = list(exports.stats_rows(stats))
    tax = exports.cell(Department.tax)
    assert rows == [
        ["合计", "受理数", 3],
        ["合计", "按时率", 0.5],
        ["合计 / 按类别", "其他", 2],
        ["合计 / 按部门", tax, 1],
        ["按事项 QYKB-01", "事项编码", "QYKB-01"],
        ["按事项 QYKB-01", "申请数", 4],
        ["", "统计截至", date(2026, 11, 30)],
    ]
    partial = Figures.model_validate({"received": 1, "on_time_rate": None, "by_category": {}, "by_department": {}})
    assert list(exports.stats_rows(partial, exclude_unset=True)) == [["", "受理数", 1], ["", "按时率", None]]


async def _batches(rows: list[list], size: int) -> AsyncIterator[list[list]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


async def _collect(chunks: AsyncIterator[bytes]) -> list[bytes]:
    return [chunk async for chunk in chunks]


async def test_csv_has_a_bom_chinese_headers_and_no_formulas():
    rows = [[1, "濉溪铝业", datetime(2026, 10, 1, 9, 30), date(2026, 10, 2), None], [2, "=1+1", None, None, "-3"]]
    chunks = await _collect(exports.csv_chunks(["编号", "名称", "时间", "期限", "备注"], _batches(rows, 1)))
    body = b"".join(chunks)
    assert body.startswith("\ufeff编号,名称".encode())
    parsed = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    assert parsed == [
        ["编号", "名称", "时间", "期限", "备注"],
        ["1", "濉溪铝业", "2026-10-01 09:30:00", "2026-10-02", ""],
        ["2", "'=1+1", "", "", "'-3"],
    ]


async def test_csv_streams_in_chunks():
    rows = [[n, "濉溪县经济开发区铝基新材料产业园" * 3] for n in range(5000)]
    chunks = await _collect(exports.csv_chunks(["编号", "名称"], _batches(rows, 500)))
    assert len(chunks) > 3 and max(len(c) for c in chunks) <= 4 * exports.CHUNK
    assert b"".join(chunks).decode("utf-8-sig").count("\r\n") == 5001


async def test_xlsx_is_readable_with_chinese_headers():
    rows = [[1, "濉溪铝业", datetime(2026, 10, 1, 9, 30), "是"], [2.5, "=SUM(A1:A2)", None, "否"]]
    headers = ["编号", "名称", "时间", "重点企业"]
    chunks = await _collect(exports.xlsx_chunks("企业名录", headers, _batches(rows, 1)))
    body = b"".join(chunks)
    assert body[:2] == b"PK"
    parsed = read_xlsx(body)
    assert parsed[0] == ["编号", "名称", "时间", "重点企业"]
    assert parsed[1][0] == "1" and parsed[1][1] == "濉溪铝业" and float(parsed[1][2]) > 46000  # a date serial
    assert parsed[2] == ["2.5", "=SUM(A1:A2)", "", "否"]  # text, never a formula; an empty cell stays empty
    with zipfile.ZipFile(io.BytesIO(body)) as workbook:
        assert "<f>" not in workbook.read("xl/worksheets/sheet1.xml").decode()
        assert "企业名录" in workbook.read("xl/workbook.xml").decode()


def test_sheet_names_fit_excel():
    assert exports._sheet_name("a/b:c" + "长" * 40) == ("a_b_c" + "长" * 40)[:31]


def test_document_adds_both_media_types_after_json():
    router = APIRouter(prefix="/probe")

    @router.get("/rows", response_model=RowPage, summary="Rows")
    @exports.exportable(RowPage, "测试")
    async def rows() -> dict:
        """行。"""
        return {"items": [], "next_cursor": None}

    @router.get("/row", response_model=Row, summary="One row")
    async def row() -> dict:
        """一行。"""
        return {}

    document = create_app(name="probe", title="Probe", routers=[router]).openapi()
    content = document["paths"]["/probe/rows"]["get"]["responses"]["200"]["content"]
    assert list(content) == ["application/json", "text/csv", XLSX]
    assert content["text/csv"]["schema"] == {"type": "string", "format": "binary"}
    assert list(document["paths"]["/probe/row"]["get"]["responses"]["200"]["content"]) == ["application/json"]
    assert "export" not in str(document["paths"]["/probe/rows"]["get"].get("parameters", []))


async def test_xlsx_goes_on_to_another_sheet_when_one_is_full(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(exports.XlsxSheet, "MAX_ROWS", 3)  # a header and two rows a sheet
    rows = [[n, f"第{n}行"] for n in range(5)]
    body = b"".join(await _collect(exports.xlsx_chunks("企业名录", ["编号", "名称"], _batches(rows, 2))))
    with zipfile.ZipFile(io.BytesIO(body)) as workbook:
        sheets = sorted(name for name in workbook.namelist() if name.startswith("xl/worksheets/sheet"))
        assert len(sheets) == 3
        assert "企业名录 (3)" in workbook.read("xl/workbook.xml").decode()
        last = workbook.read("xl/worksheets/sheet3.xml").decode()
    assert "编号" in last and "第4行" in last and "第3行" not in last

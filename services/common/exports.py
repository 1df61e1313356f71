"""Lists and stats as downloads: CSV or Excel by the `Accept` header, Chinese headers, streamed in constant memory.

A route opts in with one decorator under its `@router.get(...)`, naming its response model and the file's title:

    @router.get("/enterprises", response_model=EnterprisePage, ...)
    @exports.exportable(EnterprisePage, "企业名录")
    async def list_enterprises(session: SessionDep, page: PageDep, _: StaffDep): ...

The route is unchanged for JSON. `Accept: text/csv` or the xlsx type (see `negotiate`) answers a file instead:

- a list (`{items, next_cursor}`, a `PageDep` parameter): the route itself is called again and again with keyset
  pages of `BATCH` rows (its own filters, role gate and visibility, whatever it does per page, such as an access
  log), every row validated by the item model as the JSON answer is, one row per item, until `next_cursor` is
  null; the first page is read before the answer starts, so a 404 or 422 is still a problem+json answer;
- a stats object: the route is called once and its figures flattened into rows of (分组, 指标, 值): `分组` the
  path of labels to the figure (` / ` between levels: a field, a dictionary key, a list item named by its first
  field), `指标` the figure's label, `值` its value.

Headers are Chinese: every field name has its label in `LABELS` (one table; a nested model's columns are
`父·子`); enum values are written with their Chinese labels (`schemas.ENUM_LABELS`), booleans as 是/否, times
in China Standard Time. CSV is UTF-8 with a byte-order mark (Excel then reads Chinese right), RFC 4180, and a
text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) is prefixed with `'`. Excel is written
by XlsxWriter in `constant_memory` mode: each row goes to a temporary file as soon as the next one starts, the
workbook is zipped from those files at the end and then streamed, so memory stays flat for any row count (the
first byte of an xlsx comes after the last row is read; a CSV's comes with the first page).

An `Accept` naming neither type (JSON, `*/*`, none, or a type this API does not serve) gets the JSON answer,
never 406: the document describes JSON as the default. `document` adds both media types to the OpenAPI answer
200 of every exportable operation, after JSON (generated clients take the first one they understand).
"""

import asyncio
import contextlib
import csv
import functools
import inspect
import io
import os
import tempfile
import typing
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum, StrEnum
from types import NoneType, UnionType
from typing import Annotated, Any

import orjson
import xlsxwriter
from fastapi import Depends, Request, routing
from pydantic import BaseModel
from pydantic_core import to_jsonable_python
from starlette.responses import StreamingResponse

from services.common.calendar import CST
from services.common.pagination import PageParams, decode_cursor
from services.common.schemas import ENUM_LABELS
from services.common.storage import content_disposition

CSV_MEDIA_TYPE = "text/csv"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BATCH = 1000  # rows per keyset page while exporting a list
CHUNK = 64 * 1024  # bytes per streamed chunk
BOM = "\ufeff"


class Format(StrEnum):
    csv = "csv"
    xlsx = "xlsx"


MEDIA_TYPES = {Format.csv: CSV_MEDIA_TYPE, Format.xlsx: XLSX_MEDIA_TYPE}
_BY_MEDIA_TYPE = {CSV_MEDIA_TYPE: Format.csv, XLSX_MEDIA_TYPE: Format.xlsx}
_JSON_RANGES = {"application/json", "*/*", "application/*"}


def negotiate(accept: str | None) -> Format | None:
    """The download `accept` asks for, or None for JSON: the media range of highest q (the first of equals)
    among JSON, `*/*`, `application/*`, CSV and xlsx; ranges of other types are passed over."""
    best: tuple[float, int, Format | None] | None = None
    for position, part in enumerate((accept or "").split(",")):
        media_type, *params = (piece.strip() for piece in part.split(";"))
        media_type = media_type.lower()
        if media_type not in _BY_MEDIA_TYPE and media_type not in _JSON_RANGES:
            continue
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality <= 0:
            continue
        candidate = (quality, -position, _BY_MEDIA_TYPE.get(media_type))
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    return best[2] if best else None


@dataclass(frozen=True)
class Export:
    """The download a request asked for, and the request (its unit of work's session commits per page)."""

    format: Format
    request: Request

    def download(self, title: str, headers: Sequence[str], batches: AsyncIterator[list[list[Any]]]) -> Any:
        return download(self.format, title, headers, batches, now=self.request.app.state.runtime.clock())


def export_of(request: Request) -> Export | None:
    chosen = negotiate(request.headers.get("accept"))
    return Export(chosen, request) if chosen else None


ExportDep = Annotated[Export | None, Depends(export_of)]


# --- labels and columns --------------------------------------------------------------------------------------------

LABELS: dict[str, str] = {
    # identity and time
    "id": "编号",
    "code": "编码",
    "name": "名称",
    "title": "标题",
    "description": "说明",
    "summary": "摘要",
    "created_at": "创建时间",
    "created_by": "创建人",
    "updated_at": "更新时间",
    "at": "时间",
    "as_of": "统计截至",
    "year": "年份",
    "kind": "类型",
    "status": "状态",
    "state": "状态",
    "stage": "阶段",
    "next_stage": "下一阶段",
    "note": "备注",
    "notes": "备注",
    "comment": "意见",
    "version": "版本",
    "revision": "修订号",
    "tags": "标签",
    "reason": "原因",
    "error": "错误",
    "last_error": "最后一次错误",
    "payload": "内容",
    "change": "变更",
    "before": "变更前",
    "after": "变更后",
    "mode": "方式",
    # enterprises and people
    "enterprise_id": "企业编号",
    "enterprise_name": "企业名称",
    "uscc": "统一社会信用代码",
    "industry": "行业",
    "industries": "行业",
    "town": "乡镇",
    "towns": "乡镇",
    "town_or_park": "乡镇或园区",
    "address": "地址",
    "location": "地点",
    "established_on": "成立日期",
    "employees": "从业人数",
    "annual_revenue_yuan": "年营业收入（元）",
    "credit_rating": "信用等级",
    "credit_ratings": "信用等级",
    "rating": "评价",
    "key_enterprise": "重点企业",
    "liaison": "包保专员",
    "liaison_officer": "包保专员",
    "officer_username": "工作人员账号",
    "investor_name": "投资方",
    "actor": "操作人",
    "actor_kind": "操作人类型",
    "actor_role": "操作人角色",
    "action": "操作",
    "resource_type": "对象类型",
    "resource_id": "对象编号",
    "requested_by": "申请人",
    "booked_by": "预约人",
    "uploaded_by": "上传人",
    "decided_by": "决定人",
    "scheduled_by": "排期人",
    "recipient": "接收方",
    "payee": "收款方",
    "account_name": "账户名",
    "account_no": "账号",
    "service": "服务",
    # requests and meetings
    "request_id": "诉求编号",
    "meeting_id": "会议编号",
    "category": "类别",
    "channel": "渠道",
    "grade": "等级",
    "lead": "牵头",
    "lead_department": "牵头部门",
    "department": "部门",
    "departments": "部门",
    "cooperating_departments": "协办部门",
    "assigned_at": "交办时间",
    "first_replied_at": "首次答复时间",
    "replied_at": "答复时间",
    "reply": "答复",
    "closed_at": "办结时间",
    "feedback_comment": "评价意见",
    "due_on": "期限",
    "due_date": "法定期限",
    "held_on": "会议日期",
    "received": "受理数",
    "closed": "办结数",
    "open": "在办数",
    "overdue": "逾期数",
    "satisfaction_rate": "满意率",
    "on_time_rate": "按时率",
    "avg_reply_working_days": "平均答复工作日",
    "by_category": "按类别",
    "by_department": "按部门",
    "event_type": "事件类型",
    "ref_id": "关联编号",
    "part": "附件类别",
    "filename": "文件名",
    "media_type": "文件类型",
    "size": "大小（字节）",
    "sha256": "SHA-256 摘要",
    "scan": "病毒扫描",
    "download_url": "下载地址",
    "url": "地址",
    "path": "路径",
    # halls, appointments, on-site service
    "hall_id": "大厅编号",
    "window_id": "窗口编号",
    "appointment_on": "预约日期",
    "start_at": "开始时间",
    "end_at": "结束时间",
    "after_hours": "延时办",
    "checked_in_at": "到场时间",
    "no_show_at": "登记未到时间",
    "cancelled_at": "取消时间",
    "reminded_at": "提醒时间",
    "rescheduled": "改约次数",
    "bookings": "预约数",
    "cancelled": "取消数",
    "checked_in": "到场数",
    "no_shows": "未到数",
    "no_show_rate": "未到率",
    "avg_wait_days": "平均等待天数",
    "by_matter": "按事项",
    "by_hall": "按大厅",
    "onsite": "上门办",
    "requested": "申请数",
    "scheduled": "已排期数",
    "scheduled_at": "排期时间",
    "preferred_dates": "期望日期",
    "visit_on": "上门日期",
    "purpose": "事由",
    # investment projects
    "project_id": "招商项目编号",
    "projects": "项目数",
    "chain": "产业链",
    "planned_investment_yuan": "计划投资（元）",
    "first_talk_on": "首次洽谈日期",
    "signed_on": "签约日期",
    "started_on": "开工日期",
    "counted_on": "纳统日期",
    "dropped_on": "终止日期",
    "drop_reason": "终止原因",
    "target_on": "目标日期",
    "signed_target_on": "目标签约日期",
    "started_target_on": "目标开工日期",
    "counted_target_on": "目标纳统日期",
    "record": "进展记录",
    "by_chain": "按产业链",
    "by_stage": "按阶段",
    "manufacturing": "制造业",
    "manufacturing_share": "制造业占比",
    "first_talk_to_signing": "洽谈至签约",
    "calendar_days": "日历日",
    "calendar_days_p50": "日历日中位数",
    "calendar_days_p90": "日历日90分位",
    "working_days_p50": "工作日中位数",
    "working_days_p90": "工作日90分位",
    "same_year": "当年比例",
    "signed": "签约数",
    "started": "开工数",
    "counted": "纳统数",
    "started_same_year": "当年开工数",
    "counted_same_year": "当年纳统数",
    "started_same_year_rate": "当年开工比例",
    "counted_same_year_rate": "当年纳统比例",
    "overdue_targets": "逾期未达目标",
    "signed_over_100m": "亿元以上签约项目",
    "days_overdue": "逾期天数",
    # approval
    "matter_code": "事项编码",
    "material_code": "材料编码",
    "application_id": "申请编号",
    "applications": "申请数",
    "task_name": "任务名称",
    "tasks": "任务",
    "materials": "材料",
    "materials_count": "材料数",
    "reused_materials": "复用材料数",
    "waivable": "可容缺",
    "legal_basis": "法律依据",
    "sla_working_days": "承诺时限（工作日）",
    "working_days": "工作日",
    "elapsed_working_days": "已用工作日",
    "review_working_days": "审查工作日",
    "avg_working_days": "平均工作日",
    "avg_materials": "平均材料数",
    "submitted_at": "提交时间",
    "decided_at": "决定时间",
    "completed_at": "办结时间",
    "approved": "通过数",
    "rejected": "不予通过数",
    "returned": "退回补正数",
    "in_review": "审查中",
    "pending": "待办数",
    "deemed": "视为通过数",
    "deemed_approval": "视为通过",
    "deemed_approvals": "视为通过数",
    "completion_rate": "办结率",
    "commitments": "容缺承诺数",
    "fulfilled": "已兑现数",
    "fulfilled_at": "兑现时间",
    "fulfilment_rate": "兑现率",
    "revoked": "已撤销数",
    "revoked_at": "撤销时间",
    "revoked_reason": "撤销原因",
    "reminded_days": "提醒日",
    "valid_until": "有效期至",
    "forecast": "预测",
    "based_on": "依据申请数",
    "window_days": "统计窗口（日）",
    "p50": "中位数",
    "p90": "90分位",
    "p50_working_days": "工作日中位数",
    "p90_working_days": "工作日90分位",
    "p50_finish_date": "预计办结日（中位数）",
    "p90_finish_date": "预计办结日（90分位）",
    "completed": "办结数",
    "decided": "决定数",
    "on_time": "按时数",
    "last": "最后完成次数",
    "last_rate": "最后完成占比",
    "added_working_days": "多用工作日",
    "added_working_days_when_last": "最后完成时多用工作日",
    "avg_added_working_days": "平均多用工作日",
    "since": "起始日期",
    # weekly trends
    "week": "周",
    "weeks": "每周",
    "starts_on": "周一日期",
    "settled": "已判定按时数",
    "feedback": "评价数",
    "satisfied": "满意数",
    "enterprises": "企业数",
    # finance
    "bank_id": "银行编号",
    "bank_name": "银行名称",
    "product_id": "产品编号",
    "product_version": "产品版本",
    "need_id": "融资需求编号",
    "event_id": "活动编号",
    "amount_yuan": "金额（元）",
    "min_amount_yuan": "最低金额（元）",
    "max_amount_yuan": "最高金额（元）",
    "annual_rate_pct_min": "年利率下限（%）",
    "annual_rate_pct_max": "年利率上限（%）",
    "max_annual_rate_pct": "可接受最高年利率（%）",
    "rate_pct": "年利率（%）",
    "term_months": "期限（月）",
    "term_months_min": "期限下限（月）",
    "term_months_max": "期限上限（月）",
    "terms": "条件",
    "collateral_available": "可提供抵押",
    "collateral_types": "抵押方式",
    "accepted_credit_ratings": "接受的信用等级",
    "min_annual_revenue_yuan": "最低年营业收入（元）",
    "min_years_in_business": "最短经营年限",
    "founded_after": "成立晚于",
    "founded_before": "成立早于",
    "employees_min": "从业人数下限",
    "employees_max": "从业人数上限",
    "revenue_min_yuan": "营业收入下限（元）",
    "revenue_max_yuan": "营业收入上限（元）",
    "consent": "同意推送银行",
    "approved_amount_yuan": "批准金额（元）",
    "approved_rate_pct": "批准年利率（%）",
    "approved_term_months": "批准期限（月）",
    "signed_amount_yuan": "签约金额（元）",
    "signed_rate_pct": "签约年利率（%）",
    "signed_term_months": "签约期限（月）",
    "amount_signed_yuan": "签约金额（元）",
    "disbursed_at": "放款时间",
    "external_ref": "外部编号",
    "products_active": "在售产品数",
    "needs_open": "在途需求数",
    "deals": "签约笔数",
    "enterprises_financed": "获贷企业数",
    "by_bank": "按银行",
    "events": "活动",
    "what": "查看内容",
    # policies and grants
    "policy_id": "政策编号",
    "series_id": "政策系列编号",
    "policies": "惠企政策",
    "issuer": "发文部门",
    "published_at": "发布时间",
    "valid_from": "生效日期",
    "valid_to": "失效日期",
    "benefit": "扶持内容",
    "eligibility": "申报条件",
    "cap_yuan": "上限（元）",
    "applied": "申报数",
    "grants": "兑现笔数",
    "granted_at": "兑现时间",
    "amount_granted_yuan": "兑现金额（元）",
    "amount_disbursed_yuan": "拨付金额（元）",
    "payment_reference": "拨付凭证号",
    "confirmed_at": "确认时间",
    "enterprises_reached": "覆盖企业数",
    "share_without_application": "免申即享比例",
    "working_days_to_money": "发布至到账工作日",
    "by_policy": "按政策",
    "overall": "合计",
    "batch_id": "批次编号",
    # webhooks and the access log
    "endpoint_id": "端点编号",
    "enabled": "启用",
    "disabled_at": "停用时间",
    "disabled_reason": "停用原因",
    "failed_in_a_row": "连续失败次数",
    "failures": "失败次数",
    "attempts": "尝试次数",
    "tries": "本轮尝试次数",
    "next_attempt_at": "下次尝试时间",
    "delivered_at": "投递时间",
    "posted_at": "发出时间",
    "status_code": "状态码",
    "latency_ms": "耗时（毫秒）",
    "response_body": "应答开头",
    "redeliveries": "重投次数",
}
"""Every exported field's Chinese header, by field name (one meaning per word across the tree)."""


def label(name: str) -> str:
    return LABELS.get(name, name)


@dataclass(frozen=True)
class Column:
    header: str
    path: tuple[str, ...]


def _plain(annotation: Any) -> Any:
    """`X | None`, `Annotated[X, ...]` -> X."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, UnionType):
            args = [arg for arg in typing.get_args(annotation) if arg is not NoneType]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def columns_of(model: type[BaseModel], *, prefix: tuple[str, ...] = (), header: str = "") -> list[Column]:
    """One column per scalar field; a nested model's fields as columns of their own (`父·子`)."""
    columns = []
    for name, field in model.model_fields.items():
        if field.exclude:
            continue
        annotation = _plain(field.annotation)
        text = f"{header}·{label(name)}" if header else label(name)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            columns += columns_of(annotation, prefix=(*prefix, name), header=text)
        else:
            columns.append(Column(text, (*prefix, name)))
    return columns


def item_model(model: type[BaseModel]) -> type[BaseModel] | None:
    """The item model of a page model (`{items: list[X], next_cursor}`), None for any other model."""
    field = model.model_fields.get("items")
    if field is None or "next_cursor" not in model.model_fields:
        return None
    args = typing.get_args(_plain(field.annotation))
    return args[0] if args and isinstance(args[0], type) and issubclass(args[0], BaseModel) else None


# --- cells --------------------------------------------------------------------------------------------------------


def cell(value: Any) -> Any:
    """A value as a spreadsheet holds it: str, int, float, date, naive CST datetime, or None."""
    if value is None or (isinstance(value, str | int | float) and not isinstance(value, bool | Enum)):
        return value
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Enum):
        labels = ENUM_LABELS.get(type(value))
        return labels[value.value][0] if labels and value.value in labels else str(value.value)
    if isinstance(value, datetime):
        return value.astimezone(CST).replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, date):
        return value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list | tuple | set | frozenset) and not any(
        isinstance(item, BaseModel | dict | list | tuple) for item in value
    ):
        return "、".join("" if item is None else str(cell(item)) for item in value)
    if isinstance(value, BaseModel | dict | list | tuple):
        return orjson.dumps(to_jsonable_python(value)).decode()
    return str(value)


def _get(row: Any, path: tuple[str, ...]) -> Any:
    for name in path:
        if row is None:
            return None
        row = getattr(row, name, None)
    return row


def row_cells(row: BaseModel, columns: Sequence[Column]) -> list[Any]:
    return [cell(_get(row, column.path)) for column in columns]


# --- stats as rows ------------------------------------------------------------------------------------------------

STATS_COLUMNS = [Column("分组", ("group",)), Column("指标", ("figure",)), Column("值", ("value",))]


def _key_label(key: Any, field: str) -> str:
    """A dictionary key for people: an enum member's label; a str key that is a value of a labelled enum, the label
    from the enum named like the field (`by_category` -> `Category`), else from the only enum with that value."""
    if isinstance(key, Enum):
        return str(cell(key))
    if not isinstance(key, str):
        return str(key)
    named = field.removeprefix("by_").replace("_", "").lower()
    candidates = [(enum, labels) for enum, labels in ENUM_LABELS.items() if key in labels]
    chosen = [labels for enum, labels in candidates if enum.__name__.lower() == named]
    if chosen or len(candidates) == 1:
        return (chosen or [candidates[0][1]])[0][key][0]
    return key


def stats_rows(
    figures: Any, group: tuple[str, ...] = (), name: str = "", *, exclude_unset: bool = False, field: str = ""
) -> Iterator[list[Any]]:
    """The figures of a stats model as rows [分组, 指标, 值], depth first, in the model's field order; with
    `exclude_unset`, without the fields the route left unset (as `response_model_exclude_unset` drops them)."""
    within = (*group, name) if name else group
    if isinstance(figures, BaseModel):
        for field in type(figures).model_fields:
            if exclude_unset and field not in figures.model_fields_set:
                continue
            value = getattr(figures, field)
            yield from stats_rows(value, within, label(field), exclude_unset=exclude_unset, field=field)
    elif isinstance(figures, dict):
        for key, value in figures.items():
            yield from stats_rows(value, within, _key_label(key, field), exclude_unset=exclude_unset)
    elif isinstance(figures, list | tuple) and any(isinstance(item, BaseModel | dict) for item in figures):
        for index, item in enumerate(figures, 1):
            item_name = f"{name} {index}"
            if isinstance(item, BaseModel):
                first = next(iter(type(item).model_fields), None)
                head = getattr(item, first) if first else None
                if isinstance(head, str | Enum | int) and not isinstance(head, bool):
                    item_name = f"{name} {cell(head)}"
            yield from stats_rows(item, group, item_name, exclude_unset=exclude_unset)  # the item names its group
    else:
        yield [" / ".join(part for part in group if part), name, cell(figures)]


# --- writers ------------------------------------------------------------------------------------------------------


def _csv_text(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value  # CSV injection: a spreadsheet would run it as a formula
    return value


async def csv_chunks(headers: Sequence[str], batches: AsyncIterator[list[list[Any]]]) -> AsyncIterator[bytes]:
    """UTF-8 CSV with a byte-order mark: the header row, then every batch, in chunks of about `CHUNK` bytes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write(BOM)
    writer.writerow(headers)
    async for batch in batches:
        for row in batch:
            writer.writerow([_csv_text(value) for value in row])
            if buffer.tell() >= CHUNK:  # characters: a chunk is CHUNK to 4 × CHUNK bytes
                yield buffer.getvalue().encode()
                buffer.seek(0)
                buffer.truncate()
    yield buffer.getvalue().encode()


class XlsxSheet:
    """A workbook written row by row in XlsxWriter's constant_memory mode into a temporary file: one worksheet, and
    another (`标题 (2)`, with the headers again) each time one is full at Excel's 1,048,576 rows."""

    MAX_TEXT = 32767  # Excel's limit on a cell's characters
    MAX_ROWS = 1_048_576  # Excel's limit on a sheet's rows, the header's included

    def __init__(self, title: str, headers: Sequence[str]) -> None:
        handle, self.path = tempfile.mkstemp(prefix="kuaiban-export-", suffix=".xlsx")
        os.close(handle)
        self.workbook = xlsxwriter.Workbook(
            self.path, {"constant_memory": True, "tmpdir": os.path.dirname(self.path), "remove_timezone": True}
        )
        self.title, self.headers, self.sheets = title, headers, 0
        self.bold = self.workbook.add_format({"bold": True})
        self.datetime_format = self.workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        self.date_format = self.workbook.add_format({"num_format": "yyyy-mm-dd"})
        self._new_sheet()

    def _new_sheet(self) -> None:
        self.sheets += 1
        suffix = f" ({self.sheets})" if self.sheets > 1 else ""
        self.sheet = self.workbook.add_worksheet(_sheet_name(self.title)[: 31 - len(suffix)] + suffix)
        for index, header in enumerate(self.headers):
            self.sheet.write_string(0, index, header, self.bold)
            self.sheet.set_column(index, index, max(10, min(40, 2 * len(header) + 2)))
        self.sheet.freeze_panes(1, 0)
        self.rows = 1

    def write(self, batch: Iterable[Sequence[Any]]) -> None:
        for row in batch:
            if self.rows == self.MAX_ROWS:
                self._new_sheet()
            sheet = self.sheet
            for index, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, bool):
                    sheet.write_string(self.rows, index, "是" if value else "否")
                elif isinstance(value, int | float):
                    sheet.write_number(self.rows, index, value)
                elif isinstance(value, datetime):
                    sheet.write_datetime(self.rows, index, value, self.datetime_format)
                elif isinstance(value, date):
                    sheet.write_datetime(self.rows, index, value, self.date_format)
                else:
                    sheet.write_string(self.rows, index, str(value)[: self.MAX_TEXT])
            self.rows += 1

    def close(self) -> str:
        self.workbook.close()
        return self.path


def _sheet_name(title: str) -> str:
    name = "".join("_" if ch in "[]:*?/\\" else ch for ch in title).strip("'") or "Sheet1"
    return name[:31]


async def xlsx_chunks(
    title: str, headers: Sequence[str], batches: AsyncIterator[list[list[Any]]]
) -> AsyncIterator[bytes]:
    """An xlsx workbook of one sheet: rows written as batches come (off the event loop), then the file streamed."""
    sheet = await asyncio.to_thread(XlsxSheet, title, headers)
    try:
        async for batch in batches:
            await asyncio.to_thread(sheet.write, batch)
        path = await asyncio.to_thread(sheet.close)
        with open(path, "rb") as file:  # noqa: ASYNC230 (local temporary file, read in bounded chunks)
            while chunk := await asyncio.to_thread(file.read, CHUNK):
                yield chunk
    finally:
        with contextlib.suppress(OSError):
            os.unlink(sheet.path)


def filename(title: str, format: Format, moment: datetime) -> str:
    """`title-YYYYMMDD.csv`, the CST day of `moment`."""
    return f"{title}-{moment.astimezone(CST):%Y%m%d}.{format.value}"


def download(
    format: Format, title: str, headers: Sequence[str], batches: AsyncIterator[list[list[Any]]], *, now: datetime
) -> StreamingResponse:
    """The streamed answer: the file of `batches` (lists of rows of cells) under `headers`."""
    body = csv_chunks(headers, batches) if format is Format.csv else xlsx_chunks(title, headers, batches)
    media_type = f"{CSV_MEDIA_TYPE}; charset=utf-8" if format is Format.csv else XLSX_MEDIA_TYPE
    return StreamingResponse(
        body,
        media_type=media_type,
        headers={
            "Content-Disposition": content_disposition(filename(title, format, now)),
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )


# --- routes -------------------------------------------------------------------------------------------------------

EXPORT_PARAMETER = "export"


@dataclass(frozen=True)
class Exportable:
    """What `exportable` notes on a route's endpoint, for `document`."""

    model: type[BaseModel]
    title: str


def _is_page_parameter(annotation: Any) -> bool:
    return typing.get_origin(annotation) is Annotated and typing.get_args(annotation)[0] is PageParams


def _items_and_cursor(body: Any) -> tuple[list[Any], str | None]:
    if isinstance(body, dict):
        return list(body["items"]), body.get("next_cursor")
    return list(body.items), body.next_cursor


async def _commit(export: Export) -> None:
    """Keep what a page wrote (a bank's reads in the access log): the unit of work committed before the first byte."""
    session = getattr(export.request.state, "session", None)
    if session is not None and (session.new or session.dirty or session.deleted or session.in_transaction()):
        await session.commit()


def exportable(
    model: type[BaseModel], title: str, *, exclude_unset: bool = False
) -> Callable[[Callable[..., Awaitable[Any]]], Callable[..., Awaitable[Any]]]:
    """Let a GET route answer CSV or xlsx as well as JSON: `model` is its response model (a page or stats model),
    `title` the file's Chinese name; `exclude_unset` as the route's `response_model_exclude_unset`."""
    rows_model = item_model(model)

    def decorate(endpoint: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        signature = inspect.signature(endpoint)
        page_name = next((n for n, p in signature.parameters.items() if _is_page_parameter(p.annotation)), None)
        if rows_model is not None:
            columns = columns_of(rows_model)

        @functools.wraps(endpoint)
        async def exported(**kwargs: Any) -> Any:
            export: Export | None = kwargs.pop(EXPORT_PARAMETER)
            if export is None:
                return await endpoint(**kwargs)
            if rows_model is None:
                figures = model.model_validate(await endpoint(**kwargs), from_attributes=True)
                rows = list(stats_rows(figures, exclude_unset=exclude_unset))

                async def once() -> AsyncIterator[list[list[Any]]]:
                    yield rows

                return export.download(title, [c.header for c in STATS_COLUMNS], once())
            if page_name is not None:
                kwargs[page_name] = PageParams(limit=BATCH, after=None)
            first = _items_and_cursor(await endpoint(**kwargs))  # before the answer starts: errors stay problems

            async def batches() -> AsyncIterator[list[list[Any]]]:
                items, cursor = first
                while True:
                    yield [row_cells(rows_model.model_validate(item, from_attributes=True), columns) for item in items]
                    await _commit(export)
                    if not cursor or page_name is None:
                        return
                    kwargs[page_name] = PageParams(limit=BATCH, after=decode_cursor(cursor))
                    items, cursor = _items_and_cursor(await endpoint(**kwargs))

            return export.download(title, [c.header for c in columns], batches())

        parameter = inspect.Parameter(EXPORT_PARAMETER, inspect.Parameter.KEYWORD_ONLY, annotation=ExportDep)
        parameters = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in signature.parameters.values()]
        exported.__signature__ = signature.replace(parameters=[*parameters, parameter])  # type: ignore[attr-defined]
        exported.exportable = Exportable(model, title)  # type: ignore[attr-defined]
        return exported

    return decorate


def document(schema: dict[str, Any], routes: Iterable[Any]) -> None:
    """Declare CSV and xlsx beside JSON in the answer 200 of every exportable operation of `schema`."""
    binary = {"schema": {"type": "string", "format": "binary"}}
    for route in routing.iter_route_contexts(list(routes)):  # through included routers, with their prefixes
        note = getattr(getattr(route, "endpoint", None), "exportable", None)
        if note is None:
            continue
        for method in getattr(route, "methods", ()):
            operation = schema.get("paths", {}).get(route.path_format, {}).get(method.lower())
            if operation is None or "200" not in operation.get("responses", {}):
                continue
            answer = operation["responses"]["200"]
            content = answer.setdefault("content", {})
            content.setdefault(CSV_MEDIA_TYPE, binary)
            content.setdefault(XLSX_MEDIA_TYPE, binary)
            answer["description"] = (
                answer.get("description", "Successful Response")
                + f"。`Accept: {CSV_MEDIA_TYPE}` 或 `{XLSX_MEDIA_TYPE}` 时为「{note.title}」文件下载（中文表头）。"
            )

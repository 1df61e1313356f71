"""What a service needs to hold documents (see `storage` for the bytes): the columns of its document table,
a multipart upload streamed into the store as it arrives, a download answer, and the orphan sweep.

- `receive_upload` parses `multipart/form-data` from the request's own stream (python-multipart's push
  parser): the file part flows straight into `Documents.save`, so neither memory nor a temporary file ever
  holds the whole upload; the few text fields beside it are kept (small, bounded).
- A document's bytes are written before its row commits. A crash in between leaves an object without a
  row, never a row without its bytes; `sweep_orphans` deletes objects older than a grace period that no row
  names. Each service keeps its objects under its own name (`approval/2026/11/<hex>`), and sweeps only those.
- `orphan_sweep_hook` runs the sweep every `KUAIBAN_ORPHAN_SWEEP_SECONDS` in one replica at a time (a
  transaction-scoped advisory lock: `services.common.periodic`); each service also offers it to admins as
  `POST /<service>/documents/sweep`.
"""

import logging
import re
import unicodedata
import uuid
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Annotated, Any
from urllib.parse import unquote

from fastapi import APIRouter, Depends, Request
from pydantic import Field as Described
from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header
from sqlalchemy import BigInteger
from sqlalchemy.sql.schema import Table
from sqlmodel import Field
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.responses import Response, StreamingResponse

from services.common.auth import AdminDep
from services.common.clock import NowDep
from services.common.db import SessionDep
from services.common.models import EnumText, Resource
from services.common.periodic import periodic_hook
from services.common.plain import plain
from services.common.problems import Invalid, ProblemKind
from services.common.schemas import ResponseBody, labelled
from services.common.sniffing import JPEG, OFD, PDF, PNG
from services.common.storage import INCOMING, Documents, ScanStatus, StoredDocument, download
from services.common.texts import Text

log = logging.getLogger("kuaiban.documents")

FILE_FIELD = "file"
MAX_FIELDS = 16
MAX_FIELD_BYTES = 2048
MULTIPART = "multipart/form-data"
SWEEP_BATCH = 500
ACCEPTED = (PDF, JPEG, PNG, OFD)
_FILENAME_STAR = re.compile(r"filename\*\s*=\s*([\w!#$&+.^`|~-]+)'[^']*'([^;\s]+)", re.IGNORECASE)


labelled(ScanStatus, {"clean": ("已通过病毒扫描", "Scanned, clean"), "not_scanned": ("未扫描", "Not scanned")})


class DocumentRecord(Resource):
    """Columns of every service's document table: where the bytes are and what they are."""

    key: str = Field(max_length=128, unique=True)
    size: int = Field(sa_type=BigInteger)
    sha256: str = Field(max_length=64)
    media_type: str = Field(max_length=64)
    filename: str = Field(max_length=255)
    scan: ScanStatus = Field(sa_type=EnumText(ScanStatus, 16))
    uploaded_by: str = Field(max_length=64)


def record_fields(stored: StoredDocument, *, filename: str, uploaded_by: str) -> dict[str, Any]:
    """The `DocumentRecord` columns of a stored upload."""
    return {
        "key": stored.key,
        "size": stored.size,
        "sha256": stored.sha256,
        "media_type": stored.media_type,
        "filename": filename,
        "scan": stored.scan,
        "uploaded_by": uploaded_by,
    }


@dataclass
class Upload:
    """A received multipart upload: the stored file, its original name and the text fields sent with it."""

    stored: StoredDocument
    filename: str
    fields: dict[str, str]


def multipart_body(required: Sequence[str] = (), **fields: dict[str, Any]) -> dict[str, Any]:
    """`openapi_extra` for a route that reads its body with `receive_upload`: a `file` and text `fields`."""
    properties = {FILE_FIELD: {"type": "string", "format": "binary", "description": "PDF, JPEG, PNG or OFD"}}
    properties.update(fields)
    schema = {"type": "object", "required": [FILE_FIELD, *required], "properties": properties}
    return {"requestBody": {"required": True, "content": {MULTIPART: {"schema": schema}}}}


def file_responses() -> dict[int | str, dict[str, Any]]:
    """OpenAPI responses of a download route: the file, a range of it, not modified, range not satisfiable."""
    # One media type for generated clients (they take one per answer); the real Content-Type is the stored one
    binary = {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}
    stored = f"Content-Type is the file's stored type: {', '.join(ACCEPTED)}"
    return {
        200: {
            "description": f"The file, with its ETag and Content-Disposition (its original name). {stored}",
            "content": binary,
        },
        206: {"description": f"The byte range asked for (Range). {stored}", "content": binary},
        304: {"description": "Not modified (If-None-Match names its ETag)"},
        416: {"description": "No byte range of it can be satisfied"},
    }


_NOT_MULTIPART = Text(
    "请以 multipart/form-data 上传，文件放在 file 字段。",
    "Upload as multipart/form-data, the file in the field `file`.",
)
_NO_FILE = Text("请求中没有 file 字段的文件。", "The request has no file in the field `file`.")
_BROKEN = Text("multipart 请求体格式有误。", "The multipart body is malformed.")


def _invalid(message: Text, field_name: str = FILE_FIELD) -> Invalid:
    return Invalid(message, field=field_name, kind=ProblemKind.validation_failed)


class _Parts:
    """python-multipart's callbacks, turned into the file's data and the text fields as they arrive."""

    def __init__(self) -> None:
        self.fields: dict[str, str] = {}
        self.file_data: list[bytes] = []
        self.filename: str | None = None  # set when the file part's headers are complete
        self.file_seen = self.file_done = False
        self._header_name = bytearray()
        self._header_value = bytearray()
        self._disposition = b""
        self._name = ""
        self._is_file = False
        self._value = bytearray()

    def callbacks(self) -> dict[str, Any]:
        return {
            "on_part_begin": self._begin,
            "on_header_field": lambda data, start, end: self._header_name.extend(data[start:end]),
            "on_header_value": lambda data, start, end: self._header_value.extend(data[start:end]),
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
            "on_part_data": self._data,
            "on_part_end": self._end,
        }

    def _begin(self) -> None:
        self._disposition, self._name, self._is_file = b"", "", False
        self._value.clear()

    def _header_end(self) -> None:
        if bytes(self._header_name).lower() == b"content-disposition":
            self._disposition = bytes(self._header_value)
        self._header_name.clear()
        self._header_value.clear()

    def _headers_finished(self) -> None:
        _, params = parse_options_header(self._disposition)
        self._name = params.get(b"name", b"").decode("utf-8", "replace")
        if self._name == FILE_FIELD:
            if self.file_seen:
                raise _invalid(Text("只能上传一个文件。", "Only one file per upload."))
            self.file_seen = self._is_file = True
            self.filename = _filename(self._disposition, params)
        elif len(self.fields) >= MAX_FIELDS:
            raise _invalid(Text("字段过多。", "Too many fields."), self._name)

    def _data(self, data: bytes, start: int, end: int) -> None:
        if self._is_file:
            self.file_data.append(data[start:end])
            return
        self._value.extend(data[start:end])
        if len(self._value) > MAX_FIELD_BYTES:
            raise _invalid(Text("字段内容过长。", "A field is too long."), self._name)

    def _end(self) -> None:
        if self._is_file:
            self.file_done = True
        elif self._name:
            try:
                self.fields[self._name] = self._value.decode("utf-8")
            except UnicodeDecodeError:
                raise _invalid(Text("字段须为 UTF-8 文本。", "Fields must be UTF-8 text."), self._name) from None

    def take(self) -> bytes:
        data = b"".join(self.file_data)
        self.file_data.clear()
        return data


def _filename(disposition: bytes, params: dict[bytes, bytes]) -> str:
    """The original name: RFC 5987's `filename*` when sent, else `filename` (UTF-8, as browsers send it)."""
    starred = _FILENAME_STAR.search(disposition.decode("latin-1"))
    if starred is not None:
        name = unquote(starred.group(2), encoding="utf-8", errors="replace")
    else:
        name = params.get(b"filename", b"").decode("utf-8", "replace")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip()  # no NUL, no RTL override
    return name[:255] or "document"


async def receive_upload(request: Request, documents: Documents, *, now: datetime) -> Upload:
    """Stream the request's multipart body into the store as it arrives: the bytes are stored (or refused, see
    `Documents.save`) before this returns, and the text fields that came with them are read. 422 without a file."""
    content_type, params = parse_options_header(request.headers.get("content-type", ""))
    boundary = params.get(b"boundary")
    if content_type != MULTIPART.encode() or not boundary:
        raise Invalid(_NOT_MULTIPART, field=FILE_FIELD, kind=ProblemKind.unsupported_media_type)
    parts = _Parts()
    parser = MultipartParser(boundary, parts.callbacks())
    body = request.stream()

    async def feed() -> bool:
        """One more piece of the body into the parser; False at its end."""
        chunk = await anext(body, None)
        if chunk is None:
            return False
        try:
            parser.write(chunk)
        except MultipartParseError:
            raise _invalid(_BROKEN) from None
        return True

    while parts.filename is None:  # the fields before the file, up to the file's first bytes
        if not await feed():
            raise _invalid(_NO_FILE)

    async def file_chunks() -> AsyncIterator[bytes]:
        while True:
            if data := parts.take():
                yield data
            if parts.file_done:
                break
            if not await feed():
                raise _invalid(_BROKEN)  # the body ended inside the file
        while await feed():  # the fields after the file
            pass

    stored = await documents.save(file_chunks(), now=now)
    assert parts.filename is not None
    return Upload(stored, parts.filename, parts.fields)


async def serve(request: Request, documents: Documents, record: DocumentRecord, *, inline: bool = False) -> Response:
    """The download of a stored document: 200, 206, 304 or 416 per the request's Range and If-None-Match."""
    answer = download(
        size=record.size,
        sha256=record.sha256,
        media_type=record.media_type,
        filename=record.filename,
        range_header=request.headers.get("range"),
        if_none_match=request.headers.get("if-none-match"),
        if_range=request.headers.get("if-range"),
        disposition="inline" if inline else "attachment",
    )
    if answer.body is None:
        return Response(status_code=answer.status, headers=answer.headers)
    # opened before the answer starts: a file gone missing is a problem answer, not a 200 cut short
    chunks = await documents.store.read(record.key, start=answer.body.start, length=answer.body.length)
    return StreamingResponse(chunks, status_code=answer.status, headers=answer.headers)


class DocumentRead(ResponseBody):
    """A stored document as callers see it (never its storage key)."""

    id: uuid.UUID
    filename: str = Described(description="The name it was uploaded with")
    size: int = Described(description="Bytes")
    sha256: str = Described(description="Lower-case hex; the download's ETag")
    media_type: str = Described(description="By content: application/pdf, image/jpeg, image/png or application/ofd")
    scan: ScanStatus = Described(description="`clean` when a virus scanner passed it, `not_scanned` without one")
    uploaded_by: str
    created_at: datetime


class OrphanSweepRead(ResponseBody):
    checked: int = Described(description="Objects older than the grace period that were looked up")
    deleted: int = Described(description="Of those, the ones no row named, now deleted")


@dataclass
class SweepResult:
    checked: int = 0
    deleted: list[str] = field(default_factory=list)


async def sweep_orphans(
    session: AsyncSession, documents: Documents, tables: Sequence[Table], *, now: datetime, grace: timedelta
) -> SweepResult:
    """Delete this service's objects older than `grace` that no row of `tables` names (the leftovers of a crash
    between the bytes and the row), and unfinished temporary files as old."""
    result = SweepResult()
    cutoff = now - grace
    batch: list[str] = []
    async for found in documents.store.list_older_than(cutoff, prefix=documents.namespace):
        batch.append(found.key)
        if len(batch) >= SWEEP_BATCH:
            await _drop_unnamed(session, documents, tables, batch, result)
            batch = []
    await _drop_unnamed(session, documents, tables, batch, result)
    async for found in documents.store.list_older_than(cutoff, prefix=INCOMING):
        result.checked += 1
        await documents.store.delete(found.key)
        result.deleted.append(found.key)
    if result.deleted:
        log.info("orphan sweep deleted %d of %d objects", len(result.deleted), result.checked)
    return result


async def _drop_unnamed(
    session: AsyncSession, documents: Documents, tables: Sequence[Table], keys: list[str], result: SweepResult
) -> None:
    if not keys:
        return
    result.checked += len(keys)
    named: set[str] = set()
    for table in tables:
        rows = await plain(session, f"SELECT key FROM {table.schema}.{table.name} WHERE key = ANY(%s)", (keys,))
        named.update(key for (key,) in rows)
    for key in keys:
        if key not in named:
            await documents.store.delete(key)
            result.deleted.append(key)


def documents_of(request: Request) -> Documents:
    return request.app.state.runtime.documents


DocumentsDep = Annotated[Documents, Depends(documents_of)]


def orphan_sweep_routes(prefix: str, *tables: Table) -> APIRouter:
    """`POST {prefix}/documents/sweep` (admin): the orphan sweep now, as the hook runs it periodically."""
    router = APIRouter(prefix=prefix, tags=["operations"])
    service = prefix.strip("/").capitalize()

    @router.post(
        "/documents/sweep",
        response_model=OrphanSweepRead,
        operation_id=f"sweep{service}Documents",
        summary="Delete stored files no document names, older than the grace period (admin)",
        description="立即清理本服务存储中没有任何记录引用、且早于 `KUAIBAN_ORPHAN_GRACE_SECONDS` 的文件"
        "（写入文件后、记录提交前进程崩溃留下的孤儿文件）。系统每 `KUAIBAN_ORPHAN_SWEEP_SECONDS` 秒也会自动执行。",
    )
    async def sweep_documents(request: Request, session: SessionDep, now: NowDep, _: AdminDep):
        runtime = request.app.state.runtime
        grace = timedelta(seconds=runtime.settings.orphan_grace_seconds)
        result = await sweep_orphans(session, runtime.documents, tables, now=now, grace=grace)
        return OrphanSweepRead(checked=result.checked, deleted=len(result.deleted))

    return router


def orphan_sweep_hook(*tables: Table):
    """A lifespan hook: the orphan sweep every `KUAIBAN_ORPHAN_SWEEP_SECONDS`, by one replica at a time."""

    async def sweep(session: AsyncSession, runtime: Any) -> None:
        grace = timedelta(seconds=runtime.settings.orphan_grace_seconds)
        await sweep_orphans(session, runtime.documents, tables, now=runtime.clock(), grace=grace)

    return periodic_hook("orphan-sweep", lambda settings: settings.orphan_sweep_seconds, sweep)

"""The document store: uploaded files (an application's materials, a request's attachments) kept as bytes
under random keys, on the local filesystem or on S3-compatible object storage, behind one interface.

- `document_store(url)` picks the backend from `KUAIBAN_STORAGE_URL`: `file:///path` or a plain path, and
  empty for the embedded default `<KUAIBAN_DATA_DIR>/documents` (`make run`); or `s3://bucket/prefix`, with
  `KUAIBAN_S3_ENDPOINT_URL` (else `AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL`; none: AWS itself),
  `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN` and `AWS_REGION` (default `us-east-1`).
- `Documents.save` streams an upload into the store under a new key (`yyyy/mm/<uuid4 hex>`): never held whole
  in memory, hashed (SHA-256), limited to `KUAIBAN_UPLOAD_MAX_BYTES` (413), typed by its content (PDF, JPEG,
  PNG or OFD, see `sniffing`; else 415) and, with `KUAIBAN_CLAMD_URL`, scanned by clamd while it streams
  (malware: 422 `infected`). Every check is decided before the object is published, so a refused upload
  leaves nothing behind: the filesystem writes a temporary file and renames it (after fsync) only at the end;
  S3 sends one PUT for a file smaller than a part, else a multipart upload that is aborted when the stream
  fails, and completed only after the last check.
- A clamd that is configured but unreachable (or answers an error) refuses the upload with 503: an upload
  kept unscanned where scanning is required would be unsafe. Without clamd, uploads are `not_scanned`.
- The owning service keeps each document's row (key, size, sha256, media type, file name) in its own schema.
  The bytes are written before the row commits, so a crash leaves at worst an object without a row, never a
  row without its bytes: `list_older_than` gives a later sweep the objects to check for rows. It lists the
  filesystem's unfinished temporary files too (keys under `.incoming/`), which the sweep deletes the same way.
  S3 keeps the parts of a multipart upload cut short by a crash out of sight: configure the bucket's lifecycle
  rule AbortIncompleteMultipartUpload (a day, say).
- `download` answers what a route needs to serve a stored document: the status (200, 206, 304, 416), the
  headers (ETag, Range, Content-Disposition with the original name per RFC 6266/5987) and the bytes to stream.

S3 goes through obstore (the Python bindings of Rust's object_store), chosen over aioboto3: it is natively
async both ways (an async iterator in, multipart above a part's size, aborted when the iterator raises; a
byte-range GET streamed out in chunks), it lists with last-modified times, and it installs as one binary wheel
(plus typing-extensions), where aioboto3 brings boto3, botocore, s3transfer and aiobotocore (which holds
botocore to a narrow range) and signs and parses every request in Python. Being pre-1.0, it is pinned exactly.
"""

import asyncio
import hashlib
import logging
import os
import re
import stat
import struct
import unicodedata
import uuid
from abc import ABC, abstractmethod
from collections.abc import AsyncIterable, AsyncIterator, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO, Protocol
from urllib.parse import quote, unquote, urlsplit

import obstore
from obstore.exceptions import BaseError as ObjectStoreError
from obstore.exceptions import NotFoundError as ObjectNotFound
from obstore.store import S3Store

from services.common import sniffing
from services.common.problems import DomainError, NotFound, ProblemKind, Unavailable
from services.common.settings import Settings
from services.common.texts import Text

log = logging.getLogger("kuaiban.storage")

DEFAULT_DATA_DIR = ".kuaiban"  # the launcher's default, relative to the working directory it gives services
DEFAULT_MAX_BYTES = 20_000_000
READ_CHUNK = 64 * 1024  # what a download yields at a time
PART_SIZE = 5 * 1024 * 1024  # S3's smallest multipart part; a smaller upload is one PUT
INCOMING = ".incoming"  # the filesystem's temporary files, renamed into place when complete
_KEY = re.compile(r"[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*")


class ScanStatus(StrEnum):
    clean = "clean"  # clamd found nothing
    not_scanned = "not_scanned"  # no clamd configured (an infected file is never stored)


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """What `Documents.save` stored: what the owning service records in its row (with the original name)."""

    key: str
    size: int
    sha256: str  # lower-case hex
    media_type: str  # by content: application/pdf, image/jpeg, image/png or application/ofd
    scan: ScanStatus


@dataclass(frozen=True, slots=True)
class StoredObject:
    """An object as the store lists it."""

    key: str
    size: int
    modified_at: datetime


class FileTooLarge(DomainError):
    kind = ProblemKind.payload_too_large


class UnsupportedFile(DomainError):
    kind = ProblemKind.unsupported_media_type


class Infected(DomainError):
    kind = ProblemKind.infected


class ScannerUnavailable(Unavailable):
    """clamd is configured but cannot say: the upload is refused rather than kept unscanned."""


UNSUPPORTED = Text(
    "只接受 PDF、JPEG、PNG 或 OFD 文件（按文件内容判断，而非文件名）。",
    "Only PDF, JPEG, PNG or OFD files are accepted (judged by their content, not their name).",
)
SCANNER_DOWN = Text("病毒扫描服务暂不可用，请稍后重试。", "The virus scanner is unavailable; try again shortly.")
NO_FILE = Text("文件不存在。", "No such file.")
STORAGE_DOWN = Text("文件存储暂不可用，请稍后重试。", "The document storage is unavailable; try again shortly.")


def check_key(key: str) -> str:
    """A key is a relative path of letters, digits, `_`, `.` and `-` segments, none `.` or `..`."""
    if not _KEY.fullmatch(key) or any(part in {".", ".."} for part in key.split("/")):
        raise ValueError(f"not a document key: {key!r}")
    return key


def new_key(now: datetime, namespace: str = "") -> str:
    """A fresh random key under the month of `now`, below the namespace if any: `approval/2026/11/<32 hex>`."""
    return f"{namespace}/" * bool(namespace) + f"{now:%Y/%m}/{uuid.uuid4().hex}"


class DocumentStore(ABC):
    """Bytes under keys. `write` is all or nothing; `read` streams, a byte range if asked."""

    url: str  # where, for logs (no credentials)

    @abstractmethod
    async def write(self, key: str, chunks: AsyncIterable[bytes]) -> None:
        """Store the stream under `key`, replacing what was there; when the stream raises, the error passes
        through and nothing new is left under `key`."""

    @abstractmethod
    async def read(self, key: str, *, start: int = 0, length: int | None = None) -> AsyncIterator[bytes]:
        """The bytes from `start`, `length` of them (all the rest when None), as chunks. NotFound (raised by
        this call, before any chunk) when there is no such object."""

    @abstractmethod
    async def stat(self, key: str) -> StoredObject | None:
        """The object's size and time, or None when there is none."""

    @abstractmethod
    async def delete(self, key: str) -> None:
        """Remove the object; no error when there is none."""

    @abstractmethod
    def list_older_than(self, cutoff: datetime, *, prefix: str = "") -> AsyncIterator[StoredObject]:
        """Objects last written before `cutoff` (for the orphan sweep), under the folder `prefix` if given: whole
        segments, so `2026/1` lists nothing of `2026/11/`."""


class FileStore(DocumentStore):
    """Files under a folder: `<root>/<key>`, written to `<root>/.incoming/` first, fsynced and renamed."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.url = self.root.as_uri()

    def _path(self, key: str) -> Path:
        return self.root / check_key(key)

    async def write(self, key: str, chunks: AsyncIterable[bytes]) -> None:
        path, temporary = self._path(key), self.root / INCOMING / uuid.uuid4().hex
        try:
            handle = await asyncio.to_thread(_create, temporary)
        except OSError as error:  # a read-only or missing volume, no permission: the storage, not the caller
            log.error("document folder %s: cannot write: %r", self.root, error)
            raise Unavailable(STORAGE_DOWN) from error
        try:
            async for chunk in chunks:
                await asyncio.to_thread(handle.write, chunk)
            await asyncio.to_thread(_publish, handle, temporary, path)
        except BaseException as error:  # a refused upload, a failed disk, a cancelled request: no trace left
            handle.close()
            temporary.unlink(missing_ok=True)
            if isinstance(error, OSError):  # the disk full or failing
                log.error("document folder %s: write of %r failed: %r", self.root, key, error)
                raise Unavailable(STORAGE_DOWN) from error
            raise

    async def read(self, key: str, *, start: int = 0, length: int | None = None) -> AsyncIterator[bytes]:
        try:
            handle = await asyncio.to_thread(open, self._path(key), "rb")
        except (FileNotFoundError, IsADirectoryError):
            raise NotFound(NO_FILE) from None
        handle.seek(start)  # no I/O: the next read starts there
        return _file_chunks(handle, length)

    async def stat(self, key: str) -> StoredObject | None:
        try:
            found = await asyncio.to_thread(os.stat, self._path(key))
        except FileNotFoundError:
            return None
        if not stat.S_ISREG(found.st_mode):
            return None
        return StoredObject(key, found.st_size, datetime.fromtimestamp(found.st_mtime, UTC))

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self._path(key).unlink, missing_ok=True)

    async def list_older_than(self, cutoff: datetime, *, prefix: str = "") -> AsyncIterator[StoredObject]:
        for found in await asyncio.to_thread(self._older_than, cutoff.timestamp(), prefix):
            yield found

    def _older_than(self, cutoff: float, prefix: str) -> list[StoredObject]:
        found = []
        for folder, _, names in os.walk(self._path(prefix.strip("/")) if prefix.strip("/") else self.root):
            for name in names:
                path = Path(folder, name)
                try:
                    info = path.stat()
                except FileNotFoundError:  # deleted meanwhile
                    continue
                if info.st_mtime < cutoff:
                    modified_at = datetime.fromtimestamp(info.st_mtime, UTC)
                    found.append(StoredObject(path.relative_to(self.root).as_posix(), info.st_size, modified_at))
        return found


def _create(path: Path) -> BinaryIO:
    path.parent.mkdir(parents=True, exist_ok=True)
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")


def _publish(handle: BinaryIO, temporary: Path, path: Path) -> None:
    """Durably in place: the file's bytes on disk, then the rename, then the folder's entry on disk."""
    handle.flush()
    os.fsync(handle.fileno())
    handle.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    os.replace(temporary, path)
    folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


async def _file_chunks(handle: BinaryIO, length: int | None) -> AsyncIterator[bytes]:
    try:
        left = length
        while left is None or left > 0:
            chunk = await asyncio.to_thread(handle.read, READ_CHUNK if left is None else min(READ_CHUNK, left))
            if not chunk:
                return
            if left is not None:
                left -= len(chunk)
            yield chunk
    finally:
        handle.close()


class S3DocumentStore(DocumentStore):
    """Objects in an S3-compatible bucket, under a prefix, through obstore."""

    def __init__(
        self,
        bucket: str,
        prefix: str = "",
        *,
        environ: Mapping[str, str] | None = None,
        part_size: int = PART_SIZE,
        retry_config: Mapping[str, Any] | None = None,  # obstore's RetryConfig; its default retries for ~15 s
    ) -> None:
        env = os.environ if environ is None else environ
        endpoint = env.get("KUAIBAN_S3_ENDPOINT_URL") or env.get("AWS_ENDPOINT_URL_S3") or env.get("AWS_ENDPOINT_URL")
        config: dict[str, Any] = {"region": env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION") or "us-east-1"}
        for setting, variable in (
            ("access_key_id", "AWS_ACCESS_KEY_ID"),
            ("secret_access_key", "AWS_SECRET_ACCESS_KEY"),
            ("session_token", "AWS_SESSION_TOKEN"),
        ):
            if env.get(variable):
                config[setting] = env[variable]
        options: dict[str, Any] = {}
        if endpoint:
            config["endpoint"] = endpoint.rstrip("/")
            options["allow_http"] = endpoint.startswith("http://")
        self.part_size = part_size
        self.url = f"s3://{bucket}/{prefix}".rstrip("/") + (f" at {endpoint}" if endpoint else "")
        self._store = S3Store(
            bucket, prefix=prefix or None, config=config, client_options=options or None, retry_config=retry_config
        )

    async def write(self, key: str, chunks: AsyncIterable[bytes]) -> None:
        with _unavailable("write", key):
            await self._write(check_key(key), chunks)

    async def _write(self, key: str, chunks: AsyncIterable[bytes]) -> None:
        stream = aiter(chunks)
        head: list[bytes] = []
        held = 0
        async for chunk in stream:  # up to a part first: a smaller file is one PUT, sent only when complete
            head.append(chunk)
            held += len(chunk)
            if held >= self.part_size:
                break
        else:
            await obstore.put_async(self._store, key, b"".join(head), use_multipart=False)
            return

        async def whole() -> AsyncIterator[bytes]:
            while head:
                yield head.pop(0)
            async for chunk in stream:
                yield chunk

        # Two parts in flight at most: memory stays near 2 × part_size whatever the file's size. obstore
        # aborts the multipart upload when `whole()` raises, and completes it only after its end.
        await obstore.put_async(self._store, key, whole(), chunk_size=self.part_size, max_concurrency=2)

    async def read(self, key: str, *, start: int = 0, length: int | None = None) -> AsyncIterator[bytes]:
        check_key(key)
        if length == 0:
            if await self.stat(key) is None:
                raise NotFound(NO_FILE)
            return _nothing()
        options: dict[str, Any] = {}
        if length is not None:
            options["range"] = (start, start + length)
        elif start:
            options["range"] = {"offset": start}
        with _unavailable("read", key):
            result = await obstore.get_async(self._store, key, options=options or None)
        return _s3_chunks(result.stream(min_chunk_size=READ_CHUNK))

    async def stat(self, key: str) -> StoredObject | None:
        try:
            with _unavailable("stat", key):
                meta = await obstore.head_async(self._store, check_key(key))
        except NotFound:
            return None
        return StoredObject(key, meta["size"], meta["last_modified"])

    async def delete(self, key: str) -> None:
        with _unavailable("delete", key):
            await obstore.delete_async(self._store, check_key(key))

    async def list_older_than(self, cutoff: datetime, *, prefix: str = "") -> AsyncIterator[StoredObject]:
        with _unavailable("list", prefix):
            async for batch in obstore.list(self._store, prefix=check_key(prefix.strip("/")) if prefix else None):
                for meta in batch:
                    if meta["last_modified"] < cutoff:
                        yield StoredObject(meta["path"], meta["size"], meta["last_modified"])


@contextmanager
def _unavailable(action: str, key: str) -> Iterator[None]:
    """obstore's errors as NotFound (no such object, when reading) or Unavailable (503: the storage failed, its
    retries spent; a write's "not found" is a missing bucket). Anything else, such as the refusal of an upload
    by its own checks, passes through as it is."""
    try:
        yield
    except (FileNotFoundError, ObjectNotFound) as missing:
        if action in {"read", "stat", "delete"}:
            raise NotFound(NO_FILE) from missing
        log.error("object storage: %s of %r failed: %s", action, key, missing)
        raise Unavailable(STORAGE_DOWN) from missing
    except ObjectStoreError as error:
        log.error("object storage: %s of %r failed: %s", action, key, error)
        raise Unavailable(STORAGE_DOWN) from error


async def _nothing() -> AsyncIterator[bytes]:
    return
    yield b""  # an async generator that yields nothing


async def _s3_chunks(stream: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    async for chunk in stream:
        yield bytes(chunk)


def document_store(
    url: str, *, data_dir: str | Path = DEFAULT_DATA_DIR, environ: Mapping[str, str] | None = None
) -> DocumentStore:
    """The store `KUAIBAN_STORAGE_URL` names: empty for `<data_dir>/documents`, `file:///path` or a plain path,
    or `s3://bucket/prefix` (endpoint and credentials from `environ`, the process's by default)."""
    if not url:
        return FileStore(Path(data_dir) / "documents")
    parts = urlsplit(url)
    if parts.scheme == "s3":
        if not parts.netloc:
            raise ValueError(f"KUAIBAN_STORAGE_URL names no bucket: {url}")
        return S3DocumentStore(parts.netloc, parts.path.strip("/"), environ=environ)
    if parts.scheme == "file":
        if parts.netloc not in {"", "localhost"} or not parts.path:
            raise ValueError(f"KUAIBAN_STORAGE_URL: a file URL is file:///absolute/path, not {url}")
        return FileStore(Path(unquote(parts.path)))
    if not parts.scheme:
        return FileStore(Path(url))
    raise ValueError(f"KUAIBAN_STORAGE_URL must be file:///path, a path or s3://bucket/prefix, not {url}")


# The virus scan: clamd's INSTREAM command (https://docs.clamav.net/manual/Usage/Scanning.html#clamd).

CLAMD_CHUNK = 64 * 1024


class Clamd:
    """A clamd daemon at `tcp://host:port` or `unix:///path/clamd.sock`."""

    def __init__(self, url: str, *, timeout: float = 30.0) -> None:
        parts = urlsplit(url)
        self._tcp = (parts.hostname, parts.port) if parts.scheme == "tcp" and parts.hostname and parts.port else None
        self._unix = parts.path if parts.scheme == "unix" and parts.path else None
        if self._tcp is None and self._unix is None:
            raise ValueError(f"KUAIBAN_CLAMD_URL must be tcp://host:port or unix:///path, not {url}")
        self.url, self.timeout = url, timeout

    async def _connect(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        try:
            async with asyncio.timeout(self.timeout):
                if self._tcp is not None:
                    return await asyncio.open_connection(*self._tcp)
                return await asyncio.open_unix_connection(self._unix)
        except (OSError, TimeoutError) as error:
            log.warning("clamd at %s unreachable: %r", self.url, error)
            raise ScannerUnavailable(SCANNER_DOWN) from error

    async def start(self) -> "ClamdScan":
        """A scan under way: feed it the bytes, then ask for the verdict. ScannerUnavailable when unreachable."""
        reader, writer = await self._connect()
        scan = ClamdScan(reader, writer, self)
        try:
            await scan.send_raw(b"zINSTREAM\0")
        except ScannerUnavailable:
            scan.close()
            raise
        return scan

    async def ping(self) -> bool:
        """Whether clamd answers PONG (for a readiness check)."""
        try:
            reader, writer = await self._connect()
        except ScannerUnavailable:
            return False
        try:
            async with asyncio.timeout(self.timeout):
                writer.write(b"zPING\0")
                await writer.drain()
                return (await reader.readuntil(b"\0")).rstrip(b"\0") == b"PONG"
        except (OSError, TimeoutError, asyncio.IncompleteReadError):
            return False
        finally:
            writer.close()


class ClamdScan:
    """One INSTREAM exchange: chunks with 4-byte big-endian lengths, a zero length to end, one answer."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, clamd: Clamd) -> None:
        self._reader, self._writer, self._clamd = reader, writer, clamd

    async def send_raw(self, data: bytes) -> None:
        try:
            async with asyncio.timeout(self._clamd.timeout):
                self._writer.write(data)
                await self._writer.drain()
        except (OSError, TimeoutError) as error:  # clamd hung up (its StreamMaxLength, say) or stalled
            log.warning("clamd at %s failed mid-stream: %r", self._clamd.url, error)
            raise ScannerUnavailable(SCANNER_DOWN) from error

    async def send(self, data: bytes) -> None:
        view = memoryview(data)
        for offset in range(0, len(view), CLAMD_CHUNK):
            piece = view[offset : offset + CLAMD_CHUNK]
            await self.send_raw(struct.pack(">I", len(piece)) + piece)

    async def verdict(self) -> str | None:
        """None when clean, else the signature clamd found. ScannerUnavailable for any other answer."""
        await self.send_raw(struct.pack(">I", 0))
        try:
            async with asyncio.timeout(self._clamd.timeout):
                answer = await self._reader.readuntil(b"\0")
        except asyncio.IncompleteReadError as cut:
            answer = cut.partial
        except (OSError, TimeoutError, asyncio.LimitOverrunError) as error:
            log.warning("clamd at %s gave no verdict: %r", self._clamd.url, error)
            raise ScannerUnavailable(SCANNER_DOWN) from error
        text = answer.rstrip(b"\0").decode("utf-8", "replace").strip()
        found = text.removeprefix("stream:").strip()
        if found == "OK":
            return None
        if found.endswith(" FOUND"):
            return found.removesuffix(" FOUND").strip()
        log.warning("clamd at %s answered %r", self._clamd.url, text)
        raise ScannerUnavailable(SCANNER_DOWN)

    def close(self) -> None:
        self._writer.close()


# Uploads: the checks every byte passes on its way into the store.


class _Upload:
    """One upload's running state: its size, hash, type and the scan fed alongside."""

    def __init__(self, max_bytes: int, scan: ClamdScan | None) -> None:
        self.max_bytes, self.scan = max_bytes, scan
        self.size = 0
        self.hash = hashlib.sha256()
        self.media_type: str | None = None
        self._tail = bytearray()  # the end of a ZIP, for its central directory

    async def checked(self, chunks: AsyncIterable[bytes]) -> AsyncIterator[bytes]:
        head = bytearray()
        async for chunk in chunks:
            self.size += len(chunk)
            if self.size > self.max_bytes:
                raise FileTooLarge(
                    Text(
                        f"文件超过上限 {self.max_bytes:,} 字节，未予保存。",
                        f"The file exceeds the limit of {self.max_bytes:,} bytes; it was not kept.",
                    )
                )
            if self.media_type is None:
                head += chunk
                if len(head) < sniffing.SNIFF_BYTES:
                    continue
                chunk, head = bytes(head), bytearray()
                self._sniff(chunk)
            yield await self._pass(chunk)
        if self.media_type is None:  # all of it shorter than SNIFF_BYTES
            self._sniff(bytes(head))
            yield await self._pass(bytes(head))
        await self._finish()

    def _sniff(self, head: bytes) -> None:
        self.media_type = sniffing.sniff(head)
        if self.media_type is None:
            raise UnsupportedFile(UNSUPPORTED)

    async def _pass(self, chunk: bytes) -> bytes:
        self.hash.update(chunk)
        if self.media_type == sniffing.ZIP:
            self._tail += chunk
            del self._tail[: max(0, len(self._tail) - sniffing.ZIP_TAIL_BYTES)]
        if self.scan is not None:
            await self.scan.send(chunk)
        return chunk

    async def _finish(self) -> None:
        """The last checks, before the store publishes the object: an OFD's root entry, the scan's verdict."""
        if self.media_type == sniffing.ZIP:
            if not sniffing.is_ofd(bytes(self._tail)):
                raise UnsupportedFile(UNSUPPORTED)
            self.media_type = sniffing.OFD
        if self.scan is not None and (signature := await self.scan.verdict()) is not None:
            log.warning("upload refused: clamd found %s", signature)
            raise Infected(
                Text(
                    f"文件含有恶意代码（{signature}），未予保存。",
                    f"The file contains malware ({signature}); it was not kept.",
                )
            )


class Documents:
    """The store with the upload rules: the size limit, the accepted types and the virus scan."""

    def __init__(
        self,
        store: DocumentStore,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        scanner: Clamd | None = None,
        namespace: str = "",
    ):
        self.store, self.max_bytes, self.scanner = store, max_bytes, scanner
        self.namespace = check_key(namespace) if namespace else ""  # the owning service's folder of keys

    @classmethod
    def from_settings(cls, settings: Settings, *, namespace: str = "") -> "Documents":
        store = document_store(settings.storage_url, data_dir=settings.data_dir or DEFAULT_DATA_DIR)
        scanner = Clamd(settings.clamd_url) if settings.clamd_url else None
        return cls(store, max_bytes=settings.upload_max_bytes, scanner=scanner, namespace=namespace)

    async def save(self, chunks: AsyncIterable[bytes], *, now: datetime) -> StoredDocument:
        """Stream an upload into the store under a new key: raises FileTooLarge (413), UnsupportedFile (415),
        Infected (422) or ScannerUnavailable (503), and then nothing is kept."""
        scan = await self.scanner.start() if self.scanner is not None else None
        upload = _Upload(self.max_bytes, scan)
        key = new_key(now, self.namespace)
        try:
            await self.store.write(key, upload.checked(chunks))
        finally:
            if scan is not None:
                scan.close()
        assert upload.media_type is not None  # checked() decided it or raised
        status = ScanStatus.clean if scan is not None else ScanStatus.not_scanned
        return StoredDocument(key, upload.size, upload.hash.hexdigest(), upload.media_type, status)


class _Readable(Protocol):
    async def read(self, size: int = -1, /) -> bytes: ...


async def upload_chunks(file: _Readable, chunk_size: int = READ_CHUNK) -> AsyncIterator[bytes]:
    """The chunks of a Starlette `UploadFile` (or anything with an async `read(size)`), for `Documents.save`;
    a request's own `request.stream()` is such an iterator already."""
    while chunk := await file.read(chunk_size):
        yield chunk


# Downloads: what a route answers for a stored document, given the request's Range and If-None-Match.


UNSATISFIABLE = "unsatisfiable"
_BYTE_RANGE = re.compile(r"(\d*)-(\d*)", re.ASCII)


@dataclass(frozen=True, slots=True)
class ByteRange:
    start: int
    end: int  # inclusive, as HTTP counts

    @property
    def length(self) -> int:
        return self.end - self.start + 1


@dataclass(frozen=True, slots=True)
class Download:
    """The answer's status and headers, and the bytes to stream (`body`: None for no body, 304 and 416)."""

    status: int
    headers: dict[str, str]
    body: ByteRange | None


def download(
    *,
    size: int,
    sha256: str,
    media_type: str,
    filename: str,
    range_header: str | None = None,
    if_none_match: str | None = None,
    if_range: str | None = None,
    disposition: str = "attachment",
) -> Download:
    """The answer to a GET of a stored document, RFC 9110: 304 when `If-None-Match` names its ETag (the
    sha256, quoted); 206 for one satisfiable byte range; 416 when no range is satisfiable; else 200 with it all.

    Several ranges are answered with the whole document (200), as RFC 9110 allows: no multipart/byteranges, and
    no amplification by overlapping ranges. A malformed Range, a non-byte unit, an `If-Range` that is not the
    current ETag, or an empty document: the whole document too.
    """
    etag = f'"{sha256}"'
    cache = "private, no-cache"  # private papers: no shared cache; a client revalidates (a cheap 304)
    if if_none_match is not None and _matches(if_none_match, etag):
        return Download(304, {"ETag": etag, "Cache-Control": cache}, None)
    chosen = _range(range_header, size) if range_header and (if_range is None or if_range.strip() == etag) else None
    if chosen == UNSATISFIABLE:
        return Download(416, {"Content-Range": f"bytes */{size}", "Accept-Ranges": "bytes", "ETag": etag}, None)
    headers = {
        "Content-Type": media_type,
        "Content-Length": str(size),
        "Accept-Ranges": "bytes",
        "ETag": etag,
        "Content-Disposition": content_disposition(filename, disposition),
        "Cache-Control": cache,
        "X-Content-Type-Options": "nosniff",
    }
    if isinstance(chosen, ByteRange):
        headers["Content-Range"] = f"bytes {chosen.start}-{chosen.end}/{size}"
        headers["Content-Length"] = str(chosen.length)
        return Download(206, headers, chosen)
    return Download(200, headers, ByteRange(0, size - 1) if size else None)


def _matches(if_none_match: str, etag: str) -> bool:
    """If-None-Match's weak comparison: `*`, or any listed tag equal to ours with or without `W/`."""
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in tags or etag in tags


def _range(header: str, size: int) -> ByteRange | str | None:
    """The one byte range asked for; UNSATISFIABLE; or None to send it all (several, malformed, empty)."""
    unit, _, spec = header.partition("=")
    if unit.strip().lower() != "bytes" or size == 0:
        return None
    specs = [part.strip() for part in spec.split(",") if part.strip()]
    asked = _BYTE_RANGE.fullmatch(specs[0]) if len(specs) == 1 else None
    if asked is None or asked.group(1) == asked.group(2) == "":
        return None
    first, last = asked.groups()
    if not first:  # the last N bytes
        suffix = int(last)
        return ByteRange(max(0, size - suffix), size - 1) if suffix else UNSATISFIABLE
    start = int(first)
    if last and int(last) < start:
        return None  # invalid: ignored
    if start >= size:
        return UNSATISFIABLE
    return ByteRange(start, min(int(last), size - 1) if last else size - 1)


def content_disposition(filename: str, disposition: str = "attachment") -> str:
    """RFC 6266 with RFC 5987's `filename*` for any name (营业执照.pdf), and a plain ASCII `filename` for old
    clients: accents dropped, quotes, backslashes and controls replaced, a name of only CJK made `document.ext`."""
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip() or "document"
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r'["\\;%]', "_", ascii_name).strip()
    stem, dot, extension = ascii_name.rpartition(".")
    if not (stem.strip(" ._-") if dot else ascii_name.strip(" ._-")):
        ascii_name = "document" + (f".{extension}" if dot and extension else "")
    return f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"

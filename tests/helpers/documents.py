"""Documents for the storage tests: tiny valid files of each accepted kind, uploads as chunk streams, an
S3-compatible server on loopback (moto's, in a thread) and a fake clamd that speaks INSTREAM."""

import asyncio
import io
import struct
import uuid
import zipfile
import zlib
from collections.abc import AsyncIterator, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from moto.server import ThreadedMotoServer

from services.common.storage import DocumentStore, FileStore, S3DocumentStore

BUCKET = "kuaiban-test-documents"
VIRUS_MARKER = b"KUAIBAN-FAKE-VIRUS-SIGNATURE"  # what the fake clamd "finds" (not the real EICAR string)
SIGNATURE = "Eicar-Test-Signature"


def pdf(body: bytes = b"") -> bytes:
    return b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + body + b"\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)  # 1 × 1, 8-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0\0")) + chunk(b"IEND", b"")


def jpeg() -> bytes:
    start_and_jfif = b"\xff\xd8" + b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    return start_and_jfif + b"\xff\xd9"  # SOI, APP0 (JFIF 1.1), EOI


def zip_archive(entries: Iterable[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def ofd(*, first: str = "OFD.xml", padding: bytes = b"") -> bytes:
    """An OFD package: OFD.xml at the root (first, or after the document's own files), optional padding."""
    root = ("OFD.xml", b'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>')
    document = [("Doc_0/Document.xml", b"<ofd:Document/>"), ("Doc_0/Res/padding.bin", padding)]
    return zip_archive([root, *document] if first == "OFD.xml" else [*document, root])


def files_under(folder: Path) -> list[str]:
    """The names of the files anywhere under `folder` (a filesystem store's objects and temporary files)."""
    return sorted(path.name for path in folder.rglob("*") if path.is_file())


async def chunked(data: bytes, size: int = 64 * 1024) -> AsyncIterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]
        await asyncio.sleep(0)


async def generated(total: int, size: int = 64 * 1024, head: bytes = b"") -> AsyncIterator[bytes]:
    """`head`, then a pattern up to `total` bytes, made as it is sent: never all of it at once."""
    yield head
    sent, block = len(head), bytes(range(256)) * (size // 256)
    while sent < total:
        piece = block[: min(size, total - sent)]
        sent += len(piece)
        yield piece


def generated_bytes(total: int, size: int = 64 * 1024, head: bytes = b"") -> bytes:
    """What `generated` sends, at once (to compare with)."""
    block = bytes(range(256)) * (size // 256)
    body = b"".join(block for _ in range((total - len(head)) // len(block) + 1))
    return (head + body)[:total]


async def collect(chunks: AsyncIterator[bytes]) -> bytes:
    return b"".join([chunk async for chunk in chunks])


class S3Server:
    """moto's S3 on 127.0.0.1 (a free port), with one bucket; each test takes a store under its own prefix."""

    def __init__(self) -> None:
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)

    def start(self) -> None:
        self._server.start()
        host, port = self._server.get_host_and_port()
        self.endpoint = f"http://{host}:{port}"
        httpx.put(f"{self.endpoint}/{BUCKET}").raise_for_status()

    def stop(self) -> None:
        self._server.stop()

    @property
    def environ(self) -> dict[str, str]:
        return {
            "KUAIBAN_S3_ENDPOINT_URL": self.endpoint,
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_REGION": "us-east-1",
        }

    def store(self, part_size: int | None = None) -> S3DocumentStore:
        prefix = f"t-{uuid.uuid4().hex[:12]}"
        extra = {"part_size": part_size} if part_size else {}
        return S3DocumentStore(BUCKET, prefix, environ=self.environ, **extra)

    def pending_uploads(self) -> int:
        """The bucket's multipart uploads begun and neither completed nor aborted (S3's ListMultipartUploads)."""
        answer = httpx.get(f"{self.endpoint}/{BUCKET}", params={"uploads": ""})
        answer.raise_for_status()
        return answer.content.count(b"<Upload>")


@contextmanager
def s3_server() -> Iterator[S3Server]:
    server = S3Server()
    server.start()
    try:
        yield server
    finally:
        server.stop()


class FakeClamd:
    """clamd's INSTREAM and PING on 127.0.0.1 (or a unix socket): `stream: OK`, or a FOUND when the bytes hold
    VIRUS_MARKER, or `answer` whatever they hold (b"": none, the connection closed). Keeps what it was sent, and
    each chunk's length."""

    def __init__(self, *, answer: bytes | None = None, unix_path: Path | None = None) -> None:
        self.answer, self.unix_path = answer, unix_path
        self.streams: list[bytes] = []
        self.chunk_lengths: list[int] = []
        self.commands: list[bytes] = []

    async def __aenter__(self) -> "FakeClamd":
        if self.unix_path is not None:
            self._server = await asyncio.start_unix_server(self._serve, str(self.unix_path))
            self.url = f"unix://{self.unix_path}"
        else:
            self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
            self.url = f"tcp://127.0.0.1:{self._server.sockets[0].getsockname()[1]}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._server.close()
        await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            command = await reader.readuntil(b"\0")
            self.commands.append(command)
            if command == b"zPING\0":
                writer.write(b"PONG\0")
            elif command == b"zINSTREAM\0":
                stream = bytearray()
                while length := struct.unpack(">I", await reader.readexactly(4))[0]:
                    self.chunk_lengths.append(length)
                    stream += await reader.readexactly(length)
                self.streams.append(bytes(stream))
                verdict = f"stream: {SIGNATURE} FOUND\0" if VIRUS_MARKER in stream else "stream: OK\0"
                writer.write(verdict.encode() if self.answer is None else self.answer)
            await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass  # the client gave up: nothing to answer
        finally:
            writer.close()


BACKENDS = ["file", "s3"]


def backend(request: pytest.FixtureRequest, tmp_path: Path) -> DocumentStore:
    """For a `store` fixture parametrized over BACKENDS: a folder of the test's, or a prefix of the test's in
    the loopback bucket (the test module's `s3` fixture, started only when an S3 test runs)."""
    if request.param == "file":
        return FileStore(tmp_path / "documents")
    return request.getfixturevalue("s3").store()

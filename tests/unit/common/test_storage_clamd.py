"""The virus-scan hook: with KUAIBAN_CLAMD_URL, every upload streams through clamd's INSTREAM as it is stored,
and the verdict comes before the object is published. A fake clamd on 127.0.0.1 (or a unix socket) answers."""

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from services.common.storage import (
    CLAMD_CHUNK,
    Clamd,
    Documents,
    DocumentStore,
    FileStore,
    Infected,
    S3DocumentStore,
    ScannerUnavailable,
    ScanStatus,
)
from tests.helpers.documents import (
    BACKENDS,
    SIGNATURE,
    VIRUS_MARKER,
    FakeClamd,
    backend,
    chunked,
    generated,
    generated_bytes,
    pdf,
    png,
)
from tests.helpers.peers import closed_port

NOW = datetime(2026, 11, 30, 9, 30, tzinfo=UTC)


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path) -> DocumentStore:
    return backend(request, tmp_path)


async def nothing_left(store: DocumentStore) -> bool:
    return [found async for found in store.list_older_than(datetime(2100, 1, 1, tzinfo=UTC))] == []


async def test_a_clean_upload_is_streamed_to_clamd_in_framed_chunks_and_marked_clean(store: DocumentStore):
    data = generated_bytes(300_000, head=pdf())
    async with FakeClamd() as clamd:
        stored = await Documents(store, scanner=Clamd(clamd.url)).save(chunked(data, 100_000), now=NOW)
    assert stored.scan == ScanStatus.clean
    assert clamd.commands == [b"zINSTREAM\0"] and clamd.streams == [data]
    assert max(clamd.chunk_lengths) <= CLAMD_CHUNK and sum(clamd.chunk_lengths) == len(data)
    assert await store.stat(stored.key) is not None


@pytest.mark.parametrize("size", [2_000, 7 * 1024 * 1024], ids=["one-put", "multipart"])
async def test_an_infected_upload_is_refused_with_422_and_never_published(
    store: DocumentStore, request: pytest.FixtureRequest, size: int
):
    async with FakeClamd() as clamd:
        with pytest.raises(Infected) as refused:
            await Documents(store, scanner=Clamd(clamd.url)).save(generated(size, head=pdf(VIRUS_MARKER)), now=NOW)
    assert refused.value.status == 422 and refused.value.kind.code == "infected"
    assert SIGNATURE in refused.value.detail and SIGNATURE in refused.value.detail.en
    assert len(clamd.streams[0]) == size
    assert await nothing_left(store)
    if isinstance(store, S3DocumentStore):
        assert request.getfixturevalue("s3").pending_uploads() == 0


async def test_an_unreachable_clamd_refuses_the_upload_with_503_before_reading_it(tmp_path):
    files = FileStore(tmp_path / "documents")
    read = []

    async def upload() -> AsyncIterator[bytes]:
        read.append(True)
        yield pdf()

    scanner = Clamd(f"tcp://127.0.0.1:{closed_port()}", timeout=5)
    with pytest.raises(ScannerUnavailable) as refused:
        await Documents(files, scanner=scanner).save(upload(), now=NOW)
    assert refused.value.status == 503 and refused.value.kind.code == "service_unavailable"
    assert refused.value.detail.en == "The virus scanner is unavailable; try again shortly."
    assert read == [] and await nothing_left(files)
    assert not await scanner.ping()


@pytest.mark.parametrize(
    "answer",
    [b"INSTREAM size limit exceeded. ERROR\0", b"stream: Can't allocate memory ERROR\0", b"", b"garbage"],
    ids=["size-limit", "error", "hung-up", "no-terminator"],
)
async def test_clamd_answering_anything_but_ok_or_found_refuses_with_503(tmp_path, answer: bytes):
    files = FileStore(tmp_path / "documents")
    async with FakeClamd(answer=answer) as clamd:
        with pytest.raises(ScannerUnavailable):
            await Documents(files, scanner=Clamd(clamd.url)).save(chunked(png()), now=NOW)
    assert clamd.streams == [png()] and await nothing_left(files)


async def test_a_clamd_that_never_answers_times_out_with_503(tmp_path):
    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read()  # until the client closes
        writer.close()

    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    scanner = Clamd(f"tcp://127.0.0.1:{server.sockets[0].getsockname()[1]}", timeout=0.3)
    try:
        with pytest.raises(ScannerUnavailable):
            await Documents(FileStore(tmp_path), scanner=scanner).save(chunked(pdf()), now=NOW)
        assert not await scanner.ping()
    finally:
        server.close()


async def test_clamd_on_a_unix_socket_and_its_ping(tmp_path):
    async with FakeClamd(unix_path=tmp_path / "clamd.sock") as clamd:
        scanner = Clamd(clamd.url)
        assert await scanner.ping()
        stored = await Documents(FileStore(tmp_path / "documents"), scanner=scanner).save(chunked(png()), now=NOW)
    assert stored.scan == ScanStatus.clean and clamd.commands == [b"zPING\0", b"zINSTREAM\0"]


@pytest.mark.parametrize("url", ["http://clamd:3310", "tcp://clamd", "unix://", "clamd:3310"])
def test_a_clamd_url_is_tcp_with_a_port_or_a_unix_path(url: str):
    with pytest.raises(ValueError, match="KUAIBAN_CLAMD_URL"):
        Clamd(url)

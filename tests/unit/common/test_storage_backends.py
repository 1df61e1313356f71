"""The document store's two backends pass the same tests: the filesystem in a folder of the test's, and S3 on
moto's server on loopback. An upload is streamed, hashed, limited in size and typed by its content, and a
refused one leaves nothing behind; reads take byte ranges; old objects are listed for the orphan sweep."""

import hashlib
import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import pytest

from services.common import sniffing
from services.common.problems import NotFound, Unavailable
from services.common.storage import (
    INCOMING,
    Documents,
    DocumentStore,
    FileStore,
    FileTooLarge,
    S3DocumentStore,
    ScanStatus,
    UnsupportedFile,
    check_key,
)
from tests.helpers.documents import (
    BACKENDS,
    BUCKET,
    S3Server,
    backend,
    chunked,
    collect,
    generated,
    generated_bytes,
    jpeg,
    ofd,
    pdf,
    png,
    zip_archive,
)
from tests.helpers.peers import closed_port

NOW = datetime(2026, 11, 30, 9, 30, tzinfo=UTC)
MiB = 1024 * 1024


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path) -> DocumentStore:
    return backend(request, tmp_path)


async def keys(store: DocumentStore, *, prefix: str = "") -> list[str]:
    """Every object's key (all are older than a day ahead)."""
    later = datetime.now(UTC) + timedelta(days=1)
    return sorted([found.key async for found in store.list_older_than(later, prefix=prefix)])


async def test_an_upload_round_trips_with_its_size_hash_type_and_a_random_key(store: DocumentStore):
    data = pdf(b"(\xe8\x90\xa5\xe4\xb8\x9a\xe6\x89\xa7\xe7\x85\xa7) Tj" * 500)
    stored = await Documents(store).save(chunked(data, 1000), now=NOW)
    assert stored.key.startswith("2026/11/") and len(stored.key.rsplit("/", 1)[1]) == 32
    assert (stored.size, stored.sha256) == (len(data), hashlib.sha256(data).hexdigest())
    assert (stored.media_type, stored.scan) == ("application/pdf", ScanStatus.not_scanned)
    assert await collect(await store.read(stored.key)) == data
    assert (await store.stat(stored.key)).size == len(data)
    again = await Documents(store).save(chunked(data), now=NOW)
    assert again.key != stored.key and again.sha256 == stored.sha256
    assert await keys(store) == sorted([stored.key, again.key])


@pytest.mark.parametrize(
    ("data", "media_type"),
    [
        (pdf(), "application/pdf"),
        (png(), "image/png"),
        (jpeg(), "image/jpeg"),
        (ofd(), "application/ofd"),
        (ofd(first="Doc_0/Document.xml", padding=os.urandom(40_000)), "application/ofd"),  # OFD.xml last, past 8 KiB
    ],
    ids=["pdf", "png", "jpeg", "ofd", "ofd-root-entry-last"],
)
async def test_the_four_accepted_kinds_are_typed_by_their_content(store: DocumentStore, data: bytes, media_type: str):
    stored = await Documents(store).save(chunked(data, 4096), now=NOW)
    assert stored.media_type == media_type
    assert await collect(await store.read(stored.key)) == data


@pytest.mark.parametrize(
    "data",
    [
        b"This is a plain text file, renamed contract.pdf by its sender.\n" * 3,
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00;",
        zip_archive([("word/document.xml", b"<w:document/>"), ("[Content_Types].xml", b"<Types/>")]),
        zip_archive([("Doc_0/OFD.xml", b"<ofd:OFD/>")]),  # OFD.xml, but not at the root
        b"MZ\x90\x00" + bytes(20_000),  # a Windows executable
        b"",
    ],
    ids=["text-named-pdf", "gif", "docx-like-zip", "ofd-xml-not-at-root", "exe", "empty"],
)
async def test_other_kinds_are_refused_with_415_and_leave_nothing(store: DocumentStore, data: bytes):
    with pytest.raises(UnsupportedFile) as refused:
        await Documents(store).save(chunked(data, 1000), now=NOW)
    assert refused.value.status == 415 and refused.value.kind.code == "unsupported_media_type"
    assert refused.value.detail.en.startswith("Only PDF, JPEG, PNG or OFD")
    assert await keys(store) == []


async def test_a_large_upload_streams_through_in_chunks_and_is_read_back_in_chunks(store: DocumentStore):
    """12 MiB made 64 KiB at a time (S3: a multipart upload, at most a part before it starts and two in flight),
    read back in chunks; the filesystem's memory bound is measured in the next test."""
    total = 12 * MiB
    stored = await Documents(store).save(generated(total, head=pdf()), now=NOW)
    expected = generated_bytes(total, head=pdf())
    assert (stored.size, stored.sha256) == (total, hashlib.sha256(expected).hexdigest())
    digest, count = hashlib.sha256(), 0
    async for chunk in await store.read(stored.key):
        digest.update(chunk)
        count += 1
    assert digest.hexdigest() == stored.sha256 and count > 1


def test_a_large_upload_to_the_filesystem_is_never_held_whole(tmp_path):
    """What Python holds at once while 12 MiB stream to a folder, in a process of its own: in this one, the
    loopback S3 server's threads allocate as they please (tracemalloc counts every thread)."""
    script = f"""
import asyncio, tracemalloc
from datetime import UTC, datetime
from pathlib import Path
from services.common.storage import Documents, FileStore
from tests.helpers.documents import generated, pdf

async def main():
    tracemalloc.start()
    await Documents(FileStore(Path({str(tmp_path)!r}))).save(generated({12 * MiB}, head=pdf()), now=datetime.now(UTC))
    print(tracemalloc.get_traced_memory()[1])

asyncio.run(main())
"""
    ran = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    peak = int(ran.stdout.strip())
    assert peak < MiB, f"{peak:,} bytes held at once"


@pytest.mark.parametrize(
    ("limit", "sent"),
    [(1000, 5000), (6 * MiB, 8 * MiB)],  # refused within the first part, and midway through a multipart upload
    ids=["small", "multipart"],
)
async def test_an_upload_over_the_limit_is_refused_with_413_and_leaves_nothing(
    store: DocumentStore, request: pytest.FixtureRequest, limit: int, sent: int
):
    with pytest.raises(FileTooLarge) as refused:
        await Documents(store, max_bytes=limit).save(generated(sent, head=pdf()), now=NOW)
    assert refused.value.status == 413 and refused.value.kind.code == "payload_too_large"
    assert f"{limit:,}" in refused.value.detail.en
    assert await keys(store) == []
    if isinstance(store, S3DocumentStore):
        assert request.getfixturevalue("s3").pending_uploads() == 0, "the multipart upload was not aborted"
    exactly = await Documents(store, max_bytes=limit).save(generated(limit, head=pdf()), now=NOW)
    assert exactly.size == limit


async def test_byte_ranges_are_read_as_asked(store: DocumentStore):
    data = generated_bytes(300_000, head=pdf())
    stored = await Documents(store).save(chunked(data), now=NOW)
    assert await collect(await store.read(stored.key, start=0, length=100)) == data[:100]
    assert await collect(await store.read(stored.key, start=1000, length=70_000)) == data[1000:71_000]
    assert await collect(await store.read(stored.key, start=len(data) - 100)) == data[-100:]
    assert await collect(await store.read(stored.key, start=5, length=0)) == b""


async def test_deleting_removes_the_object_and_a_missing_one_is_not_found(store: DocumentStore):
    stored = await Documents(store).save(chunked(png()), now=NOW)
    await store.delete(stored.key)
    assert await store.stat(stored.key) is None
    for read in (store.read(stored.key), store.read(stored.key, start=10, length=0)):
        with pytest.raises(NotFound):
            await read
    await store.delete(stored.key)  # already gone: no error
    assert await keys(store) == []
    assert await store.stat("2026/11") is None  # a folder (on the filesystem) is no object
    with pytest.raises(NotFound):
        await store.read("2026")


async def test_objects_older_than_a_time_are_listed_under_a_prefix(store: DocumentStore):
    november = await Documents(store).save(chunked(pdf()), now=NOW)
    december = await Documents(store).save(chunked(jpeg()), now=NOW + timedelta(days=2))
    an_hour_ago = datetime.now(UTC) - timedelta(hours=1)
    assert [found async for found in store.list_older_than(an_hour_ago)] == []
    assert await keys(store) == sorted([november.key, december.key])
    soon = datetime.now(UTC) + timedelta(minutes=5)
    listed = [found async for found in store.list_older_than(soon, prefix="2026/11")]
    assert [(found.key, found.size) for found in listed] == [(november.key, november.size)]
    assert [found async for found in store.list_older_than(soon, prefix="2026/1")] == []  # whole segments
    assert [found async for found in store.list_older_than(soon, prefix="2027")] == []
    assert abs(listed[0].modified_at - datetime.now(UTC)) < timedelta(minutes=5)


async def test_keys_are_plain_relative_paths(store: DocumentStore):
    for bad in ("../secrets.json", "/etc/passwd", "2026/11/../../x", "a//b", "", "a/./b", "名.pdf"):
        with pytest.raises(ValueError, match="not a document key"):
            await store.stat(bad)
    assert check_key("2026/11/0123abcd") == "2026/11/0123abcd"


async def test_the_filesystem_writes_aside_and_an_unfinished_file_is_an_orphan(tmp_path):
    """A refused upload leaves no temporary file; one a crash left behind is listed like an orphan object."""
    files = FileStore(tmp_path / "documents")
    with pytest.raises(UnsupportedFile):
        await Documents(files).save(generated(100_000, head=b"not a document"), now=NOW)
    assert list((tmp_path / "documents" / INCOMING).iterdir()) == []
    stored = await Documents(files).save(chunked(ofd()), now=NOW)
    assert oct((tmp_path / "documents" / stored.key).stat().st_mode & 0o777) == "0o600"
    crashed = tmp_path / "documents" / INCOMING / "left-by-a-crash"
    crashed.write_bytes(b"%PDF-1.7 half")
    os.utime(crashed, (time.time() - 7200, time.time() - 7200))
    old = [found.key async for found in files.list_older_than(datetime.now(UTC) - timedelta(hours=1))]
    assert old == [f"{INCOMING}/left-by-a-crash"]
    await files.delete(old[0])
    assert not crashed.exists() and await files.stat(stored.key) is not None


def test_ofd_is_told_from_other_zip_files_by_its_central_directory():
    assert sniffing.sniff(ofd()) == sniffing.ZIP and sniffing.is_ofd(ofd())
    big = ofd(first="Doc_0/Document.xml", padding=os.urandom(200_000))
    assert sniffing.is_ofd(big[-sniffing.ZIP_TAIL_BYTES :]) and sniffing.is_ofd(big[-2000:])
    assert not sniffing.is_ofd(big[-40:])  # the directory cut: refused, not guessed
    assert not sniffing.is_ofd(zip_archive([("OFD.xml.bak", b"")])) and not sniffing.is_ofd(pdf())
    assert [sniffing.sniff(kind) for kind in (pdf(), png(), jpeg(), b"hello", b"")] == [
        "application/pdf",
        "image/png",
        "image/jpeg",
        None,
        None,
    ]


async def test_an_unreachable_object_storage_is_503_and_a_missing_bucket_too(s3: S3Server):
    environ = {**s3.environ, "KUAIBAN_S3_ENDPOINT_URL": f"http://127.0.0.1:{closed_port()}"}
    down = S3DocumentStore(BUCKET, "x", environ=environ, retry_config={"max_retries": 0})
    no_bucket = S3DocumentStore("no-such-bucket", "x", environ=s3.environ, retry_config={"max_retries": 0})
    for store in (down, no_bucket):
        with pytest.raises(Unavailable) as failed:
            await Documents(store).save(chunked(pdf()), now=NOW)
        assert failed.value.status == 503 and failed.value.detail.en.startswith("The document storage is unavailable")
    with pytest.raises(Unavailable):
        await down.stat("2026/11/abc")


async def test_a_folder_that_cannot_be_written_is_503_not_a_crash(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_bytes(b"a file where the documents' folder should be")
    with pytest.raises(Unavailable) as down:
        await Documents(FileStore(blocker / "documents")).save(chunked(pdf()), now=NOW)
    assert down.value.status == 503

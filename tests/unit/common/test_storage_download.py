"""What a route answers for a stored document: ETag (its sha256) and 304, one byte range (206) or the whole
(200), 416 when nothing asked for exists, and Content-Disposition with the original name, Chinese included."""

from urllib.parse import unquote

import pytest

from services.common.storage import ByteRange, content_disposition, download

SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
ETAG = f'"{SHA}"'
CHINESE_NAME = "%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7.pdf"  # 营业执照.pdf, percent-encoded UTF-8


def answer(range_header: str | None = None, *, size: int = 1000, **conditions: str):
    return download(
        size=size,
        sha256=SHA,
        media_type="application/pdf",
        filename="营业执照.pdf",
        range_header=range_header,
        **conditions,
    )


def test_the_whole_document_with_its_headers():
    whole = answer()
    assert (whole.status, whole.body) == (200, ByteRange(0, 999))
    assert whole.headers == {
        "Content-Type": "application/pdf",
        "Content-Length": "1000",
        "Accept-Ranges": "bytes",
        "ETag": ETAG,
        "Content-Disposition": "attachment; filename=\"document.pdf\"; filename*=UTF-8''" + CHINESE_NAME,
        "Cache-Control": "private, no-cache",
        "X-Content-Type-Options": "nosniff",
    }
    assert answer(size=0).body is None and answer(size=0).headers["Content-Length"] == "0"


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [
        ("bytes=0-99", 0, 99),
        ("bytes=-100", 900, 999),
        ("bytes=100-", 100, 999),
        ("bytes=990-5000", 990, 999),  # past the end: cut to it
        ("bytes=-5000", 0, 999),  # a suffix longer than the document: all of it
        ("bytes=999-999", 999, 999),
        ("BYTES = 5-9", 5, 9),
    ],
)
def test_one_byte_range_is_answered_206(header: str, start: int, end: int):
    part = answer(header)
    assert (part.status, part.body) == (206, ByteRange(start, end))
    assert part.headers["Content-Range"] == f"bytes {start}-{end}/1000"
    assert part.headers["Content-Length"] == str(end - start + 1) == str(part.body.length)
    assert part.headers["ETag"] == ETAG and part.headers["Content-Type"] == "application/pdf"


@pytest.mark.parametrize("header", ["bytes=1000-", "bytes=5000-6000", "bytes=-0"])
def test_a_range_past_the_end_is_416_with_the_size(header: str):
    refused = answer(header)
    assert (refused.status, refused.body) == (416, None)
    assert refused.headers["Content-Range"] == "bytes */1000" and "Content-Type" not in refused.headers


@pytest.mark.parametrize(
    "header",
    [
        "bytes=0-99,200-299",  # several ranges: the whole document, as RFC 9110 allows (no multipart/byteranges)
        "bytes=0-0,-1",
        "items=0-9",  # another unit
        "bytes=9-5",  # last before first: invalid
        "bytes=abc",
        "bytes=-",
        "bytes=",
        "bytes=²-5",  # not ASCII digits
    ],
)
def test_several_or_malformed_ranges_get_the_whole_document(header: str):
    whole = answer(header)
    assert (whole.status, whole.body) == (200, ByteRange(0, 999)) and "Content-Range" not in whole.headers


def test_a_range_on_an_empty_document_is_ignored():
    assert answer("bytes=0-10", size=0).status == 200


@pytest.mark.parametrize("header", [ETAG, f"W/{ETAG}", f'"other", {ETAG}', "*"])
def test_if_none_match_with_its_etag_is_304_without_a_body(header: str):
    unchanged = answer("bytes=0-9", if_none_match=header)
    assert (unchanged.status, unchanged.body) == (304, None)
    assert unchanged.headers == {"ETag": ETAG, "Cache-Control": "private, no-cache"}


def test_if_none_match_with_another_etag_is_answered_in_full():
    assert answer(if_none_match='"stale"').status == 200


def test_if_range_applies_the_range_only_to_the_same_document():
    assert answer("bytes=0-9", if_range=ETAG).status == 206
    assert answer("bytes=0-9", if_range='"older"').status == 200


@pytest.mark.parametrize(
    ("name", "fallback", "encoded"),
    [
        ("营业执照.pdf", "document.pdf", CHINESE_NAME),
        ('the "final" contract.pdf', "the _final_ contract.pdf", "the%20%22final%22%20contract.pdf"),
        ("营业执照 (副本) 2026.png", "() 2026.png", None),
        ("Résumé;100%.pdf", "Resume_100_.pdf", None),
        ("C:\\Users\\me\\身份证.jpg", "document.jpg", "%E8%BA%AB%E4%BB%BD%E8%AF%81.jpg"),
        ("../../etc/passwd", "passwd", "passwd"),
        ("line\r\nbreak.pdf", "linebreak.pdf", "linebreak.pdf"),
        ("营业执照", "document", None),
        ("", "document", "document"),
    ],
)
def test_content_disposition_keeps_the_name_and_gives_old_clients_an_ascii_one(
    name: str, fallback: str, encoded: str | None
):
    header = content_disposition(name)
    assert header.startswith(f"attachment; filename=\"{fallback}\"; filename*=UTF-8''")
    value = header.split("filename*=UTF-8''", 1)[1]
    assert all(c.isascii() and c not in ' "\\;' for c in value)
    if encoded is not None:
        assert value == encoded
    assert unquote(value) == (name.replace("\\", "/").rsplit("/", 1)[-1].replace("\r\n", "") or "document")
    assert content_disposition("a.pdf", "inline") == "inline; filename=\"a.pdf\"; filename*=UTF-8''a.pdf"

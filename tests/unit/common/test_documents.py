"""`receive_upload` reads a multipart body as it arrives: the file straight into the store, the text fields
beside it (before or after), the original name as browsers send it (plain UTF-8 or RFC 5987), and a body
that is not an upload refused as a problem with nothing stored."""

from pathlib import Path

import httpx
import orjson
import pytest
from fastapi import FastAPI, Request

from services.common.documents import receive_upload, serve
from services.common.models import utcnow
from services.common.problems import install_problem_handlers
from services.common.storage import Documents, FileStore
from tests.helpers.documents import files_under, generated_bytes, pdf

BOUNDARY = "kuaiban-boundary"


def app_receiving(documents: Documents) -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)
    kept = {}

    @app.post("/upload")
    async def upload(request: Request):
        received = await receive_upload(request, documents, now=utcnow())
        kept[received.stored.key] = received
        return {"key": received.stored.key, "filename": received.filename, "fields": received.fields}

    @app.get("/upload/{first}/{rest:path}")
    async def download(first: str, rest: str, request: Request):
        received = kept[f"{first}/{rest}"]
        record = type("Record", (), {"key": received.stored.key, "filename": received.filename})()
        for name in ("size", "sha256", "media_type"):
            setattr(record, name, getattr(received.stored, name))
        return await serve(request, documents, record)

    return app


def part(name: str, value: bytes, disposition_extra: str = "") -> bytes:
    head = f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"{disposition_extra}\r\n\r\n'
    return head.encode() + value + b"\r\n"


def body(*parts: bytes) -> bytes:
    return b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()


async def chunked(data: bytes, size: int):
    for start in range(0, len(data), size):
        yield data[start : start + size]


@pytest.fixture
def documents(tmp_path: Path) -> Documents:
    return Documents(FileStore(tmp_path), max_bytes=500_000, namespace="tests")


async def post(documents: Documents, data: bytes, *, chunk: int = 7_000) -> httpx.Response:
    transport = httpx.ASGITransport(app=app_receiving(documents))
    headers = {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}
    async with httpx.AsyncClient(transport=transport, base_url="http://kuaiban.test") as client:
        return await client.post("/upload", content=chunked(data, chunk), headers=headers)


async def test_the_file_streams_in_and_the_fields_around_it_are_kept(documents: Documents, tmp_path: Path):
    data = pdf(generated_bytes(300_000))
    sent = body(
        part("material_code", b"id_card"),
        part("file", data, '; filename="营业执照.pdf"'),
        part("issuer", "县市场监督管理局".encode()),
    )
    answer = await post(documents, sent)
    assert answer.status_code == 200, answer.text
    received = answer.json()
    assert received["fields"] == {"material_code": "id_card", "issuer": "县市场监督管理局"}
    assert received["key"].startswith("tests/")
    assert (tmp_path / received["key"]).read_bytes() == data


async def test_the_original_name_is_read_as_browsers_and_rfc_5987_send_it(documents: Documents):
    plain = body(part("file", pdf(), '; filename="营业执照.pdf"'))  # UTF-8 in the quoted name
    assert (await post(documents, plain)).json()["filename"] == "营业执照.pdf"
    starred = body(
        part("file", pdf(), "; filename=\"x.pdf\"; filename*=UTF-8''%E7%A7%9F%E8%B5%81%E5%90%88%E5%90%8C.pdf")
    )
    assert (await post(documents, starred)).json()["filename"] == "租赁合同.pdf"
    tricky = body(part("file", pdf(), '; filename="scans/a\x07b\u202efdp.exe"'))
    assert (await post(documents, tricky)).json()["filename"] == "abfdp.exe"  # no path, no control, no RTL


@pytest.mark.parametrize(
    ("sent", "status", "field"),
    [
        (body(part("material_code", b"id_card")), 422, "file"),  # no file at all
        (
            b"--"
            + BOUNDARY.encode()
            + b'\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.7 cut',
            422,
            "file",
        ),
        (body(part("file", pdf(), '; filename="a.pdf"'), part("file", pdf(), '; filename="b.pdf"')), 422, "file"),
        (body(part("note", b"x" * 5000), part("file", pdf(), '; filename="a.pdf"')), 422, "note"),
        (body(part("file", b"not a document at all", '; filename="a.pdf"')), 415, None),
    ],
)
async def test_a_body_that_is_not_one_good_upload_is_refused_and_nothing_stays(
    documents: Documents, tmp_path: Path, sent: bytes, status: int, field: str | None
):
    answer = await post(documents, sent)
    assert answer.status_code == status, answer.text
    problem = orjson.loads(answer.content)
    if field is not None:
        assert problem["errors"][0]["field"] == field
    assert files_under(tmp_path) == []  # the temporary file went too


async def test_a_json_body_is_not_an_upload(documents: Documents):
    transport = httpx.ASGITransport(app=app_receiving(documents))
    async with httpx.AsyncClient(transport=transport, base_url="http://kuaiban.test") as client:
        answer = await client.post("/upload", json={"file": "x"})
    assert answer.status_code == 415 and orjson.loads(answer.content)["code"] == "unsupported_media_type"


async def test_a_file_gone_from_the_store_is_a_problem_not_a_broken_download(documents: Documents, tmp_path: Path):
    app = app_receiving(documents)
    transport = httpx.ASGITransport(app=app)
    headers = {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}
    async with httpx.AsyncClient(transport=transport, base_url="http://kuaiban.test") as client:
        sent = await client.post("/upload", content=body(part("file", pdf(), '; filename="a.pdf"')), headers=headers)
        key = sent.json()["key"]
        assert (await client.get(f"/upload/{key}")).content == pdf()
        (tmp_path / key).unlink()
        gone = await client.get(f"/upload/{key}")
    assert gone.status_code == 404 and gone.headers["content-type"] == "application/problem+json"

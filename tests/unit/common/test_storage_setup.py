"""Choosing the store from the settings (KUAIBAN_STORAGE_URL and friends), and the store behind two routes of
a small app as the services will use it: refusals are problem+json (413, 415), downloads honour Range and ETag."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import httpx
import orjson
import pytest
from fastapi import FastAPI, Request, UploadFile
from fastapi.responses import Response, StreamingResponse

from services.common.problems import PROBLEM_MEDIA_TYPE, install_problem_handlers
from services.common.settings import Settings
from services.common.storage import (
    Clamd,
    Documents,
    FileStore,
    S3DocumentStore,
    StoredDocument,
    document_store,
    download,
    upload_chunks,
)
from tests.helpers.documents import files_under, generated_bytes, pdf

NOW = datetime(2026, 11, 30, 9, 30, tzinfo=UTC)


def test_an_empty_url_is_the_documents_folder_under_the_data_dir(tmp_path: Path):
    store = document_store("", data_dir=tmp_path)
    assert isinstance(store, FileStore) and store.root == tmp_path / "documents"
    assert document_store("").root == (Path(".kuaiban") / "documents").resolve()


@pytest.mark.parametrize("url", ["file:///srv/kuaiban/docs", "file://localhost/srv/kuaiban/docs", "/srv/kuaiban/docs"])
def test_a_file_url_or_a_path_is_that_folder(url: str):
    store = document_store(url)
    assert isinstance(store, FileStore) and store.root == Path("/srv/kuaiban/docs")
    assert store.url == "file:///srv/kuaiban/docs"


def test_an_s3_url_takes_the_endpoint_and_credentials_from_the_environment():
    environ = {
        "AWS_ENDPOINT_URL": "https://s3.example.cn",
        "KUAIBAN_S3_ENDPOINT_URL": "http://minio.internal:9000/",
        "AWS_ACCESS_KEY_ID": "AKIAKUAIBAN",
        "AWS_SECRET_ACCESS_KEY": "secret",
        "AWS_REGION": "cn-north-1",
    }
    store = document_store("s3://kuaiban-docs/prod/documents", environ=environ)
    assert isinstance(store, S3DocumentStore)
    assert store.url == "s3://kuaiban-docs/prod/documents at http://minio.internal:9000/"
    config = store._store.config
    assert config["endpoint"] == "http://minio.internal:9000" and config["region"] == "cn-north-1"
    assert config["access_key_id"] == "AKIAKUAIBAN" and store._store.prefix == "prod/documents"
    assert store._store.client_options["allow_http"] in {True, "true"}
    aws = document_store("s3://kuaiban-docs", environ={"AWS_REGION": "cn-northwest-1"})
    assert aws.url == "s3://kuaiban-docs" and aws._store.prefix is None and "endpoint" not in aws._store.config


@pytest.mark.parametrize("url", ["s3:///prefix", "file://server/share", "ftp://host/docs", "gs://bucket"])
def test_other_urls_fail_at_start_up(url: str):
    with pytest.raises(ValueError, match="KUAIBAN_STORAGE_URL"):
        document_store(url)


def test_the_settings_build_the_documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("KUAIBAN_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("KUAIBAN_UPLOAD_MAX_BYTES", "1000")
    monkeypatch.setenv("KUAIBAN_CLAMD_URL", "tcp://127.0.0.1:3310")
    documents = Documents.from_settings(Settings())
    assert documents.store.root == tmp_path / "documents" and documents.max_bytes == 1000
    assert isinstance(documents.scanner, Clamd) and documents.scanner.url == "tcp://127.0.0.1:3310"
    monkeypatch.delenv("KUAIBAN_CLAMD_URL")
    monkeypatch.setenv("KUAIBAN_STORAGE_URL", f"file://{tmp_path}/elsewhere")
    plain = Documents.from_settings(Settings())
    assert plain.scanner is None and plain.store.root == tmp_path / "elsewhere"
    assert Settings.model_fields["upload_max_bytes"].default == 20_000_000


def app_with_documents(documents: Documents) -> FastAPI:
    """Two routes as a service would write them: an upload (multipart, field `file`) and its download."""
    app = FastAPI()
    install_problem_handlers(app)
    saved: dict[str, tuple[StoredDocument, str]] = {}

    @app.post("/files", status_code=201)
    async def upload(file: UploadFile) -> dict[str, str | int]:
        stored = await documents.save(upload_chunks(file), now=NOW)
        saved[stored.key.rsplit("/", 1)[1]] = (stored, file.filename or "")
        return {"id": stored.key.rsplit("/", 1)[1], "size": stored.size, "media_type": stored.media_type}

    @app.get("/files/{file_id}")
    async def fetch(file_id: str, request: Request) -> Response:
        stored, name = saved[file_id]
        answer = download(
            size=stored.size,
            sha256=stored.sha256,
            media_type=stored.media_type,
            filename=name,
            range_header=request.headers.get("range"),
            if_none_match=request.headers.get("if-none-match"),
        )
        if answer.body is None:
            return Response(status_code=answer.status, headers=answer.headers)
        chunks: AsyncIterator[bytes] = await documents.store.read(
            stored.key, start=answer.body.start, length=answer.body.length
        )
        return StreamingResponse(chunks, status_code=answer.status, headers=answer.headers)

    return app


async def test_through_routes_uploads_are_refused_as_problems_and_downloads_take_ranges(tmp_path: Path):
    app = app_with_documents(Documents(FileStore(tmp_path), max_bytes=100_000))
    data = generated_bytes(50_000, head=pdf())
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://kuaiban.test") as client:
        text = await client.post("/files", files={"file": ("合同.pdf", b"just text, named .pdf", "application/pdf")})
        assert text.status_code == 415 and text.headers["content-type"] == PROBLEM_MEDIA_TYPE
        assert orjson.loads(text.content)["code"] == "unsupported_media_type"
        big = await client.post("/files", files={"file": ("big.pdf", pdf(bytes(200_000)), "application/pdf")})
        assert big.status_code == 413 and orjson.loads(big.content)["code"] == "payload_too_large"

        created = await client.post("/files", files={"file": ("营业执照.pdf", data, "application/octet-stream")})
        assert created.status_code == 201 and created.json()["media_type"] == "application/pdf"
        path = f"/files/{created.json()['id']}"
        whole = await client.get(path)
        assert whole.status_code == 200 and whole.content == data
        assert whole.headers["content-disposition"].endswith("filename*=UTF-8''" + quote("营业执照.pdf"))
        part = await client.get(path, headers={"Range": "bytes=-100"})
        assert part.status_code == 206 and part.content == data[-100:]
        assert part.headers["content-range"] == f"bytes {len(data) - 100}-{len(data) - 1}/{len(data)}"
        same = await client.get(path, headers={"If-None-Match": whole.headers["etag"]})
        assert same.status_code == 304 and same.content == b""
        beyond = await client.get(path, headers={"Range": f"bytes={len(data)}-"})
        assert beyond.status_code == 416 and beyond.headers["content-range"] == f"bytes */{len(data)}"
    assert files_under(tmp_path) == [created.json()["id"]]  # the refused uploads left nothing

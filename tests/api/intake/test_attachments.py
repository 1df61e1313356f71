"""Attachments of requests (诉求) in process: the enterprise's and the reply's, kept once per file, seen by whoever
sees the request, refused before a byte is stored for whoever may not attach, and swept when no row names them."""

import uuid
from pathlib import Path

import httpx
import pytest

from services.common.storage import Documents, FileStore
from tests.api.intake._support import ADMIN, Cast, act, assign, raise_request
from tests.helpers.documents import chunked, jpeg, pdf, png
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem

LICENCE = "营业执照（副本）.pdf"


@pytest.fixture
def store_root(kuaiban: Kuaiban, tmp_path: Path) -> Path:
    """Intake's documents in a folder of this test's own, so what is stored can be counted."""
    root = tmp_path / "documents"
    kuaiban.runtimes["intake"].documents = Documents(FileStore(root), namespace="intake")
    return root


def stored(root: Path) -> list[Path]:
    """The files in the store, published or still being written (`.incoming`)."""
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


def attachments_of(request_id: str) -> str:
    return f"/intake/requests/{request_id}/attachments"


async def upload(
    intake: httpx.AsyncClient,
    request_id: str,
    headers: dict,
    content: bytes,
    *,
    filename: str = LICENCE,
    **fields: str,
) -> httpx.Response:
    files = {"file": (filename, content, "application/octet-stream")}
    return await intake.post(attachments_of(request_id), files=files, data=fields, headers=headers)


async def assigned_request(intake: httpx.AsyncClient, cast: Cast) -> dict:
    """A request of `own`, assigned to 供电 (lead) with 自然资源 cooperating."""
    request = await raise_request(intake, cast.own)
    assert (await assign(intake, request["id"])).status_code == 200
    return request


async def test_the_enterprise_attaches_a_file_once_and_downloads_it(
    kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast, store_root: Path
):
    request = await raise_request(intake, cast.own)
    licence = pdf(b"licence " * 100)
    first = await upload(intake, request["id"], cast.own, licence)
    assert first.status_code == 201, first.text
    attachment = first.json()
    location = f"{attachments_of(request['id'])}/{attachment['id']}"
    assert first.headers["location"] == attachment["download_url"] == location
    assert attachment["request_id"] == request["id"] and attachment["part"] == "request"
    assert attachment["filename"] == LICENCE and attachment["size"] == len(licence)
    assert attachment["media_type"] == "application/pdf" and attachment["scan"] == "not_scanned"
    assert attachment["uploaded_by"] and "key" not in attachment
    assert len(stored(store_root)) == 1

    again = await upload(intake, request["id"], cast.own, licence, filename="again.pdf", part="request")
    assert again.status_code == 200 and again.json() == attachment
    assert "location" not in again.headers
    assert len(stored(store_root)) == 1  # the new copy was deleted

    kuaiban.clock.advance(minutes=1)
    photo = await upload(intake, request["id"], cast.own, png(), filename="现场照片.png")
    assert photo.status_code == 201 and photo.json()["media_type"] == "image/png"
    listed = await intake.get(attachments_of(request["id"]), headers=cast.own)
    assert listed.status_code == 200
    assert listed.json() == {"items": [attachment, photo.json()], "next_cursor": None}  # oldest first
    detail = await intake.get(f"/intake/requests/{request['id']}", headers=cast.own)
    assert detail.json()["attachments"] == 2

    whole = await intake.get(location, headers=cast.own)
    assert whole.status_code == 200 and whole.content == licence
    assert whole.headers["content-type"] == "application/pdf"
    assert whole.headers["etag"] == f'"{attachment["sha256"]}"'
    disposition = whole.headers["content-disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7" in disposition  # 营业执照
    part = await intake.get(location, headers={**cast.own, "Range": "bytes=0-7"})
    assert part.status_code == 206 and part.content == licence[:8] == b"%PDF-1.7"
    assert part.headers["content-range"] == f"bytes 0-7/{len(licence)}"
    unchanged = await intake.get(location, headers={**cast.own, "If-None-Match": whole.headers["etag"]})
    assert unchanged.status_code == 304 and unchanged.content == b""
    beyond = await intake.get(location, headers={**cast.own, "Range": f"bytes={len(licence)}-"})
    assert beyond.status_code == 416 and beyond.headers["content-range"] == f"bytes */{len(licence)}"


async def test_the_lead_department_attaches_to_its_reply(
    kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast, store_root: Path
):
    request = await assigned_request(intake, cast)
    enterprise_copy = await upload(intake, request["id"], cast.own, pdf())
    assert enterprise_copy.status_code == 201
    kuaiban.clock.advance(minutes=1)
    answer = await upload(intake, request["id"], cast.power, pdf(), filename="增容方案.pdf")
    assert answer.status_code == 201, answer.text
    assert answer.json()["part"] == "reply"  # an officer's default; the same file as the enterprise's, another part
    kuaiban.clock.advance(minutes=1)
    explicit = await upload(intake, request["id"], cast.power, jpeg(), filename="线路图.jpg", part="reply")
    assert explicit.status_code == 201 and explicit.json()["media_type"] == "image/jpeg"
    assert len(stored(store_root)) == 3

    replied = await act(intake, request["id"], "reply", cast.power, content="增容方案见附件。")
    assert replied.status_code == 200
    kuaiban.clock.advance(minutes=1)
    after_reply = await upload(intake, request["id"], cast.power, png(), filename="验收.png")
    assert after_reply.status_code == 201  # a reply's files may follow it

    for headers in (cast.own, cast.power, cast.land, cast.liaison, cast.admin):
        listed = (await intake.get(attachments_of(request["id"]), headers=headers)).json()["items"]
        assert [item["part"] for item in listed] == ["request", "reply", "reply", "reply"]
    reply_file = await intake.get(answer.json()["download_url"], headers=cast.own)
    assert reply_file.status_code == 200 and reply_file.content == pdf()

    before = stored(store_root)
    refusals = [
        (cast.own, {"part": "reply"}, 403),  # the enterprise does not answer itself
        (cast.power, {"part": "request"}, 403),  # nor does staff speak for the enterprise here
        (cast.land, {}, 403),  # cooperating: sees it, does not reply
        (cast.liaison, {}, 403),  # the liaison officer neither
        (cast.admin, {}, 403),  # admin does not reply
        (cast.bank, {}, 403),
        (cast.own, {"part": "everything"}, 422),
        (cast.own, {"note": "extra"}, 422),  # unknown fields, as in JSON bodies
    ]
    for headers, fields, status in refusals:
        refused = await upload(intake, request["id"], headers, pdf(b"refused"), **fields)
        assert_problem(refused, status)
    assert stored(store_root) == before


async def test_a_request_not_yet_assigned_or_closed_takes_no_reply_files(
    kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast, store_root: Path
):
    received = await raise_request(intake, cast.own)
    assert_problem(await upload(intake, received["id"], cast.liaison, pdf()), 409)  # sees it; nothing to answer yet

    request = await assigned_request(intake, cast)
    await act(intake, request["id"], "reply", cast.power, content="已完成增容。")
    closed = await act(intake, request["id"], "feedback", cast.own, rating=5)
    assert closed.json()["status"] == "closed"
    body = assert_problem(await upload(intake, request["id"], cast.own, pdf()), 409)
    assert body["code"] == "invalid_transition"
    assert_problem(await upload(intake, request["id"], cast.power, pdf()), 409)
    assert stored(store_root) == []
    listed = await intake.get(attachments_of(request["id"]), headers=cast.own)
    assert listed.status_code == 200 and listed.json()["items"] == []


async def test_who_cannot_see_the_request_gets_404_and_stores_nothing(
    intake: httpx.AsyncClient, cast: Cast, store_root: Path
):
    request = await assigned_request(intake, cast)
    attached = (await upload(intake, request["id"], cast.own, pdf())).json()
    elsewhere = await raise_request(intake, cast.other)
    before = stored(store_root)
    for headers in (cast.other, cast.tax):
        assert_problem(await intake.get(attachments_of(request["id"]), headers=headers), 404)
        assert_problem(await intake.get(attached["download_url"], headers=headers), 404)
        assert_problem(await upload(intake, request["id"], headers, pdf(b"intruder")), 404)
    unknown = str(uuid.uuid4())
    assert_problem(await intake.get(attachments_of(unknown), headers=cast.admin), 404)
    assert_problem(await upload(intake, unknown, cast.own, pdf(b"nowhere")), 404)
    assert_problem(await intake.get(f"{attachments_of(request['id'])}/{unknown}", headers=cast.own), 404)
    # an attachment is found only under its own request
    moved = f"{attachments_of(elsewhere['id'])}/{attached['id']}"
    assert_problem(await intake.get(moved, headers=cast.admin), 404)
    assert_problem(await intake.get(attached["download_url"], headers=cast.bank), 403)
    assert stored(store_root) == before


async def test_a_file_that_is_not_a_document_is_415_and_a_large_one_413(
    kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast, store_root: Path
):
    request = await raise_request(intake, cast.own)
    text = await upload(intake, request["id"], cast.own, b"just some text, named as a PDF\n" * 10, filename="a.pdf")
    assert assert_problem(text, 415)["code"] == "unsupported_media_type"

    kuaiban.runtimes["intake"].documents = Documents(FileStore(store_root), max_bytes=1000, namespace="intake")
    large = await upload(intake, request["id"], cast.own, pdf(b"x" * 5000))
    assert assert_problem(large, 413)["code"] == "payload_too_large"
    assert (await upload(intake, request["id"], cast.own, pdf(b"small"))).status_code == 201
    assert len(stored(store_root)) == 1  # nothing of the refused ones, not even a temporary file


async def test_a_body_without_a_file_is_422_and_json_is_415(intake: httpx.AsyncClient, cast: Cast, store_root: Path):
    request = await raise_request(intake, cast.own)
    no_file = await intake.post(attachments_of(request["id"]), files={"part": (None, "request")}, headers=cast.own)
    body = assert_problem(no_file, 422)
    assert body["errors"][0]["field"] == "file"
    as_json = await intake.post(attachments_of(request["id"]), json={"file": "x"}, headers=cast.own)
    assert_problem(as_json, 415)
    assert stored(store_root) == []


async def test_a_request_has_at_most_20_attachments(
    kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast, store_root: Path
):
    request = await raise_request(intake, cast.own)
    for number in range(20):
        kuaiban.clock.advance(seconds=1)
        answer = await upload(intake, request["id"], cast.own, pdf(f"page {number}".encode()), filename=f"{number}.pdf")
        assert answer.status_code == 201, answer.text
    over = await upload(intake, request["id"], cast.own, pdf(b"one more"))
    assert assert_problem(over, 422)["errors"][0]["field"] == "file"
    retried = await upload(intake, request["id"], cast.own, pdf(b"page 19"))
    assert retried.status_code == 200 and retried.json()["filename"] == "19.pdf"  # a retry of the last still answers
    listed = (await intake.get(attachments_of(request["id"]), headers=cast.own)).json()["items"]
    assert [item["filename"] for item in listed] == [f"{number}.pdf" for number in range(20)]
    assert len(stored(store_root)) == 20


async def test_the_sweep_deletes_files_no_attachment_names(
    kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast, store_root: Path
):
    request = await raise_request(intake, cast.own)
    kept = (await upload(intake, request["id"], cast.own, pdf())).json()
    documents = kuaiban.runtimes["intake"].documents
    orphan = "intake/2026/11/" + uuid.uuid4().hex  # the bytes of an upload whose row never committed
    await documents.store.write(orphan, chunked(pdf(b"orphan")))
    elsewhere = "approval/2026/11/" + uuid.uuid4().hex  # another service's: not intake's to sweep
    await documents.store.write(elsewhere, chunked(pdf(b"approval's")))

    fresh = await intake.post("/intake/documents/sweep", headers=ADMIN)
    assert fresh.status_code == 200 and fresh.json() == {"checked": 0, "deleted": 0}  # within the grace period
    kuaiban.clock.advance(seconds=kuaiban.settings.orphan_grace_seconds + 60)
    assert_problem(await intake.post("/intake/documents/sweep", headers=cast.power), 403)
    swept = await intake.post("/intake/documents/sweep", headers=ADMIN)
    assert swept.status_code == 200 and swept.json() == {"checked": 2, "deleted": 1}
    assert not (store_root / orphan).exists() and (store_root / elsewhere).exists()
    still = await intake.get(kept["download_url"], headers=cast.own)
    assert still.status_code == 200 and still.content == pdf()


async def test_a_part_sent_after_the_file_is_checked_once_the_file_is_stored(
    intake: httpx.AsyncClient, cast: Cast, store_root: Path
):
    """The form's fields may follow the file: the bytes are stored by then, and a refusal deletes them."""
    request = await raise_request(intake, cast.own)
    boundary = "kuaiban-boundary"

    def form(part: str) -> bytes:
        file_head = 'Content-Disposition: form-data; name="file"; filename="scan.pdf"\r\n\r\n'
        part_field = f'Content-Disposition: form-data; name="part"\r\n\r\n{part}'
        return (
            f"--{boundary}\r\n{file_head}".encode()
            + pdf(part.encode())
            + f"\r\n--{boundary}\r\n{part_field}\r\n--{boundary}--\r\n".encode()
        )

    headers = {**cast.own, "Content-Type": f"multipart/form-data; boundary={boundary}"}
    refused = await intake.post(attachments_of(request["id"]), content=form("reply"), headers=headers)
    assert_problem(refused, 403)
    assert stored(store_root) == []
    taken = await intake.post(attachments_of(request["id"]), content=form("request"), headers=headers)
    assert taken.status_code == 201 and taken.json()["part"] == "request"
    assert len(stored(store_root)) == 1

"""Materials as documents: files uploaded for an application's materials, downloaded by whoever sees the
application (an officer only for its own department's tasks), the vault reused without uploading twice, the
容缺 ledger fulfilled by an upload, and refused uploads leaving nothing behind. Run on both storage backends."""

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from sqlalchemy import text

from services.common.storage import Documents, DocumentStore, FileStore
from tests.api.approval._support import (
    ALL_MATERIALS,
    WITHOUT_LEASE,
    Cast,
    apply,
    approve_all,
    at_cst,
    deliver,
    events_of,
    fetch,
    make_matter,
    submit,
)
from tests.helpers.documents import S3Server, generated_bytes, jpeg, pdf, png
from tests.helpers.factories import ADMIN, headers_for
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem

LICENCE_FORM = "business_license_application"


@pytest.fixture(params=["file", "s3"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[DocumentStore]:
    """Approval's documents on a folder of the test's own, or under a prefix of the test's in the loopback S3."""
    if request.param == "file":
        yield FileStore(tmp_path / "documents")
    else:
        s3: S3Server = request.getfixturevalue("s3")
        yield s3.store()


@pytest.fixture
def documents(kuaiban: Kuaiban, store: DocumentStore) -> Documents:
    documents = Documents(store, max_bytes=200_000, namespace="approval")
    kuaiban.runtimes["approval"].documents = documents
    return documents


async def stored_keys(documents: Documents) -> list[str]:
    far = at_cst(10_000)
    return sorted([o.key async for o in documents.store.list_older_than(far, prefix="approval")])


def upload(api: httpx.AsyncClient, headers: dict, path: str, data: bytes, name: str = "材料.pdf", **fields):
    return api.post(path, files={"file": (name, data, "application/octet-stream")}, data=fields, headers=headers)


def material_path(application: dict, code: str) -> str:
    return f"/approval/applications/{application['id']}/materials/{code}"


async def materials_of(api: httpx.AsyncClient, headers: dict, application: dict) -> dict[str, dict]:
    listed = await api.get(f"/approval/applications/{application['id']}/materials", headers=headers)
    assert listed.status_code == 200, listed.text
    return {item["material_code"]: item for item in listed.json()["items"]}


async def test_an_application_gets_its_files_after_it_is_made(api: httpx.AsyncClient, cast: Cast, documents: Documents):
    matter = await make_matter(api, ("market", "tax"))
    application = await apply(api, cast.own, matter["code"])  # every material handed in, none uploaded yet
    assert {code: item["state"] for code, item in (await materials_of(api, cast.own, application)).items()} == {
        code: "declared" for code in ALL_MATERIALS
    }
    form = pdf(generated_bytes(50_000))
    created = await upload(api, cast.own, material_path(application, LICENCE_FORM), form, "公司登记申请书.pdf")
    assert created.status_code == 201, created.text
    assert created.headers["location"] == material_path(application, LICENCE_FORM)
    body = created.json()
    assert (body["state"], body["source"], body["download_url"]) == ("uploaded", "upload", created.headers["location"])
    assert body["document"]["media_type"] == "application/pdf" and body["document"]["filename"] == "公司登记申请书.pdf"
    assert body["document"]["sha256"] == hashlib.sha256(form).hexdigest() and body["document"]["size"] == len(form)
    assert body["document"]["scan"] == "not_scanned" and "key" not in body["document"]

    again = await upload(api, cast.own, material_path(application, LICENCE_FORM), form, "again.pdf")
    assert again.status_code == 200 and again.json()["document"]["id"] == body["document"]["id"]
    assert len(await stored_keys(documents)) == 1  # the same file is kept once

    whole = await api.get(material_path(application, LICENCE_FORM), headers=cast.own)
    assert whole.status_code == 200 and whole.content == form
    assert whole.headers["content-type"] == "application/pdf"
    assert whole.headers["content-disposition"].endswith("filename*=UTF-8''" + quote("公司登记申请书.pdf"))
    part = await api.get(material_path(application, LICENCE_FORM), headers={**cast.own, "Range": "bytes=0-99"})
    assert part.status_code == 206 and part.content == form[:100]
    cached = await api.get(
        material_path(application, LICENCE_FORM), headers={**cast.own, "If-None-Match": whole.headers["etag"]}
    )
    assert cached.status_code == 304 and cached.content == b""

    photo = png()
    replaced = await upload(api, cast.own, material_path(application, "id_card"), jpeg(), "身份证.jpg")
    assert replaced.status_code == 201
    replaced = await upload(api, cast.own, material_path(application, "id_card"), photo, "身份证.png")
    assert replaced.status_code == 201 and replaced.json()["document"]["media_type"] == "image/png"
    assert (await api.get(material_path(application, "id_card"), headers=cast.own)).content == photo
    after = await fetch(api, application["id"])
    assert after["materials"] == sorted(ALL_MATERIALS) and after["materials_count"] == 3  # still three handed in
    states = {code: item["state"] for code, item in (await materials_of(api, cast.own, application)).items()}
    assert states == {LICENCE_FORM: "uploaded", "id_card": "uploaded", "lease_contract": "declared"}
    assert_problem(await api.get(material_path(application, "lease_contract"), headers=cast.own), 404)


async def test_officers_see_the_files_of_their_own_departments_applications_only(
    api: httpx.AsyncClient, cast: Cast, documents: Documents
):
    matter = await make_matter(api, ("market", "tax"))
    application = await apply(api, cast.own, matter["code"])
    form = pdf(b"licence form")
    assert (await upload(api, cast.own, material_path(application, LICENCE_FORM), form)).status_code == 201
    for allowed in (cast.officer("market"), cast.officer("tax"), cast.liaison, cast.admin, cast.own):
        assert (await api.get(material_path(application, LICENCE_FORM), headers=allowed)).content == form
        assert set(await materials_of(api, allowed, application)) == set(ALL_MATERIALS)
    for stranger in (cast.officer("hrss"), cast.uninvolved, cast.other):  # no task here, or another enterprise
        assert_problem(await api.get(material_path(application, LICENCE_FORM), headers=stranger), 404)
        assert_problem(await api.get(f"/approval/applications/{application['id']}/materials", headers=stranger), 404)
    before = await stored_keys(documents)
    assert_problem(await upload(api, cast.other, material_path(application, "id_card"), pdf()), 404)
    assert_problem(await upload(api, cast.officer("market"), material_path(application, "id_card"), pdf()), 403)
    assert_problem(await upload(api, {}, material_path(application, "id_card"), pdf()), 401)
    assert await stored_keys(documents) == before  # refused callers stored nothing


async def test_refused_uploads_are_problems_and_leave_nothing(api: httpx.AsyncClient, cast: Cast, documents: Documents):
    application = await apply(api, cast.own, (await make_matter(api, ("market",)))["code"])
    path = material_path(application, LICENCE_FORM)
    assert assert_problem(await upload(api, cast.own, path, b"plain text named .pdf"), 415)["code"] == (
        "unsupported_media_type"
    )
    assert assert_problem(await upload(api, cast.own, path, pdf(bytes(300_000))), 413)["code"] == "payload_too_large"
    no_file = await api.post(path, files={"other": ("a.pdf", pdf(), "application/pdf")}, headers=cast.own)
    assert assert_problem(no_file, 422)["errors"][0]["field"] == "file"
    assert_problem(await api.post(path, json={"file": "x"}, headers=cast.own), 415)
    unknown = assert_problem(await upload(api, cast.own, material_path(application, "selfie"), pdf()), 422)
    assert unknown["code"] == "unknown_material"
    assert await stored_keys(documents) == []
    assert (await materials_of(api, cast.own, application))[LICENCE_FORM]["document"] is None


async def test_uploading_the_committed_material_fulfils_the_commitment(
    api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban, documents: Documents
):
    matter = await make_matter(api, ("market", "tax"))
    promise = {"material_code": "lease_contract", "due_date": at_cst(3).date().isoformat()}
    application = await apply(api, cast.own, matter["code"], WITHOUT_LEASE, commitments=[promise])
    assert (await materials_of(api, cast.own, application))["lease_contract"]["state"] == "committed"
    approved = await approve_all(api, cast, application)  # 容缺: approved first, the material still owed
    assert approved["status"] == "approved" and approved["commitments"][0]["state"] == "open"
    assert_problem(await upload(api, cast.own, material_path(application, "id_card"), pdf()), 409)  # closed

    kuaiban.clock.now = at_cst(2)
    lease = await upload(api, cast.own, material_path(application, "lease_contract"), pdf(b"lease"), "租赁合同.pdf")
    assert lease.status_code == 201, lease.text
    assert lease.json()["commitment"]["state"] == "fulfilled"
    kept = await fetch(api, application["id"])
    assert kept["commitments"][0]["fulfilled_at"] and kept["materials_count"] == 3
    assert_problem(await upload(api, cast.own, material_path(application, "lease_contract"), pdf(b"v2")), 409)
    await deliver(kuaiban)
    assert "commitment.fulfilled" in await events_of(kuaiban, cast.own_id, application["id"])


async def test_the_vault_is_reused_without_uploading_twice_and_counted_apart(
    api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban, documents: Documents
):
    matter = await make_matter(api, ("market", "tax"))  # Monday: due on Thursday (3 working days)
    identity = pdf(b"legal representative's identity")
    kept = await upload(
        api, cast.own, "/approval/vault", identity, "身份证明.pdf", material_code="id_card", issuer="县公安局"
    )
    assert kept.status_code == 201, kept.text
    assert kept.json()["valid_until"] is None and kept.headers["location"] == f"/approval/vault/{kept.json()['id']}"
    same = await upload(api, cast.own, "/approval/vault", identity, "again.pdf", material_code="id_card")
    assert same.status_code == 200 and same.json()["id"] == kept.json()["id"]
    lease_until = at_cst(1).date().isoformat()  # Tuesday: expires before the due date
    short = await upload(
        api, cast.own, "/approval/vault", pdf(b"lease"), material_code="lease_contract", valid_until=lease_until
    )
    assert short.status_code == 201, short.text
    assert len(await stored_keys(documents)) == 2

    checked = await api.post("/approval/precheck", json={"matter_code": matter["code"]}, headers=cast.own)
    assert checked.status_code == 200, checked.text
    found = checked.json()
    assert found["due_date"] == at_cst(3).date().isoformat() and found["rongque_allowed"] is True
    assert [(c["material_code"], c["document_id"], c["issuer"]) for c in found["covered"]] == [
        ("id_card", kept.json()["id"], "县公安局")
    ]
    assert [(m["material_code"], m["waivable"]) for m in found["missing"]] == [
        (LICENCE_FORM, False),
        ("lease_contract", True),
    ]
    assert [(c["material_code"], c["valid_until"]) for c in found["expiring"]] == [("lease_contract", lease_until)]

    promise = [{"material_code": "lease_contract", "due_date": at_cst(3).date().isoformat()}]
    submitted = await submit(api, cast.own, matter["code"], [LICENCE_FORM], commitments=promise, use_vault=True)
    assert submitted.status_code == 201, submitted.text
    application = submitted.json()
    assert application["materials"] == [LICENCE_FORM, "id_card"] and application["reused_materials"] == ["id_card"]
    assert application["materials_count"] == 1  # what was handed in: the vault's reuse is not counted
    reused = (await materials_of(api, cast.officer("market"), application))["id_card"]
    assert (reused["state"], reused["source"], reused["document"]["id"]) == ("reused", "vault", kept.json()["id"])
    assert (await api.get(material_path(application, "id_card"), headers=cast.officer("tax"))).content == identity
    without = await submit(api, cast.own, matter["code"], [LICENCE_FORM], commitments=promise)
    assert assert_problem(without, 422)["code"] == "missing_material"  # no vault unless asked for

    mine = await api.get("/approval/vault", headers=cast.own)
    assert {d["material_code"] for d in mine.json()["items"]} == {"id_card", "lease_contract"}
    assert (await api.get("/approval/vault", headers=cast.other)).json()["items"] == []
    assert_problem(await api.get(f"/approval/vault/{kept.json()['id']}", headers=cast.other), 404)
    assert_problem(await api.get(f"/approval/vault/{kept.json()['id']}/file", headers=cast.other), 404)
    assert_problem(await api.get("/approval/vault", headers=cast.officer("market")), 403)
    download = await api.get(kept.json()["download_url"], headers=cast.own)
    assert (
        download.content == identity
        and "filename*=UTF-8''" + quote("身份证明.pdf") in download.headers["content-disposition"]
    )

    assert (await api.delete(f"/approval/vault/{kept.json()['id']}", headers=cast.own)).status_code == 204
    checked = (await api.post("/approval/precheck", json={"matter_code": matter["code"]}, headers=cast.own)).json()
    assert checked["covered"] == []
    assert (await api.get(material_path(application, "id_card"), headers=cast.own)).content == identity  # kept


async def test_the_vault_refuses_what_it_cannot_keep(api: httpx.AsyncClient, cast: Cast, documents: Documents):
    yesterday = at_cst(-1).date().isoformat()
    expired = await upload(api, cast.own, "/approval/vault", pdf(), material_code="id_card", valid_until=yesterday)
    assert assert_problem(expired, 422)["errors"][0]["field"] == "valid_until"
    assert assert_problem(await upload(api, cast.own, "/approval/vault", pdf()), 422)["errors"][0]["field"] == (
        "material_code"
    )
    on_behalf = await upload(api, ADMIN, "/approval/vault", pdf(), material_code="id_card")
    assert assert_problem(on_behalf, 422)["errors"][0]["field"] == "enterprise_id"
    assert await stored_keys(documents) == []  # every refused file deleted again
    for_own = await upload(api, ADMIN, "/approval/vault", pdf(), material_code="id_card", enterprise_id=cast.own_id)
    assert for_own.status_code == 201 and for_own.json()["enterprise_id"] == cast.own_id
    d_rated = await api.post(
        "/approval/precheck", json={"matter_code": (await make_matter(api, ("market",)))["code"]}, headers=cast.rated_d
    )
    assert d_rated.json()["rongque_allowed"] is False
    assert all(m["waivable"] is False for m in d_rated.json()["missing"])


async def test_the_commitment_ledger_shows_each_caller_its_own(api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban):
    market_only = await make_matter(api, ("market",))
    tax_only = await make_matter(api, ("tax",))
    promise = [{"material_code": "lease_contract", "due_date": at_cst(2).date().isoformat()}]
    own_app = await apply(api, cast.own, market_only["code"], WITHOUT_LEASE, commitments=promise)
    other_app = await apply(api, cast.other, tax_only["code"], WITHOUT_LEASE, commitments=promise)

    async def ledger(headers: dict, **filters) -> set[str]:
        listed = await api.get("/approval/commitments", params=filters, headers=headers)
        assert listed.status_code == 200, listed.text
        return {c["application_id"] for c in listed.json()["items"]} & {own_app["id"], other_app["id"]}

    assert await ledger(cast.own) == {own_app["id"]}
    assert await ledger(cast.other) == {other_app["id"]}
    assert await ledger(cast.officer("market")) == {own_app["id"]}
    assert await ledger(cast.officer("tax")) == {other_app["id"]}
    assert await ledger(cast.liaison) == {own_app["id"]}
    assert await ledger(cast.uninvolved) == set()
    assert await ledger(cast.admin) == {own_app["id"], other_app["id"]}
    assert await ledger(cast.admin, department="tax") == {other_app["id"]}
    assert await ledger(cast.admin, enterprise_id=cast.own_id) == {own_app["id"]}
    assert await ledger(cast.own, enterprise_id=cast.other_id) == set()
    kuaiban.clock.now = at_cst(3)
    assert (await api.post("/approval/sweep", headers=ADMIN)).json()["overdue_commitments"] >= 2
    assert await ledger(cast.admin, state="overdue") == {own_app["id"], other_app["id"]}
    assert await ledger(cast.admin, state="open") == set()
    assert_problem(await api.get("/approval/commitments", params={"state": "late"}, headers=ADMIN), 422)
    stats = (await api.get("/approval/stats", headers=ADMIN)).json()["commitments"]
    assert stats["overdue"] >= 2 and stats["by_department"]["tax"]["overdue"] >= 1


async def test_the_orphan_sweep_deletes_files_no_row_names(
    api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban, documents: Documents
):
    application = await apply(api, cast.own, (await make_matter(api, ("market",)))["code"])
    assert (await upload(api, cast.own, material_path(application, "id_card"), pdf())).status_code == 201
    orphan = await documents.save(_chunks(pdf(b"a crash left me")), now=kuaiban.clock())
    foreign = "intake/2026/03/" + "0" * 32  # another service's object: never this sweep's to judge
    await documents.store.write(foreign, _chunks(pdf()))
    kuaiban.clock.now = datetime.now(UTC)  # the store times its objects by the real clock
    swept = await api.post("/approval/documents/sweep", headers=ADMIN)
    assert swept.status_code == 200 and swept.json()["deleted"] == 0  # younger than the grace period
    kuaiban.clock.advance(hours=2)
    swept = await api.post("/approval/documents/sweep", headers=ADMIN)
    assert swept.json() == {"checked": 2, "deleted": 1}
    assert await documents.store.stat(orphan.key) is None and await documents.store.stat(foreign) is not None
    assert (await api.get(material_path(application, "id_card"), headers=cast.own)).status_code == 200
    assert_problem(await api.post("/approval/documents/sweep", headers=cast.own), 403)


async def _chunks(data: bytes):
    yield data


async def test_rows_hold_the_storage_key_and_answers_never_do(
    api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban, documents: Documents
):
    application = await apply(api, cast.own, (await make_matter(api, ("market",)))["code"])
    answer = await upload(api, cast.own, material_path(application, "id_card"), pdf())
    (key,) = (
        await kuaiban.connection.execute(
            text("SELECT key FROM approval.document WHERE id = :id"), {"id": answer.json()["document"]["id"]}
        )
    ).scalars()
    assert key.startswith("approval/") and key not in answer.text


async def test_the_enterprise_is_reminded_three_and_one_working_days_before(
    api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban
):
    matter = await make_matter(api, ("market", "tax"))
    promise = [{"material_code": "lease_contract", "due_date": at_cst(3).date().isoformat()}]  # Thursday
    application = await apply(api, cast.own, matter["code"], WITHOUT_LEASE, commitments=promise)
    sent = []
    for day in range(4):  # Monday to Thursday: 3, 2, 1 and 0 working days left
        kuaiban.clock.now = at_cst(day, hour=10)
        sent.append((await api.post("/approval/sweep", headers=ADMIN)).json()["reminders"])
    assert sent == [1, 0, 1, 0]
    assert (await fetch(api, application["id"]))["commitments"][0]["reminded_days"] == 1
    await deliver(kuaiban)
    assert (await events_of(kuaiban, cast.own_id, application["id"])).count("commitment.reminder") == 2


async def test_a_county_leader_reads_applications_and_the_ledger_but_changes_nothing(
    api: httpx.AsyncClient, cast: Cast
):
    leader = headers_for("leader", username="county-leader")
    matter = await make_matter(api, ("market",))
    promise = [{"material_code": "lease_contract", "due_date": at_cst(2).date().isoformat()}]
    application = await apply(api, cast.own, matter["code"], WITHOUT_LEASE, commitments=promise)
    read = await api.get(f"/approval/applications/{application['id']}", headers=leader)
    assert read.status_code == 200 and [t["department"] for t in read.json()["tasks"]] == ["market"]
    listed = await api.get("/approval/applications", params={"status": "in_review"}, headers=leader)
    assert listed.status_code == 200 and listed.json()["items"]
    ledger = await api.get("/approval/commitments", params={"enterprise_id": cast.own_id}, headers=leader)
    assert [c["application_id"] for c in ledger.json()["items"]] == [application["id"]]
    task = application["tasks"][0]["id"]
    assert_problem(
        await api.post(f"/approval/tasks/{task}/decision", json={"decision": "approve"}, headers=leader), 403
    )
    assert_problem(await api.post(f"/approval/applications/{application['id']}/withdraw", headers=leader), 403)
    assert_problem(await upload(api, leader, material_path(application, "id_card"), pdf()), 403)

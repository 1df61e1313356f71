"""Materials as real files over real processes: through the gateway (which streams an upload rather than
buffering it) into approval and its document store, downloaded only by whoever sees the application, refused
by size and type, and a crash between the bytes and the row, which leaves a file without a row that the
orphan sweep then removes.

The module runs its own system (on the session's database) with its own storage folder, a 3 MB upload limit,
and an orphan sweep every second with a two-second grace, and kills its approval process.
"""

import hashlib
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import psycopg
import pytest

from launcher.system import System
from services.common.settings import libpq_url
from tests.helpers.approval_flows import new_enterprise, sql
from tests.helpers.documents import generated_bytes, pdf, png
from tests.helpers.factories import ADMIN_PASSWORD, bearer, unique_name
from tests.helpers.http import login, make_account
from tests.helpers.problems import assert_problem
from tests.helpers.systems import kill, running_system, system_env
from tests.helpers.waiting import wait_until

UPLOAD_LIMIT = 3_000_000
SETTLE_SECONDS = 30.0
MATERIALS = [
    {"code": "business_license_application", "name": "公司登记（备案）申请书", "waivable": False},
    {"code": "id_card", "name": "法定代表人身份证明", "waivable": False},
    {"code": "lease_contract", "name": "住所（经营场所）租赁合同", "waivable": True},
]


@pytest.fixture(scope="module")
def storage(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("documents")


@pytest.fixture(scope="module")
def own_system(database_url: str, storage: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[System]:
    env = system_env(
        database_url,
        KUAIBAN_STORAGE_URL=storage.as_uri(),
        KUAIBAN_UPLOAD_MAX_BYTES=str(UPLOAD_LIMIT),
        KUAIBAN_ORPHAN_SWEEP_SECONDS="1",
        KUAIBAN_ORPHAN_GRACE_SECONDS="2",
    )
    with running_system(env, tmp_path_factory.mktemp("materials-logs")) as running:
        yield running


@pytest.fixture(scope="module")
def http(own_system: System) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=own_system.gateway_url, timeout=30) as client:
        yield client


@pytest.fixture(scope="module")
def admin(http: httpx.Client) -> dict[str, str]:
    return bearer(login(http, "admin", ADMIN_PASSWORD))


def opening_matter(http: httpx.Client, admin: dict) -> dict:
    """企业开办: market, tax and public security in parallel, one working day each."""
    body = {
        "code": unique_name("QYKB").replace("_", "-"),
        "name": "企业开办（一件事）",
        "departments": [
            {"department": "market", "task_name": "营业执照核发", "sla_working_days": 1},
            {"department": "tax", "task_name": "发票申领", "sla_working_days": 1},
            {"department": "public_security", "task_name": "印章刻制备案", "sla_working_days": 1},
        ],
        "materials": MATERIALS,
        "sla_working_days": 1,
    }
    response = http.post("/approval/matters", json=body, headers=admin)
    assert response.status_code == 201, response.text
    return response.json()


def upload(http: httpx.Client, headers: dict, path: str, data: bytes, name: str, **fields) -> httpx.Response:
    return http.post(path, files={"file": (name, data, "application/octet-stream")}, data=fields, headers=headers)


def stored_files(storage: Path) -> set[Path]:
    return {path for path in (storage / "approval").rglob("*") if path.is_file()}


def test_an_enterprise_opens_a_company_with_real_files_reusing_its_vault(
    http: httpx.Client, admin: dict, storage: Path
):
    matter = opening_matter(http, admin)
    enterprise_id, owner = new_enterprise(http, admin, name="濉溪县口子酒业配套包装有限公司")
    _, stranger = new_enterprise(http, admin, town="临涣镇")
    officers = {d: make_account(http, admin, "officer", department=d)[1] for d in ("market", "tax", "hrss")}

    identity = png()
    kept = upload(
        http, owner, "/approval/vault", identity, "法人身份证.png", material_code="id_card", issuer="濉溪县公安局"
    )
    assert kept.status_code == 201, kept.text
    checked = http.post("/approval/precheck", json={"matter_code": matter["code"]}, headers=owner).json()
    assert [c["material_code"] for c in checked["covered"]] == ["id_card"]
    assert [(m["material_code"], m["waivable"]) for m in checked["missing"]] == [
        ("business_license_application", False),
        ("lease_contract", True),
    ]

    body = {
        "matter_code": matter["code"],
        "materials": ["business_license_application"],
        "commitments": [{"material_code": "lease_contract", "due_date": checked["due_date"]}],
        "use_vault": True,
    }
    submitted = http.post("/approval/applications", json=body, headers=owner)
    assert submitted.status_code == 201, submitted.text
    application = submitted.json()
    assert application["reused_materials"] == ["id_card"] and application["materials_count"] == 1
    materials = f"/approval/applications/{application['id']}/materials"

    form = pdf(generated_bytes(2_000_000))  # above the gateway's 1 MiB body limit: uploads are streamed through
    sent = upload(http, owner, f"{materials}/business_license_application", form, "公司登记（备案）申请书.pdf")
    assert sent.status_code == 201, sent.text
    assert sent.json()["document"]["sha256"] == hashlib.sha256(form).hexdigest()
    lease = upload(http, owner, f"{materials}/lease_contract", pdf(b"lease"), "租赁合同.pdf")
    assert lease.status_code == 201 and lease.json()["commitment"]["state"] == "fulfilled"

    for department in ("market", "tax"):
        got = http.get(f"{materials}/business_license_application", headers=officers[department])
        assert got.status_code == 200 and got.content == form
        assert got.headers["content-disposition"].endswith(quote("公司登记（备案）申请书.pdf"))
        reused = http.get(f"{materials}/id_card", headers=officers[department])
        assert reused.content == identity and reused.headers["content-type"] == "image/png"
    tail = http.get(f"{materials}/business_license_application", headers={**officers["market"], "Range": "bytes=-1000"})
    assert tail.status_code == 206 and tail.content == form[-1000:]
    for outsider in (officers["hrss"], stranger):
        assert_problem(http.get(f"{materials}/business_license_application", headers=outsider), 404)
        assert_problem(http.get(materials, headers=outsider), 404)
    assert_problem(upload(http, stranger, f"{materials}/id_card", pdf(), "x.pdf"), 404)

    kept_files = stored_files(storage)
    too_big = upload(http, owner, f"{materials}/id_card", pdf(bytes(UPLOAD_LIMIT + 10)), "big.pdf")
    assert assert_problem(too_big, 413)["code"] == "payload_too_large"
    text = upload(http, owner, f"{materials}/id_card", b"just some text", "看起来像.pdf")
    assert assert_problem(text, 415)["code"] == "unsupported_media_type"
    assert stored_files(storage) == kept_files  # the refused ones left nothing

    for task in application["tasks"]:
        officer = make_account(http, admin, "officer", department=task["department"])[1]
        decided = http.post(f"/approval/tasks/{task['id']}/decision", json={"decision": "approve"}, headers=officer)
        assert decided.status_code == 200, decided.text
    done = http.get(f"/approval/applications/{application['id']}", headers=owner).json()
    assert done["status"] == "approved" and done["commitments"][0]["state"] == "fulfilled"
    ledger = http.get("/approval/commitments", params={"enterprise_id": enterprise_id}, headers=admin).json()
    assert [c["state"] for c in ledger["items"]] == ["fulfilled"]


def test_a_request_and_its_reply_carry_files_seen_by_whoever_sees_the_request(http: httpx.Client, admin: dict):
    _, owner = new_enterprise(http, admin)
    _, stranger = new_enterprise(http, admin)
    lead = make_account(http, admin, "officer", department="power")[1]
    other_department = make_account(http, admin, "officer", department="tax")[1]
    body = {
        "title": "新建厂房需要增容用电",
        "description": "铝基材料车间扩产，需要将用电容量增至5000千伏安。",
        "category": "power",
        "channel": "online",
    }
    request = http.post("/intake/requests", json=body, headers=owner).json()
    attachments = f"/intake/requests/{request['id']}/attachments"
    photo = png()
    sent = upload(http, owner, attachments, photo, "配电房现场.png")
    assert sent.status_code == 201, sent.text
    assign = {"lead_department": "power", "cooperating_departments": [], "grade": "normal"}
    assert http.post(f"/intake/requests/{request['id']}/assign", json=assign, headers=admin).status_code == 200
    plan = pdf(generated_bytes(1_500_000))  # past the gateway's JSON limit
    replied = upload(http, lead, attachments, plan, "增容方案.pdf", part="reply")
    assert replied.status_code == 201, replied.text

    listed = http.get(attachments, headers=owner).json()["items"]
    assert [(a["part"], a["filename"]) for a in listed] == [("request", "配电房现场.png"), ("reply", "增容方案.pdf")]
    assert http.get(listed[1]["download_url"], headers=owner).content == plan
    assert http.get(listed[0]["download_url"], headers=lead).content == photo
    for outsider in (stranger, other_department):
        assert_problem(http.get(attachments, headers=outsider), 404)
        assert_problem(http.get(listed[0]["download_url"], headers=outsider), 404)
    assert_problem(upload(http, stranger, attachments, png(), "x.png"), 404)
    assert_problem(upload(http, owner, attachments, b"<html>", "page.pdf"), 415)
    assert_problem(upload(http, owner, attachments, pdf(bytes(UPLOAD_LIMIT + 10)), "big.pdf"), 413)


@pytest.mark.faults  # kills a service: CI runs it with the other faults (pytest -m faults)
def test_a_crash_between_the_bytes_and_the_row_leaves_no_row_and_the_orphan_is_swept(
    http: httpx.Client, admin: dict, own_system: System, storage: Path, database_url: str
):
    matter = opening_matter(http, admin)
    _, owner = new_enterprise(http, admin)
    body = {"matter_code": matter["code"], "materials": [m["code"] for m in MATERIALS]}
    application = http.post("/approval/applications", json=body, headers=owner).json()
    path = f"/approval/applications/{application['id']}/materials/id_card"
    before = stored_files(storage)
    answers: list[int] = []

    # Approval stores the bytes, then waits for the application's row lock (held here) to record them.
    with psycopg.connect(libpq_url(database_url)) as holder:
        holder.execute("SELECT id FROM approval.application WHERE id = %s FOR UPDATE", (application["id"],))
        sender = threading.Thread(target=lambda: answers.append(upload(http, owner, path, pdf(), "id.pdf").status_code))
        sender.start()
        written = wait_until(lambda: stored_files(storage) - before, "the upload's bytes in the store", SETTLE_SECONDS)
        kill(own_system, "approval")
        holder.rollback()
    sender.join(SETTLE_SECONDS)
    assert answers and answers[0] >= 500  # the caller was never told it was kept
    (orphan,) = written
    assert orphan.exists()
    key = orphan.relative_to(storage).as_posix()
    assert sql(database_url, "SELECT count(*) FROM approval.document WHERE key = %s", key) == [(0,)]  # no row

    own_system.start("approval")
    own_system.wait_healthy(timeout=SETTLE_SECONDS)
    wait_until(lambda: not orphan.exists(), "the orphan swept", SETTLE_SECONDS)  # the periodic sweep removed it
    assert_problem(http.get(path, headers=owner), 404)
    listed = http.get(f"/approval/applications/{application['id']}/materials", headers=owner).json()
    assert {i["material_code"]: i["state"] for i in listed["items"]}["id_card"] == "declared"
    again = upload(http, owner, path, pdf(), "id.pdf")
    assert again.status_code == 201, again.text
    assert http.get(path, headers=owner).content == pdf()
    ((kept,),) = sql(database_url, "SELECT key FROM approval.document WHERE id = %s", again.json()["document"]["id"])
    assert stored_files(storage) - before == {storage / kept}  # the one file kept, the orphan gone

"""Approval flows through a running system's gateway, for the end-to-end tests: an enterprise with its account,
a matter, an application, and plain SQL on the database to read what the processes stored."""

import httpx
import psycopg

from services.common.settings import libpq_url
from tests.helpers.factories import enterprise_payload, unique_name
from tests.helpers.http import make_account

DEPARTMENTS = ("market", "public_security", "tax", "hrss", "housing_fund")  # 企业开办's five
MATERIALS = [
    {"code": "business_license_application", "name": "公司登记（备案）申请书", "waivable": False},
    {"code": "id_card", "name": "法定代表人身份证明", "waivable": False},
]


def new_enterprise(http: httpx.Client, admin: dict, **fields) -> tuple[str, dict]:
    """A registered enterprise (profile `fields` over the defaults) and its logged-in account: (its id, the
    account's auth headers)."""
    response = http.post("/intake/enterprises", json=enterprise_payload(**fields), headers=admin)
    assert response.status_code == 201, response.text
    enterprise_id = response.json()["id"]
    return enterprise_id, make_account(http, admin, "enterprise", enterprise_id=enterprise_id)[1]


def make_matter(
    http: httpx.Client, admin: dict, departments=DEPARTMENTS, *, materials=MATERIALS, prefix: str = "E2E", **options
) -> dict:
    """A matter every department in `departments` approves in parallel (one working day each)."""
    body = {
        "code": unique_name(prefix).replace("_", "-"),
        "name": "端到端测试事项",
        "departments": [{"department": d, "task_name": f"{d}审查", "sla_working_days": 1} for d in departments],
        "materials": materials,
        "sla_working_days": 2,
        **options,
    }
    response = http.post("/approval/matters", json=body, headers=admin)
    assert response.status_code == 201, response.text
    return response.json()


def submit(http: httpx.Client, owner: dict, matter: dict) -> dict:
    """The enterprise applies for `matter` with every material it lists."""
    body = {"matter_code": matter["code"], "materials": [m["code"] for m in matter["materials"]]}
    response = http.post("/approval/applications", json=body, headers=owner)
    assert response.status_code == 201, response.text
    return response.json()


def fetch(http: httpx.Client, headers: dict, application_id: str) -> dict:
    response = http.get(f"/approval/applications/{application_id}", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def sql(database_url: str, query: str, *params) -> list[tuple]:
    """Plain SQL on the database, autocommitted; the rows, if the statement returns any."""
    with psycopg.connect(libpq_url(database_url), autocommit=True) as conn:
        cursor = conn.execute(query, params)
        return cursor.fetchall() if cursor.description else []

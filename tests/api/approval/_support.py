"""Shared pieces of approval's in-process tests: the people who take part, a 企业开办 matter, and the calls
every test makes (apply, decide, sweep, read the enterprise's timeline)."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx

from services.approval.contract import YearScheduleBody
from services.approval.models import ApprovalOutbox
from services.common.calendar import CST, WorkCalendar
from tests.helpers.factories import ADMIN, enterprise_payload, headers_for, unique_name
from tests.helpers.inprocess import Kuaiban, collect_all, make_liaison

INTERNAL = headers_for("internal", username="intake")
# Monday 2 March 2026, 09:00 CST (01:00 UTC, as clocks give it): an ordinary working week (no holiday before
# 4 April) in an officially announced year.
MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=CST).astimezone(UTC)

DEPARTMENTS = ("market", "public_security", "tax", "hrss", "housing_fund")
TASK_NAMES = {
    "market": "营业执照核发",
    "public_security": "公章刻制备案",
    "tax": "税务登记及发票申领",
    "hrss": "社会保险登记",
    "housing_fund": "住房公积金缴存登记",
}
DEPARTMENT_SLA = {"market": 1, "public_security": 2, "tax": 1, "hrss": 2, "housing_fund": 3}
MATTER_SLA = 3
MATERIALS = [
    {"code": "business_license_application", "name": "公司登记（备案）申请书", "waivable": False},
    {"code": "lease_contract", "name": "住所（经营场所）租赁合同", "waivable": True},
    {"code": "id_card", "name": "法定代表人身份证明", "waivable": False},
]
ALL_MATERIALS = [m["code"] for m in MATERIALS]
WITHOUT_LEASE = ["business_license_application", "id_card"]


@dataclass
class Cast:
    """Admin, an officer per 企业开办 department, an uninvolved officer, a liaison, enterprises, a bank."""

    admin: dict
    officers: dict[str, dict]
    uninvolved: dict  # natural_resources: no task in any matter made here
    liaison: dict  # development_reform, liaison officer of `own` (an account in the gateway)
    own: dict
    other: dict
    rated_d: dict
    bank: dict
    own_id: str
    other_id: str
    rated_d_id: str

    def officer(self, department: str) -> dict:
        return self.officers[department]


async def register(kuaiban: Kuaiban, **fields) -> tuple[str, dict]:
    """An enterprise in intake: (its id, its auth headers)."""
    async with kuaiban.client("intake", ADMIN) as intake:
        response = await intake.post("/intake/enterprises", json=enterprise_payload(**fields))
    assert response.status_code == 201, response.text
    enterprise_id = response.json()["id"]
    return enterprise_id, headers_for("enterprise", enterprise_id=enterprise_id)


async def make_cast(kuaiban: Kuaiban) -> Cast:
    own_id, own = await register(kuaiban)
    other_id, other = await register(kuaiban, town="临涣镇")
    rated_d_id, rated_d = await register(kuaiban, credit_rating="D")
    return Cast(
        admin=ADMIN,
        officers={d: headers_for("officer", department=d) for d in DEPARTMENTS},
        uninvolved=headers_for("officer", department="natural_resources"),
        liaison=(await make_liaison(kuaiban, own_id))[1],
        own=own,
        other=other,
        rated_d=rated_d,
        bank=headers_for("bank", bank_id="5d0c7e1a-0000-4000-8000-000000000000"),
        own_id=own_id,
        other_id=other_id,
        rated_d_id=rated_d_id,
    )


def matter_body(departments=DEPARTMENTS, *, deemed: bool = False, **overrides) -> dict:
    body = {
        "code": unique_name("QYKB").replace("_", "-"),
        "name": "企业开办“一件事”",
        "departments": [
            {"department": d, "task_name": TASK_NAMES[d], "sla_working_days": DEPARTMENT_SLA[d]} for d in departments
        ],
        "materials": MATERIALS,
        "sla_working_days": MATTER_SLA,
        "deemed_approval": deemed,
    }
    body.update(overrides)
    return body


async def make_matter(api: httpx.AsyncClient, departments=DEPARTMENTS, *, deemed: bool = False) -> dict:
    response = await api.post("/approval/matters", json=matter_body(departments, deemed=deemed), headers=ADMIN)
    assert response.status_code == 201, response.text
    return response.json()


async def submit(
    api: httpx.AsyncClient, headers: dict, matter_code: str, materials=ALL_MATERIALS, **fields
) -> httpx.Response:
    body = {"matter_code": matter_code, "materials": list(materials), **fields}
    return await api.post("/approval/applications", json=body, headers=headers)


async def apply(api: httpx.AsyncClient, headers: dict, matter_code: str, materials=ALL_MATERIALS, **fields) -> dict:
    response = await submit(api, headers, matter_code, materials, **fields)
    assert response.status_code == 201, response.text
    return response.json()


async def decide(api: httpx.AsyncClient, headers: dict, task_id: str, decision: str, **fields) -> httpx.Response:
    return await api.post(f"/approval/tasks/{task_id}/decision", json={"decision": decision, **fields}, headers=headers)


async def supplement(api: httpx.AsyncClient, headers: dict, application_id: str, *materials: str) -> httpx.Response:
    body = {"materials": list(materials)}
    return await api.post(f"/approval/applications/{application_id}/supplements", json=body, headers=headers)


async def withdraw(api: httpx.AsyncClient, headers: dict, application_id: str) -> httpx.Response:
    return await api.post(f"/approval/applications/{application_id}/withdraw", headers=headers)


def task_of(application: dict, department: str) -> dict:
    return next(t for t in application["tasks"] if t["department"] == department)


def statuses(application: dict) -> dict[str, str]:
    return {t["department"]: t["status"] for t in application["tasks"]}


async def fetch(api: httpx.AsyncClient, application_id: str) -> dict:
    response = await api.get(f"/approval/applications/{application_id}", headers=ADMIN)
    assert response.status_code == 200, response.text
    return response.json()


async def approve_all(api: httpx.AsyncClient, cast: Cast, application: dict) -> dict:
    for task in application["tasks"]:
        if task["status"] == "pending":
            response = await decide(api, cast.officer(task["department"]), task["id"], "approve")
            assert response.status_code == 200, response.text
    return await fetch(api, application["id"])


async def sweep(api: httpx.AsyncClient) -> dict:
    response = await api.post("/approval/sweep", headers=ADMIN)
    assert response.status_code == 200, response.text
    return response.json()


async def calendar_of(api: httpx.AsyncClient, *years: int) -> WorkCalendar:
    """The calendar every service uses, as the public API shows it."""
    schedules = []
    for year in years:
        response = await api.get(f"/approval/calendar/{year}", headers=ADMIN)
        assert response.status_code == 200, response.text
        schedules.append(YearScheduleBody.model_validate(response.json()).schedule())
    return WorkCalendar(schedules)


def at_cst(day_offset: int, hour: int = 9) -> datetime:
    """A moment (in UTC) `day_offset` calendar days after MONDAY, at `hour` o'clock CST."""
    day = MONDAY.astimezone(CST) + timedelta(days=day_offset)
    return day.replace(hour=hour).astimezone(UTC)


async def deliver(kuaiban: Kuaiban) -> int:
    """Run approval's outbox relay until nothing more is due; returns how many messages it delivered."""
    relay = kuaiban.relay("approval", ApprovalOutbox)
    total = 0
    while delivered := await relay.deliver_once():
        total += delivered
    return total


async def events_of(kuaiban: Kuaiban, enterprise_id: str, application_id: str) -> list[str]:
    """The kinds of the application's events on the enterprise's timeline in intake (all from approval)."""
    async with kuaiban.client("intake", ADMIN) as intake:
        timeline = await collect_all(intake, f"/intake/enterprises/{enterprise_id}/timeline", ADMIN)
    mine = [item for item in timeline if item["ref_id"] == application_id]
    assert all(item["service"] == "approval" and item["at"].endswith("Z") for item in mine), mine
    return sorted(item["kind"] for item in mine)

"""Shared pieces of intake's in-process tests: the people who take part, and the calls every test makes."""

from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from services.approval.contract import YearScheduleBody
from services.common.calendar import WorkCalendar
from tests.helpers.factories import ADMIN, enterprise_payload, headers_for
from tests.helpers.inprocess import Kuaiban, make_liaison

INTERNAL = headers_for("internal", username="approval")
# A Wednesday (CST) just before the National Day holidays of 2026 (1–7 October; Saturday 10 October worked).
BEFORE_NATIONAL_DAY = datetime(2026, 9, 30, 2, 0, tzinfo=UTC)
REQUEST = {
    "title": "新建厂房需要增容用电",
    "description": "濉溪经济开发区铝基材料车间扩产，需要将用电容量由2000千伏安增至5000千伏安。",
    "category": "power",
    "channel": "online",
}


@dataclass
class Cast:
    """Everyone who takes part: admin, officers of four departments, two enterprises, a bank."""

    admin: dict
    power: dict  # lead department officer (供电)
    land: dict  # cooperating department officer (自然资源)
    tax: dict  # uninvolved department officer
    liaison: dict  # an officer of another department (发改), liaison of enterprise `own`
    own: dict
    other: dict
    bank: dict
    own_id: str
    other_id: str
    liaison_name: str


async def register(intake: httpx.AsyncClient, **overrides) -> dict:
    response = await intake.post("/intake/enterprises", json=enterprise_payload(**overrides), headers=ADMIN)
    assert response.status_code == 201, response.text
    return response.json()


async def make_cast(kuaiban: Kuaiban, intake: httpx.AsyncClient) -> Cast:
    own = await register(intake)
    other = await register(intake, town="韩村镇")
    liaison_name, liaison = await make_liaison(kuaiban, own["id"])
    return Cast(
        admin=ADMIN,
        power=headers_for("officer", department="power"),
        land=headers_for("officer", department="natural_resources"),
        tax=headers_for("officer", department="tax"),
        liaison=liaison,
        own=headers_for("enterprise", enterprise_id=own["id"]),
        other=headers_for("enterprise", enterprise_id=other["id"]),
        bank=headers_for("bank", bank_id="5d0c7e1a-0000-4000-8000-000000000000"),
        own_id=own["id"],
        other_id=other["id"],
        liaison_name=liaison_name,
    )


async def raise_request(intake: httpx.AsyncClient, headers: dict, **fields) -> dict:
    response = await intake.post("/intake/requests", json={**REQUEST, **fields}, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


async def assign(
    intake: httpx.AsyncClient,
    request_id: str,
    grade: str = "normal",
    *,
    lead: str = "power",
    cooperating: tuple[str, ...] = ("natural_resources",),
) -> httpx.Response:
    body = {"lead_department": lead, "cooperating_departments": list(cooperating), "grade": grade}
    return await intake.post(f"/intake/requests/{request_id}/assign", json=body, headers=ADMIN)


async def act(intake: httpx.AsyncClient, request_id: str, action: str, headers: dict, **body) -> httpx.Response:
    """One action on a request: `reply`, `notes` or `feedback`."""
    return await intake.post(f"/intake/requests/{request_id}/{action}", json=body, headers=headers)


async def create_meeting(intake: httpx.AsyncClient, **fields) -> dict:
    body = {"title": "濉溪县第十二期“棒棒茶会”", "held_on": "2026-11-20", "location": "濉溪县政务服务中心", **fields}
    response = await intake.post("/intake/meetings", json=body, headers=ADMIN)
    assert response.status_code == 201, response.text
    return response.json()


async def calendar_of(kuaiban: Kuaiban, *years: int) -> WorkCalendar:
    """The calendar every service uses, as approval's public API shows it."""
    async with kuaiban.client("approval", ADMIN) as approval:
        bodies = [(await approval.get(f"/approval/calendar/{year}")).json() for year in years]
    return WorkCalendar(YearScheduleBody.model_validate(body).schedule() for body in bodies)


async def ids(intake: httpx.AsyncClient, headers: dict, **params) -> set[str]:
    """The ids of the requests the caller lists with these filters."""
    response = await intake.get("/intake/requests", params={"limit": 100, **params}, headers=headers)
    assert response.status_code == 200, response.text
    return {item["id"] for item in response.json()["items"]}

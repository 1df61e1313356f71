"""The enterprise registry over intake's API in process (moved from tests/e2e/test_foundation.py):
create, get and list, the USCC checked and unique, bad input, who sees which enterprise, wrong roles."""

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest

from tests.helpers.factories import ADMIN, enterprise_payload, headers_for
from tests.helpers.inprocess import Kuaiban, pages
from tests.helpers.problems import assert_problem


@pytest.fixture
async def intake(kuaiban: Kuaiban) -> AsyncIterator[httpx.AsyncClient]:
    async with kuaiban.client("intake", ADMIN) as client:
        yield client


@pytest.fixture
async def enterprise(intake: httpx.AsyncClient) -> dict:
    response = await intake.post("/intake/enterprises", json=enterprise_payload())
    assert response.status_code == 201, response.text
    return response.json()


async def test_enterprise_create_get_and_list(intake: httpx.AsyncClient, enterprise: dict):
    assert enterprise["credit_rating"] == "A" and enterprise["industry"] == "C"
    assert enterprise["created_at"].endswith("Z") and enterprise["updated_at"].endswith("Z")
    uuid.UUID(enterprise["id"])
    fetched = await intake.get(f"/intake/enterprises/{enterprise['id']}")
    assert fetched.status_code == 200 and fetched.json() == enterprise

    for _ in range(3):
        assert (await intake.post("/intake/enterprises", json=enterprise_payload())).status_code == 201
    seen: list[str] = []
    async for page in pages(intake, "/intake/enterprises", limit=2):
        assert len(page["items"]) <= 2
        seen += [item["id"] for item in page["items"]]
    assert len(seen) == len(set(seen)) >= 4 and enterprise["id"] in seen
    assert_problem(await intake.get("/intake/enterprises", params={"limit": 0}), 422)
    assert_problem(await intake.get("/intake/enterprises", params={"limit": 101}), 422)
    assert_problem(await intake.get("/intake/enterprises", params={"cursor": "garbage"}), 422)


async def test_defaults_apply_to_optional_fields(intake: httpx.AsyncClient):
    payload = enterprise_payload()
    for optional in ("employees", "annual_revenue_yuan", "credit_rating", "key_enterprise"):
        del payload[optional]
    response = await intake.post("/intake/enterprises", json=payload)
    assert response.status_code == 201, response.text
    assert response.json()["credit_rating"] == "B"


async def test_uscc_is_checked_and_unique(intake: httpx.AsyncClient, enterprise: dict):
    good = enterprise_payload()["uscc"]
    wrong_check = good[:17] + ("0" if good[17] != "0" else "1")
    body = assert_problem(await intake.post("/intake/enterprises", json=enterprise_payload(uscc=wrong_check)), 422)
    assert body["errors"][0]["field"] == "uscc"
    for bad in ("91340621MA2N0AB12", "91340621MA2N0AB1IO"):
        assert_problem(await intake.post("/intake/enterprises", json=enterprise_payload(uscc=bad)), 422)
    duplicate = enterprise_payload(uscc=enterprise["uscc"])
    assert_problem(await intake.post("/intake/enterprises", json=duplicate), 409)


async def test_enterprise_bad_input(intake: httpx.AsyncClient):
    cases = [
        enterprise_payload(industry="Z"),
        enterprise_payload(credit_rating="E"),
        enterprise_payload(name="bad\x00name"),
        enterprise_payload(name="x" * 201),
        enterprise_payload(established_on="2999-01-01"),
        enterprise_payload(employees=-1),
        {**enterprise_payload(), "owner": "me"},
    ]
    for payload in cases:
        assert_problem(await intake.post("/intake/enterprises", json=payload), 422)
    broken = await intake.post(
        "/intake/enterprises", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert_problem(broken, 422)


async def test_wrong_role_is_403(intake: httpx.AsyncClient, enterprise: dict):
    officer = headers_for("officer", department="market")
    bank = headers_for("bank", bank_id=str(uuid.uuid4()))
    assert_problem(await intake.post("/intake/enterprises", json=enterprise_payload(), headers=officer), 403)
    assert_problem(await intake.get(f"/intake/enterprises/{enterprise['id']}", headers=bank), 403)
    assert_problem(await intake.get("/intake/enterprises", headers=bank), 403)
    assert (await intake.get(f"/intake/enterprises/{enterprise['id']}", headers=officer)).status_code == 200
    assert (await intake.get("/intake/enterprises", headers=officer)).status_code == 200
    assert_problem(await intake.get("/intake/enterprises", headers={"Authorization": ""}), 401)


async def test_enterprise_sees_only_itself(intake: httpx.AsyncClient, enterprise: dict):
    other = (await intake.post("/intake/enterprises", json=enterprise_payload())).json()
    own = headers_for("enterprise", enterprise_id=enterprise["id"])
    assert (await intake.get(f"/intake/enterprises/{enterprise['id']}", headers=own)).status_code == 200
    assert_problem(await intake.get(f"/intake/enterprises/{other['id']}", headers=own), 404)
    assert_problem(await intake.get(f"/intake/enterprises/{uuid.uuid4()}"), 404)
    assert_problem(await intake.get("/intake/enterprises", headers=own), 403)

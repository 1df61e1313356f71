"""The enterprise registry in process: registering, reading, listing and the liaison officer."""

import pytest

from tests.helpers.factories import enterprise_payload, headers_for
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem

ADMIN = headers_for("admin", username="admin")


async def test_register_then_read_as_each_role(kuaiban: Kuaiban):
    async with kuaiban.client("intake", ADMIN) as intake:
        created = await intake.post("/intake/enterprises", json=enterprise_payload())
        assert created.status_code == 201, created.text
        enterprise = created.json()
        officer = headers_for("officer", department="tax")
        itself = headers_for("enterprise", enterprise_id=enterprise["id"])
        stranger = headers_for("enterprise", enterprise_id="6f1c2b4e-0000-4000-8000-000000000000")
        for headers in (ADMIN, officer, itself):
            found = await intake.get(f"/intake/enterprises/{enterprise['id']}", headers=headers)
            assert found.status_code == 200 and found.json()["uscc"] == enterprise["uscc"]
        assert_problem(await intake.get(f"/intake/enterprises/{enterprise['id']}", headers=stranger), 404)


@pytest.mark.parametrize("run", [1, 2])
async def test_each_test_starts_from_a_clean_transaction(kuaiban: Kuaiban, run: int):
    payload = enterprise_payload(uscc="91340621MA2TEST0XX"[:17] + "X")
    async with kuaiban.client("intake", ADMIN) as intake:
        listed = (await intake.get("/intake/enterprises", params={"limit": 100})).json()["items"]
        assert all(item["name"] != "回滚测试企业" for item in listed)
        created = await intake.post("/intake/enterprises", json={**enterprise_payload(), "name": "回滚测试企业"})
        assert created.status_code == 201, (run, payload, created.text)

"""The dedicated liaison officer (包保专员) in process: who may be one, what it opens, and the internal
look-ups other services make of enterprises and liaisons."""

import uuid

import httpx

from services.intake.contract import ENTERPRISE_PATH, LIAISON_PATH
from tests.api.intake._support import ADMIN, INTERNAL, Cast, assign, raise_request, register
from tests.helpers.factories import headers_for, unique_name
from tests.helpers.inprocess import Kuaiban, gateway_account, make_liaison
from tests.helpers.problems import assert_problem


async def test_liaison_must_be_an_officer(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    path = f"/intake/enterprises/{cast.other_id}/liaison"
    async with kuaiban.client("finance", ADMIN) as finance:
        bank = await finance.post("/finance/banks", json={"code": unique_name("bank"), "name": "濉溪农村商业银行"})
    assert bank.status_code == 201, bank.text
    bank_name = await gateway_account(kuaiban, "bank", bank_id=bank.json()["id"])
    admin_name = await gateway_account(kuaiban, "admin")
    for username in ("nobody_at_all", bank_name, admin_name, "admin"):
        problem = assert_problem(await intake.put(path, json={"officer_username": username}, headers=ADMIN), 422)
        assert problem["errors"][0]["field"] == "officer_username", username
    assert_problem(await intake.put(path, json={"officer_username": "bad name!"}, headers=ADMIN), 422)
    assert_problem(
        await intake.put(
            f"/intake/enterprises/{uuid.uuid4()}/liaison", json={"officer_username": cast.liaison_name}, headers=ADMIN
        ),
        404,
    )
    unchanged = (await intake.get(f"/intake/enterprises/{cast.other_id}", headers=ADMIN)).json()
    assert unchanged["liaison_officer"] is None


async def test_liaison_sees_the_enterprise_until_replaced(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    received = await raise_request(intake, cast.own)
    assigned = await raise_request(intake, cast.own, category="land")
    await assign(intake, assigned["id"], lead="natural_resources", cooperating=())
    timeline = f"/intake/enterprises/{cast.own_id}/timeline"
    for request in (received, assigned):
        found = await intake.get(f"/intake/requests/{request['id']}", headers=cast.liaison)
        assert found.status_code == 200, found.text
    assert (await intake.get(timeline, headers=cast.liaison)).status_code == 200

    successor_name, successor = await make_liaison(kuaiban, cast.own_id)
    for request in (received, assigned):
        assert_problem(await intake.get(f"/intake/requests/{request['id']}", headers=cast.liaison), 404)
        assert (await intake.get(f"/intake/requests/{request['id']}", headers=successor)).status_code == 200
    assert_problem(await intake.get(timeline, headers=cast.liaison), 404)
    assert (await intake.get(timeline, headers=successor)).status_code == 200
    enterprise = (await intake.get(f"/intake/enterprises/{cast.own_id}", headers=cast.own)).json()
    assert enterprise["liaison_officer"] == successor_name


async def test_timeline_of_an_unknown_enterprise_is_404(intake: httpx.AsyncClient):
    assert_problem(await intake.get(f"/intake/enterprises/{uuid.uuid4()}/timeline", headers=ADMIN), 404)
    assert_problem(await intake.get("/intake/enterprises/not-a-uuid/timeline", headers=ADMIN), 422)


async def test_liaison_needs_the_gateway(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    kuaiban.transport.down.add("gateway")
    path = f"/intake/enterprises/{cast.other_id}/liaison"
    assert_problem(await intake.put(path, json={"officer_username": cast.liaison_name}, headers=ADMIN), 503)
    assert (await intake.get(f"/intake/enterprises/{cast.other_id}", headers=ADMIN)).json()["liaison_officer"] is None


async def test_internal_look_ups(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    second = await register(intake, town="百善镇")
    await intake.put(
        f"/intake/enterprises/{second['id']}/liaison", json={"officer_username": cast.liaison_name}, headers=ADMIN
    )
    liaison_path = LIAISON_PATH.format(username=cast.liaison_name)
    found = await intake.get(liaison_path, headers=INTERNAL)
    assert found.status_code == 200, found.text
    assert set(found.json()["enterprise_ids"]) == {cast.own_id, second["id"]}
    nobody = await intake.get(LIAISON_PATH.format(username="nobody_at_all"), headers=INTERNAL)
    assert nobody.json() == {"enterprise_ids": []}

    profile = await intake.get(ENTERPRISE_PATH.format(enterprise_id=cast.own_id), headers=INTERNAL)
    assert profile.status_code == 200, profile.text
    assert profile.json()["id"] == cast.own_id and set(profile.json()) == {
        "id",
        "uscc",
        "name",
        "industry",
        "town",
        "established_on",
        "employees",
        "annual_revenue_yuan",
        "credit_rating",
        "key_enterprise",
        "tags",
        "revision",
    }
    assert_problem(await intake.get(ENTERPRISE_PATH.format(enterprise_id=uuid.uuid4()), headers=INTERNAL), 404)
    for headers in (ADMIN, cast.liaison, cast.own, headers_for("bank", bank_id=str(uuid.uuid4()))):
        assert_problem(await intake.get(liaison_path, headers=headers), 403)
        assert_problem(await intake.get(ENTERPRISE_PATH.format(enterprise_id=cast.own_id), headers=headers), 403)

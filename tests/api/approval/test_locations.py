"""A matter is found where its 201 says (`Location`, by its code) and by any caller; the typed items of a
matter and of an application's commitments keep the JSON they had."""

import httpx

from tests.api.approval._support import ADMIN, WITHOUT_LEASE, Cast, apply, at_cst, matter_body, supplement
from tests.helpers.problems import assert_problem


async def test_a_created_matter_is_where_location_says_for_every_caller(api: httpx.AsyncClient, cast: Cast):
    body = matter_body()
    created = await api.post("/approval/matters", json=body, headers=ADMIN)
    assert created.status_code == 201, created.text
    assert created.headers["location"] == f"/approval/matters/{body['code']}"
    matter = created.json()
    assert matter["departments"] == body["departments"] and matter["materials"] == body["materials"]
    for role in (cast.admin, cast.officer("tax"), cast.uninvolved, cast.own, cast.bank):
        fetched = await api.get(created.headers["location"], headers=role)
        assert fetched.status_code == 200, fetched.text
        assert fetched.json() == matter
    assert_problem(await api.get(created.headers["location"]), 401)


async def test_an_unknown_matter_is_404_and_a_code_that_cannot_be_one_is_422(api: httpx.AsyncClient, cast: Cast):
    assert_problem(await api.get("/approval/matters/no-such-matter", headers=cast.own), 404)
    refused = assert_problem(await api.get("/approval/matters/bad%20code!", headers=cast.own), 422)
    assert refused["errors"][0]["field"] == "code"


async def test_a_waivable_material_defaults_to_false_in_the_answer(api: httpx.AsyncClient):
    body = matter_body(materials=[{"code": "id_card", "name": "法定代表人身份证明"}])
    created = await api.post("/approval/matters", json=body, headers=ADMIN)
    assert created.status_code == 201, created.text
    assert created.json()["materials"] == [{"code": "id_card", "name": "法定代表人身份证明", "waivable": False}]


async def test_a_commitment_reads_as_it_was_made_and_its_fulfilment_as_a_utc_time(
    api: httpx.AsyncClient, cast: Cast, kuaiban
):
    matter = (await api.post("/approval/matters", json=matter_body(), headers=ADMIN)).json()
    promise = {"material_code": "lease_contract", "due_date": at_cst(3).date().isoformat()}
    waived = await apply(api, cast.own, matter["code"], WITHOUT_LEASE, commitments=[promise])
    made = {key: waived["commitments"][0][key] for key in ("material_code", "due_date", "state", "fulfilled_at")}
    assert made == {**promise, "state": "open", "fulfilled_at": None}
    kuaiban.clock.now = at_cst(1, hour=10)
    handed_in = await supplement(api, cast.own, waived["id"], "lease_contract")
    assert handed_in.status_code == 200, handed_in.text
    (kept,) = handed_in.json()["commitments"]
    assert (kept["state"], kept["fulfilled_at"]) == ("fulfilled", kuaiban.clock.now.isoformat().replace("+00:00", "Z"))

"""Service matters (事项): admins define them, every caller lists them."""

import httpx

from tests.api.approval._support import ADMIN, DEPARTMENTS, Cast, matter_body
from tests.helpers.inprocess import collect_all, pages
from tests.helpers.problems import assert_problem

MARKET = {"department": "market", "task_name": "营业执照核发", "sla_working_days": 1}


async def test_matters_are_defined_by_admins(api: httpx.AsyncClient, cast: Cast, kuaiban):
    body = matter_body(deemed=True)
    created = await api.post("/approval/matters", json=body, headers=ADMIN)
    assert created.status_code == 201, created.text
    matter = created.json()
    assert matter["code"] == body["code"] and matter["deemed_approval"] is True
    assert [d["department"] for d in matter["departments"]] == list(DEPARTMENTS)
    assert matter["materials"] == body["materials"] and matter["sla_working_days"] == body["sla_working_days"]
    assert matter["id"] and matter["created_at"].endswith("Z") and matter["updated_at"]

    for role in (cast.officer("market"), cast.own, cast.bank):
        assert_problem(await api.post("/approval/matters", json=matter_body(), headers=role), 403)
    assert_problem(await api.post("/approval/matters", json=matter_body()), 401)

    for role in (cast.admin, cast.officer("tax"), cast.own, cast.bank):
        listed = await collect_all(api, "/approval/matters", role)
        assert body["code"] in {m["code"] for m in listed}
    assert_problem(await api.get("/approval/matters"), 401)


async def test_bad_matters_are_422_and_a_code_is_taken_once(api: httpx.AsyncClient):
    bad = [
        matter_body(departments=[]),
        matter_body(departments=[]) | {"departments": [MARKET, MARKET]},
        matter_body(sla_working_days=0),
        matter_body(sla_working_days=-3),
        matter_body(departments=[]) | {"departments": [{**MARKET, "sla_working_days": 0}]},
        matter_body(departments=[]) | {"departments": [{**MARKET, "department": "police"}]},
        matter_body(departments=[]) | {"departments": [{**MARKET, "sla_working_days": 5}], "sla_working_days": 3},
        matter_body(materials=[{"code": "id_card", "name": "身份证"}] * 2),
        matter_body(code="bad code!"),
        matter_body(priority="high"),
        matter_body(departments=[]) | {"departments": [{**MARKET, "leader": "x"}]},
        {k: v for k, v in matter_body().items() if k != "code"},
    ]
    for bad_body in bad:
        assert_problem(await api.post("/approval/matters", json=bad_body, headers=ADMIN), 422)
    body = matter_body()
    assert (await api.post("/approval/matters", json=body, headers=ADMIN)).status_code == 201
    assert_problem(
        await api.post("/approval/matters", json={**matter_body(), "code": body["code"]}, headers=ADMIN), 409
    )
    for limit in (0, 101):
        assert_problem(await api.get("/approval/matters", params={"limit": limit}, headers=ADMIN), 422)


async def test_matters_page_newest_first_with_a_cursor(api: httpx.AsyncClient, kuaiban):
    codes = []
    for _ in range(3):
        kuaiban.clock.advance(minutes=1)
        body = matter_body()
        created = await api.post("/approval/matters", json=body, headers=ADMIN)
        assert created.status_code == 201 and created.json()["created_at"].startswith("2026-03-02T01:0")
        codes.append(body["code"])
    walked = [page["items"] async for page in pages(api, "/approval/matters", ADMIN, limit=2)]
    assert all(len(items) <= 2 for items in walked)
    listed = [m["code"] for items in walked for m in items]
    assert len(listed) == len(set(listed)) and len(walked) >= 2
    assert [code for code in listed if code in codes] == codes[::-1]
    assert_problem(await api.get("/approval/matters", params={"cursor": "not-a-cursor"}, headers=ADMIN), 422)

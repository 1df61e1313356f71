"""补正 and 容缺 supplements: a return stops the application's clock until the enterprise hands in materials;
a supplement fulfils commitments; only materials of the matter are taken."""

from datetime import datetime

import httpx
from sqlalchemy import text

from tests.api.approval._support import (
    WITHOUT_LEASE,
    Cast,
    apply,
    approve_all,
    at_cst,
    calendar_of,
    decide,
    make_matter,
    statuses,
    supplement,
    task_of,
)
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem


async def pause_of(kuaiban: Kuaiban, application_id: str) -> tuple:
    query = text("SELECT paused_at, pauses FROM approval.application WHERE id = :id")
    return (await kuaiban.connection.execute(query, {"id": application_id})).one()


async def test_return_and_supplement_stop_the_clock(api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban):
    matter = await make_matter(api, ("market", "tax"))
    application = await apply(api, cast.own, matter["code"])  # Monday 09:00 CST
    submitted_at = datetime.fromisoformat(application["submitted_at"])
    kuaiban.clock.now = paused_at = at_cst(0, hour=21)
    market = task_of(application, "market")
    returned = await decide(api, cast.officer("market"), market["id"], "return", comment="租赁合同签章不清晰，请补正")
    assert returned.status_code == 200, returned.text
    assert returned.json()["status"] == "supplement_required"
    assert task_of(returned.json(), "market")["status"] == "returned"
    assert task_of(returned.json(), "market")["comment"] == "租赁合同签章不清晰，请补正"
    assert_problem(await decide(api, cast.officer("market"), market["id"], "approve"), 409)
    assert (await pause_of(kuaiban, application["id"]))[0] == paused_at

    calendar = await calendar_of(api, 2025, 2026, 2027)
    kuaiban.clock.now = at_cst(3)  # Thursday 09:00: three working days after the submission
    supplemented = await supplement(api, cast.own, application["id"], "lease_contract")
    assert supplemented.status_code == 200, supplemented.text
    resumed_at = datetime.fromisoformat(supplemented.json()["updated_at"])
    assert resumed_at == kuaiban.clock.now
    assert supplemented.json()["status"] == "in_review"
    assert statuses(supplemented.json()) == {"market": "pending", "tax": "pending"}
    paused, pauses = await pause_of(kuaiban, application["id"])
    assert paused is None and len(pauses) == 1
    assert [datetime.fromisoformat(moment) for moment in pauses[0]] == [paused_at, resumed_at]
    assert_problem(await supplement(api, cast.own, application["id"], "id_card"), 409)

    kuaiban.clock.advance(hours=2)
    final = await approve_all(api, cast, supplemented.json())
    assert final["status"] == "approved" and final["completed_at"]
    completed_at = datetime.fromisoformat(final["completed_at"])
    expected = calendar.elapsed_working_days(submitted_at, completed_at, [(paused_at, resumed_at)])
    assert abs(final["elapsed_working_days"] - expected) <= 0.011, (final, expected)
    assert round(final["elapsed_working_days"], 2) == final["elapsed_working_days"]
    assert 0.49 <= final["elapsed_working_days"] < 0.6
    assert final["elapsed_working_days"] == 0.58  # 12 hours on Monday and 2 on Thursday
    assert calendar.elapsed_working_days(submitted_at, completed_at) > expected + 1.5  # the pause was left out
    assert (await pause_of(kuaiban, application["id"]))[0] is None


async def test_a_second_return_while_paused_keeps_the_first_pause(api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban):
    matter = await make_matter(api, ("market", "tax"))
    application = await apply(api, cast.own, matter["code"])
    kuaiban.clock.advance(hours=1)
    first_return = kuaiban.clock.now
    assert (
        await decide(api, cast.officer("market"), task_of(application, "market")["id"], "return")
    ).status_code == 200
    kuaiban.clock.advance(hours=1)
    both = await decide(api, cast.officer("tax"), task_of(application, "tax")["id"], "return")
    assert both.status_code == 200 and both.json()["status"] == "supplement_required"
    assert (await pause_of(kuaiban, application["id"]))[0] == first_return
    kuaiban.clock.advance(hours=1)
    resumed = await supplement(api, cast.own, application["id"], "id_card")
    assert resumed.status_code == 200 and statuses(resumed.json()) == {"market": "pending", "tax": "pending"}
    final = await approve_all(api, cast, resumed.json())
    assert final["status"] == "approved" and final["elapsed_working_days"] == 0.04  # 1 hour; 2 were paused


async def test_a_supplement_fulfils_commitments(api: httpx.AsyncClient, cast: Cast, kuaiban: Kuaiban):
    matter = await make_matter(api, ("market",))
    promise = [{"material_code": "lease_contract", "due_date": "2026-03-05"}]
    application = await apply(api, cast.own, matter["code"], WITHOUT_LEASE, commitments=promise)
    assert application["materials_count"] == 2
    kuaiban.clock.advance(days=1)
    handed_in = await supplement(api, cast.own, application["id"], "lease_contract")
    assert handed_in.status_code == 200, handed_in.text
    body = handed_in.json()
    assert body["status"] == "in_review" and body["materials_count"] == 3 and "lease_contract" in body["materials"]
    assert datetime.fromisoformat(body["commitments"][0]["fulfilled_at"]) == kuaiban.clock.now
    assert statuses(body) == {"market": "pending"}
    assert_problem(await supplement(api, cast.own, application["id"], "lease_contract"), 409)  # nothing waits now


async def test_only_materials_of_the_matter_are_taken(api: httpx.AsyncClient, cast: Cast):
    matter = await make_matter(api, ("market",))
    application = await apply(api, cast.own, matter["code"])
    assert (
        await decide(api, cast.officer("market"), task_of(application, "market")["id"], "return")
    ).status_code == 200
    refused = assert_problem(await supplement(api, cast.own, application["id"], "id_card", "selfie", "resume"), 422)
    assert [e["field"] for e in refused["errors"]] == ["materials", "materials"]
    assert "resume" in refused["errors"][0]["message"] and "selfie" in refused["errors"][1]["message"]
    for body in ({"materials": []}, {"materials": ["id_card"], "note": "x"}, {}):
        response = await api.post(
            f"/approval/applications/{application['id']}/supplements", json=body, headers=cast.own
        )
        assert_problem(response, 422)
    kept = await supplement(api, cast.own, application["id"], "id_card")
    assert kept.status_code == 200 and kept.json()["materials_count"] == 3

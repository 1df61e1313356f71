"""容缺受理: a waivable material may be missing against a signed commitment due by the application's due
date, never for an enterprise rated D; every other gap is 422 and nothing is stored."""

from datetime import date, timedelta

import httpx

from tests.api.approval._support import (
    ADMIN,
    ALL_MATERIALS,
    DEPARTMENTS,
    WITHOUT_LEASE,
    Cast,
    apply,
    make_matter,
    submit,
)
from tests.helpers.inprocess import collect_all
from tests.helpers.problems import assert_problem


def fields_of(problem: dict) -> set[str]:
    return {error["field"] for error in problem["errors"]}


async def test_the_rongque_rules(api: httpx.AsyncClient, cast: Cast):
    matter = await make_matter(api)
    full = await apply(api, cast.own, matter["code"])
    due = date.fromisoformat(full["due_date"])
    promise = [{"material_code": "lease_contract", "due_date": due.isoformat()}]
    waived = await apply(api, cast.own, matter["code"], WITHOUT_LEASE, commitments=promise)
    assert waived["status"] == "in_review" and waived["materials_count"] == 2
    assert [(c["material_code"], c["due_date"]) for c in waived["commitments"]] == [("lease_contract", due.isoformat())]
    assert waived["commitments"][0]["fulfilled_at"] is None
    assert len(waived["tasks"]) == len(DEPARTMENTS)
    today = await apply(
        api, cast.own, matter["code"], WITHOUT_LEASE, commitments=[{**promise[0], "due_date": "2026-03-02"}]
    )
    assert today["status"] == "in_review"

    missing_required = assert_problem(await submit(api, cast.own, matter["code"], ["lease_contract", "id_card"]), 422)
    assert "business_license_application" in missing_required["detail"] + str(missing_required["errors"])
    assert fields_of(missing_required) == {"materials"}
    late = [{"material_code": "lease_contract", "due_date": (due + timedelta(days=1)).isoformat()}]
    past = [{"material_code": "lease_contract", "due_date": "2026-03-01"}]
    cases = {
        "容缺 without a signed commitment": (await submit(api, cast.own, matter["code"], WITHOUT_LEASE), "commitments"),
        "commitment after the due date": (
            await submit(api, cast.own, matter["code"], WITHOUT_LEASE, commitments=late),
            "commitments",
        ),
        "commitment before today": (
            await submit(api, cast.own, matter["code"], WITHOUT_LEASE, commitments=past),
            "commitments",
        ),
        "commitment for a material provided": (
            await submit(api, cast.own, matter["code"], ALL_MATERIALS, commitments=promise),
            "commitments",
        ),
        "a material committed twice": (
            await submit(api, cast.own, matter["code"], WITHOUT_LEASE, commitments=promise * 2),
            "commitments",
        ),
        "unknown material": (
            await submit(api, cast.own, matter["code"], [*ALL_MATERIALS, "tax_clearance_certificate"]),
            "materials",
        ),
        "unknown matter": (await submit(api, cast.own, "QYKB-no-such-matter"), "matter_code"),
        "D uses 容缺": (
            await submit(api, cast.rated_d, matter["code"], WITHOUT_LEASE, commitments=promise),
            "commitments",
        ),
        "unknown field": (await submit(api, cast.own, matter["code"], status="approved"), "status"),
        "admin without enterprise_id": (await submit(api, cast.admin, matter["code"]), "enterprise_id"),
    }
    for case, (response, field) in cases.items():
        assert response.status_code == 422, (case, response.text)
        assert field in fields_of(assert_problem(response, 422)), case
    rated_d = await apply(api, cast.rated_d, matter["code"])
    assert rated_d["status"] == "in_review" and rated_d["enterprise_id"] == cast.rated_d_id
    on_behalf = await apply(api, cast.admin, matter["code"], enterprise_id=cast.other_id)
    assert on_behalf["enterprise_id"] == cast.other_id

    stored = {
        a["id"] for a in await collect_all(api, "/approval/applications", ADMIN) if a["matter_code"] == matter["code"]
    }
    assert stored == {full["id"], waived["id"], today["id"], rated_d["id"], on_behalf["id"]}  # none of the refused


async def test_every_gap_is_named_at_once(api: httpx.AsyncClient, cast: Cast):
    matter = await make_matter(api, ("market",))
    late = [{"material_code": "lease_contract", "due_date": "2026-04-30"}]
    english = {**cast.rated_d, "Accept-Language": "en"}
    problem = assert_problem(
        await submit(api, english, matter["code"], ["id_card", "tax_clearance_certificate"], commitments=late), 422
    )
    assert problem["code"] == "unknown_material"  # the first gap leads
    assert [error["code"] for error in problem["errors"]] == [
        "unknown_material",
        "missing_material",
        "invalid_commitment",
        "rongque_not_allowed",
    ], problem
    messages = [error["message"] for error in problem["errors"]]
    assert any("tax_clearance_certificate" in m for m in messages)
    assert any("business_license_application" in m for m in messages)
    assert any("due date 2026-03-05" in m for m in messages)
    assert any("rated D" in m for m in messages)
    assert problem["detail"] == "; ".join(messages)

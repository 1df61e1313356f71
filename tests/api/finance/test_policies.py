"""Policy benefits (issue 16, first part): the issuing department drafts and publishes a policy, drafts are its
own, and an enterprise sees the published policies in force it fits (with the amount) or misses by one rule."""

from datetime import timedelta

import pytest

from tests.api.finance._support import ADMIN, ISSUER, OTHER_DEPARTMENT, Finance, policy_body, published
from tests.helpers.inprocess import make_liaison
from tests.helpers.problems import assert_problem


async def test_a_department_drafts_and_publishes_its_policy(fin: Finance):
    enterprise = await fin.new_enterprise()
    drafted = await fin.http.post("/finance/policies", json=policy_body(fin), headers=ISSUER)
    assert drafted.status_code == 201, drafted.text
    draft = drafted.json()
    assert drafted.headers["location"] == f"/finance/policies/{draft['id']}"
    assert (draft["status"], draft["version"], draft["published_at"]) == ("draft", 1, None)
    assert draft["benefit"] == {"kind": "fixed", "amount_yuan": 200_000}

    assert_problem(await fin.http.get(f"/finance/policies/{draft['id']}", headers=enterprise.headers), 404)
    assert_problem(await fin.http.get(f"/finance/policies/{draft['id']}", headers=OTHER_DEPARTMENT), 404)
    assert_problem(await fin.http.post(f"/finance/policies/{draft['id']}/publish", headers=OTHER_DEPARTMENT), 404)
    seen = await fin.collect("/finance/policies", enterprise.headers)
    assert draft["id"] not in {p["id"] for p in seen}

    done = await fin.http.post(f"/finance/policies/{draft['id']}/publish", headers=ISSUER)
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "published" and done.json()["published_at"]
    assert_problem(await fin.http.post(f"/finance/policies/{draft['id']}/publish", headers=ISSUER), 409)
    found = await fin.http.get(f"/finance/policies/{draft['id']}", headers=enterprise.headers)
    assert found.status_code == 200 and found.json()["status"] == "published"
    listed = await fin.collect("/finance/policies", enterprise.headers, status="published")
    assert draft["id"] in {p["id"] for p in listed}


async def test_only_the_issuing_department_or_admin_drafts(fin: Finance):
    enterprise = await fin.new_enterprise()
    assert_problem(await fin.http.post("/finance/policies", json=policy_body(fin), headers=OTHER_DEPARTMENT), 403)
    assert_problem(await fin.http.post("/finance/policies", json=policy_body(fin), headers=enterprise.headers), 403)
    by_admin = await fin.http.post("/finance/policies", json=policy_body(fin), headers=ADMIN)
    assert by_admin.status_code == 201, by_admin.text


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"mode": "review"}, "review_working_days"),
        ({"review_working_days": 5}, "review_working_days"),
        ({"valid_to": "2020-01-01"}, "valid_to"),
        ({"benefit": {"kind": "voucher", "amount_yuan": 1}}, "benefit"),
        ({"benefit": {"kind": "rate", "rate_pct": 0, "cap_yuan": 100}}, "rate_pct"),
        ({"eligibility": {"revenue_min_yuan": 10, "revenue_max_yuan": 5}}, "revenue"),
        ({"eligibility": {"industries": ["C", "C"]}}, "industries"),
        ({"department": "no_such_department"}, "department"),
    ],
)
async def test_bad_policies_are_refused_with_422(fin: Finance, overrides: dict, field: str):
    problem = assert_problem(
        await fin.http.post("/finance/policies", json=policy_body(fin, **overrides), headers=ISSUER), 422
    )
    assert field in str(problem), problem


async def test_an_enterprise_sees_what_it_fits_and_what_it_misses_by_one_rule(fin: Finance):
    enterprise = await fin.new_enterprise(industry="C", credit_rating="A", annual_revenue_yuan=30_000_000)
    fixed = await published(fin, title="技改定额奖补")
    share = await published(
        fin, title="营收奖励", benefit={"kind": "rate", "rate_pct": 1.5, "cap_yuan": 300_000}, eligibility={}
    )
    elsewhere = await published(
        fin, title="园区入驻奖励", eligibility={"towns": ["濉溪经济开发区"], "industries": ["C"]}
    )
    two_rules = await published(fin, title="建筑业补贴", eligibility={"industries": ["E"], "towns": ["濉溪经济开发区"]})
    upcoming = await published(fin, title="明年政策", valid_from=(fin.today() + timedelta(days=30)).isoformat())
    drafted = await fin.http.post("/finance/policies", json=policy_body(fin, title="草稿"), headers=ISSUER)
    assert drafted.status_code == 201

    answer = await fin.http.get(f"/finance/enterprises/{enterprise.id}/policies", headers=enterprise.headers)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    fits = {item["policy_id"]: item for item in body["fits"]}
    assert set(fits) >= {fixed["id"], share["id"]}
    assert fits[fixed["id"]]["amount_yuan"] == 200_000 and fits[share["id"]]["amount_yuan"] == 300_000  # capped
    assert any("C" in reason for reason in fits[fixed["id"]]["reasons"])
    near = {item["policy_id"]: item for item in body["near_misses"]}
    assert near[elsewhere["id"]]["rule"] == "town" and "濉溪经济开发区" in near[elsewhere["id"]]["requirement"]
    assert near[elsewhere["id"]]["amount_yuan"] == 200_000
    shown = set(fits) | set(near)
    assert not {two_rules["id"], upcoming["id"], drafted.json()["id"]} & shown

    english = await fin.http.get(
        f"/finance/enterprises/{enterprise.id}/policies", headers={**enterprise.headers, "Accept-Language": "en"}
    )
    [town_miss] = [item for item in english.json()["near_misses"] if item["policy_id"] == elsewhere["id"]]
    assert town_miss["requirement"].startswith("Must be located in")


async def test_only_the_enterprise_its_liaison_and_admin_see_its_policies(fin: Finance):
    enterprise = await fin.new_enterprise()
    other = await fin.new_enterprise()
    path = f"/finance/enterprises/{enterprise.id}/policies"
    assert (await fin.http.get(path, headers=enterprise.headers)).status_code == 200
    assert (await fin.http.get(path, headers=ADMIN)).status_code == 200
    assert_problem(await fin.http.get(path, headers=other.headers), 404)
    assert_problem(await fin.http.get(path, headers=ISSUER), 404)  # not its liaison officer
    _, liaison = await make_liaison(fin.kuaiban, enterprise.id)
    assert (await fin.http.get(path, headers=liaison)).status_code == 200
    assert_problem(await fin.http.get(f"/finance/enterprises/{other.id}/policies", headers=liaison), 404)

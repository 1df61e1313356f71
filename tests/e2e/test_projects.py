"""Investment projects over real processes (issue 17's "done means"): a liaison officer records a project, the
enterprise raises a request and applies for a permit naming it, a county leader sees the project's stage and what
blocks it, the project moves from first talk to the statistics through the gateway, each move reaches the
enterprise's timeline, and the leader's figures show the record from first talk to signing, computed."""

import secrets
from datetime import datetime, timedelta

import httpx

from services.common.calendar import CST
from tests.helpers.approval_flows import make_matter, new_enterprise
from tests.helpers.http import calendar_of, collect, make_account
from tests.helpers.problems import assert_problem


def test_a_project_from_first_talk_to_the_statistics(gateway: httpx.Client, admin_headers: dict):
    park = f"濉溪经济开发区{secrets.token_hex(2)}区"  # this test's own park: other tests' projects stay out
    enterprise_id, enterprise = new_enterprise(gateway, admin_headers, town=park)
    liaison_account, liaison = make_account(gateway, admin_headers, "officer", department="development_reform")
    leader = make_account(gateway, admin_headers, "leader")[1]
    outsider = make_account(gateway, admin_headers, "officer", department="tax")[1]
    today = datetime.now(CST).date()
    first_talk, signed, started = today - timedelta(days=50), today - timedelta(days=10), today - timedelta(days=3)

    body = {
        "name": "年产10万吨铝基新材料项目",
        "enterprise_id": enterprise_id,
        "planned_investment_yuan": 1_200_000_000,
        "chain": "metals_materials",
        "town_or_park": park,
        "manufacturing": True,
        "first_talk_on": first_talk.isoformat(),
        "started_target_on": (today - timedelta(days=1)).isoformat(),
    }
    recorded = gateway.post("/intake/projects", json=body, headers=liaison)
    assert recorded.status_code == 201, recorded.text
    project = recorded.json()
    assert project["liaison"] == liaison_account["username"] and project["stage"] == "negotiating"
    path = f"/intake/projects/{project['id']}"
    assert_problem(gateway.get(path, headers=outsider), 404)
    assert_problem(
        gateway.post(f"{path}/stage", json={"stage": "signed", "on": today.isoformat()}, headers=leader), 403
    )

    request = {
        "title": "新建厂房电力增容",
        "description": "铝基新材料厂房需增容 800 千伏安。",
        "category": "power",
        "channel": "online",
        "project_id": project["id"],
    }
    raised = gateway.post("/intake/requests", json=request, headers=enterprise)
    assert raised.status_code == 201, raised.text
    matter = make_matter(gateway, admin_headers, ["housing", "natural_resources"], prefix="SGXK")
    applied = gateway.post(
        "/approval/applications",
        json={
            "matter_code": matter["code"],
            "materials": [m["code"] for m in matter["materials"]],
            "project_id": project["id"],
        },
        headers=enterprise,
    )
    assert applied.status_code == 201, applied.text
    application = applied.json()
    assert application["project_id"] == project["id"]

    page = gateway.get(path, headers=leader)
    assert page.status_code == 200, page.text
    blockers = page.json()
    assert blockers["stage"] == "negotiating"
    assert [r["id"] for r in blockers["requests"]] == [raised.json()["id"]]
    assert [a["id"] for a in blockers["applications"]] == [application["id"]]
    assert blockers["applications_unavailable"] is False

    for stage, on in (("signed", signed), ("started", started), ("counted", today)):
        moved = gateway.post(f"{path}/stage", json={"stage": stage, "on": on.isoformat()}, headers=liaison)
        assert moved.status_code == 200, moved.text
        assert moved.json()["stage"] == stage
    again = gateway.post(f"{path}/stage", json={"stage": "signed", "on": today.isoformat()}, headers=liaison)
    assert assert_problem(again, 409)["code"] == "invalid_transition"

    timeline = collect(gateway, f"/intake/enterprises/{enterprise_id}/timeline", enterprise)
    mine = sorted(
        ((item["at"], item["kind"], item["summary"]) for item in timeline if item["ref_id"] == project["id"]),
    )
    assert [(kind, summary) for _, kind, summary in mine] == [
        ("project.recorded", "「年产10万吨铝基新材料项目」招商项目已登记（洽谈中）"),
        ("project.stage_changed", "「年产10万吨铝基新材料项目」已签约"),
        ("project.stage_changed", "「年产10万吨铝基新材料项目」已开工"),
        ("project.stage_changed", "「年产10万吨铝基新材料项目」已纳统"),
    ]

    waiting = gateway.post(
        "/intake/projects",
        json={
            **body,
            "name": "冷链物流中心",
            "enterprise_id": None,
            "investor_name": "某物流企业",
            "chain": "modern_services",
            "manufacturing": False,
            "planned_investment_yuan": 80_000_000,
            "first_talk_on": (today - timedelta(days=20)).isoformat(),
            "signed_target_on": (today - timedelta(days=2)).isoformat(),
            "started_target_on": None,
        },
        headers=liaison,
    )
    assert waiting.status_code == 201, waiting.text

    figures = gateway.get("/intake/projects/stats", params={"town": park}, headers=leader)
    assert figures.status_code == 200, figures.text
    stats = figures.json()
    calendar = calendar_of(gateway, admin_headers, *sorted({first_talk.year, signed.year}))
    working_days = calendar.working_days_between(first_talk, signed)
    assert (stats["projects"], stats["planned_investment_yuan"]) == (2, 1_280_000_000)
    assert (stats["manufacturing"], stats["manufacturing_share"], stats["signed_over_100m"]) == (1, 0.5, 1)
    assert stats["by_stage"]["counted"] == {"projects": 1, "planned_investment_yuan": 1_200_000_000}
    assert stats["by_stage"]["negotiating"] == {"projects": 1, "planned_investment_yuan": 80_000_000}
    assert stats["first_talk_to_signing"] == {
        "signed": 1,
        "calendar_days_p50": 40,
        "calendar_days_p90": 40,
        "working_days_p50": working_days,
        "working_days_p90": working_days,
        "record": {
            "project_id": project["id"],
            "name": "年产10万吨铝基新材料项目",
            "first_talk_on": first_talk.isoformat(),
            "signed_on": signed.isoformat(),
            "calendar_days": 40,
            "working_days": working_days,
        },
    }
    all_in_one_year = signed.year == started.year == today.year
    [year] = stats["same_year"]
    assert (year["year"], year["signed"]) == (signed.year, 1)
    assert year["counted_same_year_rate"] == (1.0 if all_in_one_year else 0.0)
    overdue = stats["overdue_targets"]
    assert (overdue["signed"], overdue["started"], overdue["counted"]) == (1, 0, 0)  # counted: its target is moot
    assert [item["name"] for item in overdue["projects"]] == ["冷链物流中心"]
    assert_problem(gateway.get("/intake/projects/stats", headers=liaison), 403)

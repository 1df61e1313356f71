"""Investment projects (招商项目) in process: recording, linking, stage moves and the moves refused, events on the
project and on the enterprise's timeline, who sees and changes what, the requests and approval applications naming
a project (and its page listing the open ones, even with approval down), and the county figures."""

import uuid
from datetime import UTC, datetime

import httpx
import pytest
from sqlalchemy import text

from services.intake.contract import PROJECT_PATH
from tests.api.approval._support import apply, make_matter, submit, withdraw
from tests.api.intake._support import INTERNAL, Cast, act, assign, raise_request
from tests.helpers.factories import ADMIN, headers_for
from tests.helpers.inprocess import FakeClock, Kuaiban, collect_all, gateway_account
from tests.helpers.problems import assert_problem

NOW = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)  # Monday 2 November 2026, 10:00 in China
LEADER = headers_for("leader", username="county-leader")
PROJECT = {
    "name": "年产10万吨铝基新材料项目",
    "planned_investment_yuan": 1_200_000_000,
    "chain": "metals_materials",
    "town_or_park": "濉溪经济开发区",
    "manufacturing": True,
    "first_talk_on": "2026-09-21",
}


@pytest.fixture(autouse=True)
def monday(kuaiban: Kuaiban) -> None:
    kuaiban.clock.now = NOW


@pytest.fixture
async def no_projects(kuaiban: Kuaiban) -> None:
    """No project in the database yet: the figures count every project, and end-to-end tests of the same run commit
    theirs. The delete is rolled back with the test."""
    await kuaiban.connection.execute(text("DELETE FROM intake.project"))


async def record(intake: httpx.AsyncClient, headers: dict, **fields) -> dict:
    response = await intake.post("/intake/projects", json={**PROJECT, **fields}, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


async def move(intake: httpx.AsyncClient, project_id: str, headers: dict, stage: str, on: str, **body):
    return await intake.post(
        f"/intake/projects/{project_id}/stage", json={"stage": stage, "on": on, **body}, headers=headers
    )


async def moved(
    intake: httpx.AsyncClient, project_id: str, headers: dict, *steps: tuple[str, str], clock: FakeClock | None = None
) -> dict:
    """The project after each (stage, day) move, every one accepted; with `clock`, a minute after the last change
    (events and timeline entries list in the order of their time)."""
    body: dict = {}
    for stage, on in steps:
        if clock is not None:
            clock.advance(minutes=1)
        response = await move(intake, project_id, headers, stage, on)
        assert response.status_code == 200, response.text
        body = response.json()
    return body


async def page_of(intake: httpx.AsyncClient, project_id: str, headers: dict = ADMIN) -> dict:
    response = await intake.get(f"/intake/projects/{project_id}", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def timeline_of(intake: httpx.AsyncClient, enterprise_id: str, project_id: str) -> list[tuple[str, str]]:
    """The project's entries on the enterprise's timeline, oldest first: (kind, summary)."""
    items = await collect_all(intake, f"/intake/enterprises/{enterprise_id}/timeline", ADMIN)
    return [(item["kind"], item["summary"]) for item in reversed(items) if item["ref_id"] == project_id]


def problem_field(response: httpx.Response, status: int) -> tuple[str, str]:
    body = assert_problem(response, status)
    return body["code"], body["errors"][0]["field"] if body.get("errors") else ""


# --- recording and changing ---------------------------------------------------------------------


async def test_an_officer_records_a_project_it_is_liaison_of(intake: httpx.AsyncClient, cast: Cast):
    response = await intake.post(
        "/intake/projects", json={**PROJECT, "enterprise_id": cast.own_id}, headers=cast.liaison
    )
    assert response.status_code == 201, response.text
    project = response.json()
    assert response.headers["location"] == f"/intake/projects/{project['id']}"
    assert project["liaison"] == project["created_by"] == cast.liaison_name
    assert (project["stage"], project["first_talk_on"], project["signed_on"]) == ("negotiating", "2026-09-21", None)
    page = await page_of(intake, project["id"], cast.liaison)
    assert [(e["action"], e["actor"], e["details"]) for e in page["events"]] == [
        ("recorded", cast.liaison_name, {"stage": "negotiating", "on": "2026-09-21"})
    ]
    assert (page["requests"], page["applications"], page["applications_unavailable"]) == ([], [], False)
    assert await timeline_of(intake, cast.own_id, project["id"]) == [
        ("project.recorded", "「年产10万吨铝基新材料项目」招商项目已登记（洽谈中）")
    ]


async def test_admin_names_the_liaison_an_officer_of_the_gateway(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast):
    project = await record(intake, ADMIN, enterprise_id=cast.own_id, liaison=cast.liaison_name)
    assert (project["liaison"], project["created_by"]) == (cast.liaison_name, "admin")
    unnamed = await record(intake, ADMIN, investor_name="安徽华锐铝业集团有限公司")
    assert unnamed["liaison"] is None and unnamed["enterprise_id"] is None
    enterprise_account = await gateway_account(kuaiban, "enterprise", enterprise_id=cast.other_id)
    for username in ("nobody-of-the-gateway", enterprise_account):
        refused = await intake.post("/intake/projects", json={**PROJECT, "liaison": username}, headers=ADMIN)
        assert problem_field(refused, 422) == ("unknown_reference", "liaison")
    naming_another = {**PROJECT, "enterprise_id": cast.own_id, "liaison": cast.liaison_name}
    by_an_officer = await intake.post("/intake/projects", json=naming_another, headers=cast.tax)
    assert problem_field(by_an_officer, 422) == ("validation_failed", "liaison")  # an officer records its own
    kuaiban.transport.down.add("gateway")
    body = {**PROJECT, "enterprise_id": cast.own_id, "liaison": cast.liaison_name}
    assert_problem(await intake.post("/intake/projects", json=body, headers=ADMIN), 503)


async def test_a_prospective_investors_project_is_linked_once_it_registers(
    kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast
):
    project = await record(intake, cast.liaison, investor_name="安徽华锐铝业集团有限公司")
    path = f"/intake/projects/{project['id']}"
    assert await timeline_of(intake, cast.own_id, project["id"]) == []
    await moved(intake, project["id"], cast.liaison, ("signed", "2026-10-09"), clock=kuaiban.clock)
    unknown = await intake.patch(path, json={"enterprise_id": str(uuid.uuid4())}, headers=cast.liaison)
    assert problem_field(unknown, 422) == ("unknown_reference", "enterprise_id")

    kuaiban.clock.advance(minutes=1)
    linked = await intake.patch(path, json={"enterprise_id": cast.own_id}, headers=cast.liaison)
    assert linked.status_code == 200, linked.text
    assert (linked.json()["enterprise_id"], linked.json()["investor_name"]) == (cast.own_id, "安徽华锐铝业集团有限公司")
    assert await timeline_of(intake, cast.own_id, project["id"]) == [
        ("project.recorded", "「年产10万吨铝基新材料项目」招商项目已关联本企业（已签约）")
    ]
    again = await intake.patch(path, json={"enterprise_id": cast.own_id}, headers=cast.liaison)
    assert again.status_code == 200, again.text  # no change
    elsewhere = await intake.patch(path, json={"enterprise_id": cast.other_id}, headers=cast.liaison)
    assert problem_field(elsewhere, 409) == ("invalid_transition", "")
    await moved(intake, project["id"], cast.liaison, ("started", "2026-10-20"), clock=kuaiban.clock)
    assert [kind for kind, _ in await timeline_of(intake, cast.own_id, project["id"])] == [
        "project.recorded",
        "project.stage_changed",
    ]
    assert [e["action"] for e in (await page_of(intake, project["id"]))["events"]] == [
        "recorded",
        "stage_changed",
        "linked",
        "stage_changed",
    ]


async def test_fields_change_and_only_admin_changes_the_liaison(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast):
    project = await record(intake, cast.liaison, enterprise_id=cast.own_id)
    path = f"/intake/projects/{project['id']}"
    change = {"planned_investment_yuan": 1_500_000_000, "signed_target_on": "2026-12-31", "chain": "new_energy"}
    kuaiban.clock.advance(minutes=1)
    changed = await intake.patch(path, json=change, headers=cast.liaison)
    assert changed.status_code == 200, changed.text
    assert {name: changed.json()[name] for name in change} == change
    events = (await page_of(intake, project["id"]))["events"]
    assert (events[-1]["action"], events[-1]["details"]) == ("updated", change)
    unchanged = await intake.patch(path, json=change, headers=cast.liaison)
    assert unchanged.json()["updated_at"] == changed.json()["updated_at"]
    assert len((await page_of(intake, project["id"]))["events"]) == 2  # a change that changes nothing is no event

    assert_problem(await intake.patch(path, json={"liaison": "someone-else"}, headers=cast.liaison), 403)
    successor = await gateway_account(kuaiban, "officer", department="data_bureau")
    handed = await intake.patch(path, json={"liaison": successor}, headers=ADMIN)
    assert handed.status_code == 200 and handed.json()["liaison"] == successor
    assert_problem(await intake.get(path, headers=cast.liaison), 404)  # no longer its project
    cleared = await intake.patch(path, json={"signed_target_on": None}, headers=ADMIN)
    assert cleared.json()["signed_target_on"] is None
    for body, field in (
        ({"name": None}, "name"),
        ({"signed_target_on": "2026-09-20"}, "signed_target_on"),  # before the first talk
        ({"planned_investment_yuan": 0}, "planned_investment_yuan"),
        ({"stage": "signed"}, "stage"),  # stages move at .../stage only
    ):
        assert problem_field(await intake.patch(path, json=body, headers=ADMIN), 422)[1] == field, body
    no_investor = await record(intake, ADMIN, investor_name="某投资方")
    cleared = await intake.patch(f"/intake/projects/{no_investor['id']}", json={"investor_name": None}, headers=ADMIN)
    assert problem_field(cleared, 422)[1] == "investor_name"


async def test_bad_input_is_refused_naming_the_field(intake: httpx.AsyncClient, cast: Cast):
    cases = [
        ({"name": ""}, "name"),
        ({"chain": "steel"}, "chain"),
        ({"planned_investment_yuan": 0}, "planned_investment_yuan"),
        ({"planned_investment_yuan": "一亿"}, "planned_investment_yuan"),
        ({"first_talk_on": "2026-11-03"}, "first_talk_on"),  # tomorrow
        ({"first_talk_on": "1999-12-31"}, "first_talk_on"),
        ({"first_talk_on": "2026/09/21"}, "first_talk_on"),
        ({"manufacturing": "maybe"}, "manufacturing"),
        ({"liaison": "x"}, "liaison"),
        ({"counted_target_on": "2026-01-01"}, "counted_target_on"),  # before the first talk
        ({"enterprise_id": str(uuid.uuid4())}, "enterprise_id"),
        ({"stage": "signed", "enterprise_id": cast.own_id}, "stage"),
        ({"enterprise_id": None}, "investor_name"),  # neither an enterprise nor an investor
    ]
    for fields, field in cases:
        body = {**PROJECT, "enterprise_id": cast.own_id, **fields}
        response = await intake.post("/intake/projects", json=body, headers=ADMIN)
        assert problem_field(response, 422)[1] == field, (fields, response.text)
    missing = {name: value for name, value in PROJECT.items() if name != "town_or_park"}
    assert problem_field(await intake.post("/intake/projects", json=missing, headers=ADMIN), 422)[1] == "town_or_park"
    assert (await collect_all(intake, "/intake/projects", ADMIN, enterprise_id=cast.own_id)) == []


# --- stages -------------------------------------------------------------------------------------


async def test_a_project_moves_through_its_stages_onto_the_timeline(
    kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast
):
    project = await record(intake, cast.liaison, enterprise_id=cast.own_id)
    counted = await moved(
        intake,
        project["id"],
        cast.liaison,
        ("signed", "2026-10-09"),
        ("started", "2026-10-09"),  # the same day as the signing
        ("counted", "2026-10-30"),
        clock=kuaiban.clock,
    )
    assert (counted["stage"], counted["signed_on"], counted["started_on"], counted["counted_on"]) == (
        "counted",
        "2026-10-09",
        "2026-10-09",
        "2026-10-30",
    )
    name = "「年产10万吨铝基新材料项目」"
    assert await timeline_of(intake, cast.own_id, project["id"]) == [
        ("project.recorded", f"{name}招商项目已登记（洽谈中）"),
        ("project.stage_changed", f"{name}已签约"),
        ("project.stage_changed", f"{name}已开工"),
        ("project.stage_changed", f"{name}已纳统"),
    ]
    events = (await page_of(intake, project["id"], cast.own))["events"]
    assert [(e["details"].get("from"), e["details"].get("to"), e["actor_role"]) for e in events[1:]] == [
        ("negotiating", "signed", "officer"),
        ("signed", "started", "officer"),
        ("started", "counted", "officer"),
    ]
    final = await move(intake, project["id"], cast.liaison, "dropped", "2026-11-01", reason="改投他处")
    assert problem_field(final, 409) == ("invalid_transition", "")


async def test_stage_moves_refused(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    project = await record(intake, ADMIN, enterprise_id=cast.own_id)
    pid = project["id"]
    conflicts = [("started", "2026-10-09"), ("counted", "2026-10-09"), ("negotiating", "2026-10-09")]
    for stage, on in conflicts:
        assert problem_field(await move(intake, pid, ADMIN, stage, on), 409) == ("invalid_transition", ""), stage
    await moved(intake, pid, ADMIN, ("signed", "2026-10-09"))
    assert problem_field(await move(intake, pid, ADMIN, "signed", "2026-10-10"), 409)[0] == "invalid_transition"
    assert problem_field(await move(intake, pid, ADMIN, "negotiating", "2026-10-10"), 409)[0] == "invalid_transition"
    invalid = [
        ({"stage": "started", "on": "2026-10-08"}, "on"),  # before the signing
        ({"stage": "started", "on": "2026-11-03"}, "on"),  # tomorrow
        ({"stage": "started", "on": "9 October"}, "on"),
        ({"stage": "started"}, "on"),
        ({"stage": "built", "on": "2026-10-10"}, "stage"),
        ({"stage": "dropped", "on": "2026-10-10"}, "reason"),
        ({"stage": "dropped", "on": "2026-10-10", "reason": "  "}, "reason"),
        ({"stage": "started", "on": "2026-10-10", "reason": "提前开工"}, "reason"),
    ]
    for body, field in invalid:
        response = await intake.post(f"/intake/projects/{pid}/stage", json=body, headers=ADMIN)
        assert problem_field(response, 422)[1] == field, (body, response.text)
    assert (await page_of(intake, pid))["stage"] == "signed"
    kuaiban.clock.advance(minutes=1)
    dropped = await move(intake, pid, ADMIN, "dropped", "2026-10-20", reason="投资方资金链调整，暂缓投资")
    assert dropped.status_code == 200, dropped.text
    assert (dropped.json()["stage"], dropped.json()["dropped_on"]) == ("dropped", "2026-10-20")
    assert dropped.json()["drop_reason"] == "投资方资金链调整，暂缓投资"
    assert (await timeline_of(intake, cast.own_id, pid))[-1] == (
        "project.stage_changed",
        "「年产10万吨铝基新材料项目」已终止洽谈：投资方资金链调整，暂缓投资",
    )
    assert problem_field(await move(intake, pid, ADMIN, "started", "2026-10-21"), 409)[0] == "invalid_transition"
    assert_problem(await move(intake, str(uuid.uuid4()), ADMIN, "signed", "2026-10-21"), 404)


# --- who sees and does what ---------------------------------------------------------------------


async def test_visibility(intake: httpx.AsyncClient, cast: Cast):
    own = await record(intake, cast.liaison, enterprise_id=cast.own_id)
    others = await record(intake, ADMIN, enterprise_id=cast.other_id, town_or_park="韩村镇")
    prospective = await record(intake, cast.liaison, investor_name="某新能源投资方")
    roles = {
        "admin": ADMIN,
        "leader": LEADER,
        "liaison": cast.liaison,
        "officer": cast.tax,
        "own": cast.own,
        "other": cast.other,
        "bank": cast.bank,
    }
    reads = {
        own["id"]: {
            "admin": 200, "leader": 200, "liaison": 200, "officer": 404, "own": 200, "other": 404, "bank": 403,
        },
        others["id"]: {
            "admin": 200, "leader": 200, "liaison": 404, "officer": 404, "own": 404, "other": 200, "bank": 403,
        },
        prospective["id"]: {
            "admin": 200, "leader": 200, "liaison": 200, "officer": 404, "own": 404, "other": 404, "bank": 403,
        },
    }  # fmt: skip
    for project_id, expected in reads.items():
        for role, status in expected.items():
            response = await intake.get(f"/intake/projects/{project_id}", headers=roles[role])
            assert response.status_code == status, (project_id, role, response.text)
            if status >= 400:
                assert_problem(response, status)
    listed = {
        "admin": {own["id"], others["id"], prospective["id"]},
        "leader": {own["id"], others["id"], prospective["id"]},
        "liaison": {own["id"], prospective["id"]},
        "officer": set(),
        "own": {own["id"]},
        "other": {others["id"]},
    }
    mine = {own["id"], others["id"], prospective["id"]}
    for role, expected in listed.items():
        found = {item["id"] for item in await collect_all(intake, "/intake/projects", roles[role])} & mine
        assert found == expected, role
    assert_problem(await intake.get("/intake/projects", headers=cast.bank), 403)

    # Who may change it gets on to the rules (200 for a change, 409 for a move over a stage); the others do not.
    writes = {"admin": 200, "leader": 403, "liaison": 200, "officer": 404, "own": 403, "other": 403, "bank": 403}
    for role, status in writes.items():
        patched = await intake.patch(f"/intake/projects/{own['id']}", json={"manufacturing": True}, headers=roles[role])
        assert patched.status_code == status, (role, patched.text)
        stage = await move(intake, own["id"], roles[role], "counted", "2026-10-01")
        assert stage.status_code == (409 if status == 200 else status), (role, stage.text)
    creates = {"leader": 403, "own": 403, "bank": 403}
    for role, status in creates.items():
        body = {**PROJECT, "enterprise_id": cast.own_id}
        assert_problem(await intake.post("/intake/projects", json=body, headers=roles[role]), status)
    stats = {"admin": 200, "leader": 200, "liaison": 403, "officer": 403, "own": 403, "bank": 403}
    for role, status in stats.items():
        assert (await intake.get("/intake/projects/stats", headers=roles[role])).status_code == status, role


async def test_list_filters(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    town = f"测试园区{uuid.uuid4().hex[:6]}"
    first = await record(intake, cast.liaison, enterprise_id=cast.own_id, town_or_park=town)
    kuaiban.clock.advance(minutes=1)
    second = await record(intake, ADMIN, enterprise_id=cast.other_id, town_or_park=town, chain="new_energy")
    await moved(intake, second["id"], ADMIN, ("signed", "2026-10-09"))

    async def listed(**params) -> list[str]:
        return [item["id"] for item in await collect_all(intake, "/intake/projects", ADMIN, town=town, **params)]

    assert await listed() == [second["id"], first["id"]]  # newest first
    assert await listed(stage="signed") == [second["id"]]
    assert await listed(chain="metals_materials") == [first["id"]]
    assert await listed(enterprise_id=cast.other_id) == [second["id"]]
    assert await listed(liaison=cast.liaison_name) == [first["id"]]
    page = await intake.get("/intake/projects", params={"town": town, "limit": 1}, headers=ADMIN)
    assert len(page.json()["items"]) == 1 and page.json()["next_cursor"]
    built = await intake.get("/intake/projects", params={"stage": "built"}, headers=ADMIN)
    assert problem_field(built, 422)[1] == "stage"


# --- what blocks a project ----------------------------------------------------------------------


async def test_requests_and_applications_name_the_project(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    project = await record(intake, cast.liaison, enterprise_id=cast.own_id)
    others = await record(intake, ADMIN, enterprise_id=cast.other_id)
    prospective = await record(intake, ADMIN, investor_name="某投资方")
    request = await raise_request(intake, cast.own, project_id=project["id"])
    assert request["project_id"] == project["id"]
    closing = await raise_request(intake, cast.own, project_id=project["id"], title="施工道路占道许可")
    unrelated = await raise_request(intake, cast.own)
    assert unrelated["project_id"] is None
    for project_id in (others["id"], prospective["id"], str(uuid.uuid4())):
        refused = await intake.post(
            "/intake/requests",
            json={"title": "t", "description": "d", "category": "land", "channel": "online", "project_id": project_id},
            headers=cast.own,
        )
        assert problem_field(refused, 422) == ("unknown_reference", "project_id")
    listed = await collect_all(intake, "/intake/requests", ADMIN, project_id=project["id"])
    assert {item["id"] for item in listed} == {request["id"], closing["id"]}

    async with kuaiban.client("approval") as approval:
        matter = await make_matter(approval)
        application = await apply(approval, cast.own, matter["code"], project_id=project["id"])
        assert application["project_id"] == project["id"]
        withdrawn = await apply(approval, cast.own, matter["code"], project_id=project["id"])
        assert (await withdraw(approval, cast.own, withdrawn["id"])).status_code == 200
        for project_id in (others["id"], prospective["id"], str(uuid.uuid4())):
            refused = await submit(approval, cast.own, matter["code"], project_id=project_id)
            assert problem_field(refused, 422) == ("unknown_reference", "project_id")
        read = await approval.get(f"/approval/applications/{application['id']}", headers=cast.own)
        assert read.json()["project_id"] == project["id"]

    await assign(intake, closing["id"])
    await act(intake, closing["id"], "reply", cast.power, content="已办理")
    assert (await act(intake, closing["id"], "feedback", cast.own, rating=5)).json()["status"] == "closed"
    for headers in (ADMIN, LEADER, cast.liaison, cast.own):
        page = await page_of(intake, project["id"], headers)
        assert [(r["id"], r["status"], r["title"]) for r in page["requests"]] == [
            (request["id"], "received", request["title"])
        ]
        assert page["applications_unavailable"] is False
        [open_application] = page["applications"]
        submitted_at = datetime.fromisoformat(open_application.pop("submitted_at"))
        assert submitted_at == datetime.fromisoformat(application["submitted_at"])
        assert open_application == {
            "id": application["id"],
            "code": application["code"],
            "matter_code": matter["code"],
            "matter_name": matter["name"],
            "status": "in_review",
            "due_date": application["due_date"],
        }


async def test_the_project_page_answers_with_approval_down(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    project = await record(intake, cast.liaison, enterprise_id=cast.own_id)
    request = await raise_request(intake, cast.own, project_id=project["id"])
    kuaiban.transport.down.add("approval")
    page = await page_of(intake, project["id"], LEADER)
    assert (page["applications"], page["applications_unavailable"]) == (None, True)
    assert [r["id"] for r in page["requests"]] == [request["id"]]
    async with kuaiban.client("approval") as approval:  # and approval itself cannot check the project with intake down
        kuaiban.transport.down.discard("approval")
        kuaiban.transport.down.add("intake")
        matter = await make_matter(approval)
        assert_problem(await submit(approval, cast.own, matter["code"], project_id=project["id"]), 503)


async def test_the_internal_project_look_up(intake: httpx.AsyncClient, cast: Cast):
    project = await record(intake, cast.liaison, enterprise_id=cast.own_id)
    found = await intake.get(PROJECT_PATH.format(project_id=project["id"]), headers=INTERNAL)
    assert found.json() == {
        "id": project["id"],
        "name": PROJECT["name"],
        "enterprise_id": cast.own_id,
        "stage": "negotiating",
    }
    assert (await intake.get(PROJECT_PATH.format(project_id=uuid.uuid4()), headers=INTERNAL)).status_code == 404
    assert (await intake.get(PROJECT_PATH.format(project_id=project["id"]), headers=ADMIN)).status_code == 403


# --- figures ------------------------------------------------------------------------------------


async def test_the_figures(intake: httpx.AsyncClient, cast: Cast, no_projects: None):
    empty = await intake.get("/intake/projects/stats", headers=LEADER)
    assert empty.status_code == 200, empty.text
    assert empty.json()["projects"] == 0 and empty.json()["first_talk_to_signing"]["record"] is None

    fast = await record(intake, ADMIN, enterprise_id=cast.own_id, first_talk_on="2026-09-21")
    await moved(
        intake, fast["id"], ADMIN, ("signed", "2026-10-09"), ("started", "2026-10-20"), ("counted", "2026-10-30")
    )
    battery = await record(
        intake, ADMIN, investor_name="某电池企业", name="新能源电池壳体项目", chain="new_energy",
        planned_investment_yuan=300_000_000, first_talk_on="2026-01-05",
    )  # fmt: skip
    await moved(intake, battery["id"], ADMIN, ("signed", "2026-03-16"), ("started", "2026-06-01"))
    cold_chain = await record(
        intake, ADMIN, investor_name="某物流企业", name="冷链物流中心", chain="modern_services", manufacturing=False,
        planned_investment_yuan=80_000_000, first_talk_on="2025-11-03", started_target_on="2026-06-30",
    )  # fmt: skip
    await moved(intake, cold_chain["id"], ADMIN, ("signed", "2026-01-05"))
    flour = await record(
        intake, ADMIN, investor_name="某粮油企业", name="面粉深加工项目", chain="agri_food", town_or_park="韩村镇",
        planned_investment_yuan=150_000_000, first_talk_on="2026-08-03", signed_target_on="2026-10-15",
    )  # fmt: skip
    seats = await record(
        intake, ADMIN, investor_name="某汽车部件企业", name="汽车座椅骨架项目", chain="auto_parts_equipment",
        planned_investment_yuan=200_000_000, first_talk_on="2026-02-02", signed_target_on="2026-03-01",
    )  # fmt: skip
    assert (await move(intake, seats["id"], ADMIN, "dropped", "2026-04-01", reason="改投他省")).status_code == 200
    park_2025 = await record(
        intake, ADMIN, investor_name="某装备企业", name="智能装备产业园", chain="auto_parts_equipment",
        planned_investment_yuan=500_000_000, first_talk_on="2025-03-03",
    )  # fmt: skip
    await moved(
        intake, park_2025["id"], ADMIN, ("signed", "2025-05-12"), ("started", "2025-08-01"), ("counted", "2026-01-15")
    )

    response = await intake.get("/intake/projects/stats", headers=LEADER)
    assert response.status_code == 200, response.text
    found = response.json()
    assert found["projects"] == 6
    assert found["planned_investment_yuan"] == 2_430_000_000
    assert found["signed_over_100m"] == 3  # 铝基, 电池壳体, 智能装备 (冷链 is 8000 万, 面粉 not signed)
    assert (found["manufacturing"], found["manufacturing_share"]) == (5, 0.8333)
    assert found["by_chain"] == {
        "auto_parts_equipment": {"projects": 2, "planned_investment_yuan": 700_000_000},
        "new_energy": {"projects": 1, "planned_investment_yuan": 300_000_000},
        "metals_materials": {"projects": 1, "planned_investment_yuan": 1_200_000_000},
        "agri_food": {"projects": 1, "planned_investment_yuan": 150_000_000},
        "modern_services": {"projects": 1, "planned_investment_yuan": 80_000_000},
        "other": {"projects": 0, "planned_investment_yuan": 0},
    }
    assert found["by_stage"] == {
        "negotiating": {"projects": 1, "planned_investment_yuan": 150_000_000},
        "signed": {"projects": 1, "planned_investment_yuan": 80_000_000},
        "started": {"projects": 1, "planned_investment_yuan": 300_000_000},
        "counted": {"projects": 2, "planned_investment_yuan": 1_700_000_000},
        "dropped": {"projects": 1, "planned_investment_yuan": 200_000_000},
    }
    # First talk to signing, in calendar days and in working days on the official calendar:
    #   铝基 2026-09-21 → 10-09: 18 and 8 (the Mid-Autumn Festival on 25 September, National Day 1–7 October);
    #   冷链 2025-11-03 → 2026-01-05: 63 and 44 (1–2 January off, Sunday 4 January worked);
    #   电池壳体 2026-01-05 → 03-16: 70 and 46 (Spring Festival 16–20 and 23 February off, 14 and 28 February worked);
    #   智能装备 2025-03-03 → 05-12: 70 and 47 (Qingming 4 April, Labour Day 1, 2 and 5 May off, 27 April worked).
    # Calendar days 18, 63, 70, 70: p50 the 2nd, 63; p90 the 4th, 70. Working days 8, 44, 46, 47: 44 and 47.
    assert found["first_talk_to_signing"] == {
        "signed": 4,
        "calendar_days_p50": 63,
        "calendar_days_p90": 70,
        "working_days_p50": 44,
        "working_days_p90": 47,
        "record": {
            "project_id": fast["id"],
            "name": "年产10万吨铝基新材料项目",
            "first_talk_on": "2026-09-21",
            "signed_on": "2026-10-09",
            "calendar_days": 18,
            "working_days": 8,
        },
    }
    # 2025: 智能装备 signed and started that year, counted in 2026. 2026: 铝基 all three in the year; 电池壳体 signed
    # and started; 冷链 only signed.
    assert found["same_year"] == [
        {
            "year": 2025,
            "signed": 1,
            "started_same_year": 1,
            "counted_same_year": 0,
            "started_same_year_rate": 1.0,
            "counted_same_year_rate": 0.0,
        },
        {
            "year": 2026,
            "signed": 3,
            "started_same_year": 2,
            "counted_same_year": 1,
            "started_same_year_rate": 0.6667,
            "counted_same_year_rate": 0.3333,
        },
    ]
    # 冷链 was to start by 30 June (125 days ago); 面粉 to sign by 15 October (18 days ago); 座椅 was dropped.
    assert found["overdue_targets"] == {
        "signed": 1,
        "started": 1,
        "counted": 0,
        "projects": [
            {
                "project_id": cold_chain["id"],
                "name": "冷链物流中心",
                "stage": "signed",
                "next_stage": "started",
                "target_on": "2026-06-30",
                "days_overdue": 125,
                "liaison": None,
            },
            {
                "project_id": flour["id"],
                "name": "面粉深加工项目",
                "stage": "negotiating",
                "next_stage": "signed",
                "target_on": "2026-10-15",
                "days_overdue": 18,
                "liaison": None,
            },
        ],
    }
    town = (await intake.get("/intake/projects/stats", params={"town": "韩村镇"}, headers=ADMIN)).json()
    assert (town["projects"], town["planned_investment_yuan"], town["overdue_targets"]["signed"]) == (1, 150_000_000, 1)
    assert town["first_talk_to_signing"]["signed"] == 0

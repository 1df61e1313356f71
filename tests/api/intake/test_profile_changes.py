"""Changing an enterprise's profile (PATCH) and what finance hears of it: one `EnterpriseChanged` in intake's
outbox per registration or real change, none for a change of nothing; who may change a profile; the internal
pages of every profile a subscriber resyncs from."""

import uuid

import httpx
import pytest
from sqlalchemy import text

from services.finance.contract import PROFILE_EVENTS_PATH
from services.intake.contract import ENTERPRISES_PAGE_MAX, ENTERPRISES_PATH, EnterpriseChanged, IntakeClient
from tests.api.intake._support import ADMIN, INTERNAL, Cast, register
from tests.helpers.factories import enterprise_payload, headers_for
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem


async def sent_to_finance(kuaiban: Kuaiban, enterprise_id: str) -> list[EnterpriseChanged]:
    """The profile events in intake's outbox about this enterprise, oldest first (each bound for finance)."""
    rows = await kuaiban.connection.execute(
        text(
            "SELECT recipient, path, payload FROM intake.outbox"
            " WHERE payload -> 'profile' ->> 'id' = :id ORDER BY created_at, payload ->> 'kind'"
        ),
        {"id": enterprise_id},
    )
    events = []
    for recipient, path, payload in rows.all():
        assert (recipient, path) == ("finance", PROFILE_EVENTS_PATH)
        events.append(EnterpriseChanged.model_validate(payload))
    return events


def path_of(enterprise_id: str) -> str:
    return f"/intake/enterprises/{enterprise_id}"


async def test_registering_tells_finance(kuaiban: Kuaiban, intake: httpx.AsyncClient):
    created = await register(intake, tags=["专精特新"])
    assert (created["tags"], created["revision"]) == (["专精特新"], 1)
    [event] = await sent_to_finance(kuaiban, created["id"])
    assert event.kind == "enterprise.created" and event.at == kuaiban.clock()
    assert event.profile.model_dump(mode="json") == {key: created[key] for key in event.profile.model_dump()}
    assert (await register(intake))["tags"] == []


async def test_admin_changes_a_profile(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    before = (await intake.get(path_of(cast.own_id), headers=ADMIN)).json()
    kuaiban.clock.advance(minutes=5)
    body = {"employees": 310, "town": "百善镇", "tags": ["专精特新", "高新技术企业"], "annual_revenue_yuan": None}
    changed = await intake.patch(path_of(cast.own_id), json=body, headers=ADMIN)
    assert changed.status_code == 200, changed.text
    after = changed.json()
    assert {key: after[key] for key in body} == body
    assert after["revision"] == 2 and after["updated_at"] > before["updated_at"]
    assert {key: value for key, value in after.items() if key not in {*body, "revision", "updated_at"}} == {
        key: value for key, value in before.items() if key not in {*body, "revision", "updated_at"}
    }
    assert (await intake.get(path_of(cast.own_id), headers=ADMIN)).json() == after

    created, updated = await sent_to_finance(kuaiban, cast.own_id)
    assert (created.kind, updated.kind) == ("enterprise.created", "enterprise.updated")
    assert updated.profile.model_dump(mode="json") == {key: after[key] for key in updated.profile.model_dump()}

    again = await intake.patch(path_of(cast.own_id), json={"credit_rating": "B"}, headers=ADMIN)
    assert again.json()["revision"] == 3 and len(await sent_to_finance(kuaiban, cast.own_id)) == 3


async def test_a_change_of_nothing_changes_nothing(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    before = (await intake.get(path_of(cast.own_id), headers=ADMIN)).json()
    kuaiban.clock.advance(minutes=5)
    same = {"name": before["name"], "employees": before["employees"], "tags": [], "key_enterprise": True}
    for body in ({}, same):
        unchanged = await intake.patch(path_of(cast.own_id), json=body, headers=ADMIN)
        assert unchanged.status_code == 200 and unchanged.json() == before
    assert [event.kind for event in await sent_to_finance(kuaiban, cast.own_id)] == ["enterprise.created"]


async def test_the_liaison_may_others_do_not_see_it(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    changed = await intake.patch(path_of(cast.own_id), json={"employees": 5}, headers=cast.liaison)
    assert changed.status_code == 200 and changed.json()["revision"] == 2
    for headers in (cast.tax, cast.own, cast.other):
        assert_problem(await intake.patch(path_of(cast.own_id), json={"employees": 6}, headers=headers), 404)
    assert_problem(await intake.patch(path_of(cast.other_id), json={"employees": 6}, headers=cast.liaison), 404)
    assert_problem(await intake.patch(path_of(str(uuid.uuid4())), json={"employees": 6}, headers=ADMIN), 404)
    assert_problem(await intake.patch(path_of(cast.own_id), json={"employees": 6}, headers=cast.bank), 403)
    assert (await intake.get(path_of(cast.own_id), headers=ADMIN)).json()["employees"] == 5


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"uscc": "91340621MA2TG8XK4H"}, "uscc"),
        ({"industry": "Z"}, "industry"),
        ({"employees": -1}, "employees"),
        ({"tags": ["专" * 33]}, "tags"),
        ({"tags": ["专精特新", "专精特新"]}, "tags"),
        ({"tags": [f"t{i}" for i in range(21)]}, "tags"),
        ({"name": None}, None),
        ({"established_on": "2999-01-01"}, "established_on"),
    ],
)
async def test_bad_changes_are_422(intake: httpx.AsyncClient, cast: Cast, body: dict, field: str | None):
    problem = assert_problem(await intake.patch(path_of(cast.own_id), json=body, headers=ADMIN), 422)
    if field is not None:
        assert problem["errors"][0]["field"].startswith(field), problem
    assert (await intake.get(path_of(cast.own_id), headers=ADMIN)).json()["revision"] == 1


async def test_a_too_long_tag_is_refused_at_registration(intake: httpx.AsyncClient):
    response = await intake.post("/intake/enterprises", json=enterprise_payload(tags=["专" * 33]), headers=ADMIN)
    assert assert_problem(response, 422)["errors"][0]["field"].startswith("tags")


async def test_internal_pages_hold_every_profile(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    for _ in range(3):
        await register(intake)
    every = (await kuaiban.connection.execute(text("SELECT id FROM intake.enterprise ORDER BY id"))).scalars().all()
    seen: list[uuid.UUID] = []
    after: str | None = None
    while True:
        params = {"limit": 2, **({"after": after} if after else {})}
        page = await intake.get(ENTERPRISES_PATH, params=params, headers=INTERNAL)
        assert page.status_code == 200, page.text
        items, after = page.json()["items"], page.json()["next_after"]
        seen += [uuid.UUID(item["id"]) for item in items]
        assert after is None or (len(items) == 2 and after == items[-1]["id"])
        if after is None:
            break
    assert seen == list(every)

    client = IntakeClient(kuaiban.runtimes["finance"].internal)
    whole = await client.enterprise_page(after=None, limit=ENTERPRISES_PAGE_MAX)
    assert [profile.id for profile in whole.items] == list(every)[:ENTERPRISES_PAGE_MAX]
    assert {profile.revision for profile in whole.items} == {1}

    for limit in (0, ENTERPRISES_PAGE_MAX + 1):
        assert_problem(await intake.get(ENTERPRISES_PATH, params={"limit": limit}, headers=INTERNAL), 422)
    for headers in (ADMIN, cast.liaison, cast.own, headers_for("bank", bank_id=str(uuid.uuid4()))):
        assert_problem(await intake.get(ENTERPRISES_PATH, headers=headers), 403)

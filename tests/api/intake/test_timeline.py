"""The enterprise's timeline in process: events other services send (stored once per event id) beside
intake's own, newest first."""

import uuid
from datetime import UTC, datetime

import httpx

from services.intake.contract import TIMELINE_PATH
from tests.api.intake._support import ADMIN, INTERNAL, Cast, raise_request
from tests.helpers.factories import headers_for
from tests.helpers.inprocess import Kuaiban
from tests.helpers.problems import assert_problem


def timeline_event(enterprise_id: str, **fields) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "enterprise_id": enterprise_id,
        "at": "2026-11-02T01:30:00Z",
        "service": "approval",
        "kind": "application.submitted",
        "ref_id": str(uuid.uuid4()),
        "summary": "企业开办申请已提交",
        **fields,
    }


async def items(intake: httpx.AsyncClient, enterprise_id: str, headers: dict) -> list[dict]:
    response = await intake.get(f"/intake/enterprises/{enterprise_id}/timeline", params={"limit": 100}, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()["items"]


async def test_redelivered_timeline_event_is_stored_once(intake: httpx.AsyncClient, cast: Cast):
    event = timeline_event(cast.own_id)
    first = await intake.post(TIMELINE_PATH, json=event, headers=INTERNAL)
    again = await intake.post(TIMELINE_PATH, json=event, headers=INTERNAL)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json() == again.json() == {"id": event["id"], "stored": True}
    for headers in (
        cast.admin,
        cast.liaison,
        cast.own,
        cast.bank,
        headers_for("officer", username="approval", department="market"),
    ):
        assert_problem(await intake.post(TIMELINE_PATH, json=event, headers=headers), 403)
    assert_problem(await intake.post(TIMELINE_PATH, json={**event, "service": "weather"}, headers=INTERNAL), 422)
    assert_problem(await intake.post(TIMELINE_PATH, json=event), 401)

    matching = [item for item in await items(intake, cast.own_id, cast.liaison) if item["ref_id"] == event["ref_id"]]
    assert len(matching) == 1
    assert matching[0]["service"] == "approval" and matching[0]["at"] == event["at"]
    assert matching[0]["kind"] == "application.submitted" and matching[0]["summary"] == "企业开办申请已提交"


async def test_a_bad_event_is_refused(intake: httpx.AsyncClient, cast: Cast):
    for bad in (
        {"service": "intake"},  # intake's own events are not sent to it
        {"at": "2026-11-02T01:30:00"},  # no time zone
        {"kind": "Application Submitted"},
        {"summary": ""},
        {"summary": "x" * 501},
        {"id": "not-a-uuid"},
        {"surprise": 1},
    ):
        event = timeline_event(cast.own_id, **bad)
        assert_problem(await intake.post(TIMELINE_PATH, json=event, headers=INTERNAL), 422)
    assert await items(intake, cast.own_id, ADMIN) == []


async def test_every_service_on_one_timeline_newest_first(kuaiban: Kuaiban, intake: httpx.AsyncClient, cast: Cast):
    kuaiban.clock.now = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)
    request = await raise_request(intake, cast.own)
    sent = [
        timeline_event(cast.own_id, at="2026-11-02T01:30:00Z"),
        timeline_event(cast.own_id, at="2026-11-03T09:00:00Z", service="finance", kind="deal.signed", summary="签约"),
        timeline_event(cast.other_id, at="2026-11-04T09:00:00Z"),  # another enterprise's
    ]
    for event in sent:
        assert (await intake.post(TIMELINE_PATH, json=event, headers=INTERNAL)).status_code == 201
    listed = await items(intake, cast.own_id, cast.own)
    assert [(item["service"], item["kind"]) for item in listed] == [
        ("finance", "deal.signed"),
        ("intake", "request.received"),
        ("approval", "application.submitted"),
    ]
    assert listed[1]["ref_id"] == request["id"] and listed[1]["at"] == "2026-11-02T02:00:00Z"

    first = (await intake.get(f"/intake/enterprises/{cast.own_id}/timeline", params={"limit": 2}, headers=ADMIN)).json()
    assert [item["kind"] for item in first["items"]] == ["deal.signed", "request.received"] and first["next_cursor"]
    rest = await intake.get(
        f"/intake/enterprises/{cast.own_id}/timeline",
        params={"limit": 2, "cursor": first["next_cursor"]},
        headers=ADMIN,
    )
    assert [item["kind"] for item in rest.json()["items"]] == ["application.submitted"]
    assert rest.json()["next_cursor"] is None

"""The gateway's access line: the caller its edge verified (forwarded requests) or its own routes resolved, and
the TCP peer as the client, whatever X-Forwarded-For the caller sends."""

import logging
import uuid

import httpx
import pytest

from tests.helpers.factories import headers_for
from tests.helpers.inprocess import Kuaiban, live_account

OFFICER_SUBJECT = str(uuid.uuid4())
OFFICER = headers_for("officer", username="tax-officer-1", subject=OFFICER_SUBJECT, department="tax")


@pytest.fixture(autouse=True)
async def officer_account(kuaiban: Kuaiban) -> None:
    """The edge honours a token only for a live account at its version."""
    await live_account(kuaiban, subject=OFFICER_SUBJECT, role="officer", username="tax-officer-1", department="tax")


def access_record(caplog: pytest.LogCaptureFixture, path: str) -> logging.LogRecord:
    (record,) = [record for record in caplog.records if record.name == "kuaiban.access" and record.path == path]
    return record


async def test_a_forwarded_request_names_the_caller_and_the_peer(edge: httpx.AsyncClient, caplog):
    with caplog.at_level(logging.INFO, logger="kuaiban.access"):
        answer = await edge.get("/approval/tasks", headers={**OFFICER, "X-Forwarded-For": "6.6.6.6"})
    assert answer.status_code == 200, answer.text
    assert answer.json()["headers"]["x-forwarded-for"] == "127.0.0.1", "what the services will log as the client"
    record = access_record(caplog, "/approval/tasks")
    assert (record.user, record.role, record.status) == ("tax-officer-1", "officer", 200)
    assert record.client == "127.0.0.1", "the TCP peer: a caller cannot claim another address"


async def test_the_gateways_own_routes_name_the_caller(edge: httpx.AsyncClient, caplog):
    with caplog.at_level(logging.INFO, logger="kuaiban.access"):
        me = await edge.get("/auth/me", headers=OFFICER)
    assert me.status_code == 200, me.text
    record = access_record(caplog, "/auth/me")
    assert (record.user, record.role, record.client) == ("tax-officer-1", "officer", "127.0.0.1")


async def test_a_refused_token_names_no_one(edge: httpx.AsyncClient, caplog):
    stranger = headers_for("officer", username="not-an-account")  # valid signature, no live account
    with caplog.at_level(logging.INFO, logger="kuaiban.access"):
        revoked = await edge.get("/finance/needs", headers=stranger)
        missing = await edge.get("/intake/requests")
    assert (revoked.status_code, missing.status_code) == (401, 401)
    for path in ("/finance/needs", "/intake/requests"):
        record = access_record(caplog, path)
        assert (record.user, record.role, record.client) == (None, None, "127.0.0.1")

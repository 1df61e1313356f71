"""A service's access line names who called (from the token the auth dependency verified) and the client address
the gateway forwarded."""

import logging

import httpx
import pytest

from tests.helpers.factories import headers_for


def access_records(caplog: pytest.LogCaptureFixture, path: str) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == "kuaiban.access" and record.path == path]


async def test_an_authenticated_request_names_user_role_and_the_forwarded_client(
    intake: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
):
    officer = headers_for("officer", username="liaison-7", department="commerce")
    with caplog.at_level(logging.INFO, logger="kuaiban.access"):
        answer = await intake.get(
            "/intake/requests", headers={**officer, "X-Forwarded-For": "203.0.113.7, 10.0.0.2", "X-Request-ID": "al-1"}
        )
    assert answer.status_code == 200, answer.text
    (record,) = access_records(caplog, "/intake/requests")
    assert (record.user, record.role, record.client, record.status) == ("liaison-7", "officer", "203.0.113.7", 200)


async def test_a_refused_caller_is_named_and_an_unauthenticated_one_is_not(
    intake: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
):
    bank = headers_for("bank", username="teller-3")
    with caplog.at_level(logging.INFO, logger="kuaiban.access"):
        forbidden = await intake.get("/intake/enterprises", headers=bank)
        anonymous = await intake.get("/intake/requests")
    assert (forbidden.status_code, anonymous.status_code) == (403, 401)
    (refused,) = access_records(caplog, "/intake/enterprises")
    assert (refused.user, refused.role, refused.status) == ("teller-3", "bank", 403)
    (unknown,) = access_records(caplog, "/intake/requests")
    assert (unknown.user, unknown.role, unknown.status) == (None, None, 401)
    assert unknown.client == "127.0.0.1", "no X-Forwarded-For: the peer"

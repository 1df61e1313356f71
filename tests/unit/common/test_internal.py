"""Internal calls: the internal token, the request id, retries only where a retry is safe, typed fetches."""

import time
import uuid

import pytest
from pydantic import BaseModel

from services.common.auth import Role, verify_token
from services.common.internal import InternalHttp, Reply, Unreachable
from services.common.logs import request_id_var
from services.common.problems import Unavailable
from services.common.settings import Settings
from services.common.texts import Text
from tests.helpers.factories import JWT_SECRET

SETTINGS = Settings(jwt_secret=JWT_SECRET, intake_url="http://intake.test")


class Profile(BaseModel):
    id: uuid.UUID
    name: str


class ScriptedTransport:
    """The network as a script: each call takes the next answer (a Reply, or an exception to raise)."""

    def __init__(self, *answers: Reply | Exception) -> None:
        self.answers = list(answers)
        self.sent: list[dict] = []
        self.closed = False

    async def send(self, method: str, url: str, *, headers: dict, body: bytes | None, time_limit: float) -> Reply:
        self.sent.append({"method": method, "url": url, "headers": headers, "body": body, "time_limit": time_limit})
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    async def aclose(self) -> None:
        self.closed = True


def client_over(transport: ScriptedTransport, **options) -> InternalHttp:
    return InternalHttp(SETTINGS, caller="approval", transport=transport, **options)


async def test_service_client_gives_503_when_unreachable():
    settings = Settings(jwt_secret="s" * 40, intake_url="http://127.0.0.1:9")  # port 9: nothing listens
    client = InternalHttp(settings, caller="test", retries=1)
    try:
        started = time.perf_counter()
        with pytest.raises(Unavailable):
            await client.call("intake", "GET", "/healthz")
        with pytest.raises(Unavailable):
            await client.call("intake", "POST", "/intake/enterprises", body=b"{}")
        assert time.perf_counter() - started < 5
    finally:
        await client.aclose()


async def test_a_call_carries_an_internal_token_the_request_id_and_a_json_body():
    transport = ScriptedTransport(Reply(201, b"{}"), Reply(200, b"{}"))
    client = client_over(transport, timeout=3.0)
    token = request_id_var.set("req-42")
    try:
        reply = await client.call("intake", "post", "/internal/x", body=Profile(id=uuid.uuid4(), name="厂"))
    finally:
        request_id_var.reset(token)
    assert reply == Reply(201, b"{}")
    sent = transport.sent[0]
    assert (sent["method"], sent["url"], sent["time_limit"]) == ("POST", "http://intake.test/internal/x", 3.0)
    assert sent["headers"]["x-request-id"] == "req-42" and sent["headers"]["content-type"] == "application/json"
    assert Profile.model_validate_json(sent["body"]).name == "厂"
    caller = verify_token(JWT_SECRET, sent["headers"]["authorization"].removeprefix("Bearer "))
    assert (caller.role, caller.subject, caller.username) == (Role.internal, "internal:approval", "approval")

    await client.call("intake", "GET", "/internal/y", time_limit=0.5)
    second = transport.sent[1]
    assert "x-request-id" not in second["headers"] and "content-type" not in second["headers"]
    assert second["body"] is None and second["time_limit"] == 0.5
    assert second["headers"]["authorization"] == sent["headers"]["authorization"]  # the token is reused


async def test_idempotent_calls_are_retried_and_others_are_not():
    transport = ScriptedTransport(Unreachable("reset"), Unreachable("reset"), Reply(200, b"ok"))
    assert await client_over(transport, retries=2).call("intake", "GET", "/x") == Reply(200, b"ok")
    assert len(transport.sent) == 3

    transport = ScriptedTransport(Unreachable("reset"), Reply(200, b"never"))
    with pytest.raises(Unavailable, match="intake service is unavailable"):
        await client_over(transport, retries=2).call("intake", "POST", "/x", body=b"{}")
    assert len(transport.sent) == 1  # a POST may have been applied: never sent twice

    transport = ScriptedTransport(Unreachable("reset"), Reply(200, b"never"))
    with pytest.raises(Unavailable):
        await client_over(transport, retries=2).call("intake", "GET", "/x", retries=0)
    assert len(transport.sent) == 1


async def test_fetch_reads_the_contract_model_or_none_when_absent():
    profile = Profile(id=uuid.uuid4(), name="濉溪县铝业")
    transport = ScriptedTransport(Reply(200, profile.model_dump_json().encode()), Reply(404, b"{}"))
    client = client_over(transport)
    assert await client.fetch("intake", "/p", Profile, what=Text("企业", "the enterprise")) == profile
    assert await client.fetch("intake", "/p", Profile, what=Text("企业", "the enterprise")) is None


@pytest.mark.parametrize(
    "reply", [Reply(500, b"{}"), Reply(403, b"{}"), Reply(200, b'{"id": "not a uuid"}'), Reply(200, b"<html>")]
)
async def test_fetch_turns_anything_else_into_unavailable(reply: Reply):
    with pytest.raises(Unavailable, match="could not confirm the enterprise"):
        await client_over(ScriptedTransport(reply)).fetch("intake", "/p", Profile, what=Text("企业", "the enterprise"))


async def test_closing_the_client_closes_its_transport():
    transport = ScriptedTransport()
    await client_over(transport).aclose()
    assert transport.closed

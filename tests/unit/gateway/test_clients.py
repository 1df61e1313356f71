"""What the gateway makes of the services' answers to health and OpenAPI requests."""

import pytest

from gateway.clients import ServicesClient
from services.common.internal import InternalHttp, Reply, Unreachable
from services.common.settings import Settings
from tests.helpers.factories import JWT_SECRET


class ScriptedTransport:
    """Answers each internal call with the next scripted reply; None stands for no answer at all."""

    def __init__(self, *replies: Reply | None) -> None:
        self.replies = list(replies)

    async def send(self, method: str, url: str, *, headers: dict, body: bytes | None, time_limit: float) -> Reply:
        reply = self.replies.pop(0)
        if reply is None:
            raise Unreachable("no answer")
        return reply

    async def aclose(self) -> None:
        return None


def services_answering(*replies: Reply | None) -> ServicesClient:
    settings = Settings(jwt_secret=JWT_SECRET, intake_url="http://intake.test")
    return ServicesClient(InternalHttp(settings, caller="gateway", transport=ScriptedTransport(*replies)))


@pytest.mark.parametrize(
    ("reply", "healthy"),
    [(Reply(200, b'{"status": "ok"}'), True), (Reply(503, b"{}"), False), (None, False)],
)
async def test_a_service_is_healthy_only_when_it_answers_200(reply: Reply | None, healthy: bool):
    assert await services_answering(reply).healthy("intake") is healthy


@pytest.mark.parametrize(
    "reply",
    [None, Reply(500, b'{"paths": {}}'), Reply(200, b"<html>not json</html>"), Reply(200, b'["not", "a", "document"]')],
)
async def test_a_missing_or_broken_document_is_left_out(reply: Reply | None):
    assert await services_answering(reply).openapi("intake") is None


async def test_a_document_is_read_as_json():
    assert await services_answering(Reply(200, b'{"paths": {"/intake/x": {}}}')).openapi("intake") == {
        "paths": {"/intake/x": {}}
    }

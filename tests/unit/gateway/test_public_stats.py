"""Open data's gathering: a service that is down, refuses or answers outside the figures the gateway reads leaves its
section null and the others are still shown; only county totals are kept."""

import orjson

from gateway import public
from gateway.clients import StatsClient
from services.common.internal import Reply
from services.common.problems import Unavailable
from services.common.texts import Text

INTAKE = {"received": 72, "closed": 72, "completion_rate": 1.0, "satisfaction_rate": 1.0, "on_time_rate": 0.9861,
          "avg_reply_working_days": 2.4, "by_category": {"power": {"received": 3, "closed": 3}},
          "by_department": {}}  # fmt: skip
APPROVAL = {"applications": 480, "approved": 471, "avg_working_days": 1.01, "avg_materials": 1.59, "on_time_rate": 0.99,
            "by_matter": {"QYKB-001": {"applications": 200, "approved": 198, "avg_working_days": 0.8}}}  # fmt: skip


class Answers:
    """Stands in for the internal transport: a reply, or an exception, per service."""

    def __init__(self, **answers) -> None:
        self.answers = answers

    async def call(self, service: str, method: str, path: str, **_) -> Reply:
        answer = self.answers[service]
        if isinstance(answer, Exception):
            raise answer
        return answer


def ok(body: dict) -> Reply:
    return Reply(200, orjson.dumps(body))


async def test_each_service_answers_for_its_own_section():
    stats = StatsClient(Answers(intake=ok(INTAKE), approval=ok(APPROVAL), finance=Reply(403, b"{}")))  # type: ignore[arg-type]
    figures = await public.gather(stats)
    assert figures.requests is not None and figures.requests.model_dump() == {
        key: INTAKE[key]
        for key in (
            "received",
            "closed",
            "completion_rate",
            "satisfaction_rate",
            "on_time_rate",
            "avg_reply_working_days",
        )
    }
    assert figures.approval is not None and figures.approval.company_opening_avg_working_days == 0.8
    assert figures.approval.avg_working_days == 1.01 and figures.approval.avg_materials == 1.59
    assert figures.finance is None  # refused: not shown, never an error


async def test_a_service_down_or_off_its_contract_leaves_its_section_null():
    down = Unavailable(Text("不可用", "unavailable"))
    stats = StatsClient(Answers(intake=down, approval=ok({"applications": "many"}), finance=Reply(200, b"not json")))  # type: ignore[arg-type]
    figures = await public.gather(stats)
    assert (figures.requests, figures.approval, figures.finance) == (None, None, None)
    assert figures.as_of.tzinfo is not None

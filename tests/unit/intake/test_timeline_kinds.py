"""The enums of intake's answers: every timeline kind a sender may emit (and nothing else gets through the
contract), every action a request's history records, each with its labels and names a generator can use."""

import uuid
from datetime import UTC, date, datetime

import pytest
from pydantic import ValidationError

from services.common.outbox import OutboxMessage
from services.common.schemas import ENUM_LABELS, label_of
from services.intake import domain
from services.intake.contract import TimelineEvent, TimelineKind, timeline_message
from services.intake.domain import TIMELINE_SUMMARY, Category, Channel, Grade, RequestAction, RequestStatus
from services.intake.models import EnterpriseRequest
from services.intake.schemas import RequestEventRead, TimelineItem

NOW = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)


def event(**fields) -> dict:
    return {
        "id": uuid.uuid4(),
        "enterprise_id": uuid.uuid4(),
        "at": NOW,
        "service": "approval",
        "kind": "application.submitted",
        "ref_id": uuid.uuid4(),
        "summary": "企业开办申请已提交",
        **fields,
    }


def send(kind: str, sender: str = "approval") -> OutboxMessage:
    fields = event(kind=kind)
    return timeline_message(
        OutboxMessage,
        sender=sender,
        enterprise_id=fields["enterprise_id"],
        kind=kind,
        ref_id=fields["ref_id"],
        summary=fields["summary"],
        at=NOW,
    )


def test_intakes_own_timeline_events_are_the_request_kinds():
    own = {kind.value for kind in TimelineKind if kind.value.startswith("request.")}
    assert own == {f"request.{action}" for action in TIMELINE_SUMMARY}


def test_every_kind_has_labels_and_a_name_a_client_generator_accepts():
    assert set(ENUM_LABELS[TimelineKind]) == {kind.value for kind in TimelineKind}
    assert (
        label_of(TimelineKind.deal_signed) == "贷款已签约" and label_of(TimelineKind.deal_signed, "en") == "Loan signed"
    )
    schema = TimelineItem.model_json_schema()["$defs"]["TimelineKind"]
    assert schema["enum"] == [kind.value for kind in TimelineKind]
    assert schema["x-enum-varnames"][:2] == ["RequestReceived", "RequestAssigned"]
    assert all(name.isidentifier() for name in schema["x-enum-varnames"])


@pytest.mark.parametrize("kind", ["a.b", "application.deleted", "request.note", "Application Submitted", ""])
def test_the_contract_refuses_a_kind_no_service_emits(kind: str):
    with pytest.raises(ValidationError) as refused:
        TimelineEvent(**event(kind=kind))
    assert [error["loc"] for error in refused.value.errors()] == [("kind",)]
    with pytest.raises(ValidationError):
        send(kind)


def test_a_known_kind_goes_out_as_its_value():
    assert send(TimelineKind.need_posted, sender="finance").payload["kind"] == "need.posted"
    assert send("application.submitted").payload["kind"] == "application.submitted"
    assert TimelineEvent(**event(kind="deal.signed")).kind is TimelineKind.deal_signed


def test_every_action_the_rules_record_is_a_request_action():
    row = EnterpriseRequest(
        code="SQ20260302000001",
        enterprise_id=uuid.uuid4(),
        title="新建厂房电力增容",
        description="需增容 800 千伏安",
        category=Category.power,
        channel=Channel.tea_meeting,
    )
    recorded = domain.receive(row, now=NOW)
    recorded += domain.assign(row, lead="power", cooperating=[], grade=Grade.urgent, due_date=date(2026, 3, 5), now=NOW)
    recorded += domain.note(row, content="已联系供电公司", now=NOW)
    recorded += domain.reply(row, content="本月 20 日前完成接入", now=NOW)
    recorded += domain.feedback(row, rating=2, comment="时间太长", now=NOW)
    recorded += domain.reply(row, content="提前至 15 日", now=NOW)
    recorded += domain.feedback(row, rating=5, comment=None, now=NOW)
    assert row.status is RequestStatus.closed
    assert {action for action, _ in recorded} == {action.value for action in RequestAction}
    assert set(TIMELINE_SUMMARY) <= {action.value for action in RequestAction}


def test_a_history_entry_reads_its_action_as_the_enum():
    entry = RequestEventRead(at=NOW, actor="tax-officer-li", actor_role="officer", action="note", details={})
    assert entry.action is RequestAction.note and label_of(entry.action) == "备注"
    with pytest.raises(ValidationError):
        RequestEventRead(at=NOW, actor="tax-officer-li", actor_role="officer", action="deleted", details={})

"""The rules of request attachments without a database: which part a caller attaches to, when, and what the form
may carry."""

import uuid

import pytest

from services.common.auth import Principal, Role
from services.common.problems import Forbidden, Invalid, InvalidTransition
from services.intake import attachments, policy
from services.intake.domain import AttachmentPart, Category, Channel, RequestStatus
from services.intake.models import EnterpriseRequest

ENTERPRISE_ID = uuid.UUID("5d0e0c5a-7a3b-4f43-9a53-1c4f3f1a0002")
ENTERPRISE = Principal(subject="e", username="suixi-lvji", role=Role.enterprise, enterprise_id=ENTERPRISE_ID)
LEAD = Principal(subject="p", username="power-li", role=Role.officer, department="power")
COOPERATING = Principal(subject="n", username="land-wang", role=Role.officer, department="natural_resources")


def request_in(status: RequestStatus) -> EnterpriseRequest:
    return EnterpriseRequest(
        code="SQ1",
        enterprise_id=ENTERPRISE_ID,
        title="t",
        description="d",
        category=Category.power,
        channel=Channel.online,
        status=status,
        lead_department="power" if status is not RequestStatus.received else None,
        cooperating_departments=["natural_resources"],
    )


def test_each_caller_has_a_part_and_sends_it_or_leaves_it_out():
    assert policy.attachment_part(ENTERPRISE) is AttachmentPart.request
    assert policy.attachment_part(LEAD) is AttachmentPart.reply
    assert attachments._part({}, ENTERPRISE) is AttachmentPart.request
    assert attachments._part({"part": " "}, LEAD) is AttachmentPart.reply
    assert attachments._part({"part": "request"}, LEAD) is AttachmentPart.request  # refused later, by policy
    with pytest.raises(Invalid) as bad:
        attachments._part({"part": "both"}, ENTERPRISE)
    assert bad.value.errors[0]["field"] == "part"
    with pytest.raises(Invalid) as unknown:
        attachments._part({"part": "request", "comment": "x"}, ENTERPRISE)
    assert unknown.value.errors[0]["field"] == "comment"


@pytest.mark.parametrize(
    ("status", "enterprise", "lead"),
    [
        (RequestStatus.received, True, False),
        (RequestStatus.assigned, True, True),
        (RequestStatus.replied, True, True),
        (RequestStatus.reopened, True, True),
        (RequestStatus.closed, False, False),
    ],
)
def test_the_enterprise_attaches_until_closed_the_lead_once_assigned(status, enterprise: bool, lead: bool):
    for caller, allowed in ((ENTERPRISE, enterprise), (LEAD, lead)):
        part = policy.attachment_part(caller)
        if allowed:
            attachments._require_attachable(caller, request_in(status), part)
        else:
            with pytest.raises(InvalidTransition):
                attachments._require_attachable(caller, request_in(status), part)


def test_only_the_lead_attaches_to_the_reply_and_each_only_to_its_own_part():
    assigned = request_in(RequestStatus.assigned)
    received = request_in(RequestStatus.received)
    refused = [
        (COOPERATING, assigned, AttachmentPart.reply),
        (ENTERPRISE, assigned, AttachmentPart.reply),
        (ENTERPRISE, received, AttachmentPart.reply),  # the wrong part is told before the state
        (LEAD, assigned, AttachmentPart.request),
    ]
    for caller, request, part in refused:
        with pytest.raises(Forbidden):
            attachments._require_attachable(caller, request, part)
    attachments._require_attachable(LEAD, assigned, AttachmentPart.reply)
    attachments._require_attachable(ENTERPRISE, assigned, AttachmentPart.request)

from enum import StrEnum


class TimelineKind(StrEnum):
    APPLICATION_APPROVED = "application.approved"
    APPLICATION_REJECTED = "application.rejected"
    APPLICATION_SUBMITTED = "application.submitted"
    APPLICATION_TERMINATED = "application.terminated"
    APPLICATION_WITHDRAWN = "application.withdrawn"
    COMMITMENT_FULFILLED = "commitment.fulfilled"
    COMMITMENT_OVERDUE = "commitment.overdue"
    COMMITMENT_REMINDER = "commitment.reminder"
    DEAL_SIGNED = "deal.signed"
    NEED_POSTED = "need.posted"
    POLICY_DISBURSED = "policy.disbursed"
    POLICY_GRANTED = "policy.granted"
    POLICY_REVOKED = "policy.revoked"
    REQUEST_ASSIGNED = "request.assigned"
    REQUEST_CLOSED = "request.closed"
    REQUEST_RECEIVED = "request.received"
    REQUEST_REOPENED = "request.reopened"
    REQUEST_REPLIED = "request.replied"

    def __str__(self) -> str:
        return str(self.value)

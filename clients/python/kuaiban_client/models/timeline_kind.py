from enum import StrEnum


class TimelineKind(StrEnum):
    APPLICATION_APPROVED = "application.approved"
    APPLICATION_REJECTED = "application.rejected"
    APPLICATION_SUBMITTED = "application.submitted"
    APPLICATION_TERMINATED = "application.terminated"
    APPLICATION_WITHDRAWN = "application.withdrawn"
    APPOINTMENT_BOOKED = "appointment.booked"
    APPOINTMENT_CANCELLED = "appointment.cancelled"
    APPOINTMENT_NO_SHOW = "appointment.no_show"
    APPOINTMENT_REMINDER = "appointment.reminder"
    APPOINTMENT_RESCHEDULED = "appointment.rescheduled"
    COMMITMENT_FULFILLED = "commitment.fulfilled"
    COMMITMENT_OVERDUE = "commitment.overdue"
    COMMITMENT_REMINDER = "commitment.reminder"
    DEAL_SIGNED = "deal.signed"
    NEED_POSTED = "need.posted"
    ONSITE_REQUESTED = "onsite.requested"
    ONSITE_SCHEDULED = "onsite.scheduled"
    POLICY_DISBURSED = "policy.disbursed"
    POLICY_GRANTED = "policy.granted"
    POLICY_REVOKED = "policy.revoked"
    PROJECT_RECORDED = "project.recorded"
    PROJECT_STAGE_CHANGED = "project.stage_changed"
    REQUEST_ASSIGNED = "request.assigned"
    REQUEST_CLOSED = "request.closed"
    REQUEST_RECEIVED = "request.received"
    REQUEST_REOPENED = "request.reopened"
    REQUEST_REPLIED = "request.replied"

    def __str__(self) -> str:
        return str(self.value)

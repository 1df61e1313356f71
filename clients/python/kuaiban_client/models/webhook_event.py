from enum import StrEnum


class WebhookEvent(StrEnum):
    APPLICATION_SUBMITTED = "application.submitted"
    APPLICATION_WITHDRAWN = "application.withdrawn"
    DEAL_SIGNED = "deal.signed"
    LEAD_CREATED = "lead.created"

    def __str__(self) -> str:
        return str(self.value)

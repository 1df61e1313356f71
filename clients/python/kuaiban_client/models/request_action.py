from enum import StrEnum


class RequestAction(StrEnum):
    ASSIGNED = "assigned"
    CLOSED = "closed"
    FEEDBACK = "feedback"
    NOTE = "note"
    RECEIVED = "received"
    REOPENED = "reopened"
    REPLIED = "replied"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class RequestStatus(StrEnum):
    ASSIGNED = "assigned"
    CLOSED = "closed"
    RECEIVED = "received"
    REOPENED = "reopened"
    REPLIED = "replied"

    def __str__(self) -> str:
        return str(self.value)

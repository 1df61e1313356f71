from enum import StrEnum


class CommitmentState(StrEnum):
    FULFILLED = "fulfilled"
    OPEN = "open"
    OVERDUE = "overdue"
    REVOKED = "revoked"

    def __str__(self) -> str:
        return str(self.value)

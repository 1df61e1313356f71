from enum import StrEnum


class TaskStatus(StrEnum):
    APPROVED = "approved"
    CANCELLED = "cancelled"
    PENDING = "pending"
    REJECTED = "rejected"
    RETURNED = "returned"

    def __str__(self) -> str:
        return str(self.value)

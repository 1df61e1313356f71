from enum import StrEnum


class LoanStatus(StrEnum):
    APPROVED = "approved"
    REJECTED = "rejected"
    SIGNED = "signed"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class LoanStatus(StrEnum):
    APPROVED = "approved"
    REJECTED = "rejected"
    SIGNED = "signed"
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class Decision(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    RETURN = "return"

    def __str__(self) -> str:
        return str(self.value)

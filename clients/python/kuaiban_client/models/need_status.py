from enum import StrEnum


class NeedStatus(StrEnum):
    CLOSED = "closed"
    FINANCED = "financed"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)

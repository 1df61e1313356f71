from enum import StrEnum


class OnsiteStatus(StrEnum):
    REQUESTED = "requested"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class TimelineService(StrEnum):
    APPROVAL = "approval"
    FINANCE = "finance"
    INTAKE = "intake"

    def __str__(self) -> str:
        return str(self.value)

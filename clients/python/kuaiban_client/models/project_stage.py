from enum import StrEnum


class ProjectStage(StrEnum):
    COUNTED = "counted"
    DROPPED = "dropped"
    NEGOTIATING = "negotiating"
    SIGNED = "signed"
    STARTED = "started"

    def __str__(self) -> str:
        return str(self.value)

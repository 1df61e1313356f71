from enum import StrEnum


class ProjectAction(StrEnum):
    LINKED = "linked"
    RECORDED = "recorded"
    STAGE_CHANGED = "stage_changed"
    UPDATED = "updated"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class SyncResult(StrEnum):
    CREATED = "created"
    INVALID = "invalid"
    UNCHANGED = "unchanged"
    UPDATED = "updated"

    def __str__(self) -> str:
        return str(self.value)

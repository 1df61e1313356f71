from enum import StrEnum


class AccessKind(StrEnum):
    APPLICATION = "application"
    LEAD = "lead"
    NEED = "need"
    PROFILE = "profile"

    def __str__(self) -> str:
        return str(self.value)

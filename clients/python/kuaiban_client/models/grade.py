from enum import StrEnum


class Grade(StrEnum):
    MAJOR = "major"
    NORMAL = "normal"
    URGENT = "urgent"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class PolicyMode(StrEnum):
    AUTO = "auto"
    INSTANT = "instant"
    REVIEW = "review"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class MatchExtra(StrEnum):
    NEAR_MISSES = "near_misses"

    def __str__(self) -> str:
        return str(self.value)

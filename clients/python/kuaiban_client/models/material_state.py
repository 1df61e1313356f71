from enum import StrEnum


class MaterialState(StrEnum):
    COMMITTED = "committed"
    DECLARED = "declared"
    MISSING = "missing"
    REUSED = "reused"
    UPLOADED = "uploaded"

    def __str__(self) -> str:
        return str(self.value)

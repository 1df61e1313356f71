from enum import StrEnum


class ScanStatus(StrEnum):
    CLEAN = "clean"
    NOT_SCANNED = "not_scanned"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class GrantStatus(StrEnum):
    CONFIRMED = "confirmed"
    DISBURSED = "disbursed"
    GRANTED = "granted"
    REFUSED = "refused"
    REQUESTED = "requested"
    REVOKED = "revoked"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class AppointmentStatus(StrEnum):
    BOOKED = "booked"
    CANCELLED = "cancelled"
    CHECKED_IN = "checked_in"
    NO_SHOW = "no_show"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class Channel(StrEnum):
    HOTLINE = "hotline"
    ONLINE = "online"
    TEA_MEETING = "tea_meeting"
    VISIT = "visit"
    WINDOW = "window"

    def __str__(self) -> str:
        return str(self.value)

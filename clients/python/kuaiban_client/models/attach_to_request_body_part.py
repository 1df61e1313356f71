from enum import StrEnum


class AttachToRequestBodyPart(StrEnum):
    REPLY = "reply"
    REQUEST = "request"

    def __str__(self) -> str:
        return str(self.value)

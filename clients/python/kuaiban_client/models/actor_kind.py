from enum import StrEnum


class ActorKind(StrEnum):
    CLIENT = "client"
    PERSON = "person"

    def __str__(self) -> str:
        return str(self.value)

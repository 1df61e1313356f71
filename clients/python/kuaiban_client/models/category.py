from enum import StrEnum


class Category(StrEnum):
    FINANCING = "financing"
    INFRASTRUCTURE = "infrastructure"
    LAND = "land"
    OTHER = "other"
    PERMITS = "permits"
    POLICY = "policy"
    POWER = "power"
    TALENT = "talent"

    def __str__(self) -> str:
        return str(self.value)

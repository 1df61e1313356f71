from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    BANK = "bank"
    ENTERPRISE = "enterprise"
    INTERNAL = "internal"
    LEADER = "leader"
    OFFICER = "officer"

    def __str__(self) -> str:
        return str(self.value)

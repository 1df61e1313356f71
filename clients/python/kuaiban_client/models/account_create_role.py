from enum import StrEnum


class AccountCreateRole(StrEnum):
    ADMIN = "admin"
    BANK = "bank"
    ENTERPRISE = "enterprise"
    LEADER = "leader"
    OFFICER = "officer"

    def __str__(self) -> str:
        return str(self.value)

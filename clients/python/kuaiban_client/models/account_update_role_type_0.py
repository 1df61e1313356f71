from enum import StrEnum


class AccountUpdateRoleType0(StrEnum):
    ADMIN = "admin"
    BANK = "bank"
    ENTERPRISE = "enterprise"
    LEADER = "leader"
    OFFICER = "officer"

    def __str__(self) -> str:
        return str(self.value)

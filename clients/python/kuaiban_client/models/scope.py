from enum import StrEnum


class Scope(StrEnum):
    APPLICATIONSDECIDE = "applications:decide"
    LEADSREAD = "leads:read"
    PRODUCTSWRITE = "products:write"
    WEBHOOKSMANAGE = "webhooks:manage"

    def __str__(self) -> str:
        return str(self.value)

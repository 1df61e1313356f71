from enum import StrEnum


class MaterialSource(StrEnum):
    UPLOAD = "upload"
    VAULT = "vault"

    def __str__(self) -> str:
        return str(self.value)

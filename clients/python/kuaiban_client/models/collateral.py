from enum import StrEnum


class Collateral(StrEnum):
    CREDIT = "credit"
    GUARANTEE = "guarantee"
    MORTGAGE = "mortgage"
    PLEDGE = "pledge"

    def __str__(self) -> str:
        return str(self.value)

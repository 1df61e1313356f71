from enum import StrEnum


class PaymentOutcome(StrEnum):
    ALREADY_PAID = "already_paid"
    NOT_PAYABLE = "not_payable"
    PAID = "paid"

    def __str__(self) -> str:
        return str(self.value)

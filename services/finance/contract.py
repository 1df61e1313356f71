"""What finance serves to other Kuaiban processes: bank look-ups and a typed client.

Consumers (the gateway, when it creates a bank's account) import this module and nothing else of finance.
"""

import uuid

from pydantic import BaseModel, ConfigDict

from services.common.internal import ContractClient
from services.common.texts import Text

BANK_PATH = "/internal/finance/banks/{bank_id}"
# Intake posts `intake.contract.EnterpriseChanged` here through its outbox: finance's read model of profiles.
PROFILE_EVENTS_PATH = "/internal/finance/enterprise-profiles"


class BankRef(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    code: str
    name: str


class FinanceClient(ContractClient):
    """Finance as other services call it."""

    async def bank(self, bank_id: uuid.UUID) -> BankRef | None:
        return await self._internal.fetch(
            "finance", BANK_PATH.format(bank_id=bank_id), BankRef, what=Text("银行", "the bank")
        )

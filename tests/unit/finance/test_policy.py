"""Finance's row scopes as SQL: which needs and loan applications each role sees, and the owning bank's products."""

import uuid

import pytest
from sqlalchemy.dialects import postgresql

from services.common.auth import Principal, Role
from services.common.problems import NotFound
from services.finance import policy
from services.finance.domain import ProductStatus
from services.finance.models import Product

ENTERPRISE = uuid.UUID("9f1b6f5e-0c41-4a57-8d3e-3a5e2f0c0001")  # fixed: parametrize ids must match across xdist workers
BANK = uuid.UUID("9f1b6f5e-0c41-4a57-8d3e-3a5e2f0c0002")


def principal(role: Role, **claims) -> Principal:
    return Principal(subject=str(uuid.uuid4()), username=role.value, role=role, **claims)


def sql(clause) -> str:
    return str(clause.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}))


@pytest.mark.parametrize(
    ("caller", "scope"),
    [
        (principal(Role.admin), "true"),
        (principal(Role.enterprise, enterprise_id=ENTERPRISE), f"finance.need.enterprise_id = '{ENTERPRISE}'"),
        (principal(Role.bank, bank_id=BANK), "false"),  # a bank sees leads, never needs
        (principal(Role.officer, department="finance_office"), "false"),
    ],
)
def test_needs_visible_to_each_role(caller: Principal, scope: str):
    assert sql(policy.needs_visible_to(caller)) == scope


@pytest.mark.parametrize(
    ("caller", "scope"),
    [
        (principal(Role.admin), "true"),
        (principal(Role.bank, bank_id=BANK), f"finance.application.bank_id = '{BANK}'"),
        (
            principal(Role.enterprise, enterprise_id=ENTERPRISE),
            f"finance.application.enterprise_id = '{ENTERPRISE}'",
        ),
        (principal(Role.officer, department="finance_office"), "false"),
    ],
)
def test_loans_visible_to_each_role(caller: Principal, scope: str):
    assert sql(policy.loans_visible_to(caller)) == scope


def test_a_bank_acts_on_its_own_products_only():
    own = Product(bank_id=BANK, name="科技贷", status=ProductStatus.active)
    assert policy.require_own_product(principal(Role.bank, bank_id=BANK), own) is own
    for product in (Product(bank_id=uuid.uuid4(), name="他行贷", status=ProductStatus.active), None):
        with pytest.raises(NotFound, match="No such product"):
            policy.require_own_product(principal(Role.bank, bank_id=BANK), product)

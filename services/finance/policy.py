"""Who may call what in finance, and which rows each caller sees.

A bank sees the loan applications to its products and the leads of its own products; an enterprise its
own needs and applications; admin everything. Rows outside the scope are not found (404).
"""

from typing import Annotated

from fastapi import Depends
from sqlalchemy import false, true
from sqlalchemy.sql.elements import ColumnElement

from services.common.auth import AdminDep, InternalDep, Principal, PrincipalDep, Role, allow
from services.common.problems import NotFound
from services.common.texts import no_such
from services.finance.models import LoanApplication, Need, Product, WebhookEndpoint

__all__ = [
    "AdminDep",
    "BankDep",
    "EnterpriseDep",
    "InternalDep",
    "NeedReaderDep",
    "PartyDep",
    "PrincipalDep",
    "WebhookManagerDep",
]

BankDep = Annotated[Principal, Depends(allow(Role.bank))]
EnterpriseDep = Annotated[Principal, Depends(allow(Role.enterprise))]
NeedReaderDep = Annotated[Principal, Depends(allow(Role.admin, Role.enterprise))]
PartyDep = Annotated[Principal, Depends(allow(Role.admin, Role.enterprise, Role.bank))]


def needs_visible_to(principal: Principal) -> ColumnElement[bool]:
    if principal.role is Role.admin:
        return true()
    if principal.role is Role.enterprise:
        return Need.enterprise_id == principal.enterprise_id
    return false()


def loans_visible_to(principal: Principal) -> ColumnElement[bool]:
    A = LoanApplication
    if principal.role is Role.admin:
        return true()
    if principal.role is Role.bank:
        return A.bank_id == principal.bank_id
    if principal.role is Role.enterprise:
        return A.enterprise_id == principal.enterprise_id
    return false()


def require_own_product(principal: Principal, product: Product | None) -> Product:
    """A bank acts on, and sees the leads of, its own products only."""
    if product is None or product.bank_id != principal.bank_id:
        raise NotFound(no_such("金融产品", "product"))
    return product


# Webhooks: a bank manages its own endpoints; admin acts for any bank by naming it. (The `webhooks:manage`
# scope of machine credentials replaces the bank role gate when client credentials arrive.)
WebhookManagerDep = Annotated[Principal, Depends(allow(Role.admin, Role.bank))]


def webhooks_visible_to(principal: Principal) -> ColumnElement[bool]:
    if principal.role is Role.admin:
        return true()
    if principal.role is Role.bank:
        return WebhookEndpoint.bank_id == principal.bank_id
    return false()

"""Who may call what in finance, and which rows each caller sees.

A bank sees the loan applications to its products and the leads of its own products; an enterprise its
own needs and applications; admin everything. Rows outside the scope are not found (404).

A bank's system calls with a client token limited to scopes: writing products needs `products:write`,
leads `leads:read`, reading and deciding applications `applications:decide`, webhooks `webhooks:manage`
(403 `insufficient_scope` otherwise). A person's token has no scopes and passes on its role.
"""

import uuid
from typing import Annotated, Any

from fastapi import Depends
from sqlalchemy import false, true
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import select

from services.common.auth import AdminDep, InternalDep, Principal, PrincipalDep, Role, Scope, allow
from services.common.problems import DomainError, Forbidden, Invalid, NotFound
from services.common.texts import Text, no_such
from services.finance.domain import NeedStatus, PolicyStatus
from services.finance.models import AccessRecord, LoanApplication, Need, Policy, PolicyGrant, Product, WebhookEndpoint

__all__ = [
    "AccessLogReaderDep",
    "AdminDep",
    "CatalogueDep",
    "DeciderDep",
    "EnterpriseDep",
    "GrantReaderDep",
    "InsightDep",
    "InternalDep",
    "LeadReaderDep",
    "NeedReaderDep",
    "PartyDep",
    "PolicyReaderDep",
    "PolicyWriterDep",
    "PrincipalDep",
    "ProductWriterDep",
    "StatsDep",
    "WebhookManagerDep",
]

ProductWriterDep = Annotated[Principal, Depends(allow(Role.bank, scope=Scope.products_write))]
LeadReaderDep = Annotated[Principal, Depends(allow(Role.bank, scope=Scope.leads_read))]
DeciderDep = Annotated[Principal, Depends(allow(Role.bank, scope=Scope.applications_decide))]
EnterpriseDep = Annotated[Principal, Depends(allow(Role.enterprise))]
# The county's figures: admin, county leaders (read-only), and the gateway's open data (/public/stats, internal)
StatsDep = Annotated[Principal, Depends(allow(Role.admin, Role.leader, Role.internal))]
NeedReaderDep = Annotated[Principal, Depends(allow(Role.admin, Role.enterprise))]
# applications carry an enterprise's data: a bank's system reads them only with the scope to decide them
PartyDep = Annotated[Principal, Depends(allow(Role.admin, Role.enterprise, Role.bank, scope=Scope.applications_decide))]


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


# Webhooks: a bank manages its own endpoints (a bank's system with `webhooks:manage`); admin acts for any bank.
WebhookManagerDep = Annotated[Principal, Depends(allow(Role.admin, Role.bank, scope=Scope.webhooks_manage))]


def webhooks_visible_to(principal: Principal) -> ColumnElement[bool]:
    if principal.role is Role.admin:
        return true()
    if principal.role is Role.bank:
        return WebhookEndpoint.bank_id == principal.bank_id
    return false()


# --- catalogue sync: whose catalogue a call writes ------------------------------------------------------

CatalogueDep = Annotated[Principal, Depends(allow(Role.admin, Role.bank, scope=Scope.products_write))]


def acting_bank(principal: Principal, bank_id: uuid.UUID | None, *, refused: DomainError, unnamed: Text) -> uuid.UUID:
    """The bank a call acts for: a bank for itself (naming another is `refused`), admin for the bank it names."""
    if principal.role is Role.bank:
        if bank_id is not None and bank_id != principal.bank_id:
            raise refused
        return principal.bank_id
    if bank_id is None:
        raise Invalid(unnamed, field="bank_id")
    return bank_id


def catalogue_of(principal: Principal, bank_id: uuid.UUID | None) -> uuid.UUID:
    """A bank syncs its own catalogue (naming another bank is 403); admin names the bank it syncs for."""
    return acting_bank(
        principal,
        bank_id,
        refused=Forbidden(Text("银行只能同步自己的产品目录。", "A bank syncs its own catalogue only.")),
        unnamed=Text("管理员同步产品目录须指明银行（bank_id）。", "Name the bank (bank_id) whose catalogue you sync."),
    )


def endpoint_owner(principal: Principal, bank_id: uuid.UUID | None) -> uuid.UUID:
    """A bank registers webhook endpoints for itself (naming another bank is 422); admin names the bank."""
    return acting_bank(
        principal,
        bank_id,
        refused=Invalid(Text("银行只能为自己登记。", "A bank registers for itself only."), field="bank_id"),
        unnamed=Text("请指明为哪家银行登记。", "Say which bank this is for."),
    )


# --- consent, near misses and the access log (issue 11) --------------------------------------------------------

InsightDep = Annotated[Principal, Depends(allow(Role.admin, Role.bank, scope=Scope.leads_read))]
AccessLogReaderDep = Annotated[Principal, Depends(allow(Role.admin, Role.enterprise))]


def shown_to_banks(need: Any = Need) -> list[ColumnElement[bool]]:
    """A need is shown to banks (lead lists, near-miss counts, webhooks) while open and while its enterprise consents.

    On `Need` or an alias of it; the bare columns, so the planner matches the partial profile index
    (`WHERE status = 'open' AND consent`)."""
    return [need.status == NeedStatus.open, need.consent]


def require_product_insight(principal: Principal, product: Product | None) -> Product:
    """A product's near-miss counts: the owning bank and admin; another bank does not see the product (404)."""
    if principal.role is Role.admin and product is not None:
        return product
    return require_own_product(principal, product)


def access_visible_to(principal: Principal) -> ColumnElement[bool]:
    """An enterprise sees who read its own data; admin sees every read."""
    if principal.role is Role.admin:
        return true()
    if principal.role is Role.enterprise:
        return AccessRecord.enterprise_id == principal.enterprise_id
    return false()


# --- policy benefits: the issuing department writes its policies; drafts are its own until published ----------

PolicyWriterDep = Annotated[Principal, Depends(allow(Role.admin, Role.officer))]
PolicyReaderDep = Annotated[Principal, Depends(allow(Role.admin, Role.officer, Role.enterprise))]


def require_issuer(principal: Principal, department: str) -> None:
    """Admin, or an officer of the issuing department (403 for another department's officer)."""
    if not may_see_draft(principal, department):
        raise Forbidden(
            Text(
                "只有发文部门的工作人员可以管理此政策。", "Only officers of the issuing department manage this policy."
            )
        )


def may_see_draft(principal: Principal, department: str) -> bool:
    return principal.role is Role.admin or (principal.role is Role.officer and principal.department == department)


def policies_visible_to(principal: Principal) -> ColumnElement[bool]:
    """Published and superseded policies for every caller; drafts for admin and the issuing department."""
    if principal.role is Role.admin:
        return true()
    shown = Policy.status != PolicyStatus.draft
    if principal.role is Role.officer:
        return shown | (Policy.department == principal.department)
    return shown


def require_policy(principal: Principal, policy: Policy | None) -> Policy:
    if policy is None or (policy.status == PolicyStatus.draft and not may_see_draft(principal, policy.department)):
        raise NotFound(no_such("政策", "policy"))
    return policy


def require_enterprise_view(principal: Principal, enterprise_id: uuid.UUID, liaison_of: set[uuid.UUID]) -> None:
    """The enterprise itself, its liaison officer, admin; anyone else finds nothing (404)."""
    if principal.role is Role.admin:
        return
    if principal.role is Role.enterprise and principal.enterprise_id == enterprise_id:
        return
    if principal.role is Role.officer and enterprise_id in liaison_of:
        return
    raise NotFound(no_such("企业", "enterprise"))


# --- grants: the enterprise its own, the issuing department its policies', the liaison its enterprises' ---------

GrantReaderDep = PolicyReaderDep


def grants_visible_to(principal: Principal, liaison_of: set[uuid.UUID]) -> ColumnElement[bool]:
    if principal.role is Role.admin:
        return true()
    if principal.role is Role.enterprise:
        return PolicyGrant.enterprise_id == principal.enterprise_id
    if principal.role is Role.officer:
        issued = select(Policy.id).where(Policy.department == principal.department)
        return PolicyGrant.policy_id.in_(issued) | PolicyGrant.enterprise_id.in_(liaison_of)  # type: ignore[attr-defined]
    return false()

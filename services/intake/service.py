"""Rules and queries of the intake service; raises domain errors, never builds HTTP responses."""

import uuid

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import Principal, Role
from services.common.db import insert_unique
from services.common.pagination import PageParams, make_page, paginate
from services.common.problems import NotFound
from services.intake.models import Enterprise
from services.intake.schemas import EnterpriseCreate


async def create_enterprise(session: AsyncSession, *, data: EnterpriseCreate) -> Enterprise:
    """Register an enterprise; its USCC must be new."""
    enterprise = Enterprise(**data.model_dump())
    await insert_unique(session, enterprise, conflict=f"An enterprise with USCC {data.uscc} is already registered.")
    return enterprise


async def get_enterprise(session: AsyncSession, *, enterprise_id: uuid.UUID, principal: Principal) -> Enterprise:
    """One enterprise, if the caller may see it (an enterprise sees only itself)."""
    enterprise = await session.get(Enterprise, enterprise_id)
    if enterprise is None or not _may_see(principal, enterprise):
        raise NotFound("No such enterprise.")
    return enterprise


async def list_enterprises(session: AsyncSession, *, page: PageParams) -> tuple[list[Enterprise], str | None]:
    """Registered enterprises, newest first."""
    rows = (await session.exec(paginate(select(Enterprise), Enterprise, page))).all()
    return make_page(list(rows), page)


def _may_see(principal: Principal, enterprise: Enterprise) -> bool:
    if principal.role is Role.enterprise:
        return principal.enterprise_id == enterprise.id
    return principal.role in (Role.admin, Role.officer, Role.service)

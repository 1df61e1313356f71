"""HTTP endpoints of the intake service: parse, call `service`, return."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends

from services.common.auth import AdminDep, Principal, Role, require_roles
from services.common.db import SessionDep
from services.common.pagination import PageDep
from services.common.problems import problem_responses
from services.intake import service
from services.intake.config import PREFIX
from services.intake.schemas import EnterpriseCreate, EnterprisePage, EnterpriseRead

router = APIRouter(prefix=PREFIX, tags=["intake"], responses=problem_responses(401, 403))

EnterpriseReaderDep = Annotated[
    Principal, Depends(require_roles(Role.admin, Role.officer, Role.enterprise, Role.service))
]
StaffDep = Annotated[Principal, Depends(require_roles(Role.admin, Role.officer))]


@router.post(
    "/enterprises",
    status_code=201,
    response_model=EnterpriseRead,
    responses=problem_responses(409, 422),
    summary="Register an enterprise (admin)",
)
async def create_enterprise(body: EnterpriseCreate, session: SessionDep, _: AdminDep):
    return await service.create_enterprise(session, data=body)


@router.get("/enterprises", response_model=EnterprisePage, summary="List enterprises (admin, officers)")
async def list_enterprises(session: SessionDep, page: PageDep, _: StaffDep):
    items, next_cursor = await service.list_enterprises(session, page=page)
    return {"items": items, "next_cursor": next_cursor}


@router.get(
    "/enterprises/{enterprise_id}",
    response_model=EnterpriseRead,
    responses=problem_responses(404),
    summary="One enterprise (admin, officers, the enterprise itself)",
)
async def get_enterprise(enterprise_id: uuid.UUID, session: SessionDep, principal: EnterpriseReaderDep):
    return await service.get_enterprise(session, enterprise_id=enterprise_id, principal=principal)

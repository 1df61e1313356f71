"""The 容缺 commitment ledger: every commitment with its material, due date and state, as callers may see it.

Its states move in `domain` (fulfilled by an upload or a supplement, overdue and reminded by the sweep,
revoked when the application ends without approval); this module only reads.
"""

import uuid

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.approval import policy
from services.approval.domain import CommitmentState
from services.approval.models import Application, MaterialCommitment, Task
from services.common.auth import Principal
from services.common.pagination import PageParams, make_page, paginate
from services.intake.contract import IntakeClient


async def list_commitments(
    session: AsyncSession,
    *,
    principal: Principal,
    intake: IntakeClient,
    page: PageParams,
    state: CommitmentState | None,
    department: str | None,
    enterprise_id: uuid.UUID | None,
) -> tuple[list[MaterialCommitment], str | None]:
    """Enterprises see their own; officers those of the applications they see (a task of their department, or
    the enterprises they are liaison for); admin all. `department`: applications with a task of it."""
    C = MaterialCommitment
    visible = select(Application.id).where(
        policy.applications_visible_to(principal, await intake.liaison_of(principal))
    )
    query = select(C).where(C.application_id.in_(visible))
    if state is not None:
        query = query.where(C.state == state)
    if department is not None:
        query = query.where(C.application_id.in_(select(Task.application_id).where(Task.department == department)))
    if enterprise_id is not None:
        query = query.where(C.enterprise_id == enterprise_id)
    return make_page(list((await session.exec(paginate(query, C, page))).all()), page)

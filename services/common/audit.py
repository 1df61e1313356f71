"""The audit trail: every change to a service's tables, with who made it, through which call, and when.

A trigger on each audited table (see migration 0012) writes one `audit_log` row per changed row, in the
transaction of the change: a rolled-back change leaves no record and a committed one always has one,
whichever way it was written (ORM flush or a Core statement). The trigger learns the caller from the
transaction-local setting `kuaiban.call`, which this module sets just before the first write of a
transaction: the unit of work says whose call it is (`bind_call`), background jobs name themselves
(`bind_actor`). A change with no call bound is recorded as the `system`'s.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Query
from sqlalchemy import DateTime, Index, event, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction
from sqlalchemy.sql.schema import Table
from sqlmodel import Field, SQLModel, select
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.types import Scope

from services.common import exports
from services.common.auth import AdminDep, TokenVerifier
from services.common.db import SessionDep
from services.common.logs import request_id_var
from services.common.models import utcnow
from services.common.pagination import PageDep, make_page, page_body, paginate
from services.common.plain import on_plain_write
from services.common.problems import Invalid, Unauthorized
from services.common.schemas import IsoDateTime, ResponseBody
from services.common.texts import Text

# Tables that are plumbing, not state a person changed: no trigger, and writing them binds no call. (The
# outbox's trigger records only an admin's redrive of a dead letter, not the relay's deliveries.) finance's
# `access_log` is itself a log of reads, written once and never changed: auditing it would double every row.
# `cache_token` only says that a watched table changed; the change itself is audited on that table.
# finance's `enterprise_profile` is a copy of intake's enterprises, audited where they change (in intake).
UNAUDITED = frozenset({"audit_log", "idempotency_key", "access_log", "cache_token", "enterprise_profile"})
SETTING = "kuaiban.call"
_CALL_SOURCE = "kuaiban.audit.call"  # session.info key: a `Call`, or a `ScopeCall` resolved at first write
_BOUND_IN = "kuaiban.audit.bound_in"  # session.info key: the transaction whose setting is already set


class AuditRecord(SQLModel):
    """Columns of every service's `audit_log`; `before`/`after` hold only the fields that changed."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True), nullable=False)
    request_id: str | None = Field(default=None, max_length=200)
    actor: str = Field(max_length=64)
    actor_role: str | None = Field(default=None, max_length=16)
    action: str | None = Field(default=None, max_length=300)
    resource_type: str = Field(max_length=64)
    resource_id: str = Field(max_length=64)
    change: str = Field(max_length=8)
    before: dict[str, Any] | None = Field(default=None, sa_type=JSONB)
    after: dict[str, Any] | None = Field(default=None, sa_type=JSONB)


def audit_table_args(schema: str) -> tuple:
    return (
        Index("ix_audit_log_at_id", "at", "id"),
        Index("ix_audit_log_resource", "resource_type", "resource_id", "at"),
        Index("ix_audit_log_actor_at", "actor", "at"),
        {"schema": schema},
    )


@dataclass(frozen=True)
class Call:
    """Who changes what through which operation; what the trigger writes beside each change."""

    actor: str
    role: str | None = None
    action: str | None = None
    request_id: str | None = None

    def setting(self) -> str:
        return orjson.dumps(
            {"actor": self.actor, "role": self.role, "action": self.action, "request_id": self.request_id}
        ).decode()


@dataclass(frozen=True)
class ScopeCall:
    """An HTTP request's call, read at its first write: by then the router has matched the route."""

    scope: Scope
    verifier: TokenVerifier

    def resolve(self) -> Call:
        try:
            principal = self.verifier.verify_scope(self.scope)
            actor, role = principal.username, principal.role.value
        except Unauthorized:  # a write without a token: a login's side effects, say
            actor, role = "anonymous", None
        route = self.scope.get("route")
        template = getattr(route, "path", None) or self.scope["path"]
        return Call(actor, role, f"{self.scope['method']} {template}", request_id_var.get() or None)


def bind_call(session: Any, source: Call | ScopeCall) -> None:
    """Record `source` as the caller of every change this session makes from now on."""
    session.info[_CALL_SOURCE] = source


def bind_actor(session: Any, actor: str, action: str) -> None:
    """A background job's changes are its own: `bind_actor(session, "sla-sweep", "sweep")`."""
    bind_call(session, Call(actor=actor, role="system", action=action))


def _set_call(session: Session) -> None:
    """Set `kuaiban.call` once per transaction, before its first write; a rolled-back savepoint resets it."""
    source = session.info.get(_CALL_SOURCE)
    if source is None:
        return
    transaction: SessionTransaction | None = session.info.get(_BOUND_IN)
    if transaction is not None and transaction.is_active:
        return
    connection = session.connection()  # begins the transaction if this write is its first statement
    call = source.resolve() if isinstance(source, ScopeCall) else source
    connection.execute(text("SELECT set_config(:name, :value, true)"), {"name": SETTING, "value": call.setting()})
    session.info[_BOUND_IN] = session.get_nested_transaction() or session.get_transaction()


@on_plain_write
async def _before_plain_write(session: AsyncSession, table: Table) -> None:
    if _audited(table) and session.info.get(_CALL_SOURCE) is not None:
        await session.run_sync(_set_call)


def _audited(table: Any) -> bool:
    return getattr(table, "name", None) not in UNAUDITED


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, flush_context: Any, instances: Any) -> None:
    changed = (*session.new, *session.dirty, *session.deleted)
    if any(_audited(getattr(type(row), "__table__", None)) for row in changed):
        _set_call(session)


@event.listens_for(Session, "do_orm_execute")
def _before_statement(state: ORMExecuteState) -> None:
    if (state.is_insert or state.is_update or state.is_delete) and _audited(getattr(state.statement, "table", None)):
        _set_call(state.session)


class AuditEntry(ResponseBody):
    id: uuid.UUID
    at: datetime
    request_id: str | None
    actor: str
    actor_role: str | None
    action: str | None
    resource_type: str
    resource_id: str
    change: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class AuditPage(ResponseBody):
    items: list[AuditEntry]
    next_cursor: str | None


BAD_RESOURCE = Text(
    "resource 须为“类型”或“类型/编号”，例如 request 或 request/3f0c…。",
    "resource must be a type or type/id, for example request or request/3f0c….",
)


def audit_routes(prefix: str, model: type[AuditRecord], *, tag: str = "operations") -> APIRouter:
    """`GET {prefix}/audit` (admin): the service's audit trail, newest first, with filters."""
    router = APIRouter(prefix=prefix, tags=[tag])
    service = prefix.strip("/").capitalize()

    @router.get(
        "/audit",
        response_model=AuditPage,
        operation_id=f"list{service}Audit",
        summary="Who changed what, and when (admin)",
        description="本服务每一次改动的审计记录（谁、以何种角色、经哪个操作、改了哪条记录、改前改后的字段、请求编号），"
        "与改动同一事务写入，最近的在前。`resource` 可为类型（如 `request`）或“类型/编号”。",
    )
    @exports.exportable(AuditPage, "审计日志")
    async def list_audit(
        session: SessionDep,
        page: PageDep,
        _: AdminDep,
        actor: Annotated[str | None, Query(min_length=1, max_length=64, description="Username of the caller")] = None,
        resource: Annotated[
            str | None, Query(min_length=1, max_length=130, description="`type` or `type/id`, e.g. `request/…`")
        ] = None,
        since: Annotated[IsoDateTime | None, Query(description="Only changes at or after this instant")] = None,
    ):
        query = select(model)
        if actor is not None:
            query = query.where(model.actor == actor)
        if resource is not None:
            kind, _, key = resource.partition("/")
            if not kind or "/" in key:
                raise Invalid(BAD_RESOURCE, field="resource")
            query = query.where(model.resource_type == kind)
            if key:
                query = query.where(model.resource_id == key)
        if since is not None:
            query = query.where(model.at >= since)
        rows = (await session.exec(paginate(query, model, page, order_by="at"))).all()
        return page_body(make_page(list(rows), page, order_by="at"))

    return router

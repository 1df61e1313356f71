"""Gateway rules: accounts and logins, the bootstrap admin, health and the merged OpenAPI."""

import asyncio
import copy
import logging
import time
import uuid
from typing import Any

from sqlalchemy.dialects.postgresql import insert
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from gateway.clients import GatewayRuntime, RegistryClient, ServicesClient
from gateway.config import OPENAPI_CACHE_SECONDS
from gateway.models import Account
from gateway.passwords import Passwords
from gateway.schemas import AccountCreate
from services.common.auth import Principal, Role, issue_token
from services.common.db import insert_unique
from services.common.problems import NotFound, Unauthorized
from services.common.settings import SERVICE_NAMES

log = logging.getLogger("kuaiban.gateway")
BAD_LOGIN = "Incorrect username or password."
SCHEMA_REF = "#/components/schemas/"


async def create_account(
    session: AsyncSession, *, data: AccountCreate, registry: RegistryClient, passwords: Passwords
) -> Account:
    """Create an account; usernames are unique, and an enterprise's or bank's must be registered."""
    if data.enterprise_id is not None:
        await registry.require_enterprise(data.enterprise_id)
    if data.bank_id is not None:
        await registry.require_bank(data.bank_id)
    account = Account(
        **data.model_dump(exclude={"password"}, mode="python"),
        password_hash=await passwords.hash(data.password),
    )
    await insert_unique(session, account, conflict=f"The username {data.username!r} is taken.")
    return account


async def login(
    session: AsyncSession, *, username: str, password: str, passwords: Passwords, secret: str, ttl: int
) -> tuple[str, Account]:
    """Check credentials and issue an access token."""
    account = (await session.exec(select(Account).where(Account.username == username))).first()
    if account is None or not account.active:
        await passwords.spend_equal_time(password)
        raise Unauthorized(BAD_LOGIN)
    if not await passwords.matches(account.password_hash, password):
        raise Unauthorized(BAD_LOGIN)
    return issue_token(secret, principal_of(account), ttl_seconds=ttl), account


def principal_of(account: Account) -> Principal:
    return Principal(
        subject=str(account.id),
        username=account.username,
        role=Role(account.role),
        department=account.department,
        enterprise_id=account.enterprise_id,
        bank_id=account.bank_id,
    )


async def current_account(session: AsyncSession, *, principal: Principal) -> Account:
    try:
        account = await session.get(Account, uuid.UUID(principal.subject))
    except ValueError:
        account = None
    if account is None or not account.active:
        raise Unauthorized("The account behind this token no longer exists.")
    return account


async def account_by_username(session: AsyncSession, *, username: str) -> Account:
    account = (await session.exec(select(Account).where(Account.username == username))).first()
    if account is None or not account.active:
        raise NotFound("No such account.")
    return account


async def ensure_admin(session: AsyncSession, *, password: str, passwords: Passwords) -> None:
    """Create the bootstrap `admin`, or reset its password to the configured one; safe on replicas.

    Runs at start-up in a transaction of its own (there is no request).
    """
    if not password:
        log.warning("KUAIBAN_ADMIN_PASSWORD is not set; the admin account is left as it is")
        return
    password_hash = await passwords.hash(password)
    await session.exec(
        insert(Account)
        .values(id=uuid.uuid4(), username="admin", password_hash=password_hash, role="admin", active=True)
        .on_conflict_do_nothing(index_elements=["username"])
    )
    admin = (await session.exec(select(Account).where(Account.username == "admin").with_for_update())).one()
    if not await passwords.matches(admin.password_hash, password):
        admin.password_hash = password_hash
        session.add(admin)
        log.info("admin password reset to KUAIBAN_ADMIN_PASSWORD")


async def health(services: ServicesClient) -> dict[str, str]:
    """Ask every service's /healthz at once; anything but 200 in time is `down`."""
    answers = await asyncio.gather(*(services.healthy(name) for name in SERVICE_NAMES))
    return {name: "ok" if ok else "down" for name, ok in zip(SERVICE_NAMES, answers, strict=True)}


async def merged_openapi(runtime: GatewayRuntime, services: ServicesClient, own: dict[str, Any]) -> dict[str, Any]:
    """One document for every public path; a complete one is kept OPENAPI_CACHE_SECONDS."""
    cached = runtime.merged_openapi
    if cached and time.monotonic() - cached[0] < OPENAPI_CACHE_SECONDS:
        return cached[1]
    fetched = await asyncio.gather(*(services.openapi(name) for name in SERVICE_NAMES))
    docs = dict(zip(SERVICE_NAMES, fetched, strict=True))
    merged = merge_openapi(own, {name: doc for name, doc in docs.items() if doc is not None})
    if all(doc is not None for doc in fetched):
        runtime.merged_openapi = (time.monotonic(), merged)
    return merged


def merge_openapi(own: dict[str, Any], services: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One document: the gateway's own paths plus every service's, components merged.

    A service schema whose name is taken by a different schema is renamed `<service>_<name>`, and the
    service's references follow it.
    """
    merged = copy.deepcopy(own)
    paths = merged.setdefault("paths", {})
    components = merged.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    tags = {tag["name"]: tag for tag in merged.get("tags", [])}
    for name, doc in services.items():
        renames = _schema_renames(doc.get("components", {}).get("schemas", {}), schemas, prefix=name)
        doc = _rename_refs(doc, renames) if renames else doc
        paths.update(doc.get("paths", {}))
        for section, entries in doc.get("components", {}).items():
            merged_section = components.setdefault(section, {})
            for key, value in entries.items():
                merged_section[renames.get(key, key) if section == "schemas" else key] = value
        for tag in doc.get("tags", []) or [{"name": name}]:
            tags.setdefault(tag["name"], tag)
    merged["tags"] = list(tags.values())
    return merged


def _schema_renames(theirs: dict[str, Any], ours: dict[str, Any], *, prefix: str) -> dict[str, str]:
    """The service's schemas that must be renamed: a name taken by a different schema, counting a schema
    that differs only because it refers to one renamed before (repeated until nothing changes)."""
    renames: dict[str, str] = {}
    while True:
        found = {
            key: f"{prefix}_{key}"
            for key, value in theirs.items()
            if key in ours and key not in renames and ours[key] != _rename_refs(value, renames)
        }
        if not found:
            return renames
        renames |= found


def _rename_refs(node: Any, renames: dict[str, str]) -> Any:
    """A copy of `node` whose `$ref`s to renamed schemas point at the new names."""
    if isinstance(node, dict):
        return {
            key: _renamed_ref(value, renames) if key == "$ref" else _rename_refs(value, renames)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_rename_refs(item, renames) for item in node]
    return node


def _renamed_ref(ref: Any, renames: dict[str, str]) -> Any:
    if isinstance(ref, str) and ref.startswith(SCHEMA_REF):
        name = ref.removeprefix(SCHEMA_REF)
        return SCHEMA_REF + renames.get(name, name)
    return ref  # other components (responses, parameters) are never renamed

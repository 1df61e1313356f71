"""Gateway rules: accounts and logins, the bootstrap admin, health and the merged OpenAPI."""

import asyncio
import copy
import hmac
import logging
import time
import uuid
from datetime import datetime
from typing import Any

from fastapi import Request
from sqlalchemy.dialects.postgresql import insert
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from gateway.access import AccessCache
from gateway.clients import GatewayRuntime, RegistryClient, ServicesClient
from gateway.config import OPENAPI_CACHE_SECONDS, ROUTES, UNLIMITED_PATHS
from gateway.models import Account
from gateway.passwords import Passwords
from gateway.schemas import AccountCreate, AccountUpdate, PasswordChange, role_fields_problem
from gateway.throttle import LoginThrottle
from services.common.auth import Principal, Role, TokenVerifier, issue_token
from services.common.db import insert_unique
from services.common.openapi import PROBLEM_RESPONSES, RESPONSES, rename_schema_refs
from services.common.problems import Forbidden, Invalid, NotFound, ProblemKind, Unauthorized
from services.common.settings import SERVICE_NAMES
from services.common.texts import Text, no_such

log = logging.getLogger("kuaiban.gateway")
BAD_LOGIN = Text("用户名或密码错误。", "Incorrect username or password.")
INFO = {
    "contact": {
        "name": "濉溪县数据资源局 快办平台",
        "url": "https://kuaiban.example/support",
        "email": "kuaiban@suixi.example",
    },
    "license": {"name": "Proprietary: 濉溪县数据资源局", "url": "https://kuaiban.example/license"},
}
SERVERS = [{"url": "/", "description": "This gateway (the same origin as the docs)"}]


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
    taken = Text(f"用户名 {data.username} 已被占用。", f"The username {data.username!r} is taken.")
    await insert_unique(session, account, conflict=taken, kind=ProblemKind.duplicate_username)
    return account


async def login(
    session: AsyncSession,
    *,
    username: str,
    password: str,
    client: str,
    passwords: Passwords,
    throttle: LoginThrottle,
    secret: str,
    ttl: int,
) -> tuple[str, Account]:
    """Check credentials and issue an access token; repeated failures slow down to 429 (`throttle`)."""
    await throttle.check(username=username, client=client)
    account = (await session.exec(select(Account).where(Account.username == username))).first()
    if account is None or not account.active:
        await passwords.spend_equal_time(password)
        await throttle.failed(username=username, client=client)
        raise Unauthorized(BAD_LOGIN, kind=ProblemKind.invalid_credentials)
    if not await passwords.matches(account.password_hash, password):
        await throttle.failed(username=username, client=client)
        raise Unauthorized(BAD_LOGIN, kind=ProblemKind.invalid_credentials)
    await throttle.succeeded(username=username)
    return issue_token(secret, principal_of(account), ttl_seconds=ttl), account


def principal_of(account: Account) -> Principal:
    return Principal(
        subject=str(account.id),
        username=account.username,
        role=Role(account.role),
        department=account.department,
        enterprise_id=account.enterprise_id,
        bank_id=account.bank_id,
        token_version=account.token_version,
    )


async def current_account(session: AsyncSession, *, principal: Principal) -> Account:
    try:
        account = await session.get(Account, uuid.UUID(principal.subject))
    except ValueError:
        account = None
    if account is None or not account.active:
        raise Unauthorized(Text("此令牌对应的账号已不存在。", "The account behind this token no longer exists."))
    return account


async def account_by_id(session: AsyncSession, *, account_id: uuid.UUID) -> Account:
    """An account as an admin looks it up; a deactivated one is gone, as it is for logging in."""
    account = await session.get(Account, account_id)
    if account is None or not account.active:
        raise NotFound(no_such("账号", "account"))
    return account


async def update_account(
    session: AsyncSession,
    *,
    account_id: uuid.UUID,
    data: AccountUpdate,
    registry: RegistryClient,
    access: AccessCache,
    now: datetime,
) -> Account:
    """An admin disables, enables or moves an account; every token issued before stops working."""
    account = await session.get(Account, account_id, with_for_update=True)
    if account is None:
        raise NotFound(no_such("账号", "account"))
    changes = data.model_dump(exclude_unset=True, mode="python")
    fields = {name: getattr(account, name) for name in ("department", "enterprise_id", "bank_id")}
    role = changes.get("role") or account.role
    if "role" in changes:  # a new role keeps only the field it needs
        fields = dict.fromkeys(fields)
    fields |= {name: changes[name] for name in fields if name in changes}
    if problem := role_fields_problem(role, fields):
        raise Invalid(problem)
    if changes.get("enterprise_id") is not None:
        await registry.require_enterprise(changes["enterprise_id"])
    if changes.get("bank_id") is not None:
        await registry.require_bank(changes["bank_id"])
    for name, value in {**fields, "role": role, "active": changes.get("active", account.active)}.items():
        setattr(account, name, value.value if hasattr(value, "value") else value)
    return _revoke_tokens(session, account, access, now)


async def change_password(
    session: AsyncSession,
    *,
    principal: Principal,
    data: PasswordChange,
    passwords: Passwords,
    access: AccessCache,
    now: datetime,
) -> Account:
    """The caller sets a new password, proving the current one; its other tokens stop working."""
    account = await current_account(session, principal=principal)
    if not await passwords.matches(account.password_hash, data.current_password):
        raise Invalid(
            Text("当前密码不正确。", "The current password is not correct."),
            field="current_password",
            kind=ProblemKind.invalid_value,  # 422, not 401: the caller is who it says, only the form is wrong
        )
    account.password_hash = await passwords.hash(data.new_password)
    return _revoke_tokens(session, account, access, now)


async def logout(session: AsyncSession, *, principal: Principal, access: AccessCache, now: datetime) -> Account:
    """End the caller's tokens (every one of its account: tokens are not stored one by one)."""
    return _revoke_tokens(session, await current_account(session, principal=principal), access, now)


def _revoke_tokens(session: AsyncSession, account: Account, access: AccessCache, now: datetime) -> Account:
    account.token_version += 1
    account.updated_at = now
    session.add(account)
    access.forget(str(account.id))  # this replica at once; the others within KUAIBAN_ACCESS_CHECK_SECONDS
    return account


async def account_by_username(session: AsyncSession, *, username: str) -> Account:
    account = (await session.exec(select(Account).where(Account.username == username))).first()
    if account is None or not account.active:
        raise NotFound(no_such("账号", "account"))
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
    """One document: the gateway's own paths plus every service's, components and tags merged, and the
    answers the gateway's edge adds (413, 429, and 502/503/504 on proxied paths) declared.

    A service schema whose name is taken by a different schema is renamed `<Service><Name>` (title too),
    and the service's references follow it; services are merged in a fixed order, so names are stable.
    """
    merged = copy.deepcopy(own)
    merged.setdefault("info", {}).update(INFO)
    merged["servers"] = SERVERS
    paths = merged.setdefault("paths", {})
    components = merged.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    tags = {tag["name"]: tag for tag in merged.get("tags", [])}
    for name, doc in services.items():
        renames = _schema_renames(doc.get("components", {}).get("schemas", {}), schemas, prefix=name)
        doc = rename_schema_refs(doc, renames) if renames else doc
        paths.update(doc.get("paths", {}))
        for section, entries in doc.get("components", {}).items():
            merged_section = components.setdefault(section, {})
            for key, value in entries.items():
                if section == "schemas" and key in renames:
                    key, value = renames[key], value | {"title": renames[key]}
                merged_section[key] = value
        for tag in doc.get("tags", []) or [{"name": name}]:
            known = tags.setdefault(tag["name"], tag)
            if "description" not in known and "description" in tag:
                tags[tag["name"]] = tag
    merged["tags"] = list(tags.values())
    for path, operations in paths.items():
        for operation in operations.values():
            if isinstance(operation, dict) and "responses" in operation:
                _declare_edge_answers(path, operation, components)
    _drop_unused_responses(merged)
    return merged


def _declare_edge_answers(path: str, operation: dict[str, Any], components: dict[str, Any]) -> None:
    """The statuses the edge itself answers for this operation, where the document has their component."""
    statuses = []
    if "requestBody" in operation:
        statuses.append(413)
    if path not in UNLIMITED_PATHS:
        statuses.append(429)
    statuses.append(503)  # a database or a service unavailable
    if path.strip("/").split("/")[0] in ROUTES:
        statuses += [502, 504]
    responses = operation["responses"]
    known = components.get("responses", {})
    for status in statuses:
        name = PROBLEM_RESPONSES[status][0]
        if str(status) not in responses and name in known:
            responses[str(status)] = {"$ref": RESPONSES + name}
    operation["responses"] = dict(sorted(responses.items()))


def _drop_unused_responses(document: dict[str, Any]) -> None:
    """Every app brings a problem response per error status; keep those an operation refers to."""
    responses = document.get("components", {}).get("responses", {})
    used = _refs(document.get("paths", {}))
    for name, _ in PROBLEM_RESPONSES.values():
        if name in responses and RESPONSES + name not in used:
            del responses[name]


def _refs(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"]} if isinstance(node.get("$ref"), str) else set()
        return found.union(*(_refs(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_refs(item) for item in node))
    return set()


def _schema_renames(theirs: dict[str, Any], ours: dict[str, Any], *, prefix: str) -> dict[str, str]:
    """The service's schemas that must be renamed: a name taken by a different schema, counting a schema
    that differs only because it refers to one renamed before (repeated until nothing changes)."""
    renames: dict[str, str] = {}
    while True:
        found = {
            key: _free_name(prefix, key, ours, theirs)
            for key, value in theirs.items()
            if key in ours and key not in renames and ours[key] != rename_schema_refs(value, renames)
        }
        if not found:
            return renames
        renames |= found


def _free_name(prefix: str, key: str, ours: dict[str, Any], theirs: dict[str, Any]) -> str:
    """`<Prefix><Key>`, with a number after it should even that be taken."""
    base = prefix[:1].upper() + prefix[1:] + key
    name, number = base, 1
    while name in ours or name in theirs:
        number += 1
        name = f"{base}{number}"
    return name


def require_scraper(request: Request, metrics_token: str, verifier: TokenVerifier) -> None:
    """Prometheus with `KUAIBAN_METRICS_TOKEN`, or an admin: the metrics stay off the public port for anyone else
    (401 without a valid token, 403 for another role)."""
    presented = request.headers.get("authorization", "")
    if metrics_token and hmac.compare_digest(presented.encode(), f"Bearer {metrics_token}".encode()):
        return
    if verifier.verify_scope(request.scope).role is not Role.admin:
        raise Forbidden(Text("只有管理员可以读取监控指标。", "Only an admin reads the metrics."))

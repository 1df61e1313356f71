"""The service layer of banks' API clients: create, list, rotate and revoke them (admin), and the
client-credentials grant of `POST /auth/token` (RFC 6749 §4.4). The rules themselves are in `domain.py`."""

import uuid
from datetime import datetime

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from gateway import domain
from gateway.access import AccessCache
from gateway.clients import RegistryClient
from gateway.domain import BAD_CLIENT, ClientStatus
from gateway.models import ApiClient
from gateway.schemas import ClientCreate
from services.common.auth import CLIENT_USERNAME_PREFIX, Principal, Role, issue_token
from services.common.db import insert_unique
from services.common.pagination import PageParams, make_page, paginate
from services.common.problems import InvalidClient, NotFound
from services.common.texts import Text, no_such


async def create_client(
    session: AsyncSession, *, data: ClientCreate, registry: RegistryClient, now: datetime
) -> tuple[ApiClient, str]:
    """A new client of a registered bank, and its secret (shown once: only the hash is stored)."""
    await registry.require_bank(data.bank_id)
    secret = domain.new_secret()
    client = ApiClient(
        bank_id=data.bank_id,
        name=data.name,
        scopes=[scope.value for scope in data.scopes],
        status=ClientStatus.active,
        secret_hash=domain.hash_secret(secret),
        created_at=now,
        updated_at=now,
    )
    taken = Text(f"客户端名称 {data.name} 已被占用。", f"The client name {data.name!r} is taken.")
    await insert_unique(session, client, conflict=taken)
    return client, secret


async def list_clients(
    session: AsyncSession, *, page: PageParams, bank_id: uuid.UUID | None
) -> tuple[list[ApiClient], str | None]:
    query = select(ApiClient)
    if bank_id is not None:
        query = query.where(ApiClient.bank_id == bank_id)
    rows = (await session.exec(paginate(query, ApiClient, page))).all()
    return make_page(list(rows), page)


async def get_client(session: AsyncSession, *, client_id: uuid.UUID, lock: bool = False) -> ApiClient:
    client = await session.get(ApiClient, client_id, with_for_update=lock)
    if client is None:
        raise NotFound(no_such("API 客户端", "API client"))
    return client


async def rotate_client(
    session: AsyncSession, *, client_id: uuid.UUID, grace_seconds: int, now: datetime
) -> tuple[ApiClient, str]:
    """A new secret; the old one works `grace_seconds` more. Tokens already issued keep working."""
    client = await get_client(session, client_id=client_id, lock=True)
    secret = domain.rotate(client, grace_seconds=grace_seconds, now=now)
    session.add(client)
    return client, secret


async def revoke_client(
    session: AsyncSession, *, client_id: uuid.UUID, access: AccessCache, now: datetime
) -> ApiClient:
    """No more tokens; those issued stop at the edge (this replica at once, others within the check interval)."""
    client = await get_client(session, client_id=client_id, lock=True)
    domain.revoke(client, now=now)
    session.add(client)
    access.forget(AccessCache.client_key(str(client.id)))
    return client


async def client_token(
    session: AsyncSession,
    *,
    client_id: str,
    client_secret: str,
    scope: str | None,
    now: datetime,
    secret: str,
    ttl: int,
) -> tuple[str, frozenset[str]]:
    """A short-lived bank token for an active client whose secret matches, limited to the scopes asked."""
    row_id = domain.client_uuid(client_id)
    client = await session.get(ApiClient, row_id)
    if (
        client is None
        or client.status is not ClientStatus.active
        or not domain.secret_matches(client, client_secret, now=now)
    ):
        raise InvalidClient(BAD_CLIENT)
    scopes = domain.granted_scopes(scope, client.scopes)
    return issue_token(secret, principal_of_client(client, scopes), ttl_seconds=ttl), scopes


def principal_of_client(client: ApiClient, scopes: frozenset[str]) -> Principal:
    """A bank's principal named `client:<name>`, so the audit trail says which system acted."""
    return Principal(
        subject=str(client.id),
        username=CLIENT_USERNAME_PREFIX + client.name,
        role=Role.bank,
        bank_id=client.bank_id,
        token_version=client.token_version,
        client_id=str(client.id),
        scopes=scopes,
    )

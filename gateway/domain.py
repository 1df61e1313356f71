"""API clients' rules, without I/O: secrets and their hashes, rotation with a grace period, revocation,
the credentials a token request carries, and which scopes a token may get.

Secrets are hashed with SHA-256, not argon2 like passwords: a secret is 32 random bytes (256 bits) made
here, never chosen by a person, so no dictionary or brute force can reach it and a slow hash would add
nothing but CPU on every token request. Comparisons are constant-time.
"""

import base64
import binascii
import hashlib
import hmac
import secrets
import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol
from urllib.parse import unquote_plus

from services.common.problems import DomainError, InvalidClient, InvalidTransition, ProblemKind
from services.common.texts import Text

SECRET_PREFIX = "kbs_"  # marks a Kuaiban secret, so secret scanners and people recognise a leaked one
MAX_GRACE_SECONDS = 30 * 86_400
BAD_CLIENT = Text(
    "客户端认证失败：client_id 或 client_secret 不正确，或客户端已吊销。",
    "Client authentication failed: unknown client_id, wrong client_secret, or a revoked client.",
)


class ClientStatus(StrEnum):
    active = "active"
    revoked = "revoked"


class Secrets(Protocol):
    """The fields of an API client these rules read and change."""

    status: ClientStatus
    secret_hash: str
    previous_secret_hash: str | None
    previous_secret_expires_at: datetime | None
    rotated_at: datetime | None
    revoked_at: datetime | None
    token_version: int
    updated_at: datetime


def new_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def secret_matches(client: Secrets, secret: str, *, now: datetime) -> bool:
    """The current secret, or the previous one while its grace period lasts."""
    presented = hash_secret(secret)
    current = hmac.compare_digest(presented, client.secret_hash)
    previous = (
        client.previous_secret_hash is not None
        and client.previous_secret_expires_at is not None
        and now < client.previous_secret_expires_at
        and hmac.compare_digest(presented, client.previous_secret_hash)
    )
    return current or previous


def rotate(client: Secrets, *, grace_seconds: int, now: datetime) -> str:
    """A new secret; the current one keeps working for `grace_seconds` (0: it ends now). A secret still in
    the grace of an earlier rotation ends: two secrets at most. Tokens already issued keep working."""
    if client.status is not ClientStatus.active:
        raise InvalidTransition(
            Text("客户端已吊销，不能轮换密钥。", "The client is revoked; its secret cannot rotate.")
        )
    secret = new_secret()
    if grace_seconds > 0:
        client.previous_secret_hash = client.secret_hash
        client.previous_secret_expires_at = now + timedelta(seconds=grace_seconds)
    else:
        client.previous_secret_hash = client.previous_secret_expires_at = None
    client.secret_hash = hash_secret(secret)
    client.rotated_at = client.updated_at = now
    return secret


def revoke(client: Secrets, *, now: datetime) -> None:
    """No more tokens, and the version goes up so the tokens already issued stop at the edge."""
    if client.status is ClientStatus.revoked:
        raise InvalidTransition(Text("客户端已吊销。", "The client is already revoked."))
    client.status = ClientStatus.revoked
    client.revoked_at = client.updated_at = now
    client.previous_secret_hash = client.previous_secret_expires_at = None
    client.token_version += 1


def basic_credentials(authorization: str | None) -> tuple[str, str] | None:
    """`client_id` and `client_secret` from `Authorization: Basic ...` (RFC 6749 §2.3.1: each form-urlencoded
    before base64); None without a Basic header; `invalid_client` when it cannot be read."""
    if not authorization:
        return None
    scheme, _, encoded = authorization.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError) as exc:
        raise InvalidClient(BAD_CLIENT) from exc
    client_id, colon, secret = decoded.partition(":")
    if not colon:
        raise InvalidClient(BAD_CLIENT)
    return unquote_plus(client_id), unquote_plus(secret)


def client_uuid(client_id: str) -> uuid.UUID:
    try:
        return uuid.UUID(client_id)
    except ValueError as exc:
        raise InvalidClient(BAD_CLIENT) from exc


def granted_scopes(requested: str | None, allowed: Iterable[str]) -> frozenset[str]:
    """RFC 6749 §3.3: a space-separated `scope`, all of the client's when absent; more is `invalid_scope`."""
    allowed = frozenset(allowed)
    if not requested or not requested.strip():
        return allowed
    asked = frozenset(requested.split())
    if extra := sorted(asked - allowed):
        names = " ".join(extra)
        raise DomainError(
            Text(f"客户端没有权限范围：{names}。", f"The client does not have the scope(s): {names}."),
            kind=ProblemKind.invalid_scope,
        )
    return asked

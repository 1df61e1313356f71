"""JWT tokens and the caller's identity: who is calling, in which role, for which organisation."""

import time
import uuid
from enum import StrEnum
from typing import Annotated, Any

import jwt
from fastapi import Depends, Request
from fastapi.openapi.models import OAuthFlowClientCredentials
from fastapi.security import OAuth2PasswordBearer
from pydantic import BaseModel

from services.common.logs import note_caller
from services.common.problems import Forbidden, Invalid, ProblemKind, Unauthorized
from services.common.schemas import label_of, labelled
from services.common.texts import Text

ALGORITHM = "HS256"
ISSUER = "kuaiban"
AUDIENCE = "kuaiban"
BAD_TOKEN = Text("访问令牌缺失、无效或已过期。", "The access token is missing, invalid or expired.")
REVOKED = Text(
    "令牌已失效：账号已变更、停用或已退出登录，请重新登录。",
    "The token is no longer valid: the account changed, was disabled or logged out; log in again.",
)
REVOKED_TOKEN = "kuaiban.token_revoked"  # set in the request's state by the gateway's edge
CLIENT_USERNAME_PREFIX = "client:"  # a bank system's principal is `client:<name>`, so audit entries name it


class Role(StrEnum):
    admin = "admin"
    officer = "officer"
    enterprise = "enterprise"
    bank = "bank"
    leader = "leader"  # a county leader: reads what its routes allow, changes nothing
    internal = "internal"  # another Kuaiban process making an internal call, never a person


class Scope(StrEnum):
    """What a bank's API client may do; a person's token has no scopes and is governed by its role alone."""

    products_write = "products:write"
    leads_read = "leads:read"
    applications_decide = "applications:decide"
    webhooks_manage = "webhooks:manage"


labelled(
    Scope,
    {
        "products:write": ("发布与下架贷款产品", "Post and withdraw loan products"),
        "leads:read": ("查看产品线索", "Read the leads of products"),
        "applications:decide": ("查看、审批贷款申请并登记签约", "Read, decide and sign loan applications"),
        "webhooks:manage": ("管理事件推送地址", "Manage webhook endpoints"),
    },
)


class Principal(BaseModel):
    """The verified caller, read from the token's claims."""

    subject: str
    username: str
    role: Role
    department: str | None = None
    enterprise_id: uuid.UUID | None = None
    bank_id: uuid.UUID | None = None
    token_version: int = 0  # the account's (or client's) version when issued: a newer one revokes it
    expires_at: int = 0
    client_id: str | None = None  # set for a bank system's token (client credentials), None for a person's
    scopes: frozenset[str] | None = None  # a client token's scopes; None: a person's token, governed by role only


def issue_token(secret: str, principal: Principal, *, ttl_seconds: int) -> str:
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "iat": now,
        "nbf": now,
        "exp": now + ttl_seconds,
        "jti": uuid.uuid4().hex,
        "sub": principal.subject,
        "name": principal.username,
        "role": principal.role.value,
        "ver": principal.token_version,
    }
    for claim in ("department", "enterprise_id", "bank_id", "client_id"):
        value = getattr(principal, claim)
        if value is not None:
            claims[claim] = str(value)
    if principal.scopes is not None:  # RFC 8693's `scope` claim: space-separated
        claims["scope"] = " ".join(sorted(principal.scopes))
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def verify_token(secret: str, token: str) -> Principal:
    """Verify signature, algorithm, issuer, audience and lifetime; anything wrong is 401."""
    try:
        claims = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            audience=AUDIENCE,
            issuer=ISSUER,
            options={"require": ["exp", "iat", "sub", "role"]},
        )
        return Principal(
            subject=claims["sub"],
            username=claims.get("name", claims["sub"]),
            role=Role(claims["role"]),
            department=claims.get("department"),
            enterprise_id=claims.get("enterprise_id"),
            bank_id=claims.get("bank_id"),
            token_version=int(claims.get("ver", 0)),
            expires_at=claims["exp"],
            client_id=claims.get("client_id"),
            scopes=frozenset(claims["scope"].split()) if isinstance(claims.get("scope"), str) else None,
        )
    except (jwt.PyJWTError, ValueError, KeyError) as exc:
        raise Unauthorized(BAD_TOKEN) from exc


class TokenVerifier:
    """`verify_token` with a bounded cache: a token's signature is checked once, its expiry every time."""

    def __init__(self, secret: str, max_size: int = 10_000) -> None:
        self._secret = secret
        self._max_size = max_size
        self._cache: dict[str, Principal] = {}

    def verify(self, token: str) -> Principal:
        principal = self._cache.get(token)
        if principal is not None and principal.expires_at > time.time():
            return principal
        principal = verify_token(self._secret, token)
        if len(self._cache) >= self._max_size:
            self._cache.clear()
        self._cache[token] = principal
        return principal

    def verify_scope(self, scope: dict[str, Any]) -> Principal:
        """The caller of a raw ASGI request, from its `Authorization: Bearer` header; 401 otherwise, and for a
        token the gateway's edge found revoked (so no caller, idempotency key or audit record takes it)."""
        if scope.get("state", {}).get(REVOKED_TOKEN):
            raise Unauthorized(REVOKED)
        for name, value in scope["headers"]:
            if name == b"authorization":
                scheme, _, token = value.decode("latin-1").partition(" ")
                if scheme.lower() == "bearer" and token:
                    return self.verify(token)
                break
        raise Unauthorized(BAD_TOKEN)


# Declared as OAuth2's password flow (and client credentials, below) so the docs' Authorize dialog asks for a
# username and password and calls /auth/token itself; the token still arrives as `Authorization: Bearer <token>`.
_bearer = OAuth2PasswordBearer(
    tokenUrl="/auth/token",
    auto_error=False,
    description="Log in at POST /auth/token: people with a username and password, banks' systems with client "
    "credentials",
)
# A bank's system takes the same token endpoint with client credentials (RFC 6749 §4.4) and its scopes.
_bearer.model.flows.clientCredentials = OAuthFlowClientCredentials(
    tokenUrl="/auth/token", scopes={scope.value: label_of(scope, "en") for scope in Scope}
)


async def current_principal(request: Request, token: Annotated[str | None, Depends(_bearer)]) -> Principal:
    if not token:  # no header, another scheme, or `Bearer` without a token (`_bearer` declares the scheme)
        raise Unauthorized(BAD_TOKEN)
    principal = request.app.state.runtime.verifier.verify_scope(request.scope)
    note_caller(principal.username, principal.role)  # for the request's access line
    return principal


PrincipalDep = Annotated[Principal, Depends(current_principal)]


def acting_enterprise(principal: Principal, requested: uuid.UUID | None) -> uuid.UUID:
    """Whose behalf a create is for: an enterprise acts for itself, staff must name the enterprise."""
    if principal.role is Role.enterprise:
        if requested not in (None, principal.enterprise_id):
            raise Invalid(Text("企业只能为自己办理。", "An enterprise acts for itself only."), field="enterprise_id")
        return principal.enterprise_id
    if requested is None:
        raise Invalid(Text("请指明为哪家企业办理。", "Say which enterprise this is for."), field="enterprise_id")
    return requested


def allow(*roles: Role, scope: Scope | None = None):
    """A dependency that lets only the given roles through (403 otherwise); each `policy.py` names its gates.

    With `scope`, a client token must also carry that scope (403 `insufficient_scope` naming it); a person's
    token has no scopes and passes on its role alone.
    """
    allowed = frozenset(roles)

    async def dependency(principal: PrincipalDep) -> Principal:
        if principal.role not in allowed:
            raise Forbidden(
                Text(
                    f"{principal.role.value} 角色无权执行此操作。",
                    f"This operation is not open to the {principal.role.value} role.",
                )
            )
        if scope is not None:
            require_scope(principal, scope)
        return principal

    return dependency


def require_scope(principal: Principal, scope: Scope) -> None:
    """403 `insufficient_scope` naming the scope when a client token lacks it; a person's token passes."""
    if principal.scopes is not None and scope.value not in principal.scopes:
        raise Forbidden(
            Text(f"此令牌缺少权限范围 {scope.value}。", f"The token lacks the scope {scope.value}."),
            kind=ProblemKind.insufficient_scope,
        )


AdminDep = Annotated[Principal, Depends(allow(Role.admin))]
InternalDep = Annotated[Principal, Depends(allow(Role.internal))]

"""JWT tokens and the caller's identity: who is calling, in which role, for which organisation."""

import time
import uuid
from enum import StrEnum
from typing import Annotated, Any

import jwt
from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from pydantic import BaseModel

from services.common.problems import Forbidden, Invalid, Unauthorized
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


class Role(StrEnum):
    admin = "admin"
    officer = "officer"
    enterprise = "enterprise"
    bank = "bank"
    internal = "internal"  # another Kuaiban process making an internal call, never a person


class Principal(BaseModel):
    """The verified caller, read from the token's claims."""

    subject: str
    username: str
    role: Role
    department: str | None = None
    enterprise_id: uuid.UUID | None = None
    bank_id: uuid.UUID | None = None
    token_version: int = 0  # the account's version when the token was issued: a newer one revokes it
    expires_at: int = 0


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
    for claim in ("department", "enterprise_id", "bank_id"):
        value = getattr(principal, claim)
        if value is not None:
            claims[claim] = str(value)
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
        """The caller of a raw ASGI request, from its `Authorization: Bearer` header; 401 otherwise."""
        for name, value in scope["headers"]:
            if name == b"authorization":
                scheme, _, token = value.decode("latin-1").partition(" ")
                if scheme.lower() == "bearer" and token:
                    return self.verify(token)
                break
        raise Unauthorized(BAD_TOKEN)


# Declared as OAuth2's password flow so the docs' Authorize dialog asks for a username and password and
# calls /auth/token itself; the token still arrives as `Authorization: Bearer <token>`.
_bearer = OAuth2PasswordBearer(
    tokenUrl="/auth/token", auto_error=False, description="Log in with a username and password at POST /auth/token"
)


async def current_principal(request: Request, token: Annotated[str | None, Depends(_bearer)]) -> Principal:
    if not token:  # no header, another scheme, or `Bearer` without a token
        raise Unauthorized(BAD_TOKEN)
    if request.scope.get("state", {}).get(REVOKED_TOKEN):
        raise Unauthorized(REVOKED)
    return request.app.state.runtime.verifier.verify(token)


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


def allow(*roles: Role):
    """A dependency that lets only the given roles through (403 otherwise); each `policy.py` names its gates."""
    allowed = frozenset(roles)

    async def dependency(principal: PrincipalDep) -> Principal:
        if principal.role not in allowed:
            raise Forbidden(
                Text(
                    f"{principal.role.value} 角色无权执行此操作。",
                    f"This operation is not open to the {principal.role.value} role.",
                )
            )
        return principal

    return dependency


AdminDep = Annotated[Principal, Depends(allow(Role.admin))]
InternalDep = Annotated[Principal, Depends(allow(Role.internal))]

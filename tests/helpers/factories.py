"""Realistic test data from 濉溪县: enterprises, loan products, tokens (good and bad), request bodies."""

import base64
import json
import secrets
import time
import uuid
from datetime import date, timedelta

import jwt

from services.common.auth import Principal, Role, issue_token
from services.intake.uscc import random_uscc

JWT_SECRET = "test-secret-" + "k" * 40
ADMIN_PASSWORD = "admin-password-for-tests"
OTHER_SECRET = "another-secret-of-enough-length-0123456789"  # a key the gateway does not sign with


ACCOUNT_PASSWORD = "long-enough-pw"  # what the in-process tests give the accounts they create


def unique_name(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(4)}"


def enterprise_payload(**overrides) -> dict:
    payload = {
        "uscc": random_uscc(),
        "name": f"濉溪县测试铝业{secrets.token_hex(3)}有限公司",
        "industry": "C",
        "town": "濉溪镇",
        "established_on": "2018-05-20",
        "employees": 120,
        "annual_revenue_yuan": 35_000_000,
        "credit_rating": "A",
        "key_enterprise": True,
    }
    payload.update(overrides)
    return payload


def product_body(today: date, town: str | None = None, **overrides) -> dict:
    """A bank's loan product: an eligible baseline for the enterprises of `enterprise_payload` asking 300 万 for
    24 months on credit, valid for a year from `today`."""
    body = {
        "name": unique_name("科技贷"),
        "min_amount_yuan": 1_000_000,
        "max_amount_yuan": 10_000_000,
        "annual_rate_pct_min": 3.5,
        "annual_rate_pct_max": 5.5,
        "term_months_min": 12,
        "term_months_max": 36,
        "collateral_types": ["credit"],
        "industries": ["C"],
        "towns": [town] if town else [],
        "min_years_in_business": 3,
        "min_annual_revenue_yuan": 10_000_000,
        "accepted_credit_ratings": ["A", "B"],
        "valid_until": (today + timedelta(days=365)).isoformat(),
    }
    body.update(overrides)
    return body


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def headers_for(role: str, *, username: str | None = None, subject: str | None = None, **claims) -> dict[str, str]:
    """Auth headers of a principal as the gateway would issue them (role, department, enterprise_id, bank_id)."""
    principal = Principal(
        subject=subject or str(uuid.uuid4()),
        username=username or unique_name(role),
        role=Role(role),
        **claims,
    )
    return bearer(issue_token(JWT_SECRET, principal, ttl_seconds=600))


ADMIN = headers_for("admin", username="admin")  # the bootstrap admin, as the gateway names it


def _admin_claims(**changes) -> dict:
    now = int(time.time())
    claims = {"iss": "kuaiban", "aud": "kuaiban", "iat": now, "nbf": now, "exp": now + 600, "sub": "x", "role": "admin"}
    return {**claims, **changes}


def forged_token(claims: dict | None = None, *, secret: str = JWT_SECRET, algorithm: str = "HS256") -> str:
    """A token made by hand: an admin's claims as the gateway issues them, valid for ten minutes, changed by
    `claims`, signed with `secret` (the tests' own by default)."""
    return jwt.encode(_admin_claims(**(claims or {})), secret, algorithm=algorithm)


def alg_none_token() -> str:
    """An admin's token, valid in every claim, but unsigned (`alg: none`)."""

    def part(obj: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip("=")

    return f"{part({'alg': 'none', 'typ': 'JWT'})}.{part(_admin_claims())}."


def bad_tokens() -> dict[str, str]:
    """Bearer tokens every service path must refuse with 401, by what is wrong with them; made at the call, so
    that nothing else (a lifetime run out during a long session) is wrong with them."""
    now = int(time.time())
    return {
        "forged": forged_token(secret=OTHER_SECRET),
        "expired": forged_token({"iat": now - 7200, "nbf": now - 7200, "exp": now - 60}),
        "alg_none": alg_none_token(),
        "garbage": "not.a.token",
        "wrong_audience": forged_token({"aud": "someone-else"}),
        "wrong_issuer": forged_token({"iss": "someone-else"}),
    }

"""Realistic test data from 濉溪县: enterprises, tokens, request bodies."""

import secrets
import uuid

from services.common.auth import Principal, Role, issue_token
from services.intake.uscc import check_character

JWT_SECRET = "test-secret-" + "k" * 40
ADMIN_PASSWORD = "admin-password-for-tests"


def unique_name(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(4)}"


def make_uscc(*, division: str = "340621") -> str:
    """A valid USCC with a random organisation code (濉溪县 division code by default)."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body = "91" + division + "".join(secrets.choice(alphabet) for _ in range(9))
    return body + check_character(body)


def enterprise_payload(**overrides) -> dict:
    payload = {
        "uscc": make_uscc(),
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

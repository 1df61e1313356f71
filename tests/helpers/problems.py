"""Assertions on answers every test makes: problem+json errors, the edge's security headers."""

import httpx

PROBLEM = "application/problem+json"


def assert_problem(response: httpx.Response, status: int) -> dict:
    """A problem+json answer with this status, a type, a title and a detail, and no stack trace."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["status"] == status
    assert body["title"] and body["detail"] and body["type"]
    assert "Traceback" not in response.text
    return body


def assert_security_headers(response: httpx.Response) -> None:
    """The headers the gateway's edge puts on every answer, and no `server` header naming the software."""
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert response.headers["cache-control"] == "no-store"
    assert "server" not in response.headers

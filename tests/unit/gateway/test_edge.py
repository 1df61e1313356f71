"""The edge's pure parts: which security headers an answer gets, and the per-caller rate limit."""

from gateway.config import SECURITY_HEADERS
from gateway.edge import RateLimiter, response_headers


def test_every_answer_gets_security_headers_and_the_docs_page_a_looser_csp():
    api = dict(response_headers("/intake/enterprises"))
    docs = dict(response_headers("/docs"))
    for name, value in SECURITY_HEADERS:
        assert api[name] == value and docs[name] == value
    assert api[b"content-security-policy"].startswith(b"default-src 'none'")
    assert b"script-src" in docs[b"content-security-policy"]
    assert api[b"cache-control"] == docs[b"cache-control"] == b"no-store"


async def test_rate_limit_counts_each_caller_on_its_own():
    limiter = RateLimiter(3, "memory://")
    assert [await limiter.retry_after("sub:a") for _ in range(3)] == [None, None, None]
    wait = await limiter.retry_after("sub:a")
    assert wait is not None and 1 <= wait <= 60
    assert await limiter.retry_after("sub:b") is None  # another caller has its own budget

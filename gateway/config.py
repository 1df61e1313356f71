"""Gateway constants: which prefixes go to which service, and what the edge adds to responses."""

NAME = "gateway"
TITLE = "Kuaiban API"
DESCRIPTION = (
    "Kuaiban (快办): single-window intake of enterprise requests, parallel approval of service matters, "
    "and bank-enterprise financing matchmaking. Log in with `POST /auth/token`, then send "
    "`Authorization: Bearer <token>`."
)
ROUTES = {"intake": "intake", "approval": "approval", "finance": "finance"}  # first path segment -> service
UNLIMITED_PATHS = frozenset({"/healthz"})
OPENAPI_CACHE_SECONDS = 30.0
HEALTH_TIMEOUT_SECONDS = 2.0
PASSWORD_MIN_LENGTH = 10

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
API_CSP = (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'")
DOCS_CSP = (
    b"content-security-policy",
    b"default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    b"style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: https:; "
    b"frame-ancestors 'none'",
)

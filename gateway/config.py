"""Gateway constants: which prefixes go to which service, and what the edge adds to responses."""

NAME = "gateway"
TITLE = "Kuaiban API"
DESCRIPTION = (
    "Kuaiban (快办): single-window intake of enterprise requests, parallel approval of service matters, "
    "and bank-enterprise financing matchmaking. Log in with `POST /auth/token`, then send "
    "`Authorization: Bearer <token>`."
)
ROUTES = {"intake": "intake", "approval": "approval", "finance": "finance"}  # first path segment -> service
UNLIMITED_PATHS = frozenset({"/healthz", "/livez", "/readyz", "/metrics"})  # probes and scrapes
OPENAPI_CACHE_SECONDS = 30.0
HEALTH_TIMEOUT_SECONDS = 2.0
STATS_TIMEOUT_SECONDS = 5.0  # /public/stats asks each service for its figures
PUBLIC_STATS_CACHE_SECONDS = 60.0
PASSWORD_MIN_LENGTH = 10

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
API_CSP = (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'")
# The docs pages (services.common.docs) load everything from the gateway itself: no CDN, no inline script,
# no 'unsafe-inline'. ReDoc writes two kinds of <style> element, allowed by hash: empty ones its
# styled-components then fill through the CSSOM (which CSP does not govern), and its bundled
# perfect-scrollbar stylesheet (fastapi-offline==1.7.7's ReDoc; the browser test fails if a new one differs).
# `data:` images are Swagger UI's inline SVG icons in its stylesheet; ReDoc's search runs in a worker its
# own script makes from a `blob:` URL. Neither is a request leaving the machine.
DOCS_PAGES = frozenset({"/docs", "/redoc"})
DOCS_FILES_PREFIX = "/docs/"  # the pages' scripts, styles and icons
EMPTY_STYLE_SHA256 = b"'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
REDOC_SCROLLBAR_STYLE_SHA256 = b"'sha256-QMIg+bpjm3JdElJ388KYke01izlUW0UoNOeKjpMxdgc='"
DOCS_CSP = (
    b"content-security-policy",
    b"; ".join(
        [
            b"default-src 'none'",
            b"script-src 'self'",
            b"style-src 'self' " + EMPTY_STYLE_SHA256 + b" " + REDOC_SCROLLBAR_STYLE_SHA256,
            b"img-src 'self' data:",
            b"font-src 'self'",
            b"connect-src 'self'",
            b"worker-src blob:",
            b"base-uri 'none'",
            b"form-action 'none'",
            b"frame-ancestors 'none'",
        ]
    ),
)

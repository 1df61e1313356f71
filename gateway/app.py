"""The gateway's ASGI app: the edge in front of the gateway's own FastAPI app."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from gateway import config, dashboard, routes, service
from gateway.clients import GatewayRuntime
from gateway.edge import Edge, response_headers
from gateway.models import IdentityIdempotency
from gateway.proxy import Proxy
from services.common import tracing
from services.common.app import create_app, pool_of
from services.common.docs import docs_router
from services.common.logs import RequestIdMiddleware, peer_address
from services.common.metrics import UNMATCHED, MetricsMiddleware


@asynccontextmanager
async def bootstrap_admin(runtime: GatewayRuntime) -> AsyncIterator[None]:
    """The `admin` account has the configured password before the first request."""
    async with runtime.sessions.begin() as session:
        await service.ensure_admin(session, password=runtime.settings.admin_password, passwords=runtime.passwords)
    yield


@asynccontextmanager
async def start_edge(runtime: GatewayRuntime) -> AsyncIterator[None]:
    """One pooled proxy for the process's lifetime, closed at shutdown."""
    settings = runtime.settings
    proxy = Proxy(
        {name: settings.service_urls(name) for name in config.ROUTES.values()},
        timeout_seconds=settings.upstream_timeout_seconds,
    )
    edge.start(settings, proxy, runtime.verifier, runtime.access)
    try:
        yield
    finally:
        await proxy.close()


api = create_app(
    name=config.NAME,
    title=config.TITLE,
    description=config.DESCRIPTION,
    routers=[
        routes.router,
        routes.open_data,
        routes.internal,
        routes.audit,
        docs_router(title=config.TITLE),
        dashboard.router,
    ],
    hooks=[bootstrap_admin, start_edge],
    runtime_class=GatewayRuntime,
    request_ids=False,
    idempotency=IdentityIdempotency,
    health_route=False,
    traced=False,
    openapi_url=None,  # routes.py serves the merged document there instead
)
edge = Edge(api)


def forwarded_route(path: str) -> str:
    """The metrics label of a forwarded request: its service's prefix (the gateway knows no route templates)."""
    segment = path.split("/", 2)[1] if path.count("/") else ""
    return f"/{segment}/*" if segment in config.ROUTES else UNMATCHED


# Traced outermost: every request, forwarded or the gateway's own, starts (or continues) its trace here, and its
# access line carries the trace id.
app = tracing.TracedEdge(
    RequestIdMiddleware(
        MetricsMiddleware(edge, service=config.NAME, pool=lambda: pool_of(api), unrouted=forwarded_route),
        extra_headers=response_headers,
        client=peer_address,  # the access line's client: the TCP peer (a caller's own X-Forwarded-For is not believed)
    )
)

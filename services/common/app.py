"""The app factory every service (and the gateway) calls once, and the typed runtime it builds.

`Runtime` is everything a process holds for its lifetime: settings, token verifier, database engine and
sessions, the internal-call client and the clock. The lifespan builds it (never at import), stores it as
the one attribute `app.state.runtime`, and routes reach it through dependencies (`SessionDep`, `NowDep`,
the typed clients of `clients.py`). A service with more to hold subclasses `Runtime` in its `clients.py`.
Tests build a runtime themselves and set it before the app starts; the lifespan then keeps theirs.
"""

import asyncio
import functools
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, TypeVar

from alembic.config import Config as AlembicConfig
from alembic.script import ScriptDirectory
from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import literal_column, text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import select
from starlette.responses import Response

from services.common import tracing
from services.common.auth import TokenVerifier
from services.common.db import Sessions, create_engine, create_sessionmaker
from services.common.idempotency import IdempotencyRecord
from services.common.internal import InternalHttp
from services.common.logs import RequestIdMiddleware
from services.common.metrics import Gauges, MetricsMiddleware, exposition, process_ended
from services.common.models import utcnow
from services.common.openapi import problem_openapi
from services.common.problems import install_problem_handlers, problem_response
from services.common.serve import follow_worker_parent
from services.common.settings import Settings
from services.common.storage import Documents
from services.common.texts import Text
from services.common.unit_of_work import UnitOfWork

HEALTH_TIMEOUT_SECONDS = 2.0


@dataclass(eq=False)
class Runtime:
    """What one process holds for its lifetime."""

    name: str
    settings: Settings
    verifier: TokenVerifier
    engine: AsyncEngine
    sessions: Sessions
    internal: InternalHttp
    clock: Callable[[], datetime] = utcnow
    read_sessions: Sessions | None = None  # on the read replica, when there is one (`ReadSessionDep`)

    @classmethod
    def build(cls, name: str, settings: Settings, **overrides: Any) -> "Runtime":
        """A runtime from settings alone; tests override `engine`, `sessions`, `internal` or `clock`."""
        engine = overrides.pop("engine", None) or create_engine(settings, application_name=name)
        if settings.database_read_url and "read_sessions" not in overrides:
            replica = create_engine(settings, application_name=f"{name}-read", url=settings.database_read_url)
            overrides["read_sessions"] = create_sessionmaker(replica)
        return cls(
            name=name,
            settings=settings,
            verifier=TokenVerifier(settings.jwt_secret),
            engine=engine,
            sessions=overrides.pop("sessions", None) or create_sessionmaker(engine),
            internal=overrides.pop("internal", None) or InternalHttp(settings, caller=name),
            **overrides,
        )

    @functools.cached_property
    def documents(self) -> Documents:
        """The document store with the upload rules, under this service's own folder of keys (a test may set it)."""
        return Documents.from_settings(self.settings, namespace=self.name)

    async def aclose(self) -> None:
        await self.internal.aclose()
        await self.engine.dispose()
        if self.read_sessions is not None:
            await self.read_sessions.kw["bind"].dispose()


R = TypeVar("R", bound=Runtime)
LifespanHook = Callable[[Any], AbstractAsyncContextManager[None]]


def runtime_of(request: Request) -> Runtime:
    return request.app.state.runtime


RuntimeDep = Annotated[Runtime, Depends(runtime_of)]


def create_app(
    *,
    name: str,
    title: str,
    description: str = "",
    routers: Sequence[APIRouter] = (),
    hooks: Sequence[LifespanHook] = (),
    runtime_class: type[Runtime] = Runtime,
    request_ids: bool = True,
    idempotency: type[IdempotencyRecord] | None = None,
    health_route: bool = True,
    gauges: Sequence[Gauges] = (),
    traced: bool = True,
    **fastapi_options: Any,
) -> FastAPI:
    """Build an app. Its runtime comes from the environment at start-up unless a test set one."""
    # No docs pages of FastAPI's own (they load Swagger UI from a CDN): the gateway serves the offline
    # ones (services.common.docs) for the merged document; a service is not reached by people directly.
    app = FastAPI(
        title=title,
        description=description,
        version="0.1.0",
        lifespan=_lifespan(name, runtime_class, hooks, traced),
        docs_url=None,
        redoc_url=None,
        **fastapi_options,
    )
    install_problem_handlers(app)
    app.add_middleware(UnitOfWork, keys=idempotency.__table__ if idempotency is not None else None)  # type: ignore[attr-defined]
    if request_ids:  # the gateway counts and assigns ids at its edge instead
        app.add_middleware(MetricsMiddleware, service=name, pool=lambda: pool_of(app))
        app.add_middleware(RequestIdMiddleware)
    if health_route:
        app.add_api_route("/healthz", _health(name), methods=["GET"], include_in_schema=False)
        app.add_api_route("/metrics", _metrics(gauges), methods=["GET"], include_in_schema=False)
    app.add_api_route("/livez", livez, methods=["GET"], include_in_schema=False)
    app.add_api_route("/readyz", _readyz(name), methods=["GET"], include_in_schema=False)
    for router in routers:
        app.include_router(router)
    app.openapi = lambda: problem_openapi(app)  # type: ignore[method-assign]
    if traced:  # the gateway traces at its edge instead, where every request passes
        app.add_middleware(tracing.TraceContext)  # outermost: the access line and every call carry the trace
    return app


def _lifespan(name: str, runtime_class: type[Runtime], hooks: Sequence[LifespanHook], traced: bool):
    """Build the runtime (unless a test set one), run the hooks around the app's life, then close it."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        follow_worker_parent()
        runtime = getattr(app.state, "runtime", None)
        owned = runtime is None
        if owned:
            if tracing.start(name) and traced:  # before the runtime: its engine and clients are instrumented
                tracing.instrument_app(app)
            runtime = runtime_class.build(name, Settings().require())
            app.state.runtime = runtime
        try:
            async with AsyncExitStack() as stack:
                for hook in hooks:
                    await stack.enter_async_context(hook(runtime))
                yield
        finally:
            process_ended()
            tracing.shutdown()
            if owned:
                await runtime.aclose()
                del app.state.runtime

    return lifespan


def untraced_probe(probe: Callable[..., Any]) -> Callable[..., Any]:
    """A probe's database check makes no spans: probes every few seconds are not work worth a trace."""

    @functools.wraps(probe)
    async def wrapped(*args: Any, **kwargs: Any) -> Any:
        with tracing.untraced():
            return await probe(*args, **kwargs)

    return wrapped


def pool_of(app: FastAPI) -> Any:
    """The app's database pool once its runtime is built (the metrics sample it), else None."""
    runtime = getattr(app.state, "runtime", None)
    return runtime.engine.pool if runtime is not None else None


async def livez() -> JSONResponse:
    """The process runs and answers: what a liveness probe asks (nothing else, or a slow database would
    get healthy processes restarted)."""
    return JSONResponse({"status": "ok"})


async def _database_version(runtime: Runtime) -> str | None:
    """The migration the database holds, read within `HEALTH_TIMEOUT_SECONDS`; raises when it does not answer."""
    async with runtime.sessions() as session:
        query = select(literal_column("version_num")).select_from(text("public.alembic_version"))
        found = await asyncio.wait_for(session.exec(query), HEALTH_TIMEOUT_SECONDS)
        return found.one_or_none()


def _unreachable(name: str) -> Response:
    return problem_response(
        503, Text(f"{name} 服务无法连接其数据库。", f"The {name} service cannot reach its database.")
    )


def _readyz(name: str):
    """`GET /readyz`: the process can serve: its database answers and holds the migrations this code expects."""

    @untraced_probe
    async def readyz(runtime: RuntimeDep) -> Response:
        try:
            version = await _database_version(runtime)
        except Exception:
            return _unreachable(name)
        expected = migrations_head()
        if expected is not None and version != expected and version in known_migrations():
            # behind this code (a migration it needs has not run); a database ahead of it, at a revision this
            # code does not know, is a newer release's: an old pod keeps serving through a rolling upgrade
            detail = Text(
                f"数据库迁移版本为 {version}，本程序需要 {expected}。",
                f"The database is at migration {version}; this code needs {expected}.",
            )
            return problem_response(503, detail)
        return JSONResponse({"status": "ok", "service": name, "migration": version})

    return readyz


@functools.cache
def _migrations() -> ScriptDirectory | None:
    """The migrations this code ships (None where `migrations/` is not beside it: readiness then checks the
    database only). The image has them in its working directory, a checkout at the repository root."""
    for root in (Path.cwd(), Path(__file__).resolve().parents[2]):
        if (root / "alembic.ini").is_file() and (root / "migrations" / "versions").is_dir():
            return ScriptDirectory.from_config(AlembicConfig(str(root / "alembic.ini")))
    return None


def migrations_head() -> str | None:
    scripts = _migrations()
    return scripts.get_current_head() if scripts is not None else None


@functools.cache
def known_migrations() -> frozenset[str]:
    scripts = _migrations()
    return frozenset(script.revision for script in scripts.walk_revisions()) if scripts is not None else frozenset()


def _metrics(gauges: Sequence[Gauges]):
    """`GET /metrics` of a service: on its own port only (the gateway routes no such path to it)."""

    async def metrics(runtime: RuntimeDep) -> Response:
        return await exposition(runtime.read_sessions or runtime.sessions, gauges)

    return metrics


def _health(name: str):
    """`GET /healthz` of a service: ok when its database answers in time."""

    @untraced_probe
    async def healthz(runtime: RuntimeDep) -> Response:
        try:  # its own connection: the gateway asks every service at once (in process, on one test connection)
            async with runtime.engine.connect() as conn:
                await asyncio.wait_for(conn.execute(text("SELECT 1")), HEALTH_TIMEOUT_SECONDS)
        except Exception:
            return _unreachable(name)
        return JSONResponse({"status": "ok", "service": name})

    return healthz

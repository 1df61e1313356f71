"""The app factory every service calls once: lifespan-built engine and client, health, problems, ids."""

import asyncio
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from sqlalchemy import text
from starlette.responses import Response

from services.common.auth import TokenVerifier
from services.common.db import create_engine, create_sessionmaker
from services.common.http import ServiceClient
from services.common.idempotency import IdempotencyMiddleware, IdempotencyRecord
from services.common.logs import RequestIdMiddleware
from services.common.problems import (
    PROBLEM_MEDIA_TYPE,
    FieldError,
    Problem,
    install_problem_handlers,
    problem_response,
)
from services.common.settings import Settings

LifespanHook = Callable[[FastAPI], AbstractAsyncContextManager[None]]
HEALTH_TIMEOUT_SECONDS = 2.0


def create_app(
    *,
    name: str,
    title: str,
    description: str = "",
    routers: Sequence[APIRouter] = (),
    hooks: Sequence[LifespanHook] = (),
    settings: Settings | None = None,
    request_ids: bool = True,
    idempotency: type[IdempotencyRecord] | None = None,
    health_route: bool = True,
    **fastapi_options: Any,
) -> FastAPI:
    """Build a service app. Settings come from the environment at start-up unless given (tests)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        preset = getattr(app.state, "settings", None)  # tests set it before starting the app
        app.state.settings = (settings or preset or Settings()).require()
        app.state.verifier = TokenVerifier(app.state.settings.jwt_secret)
        app.state.engine = create_engine(app.state.settings, application_name=name)
        app.state.sessionmaker = create_sessionmaker(app.state.engine)
        app.state.services = ServiceClient(app.state.settings, caller=name)
        try:
            async with AsyncExitStack() as stack:
                for hook in hooks:
                    await stack.enter_async_context(hook(app))
                yield
        finally:
            await app.state.services.aclose()
            await app.state.engine.dispose()

    app = FastAPI(
        title=title,
        description=description,
        version="0.1.0",
        lifespan=lifespan,
        **fastapi_options,
    )
    app.state.service_name = name
    install_problem_handlers(app)
    if idempotency is not None:  # inside the request-id middleware, so replays carry the id too
        app.add_middleware(IdempotencyMiddleware, model=idempotency)
    if request_ids:  # the gateway assigns ids at its edge instead
        app.add_middleware(RequestIdMiddleware)

    if health_route:

        @app.get("/healthz", include_in_schema=False)
        async def healthz() -> Response:
            try:
                async with app.state.engine.connect() as conn:
                    await asyncio.wait_for(conn.execute(text("SELECT 1")), HEALTH_TIMEOUT_SECONDS)
            except Exception:
                return problem_response(503, f"The {name} service cannot reach its database.")
            return JSONResponse({"status": "ok", "service": name})

    for router in routers:
        app.include_router(router)
    app.openapi = lambda: problem_openapi(app)  # type: ignore[method-assign]
    return app


def problem_openapi(app: FastAPI) -> dict[str, Any]:
    """OpenAPI with every 422 (and declared error) described as problem+json."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    schemas = schema.setdefault("components", {}).setdefault("schemas", {})
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    schemas["Problem"] = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas["Problem"].pop("$defs", None)
    schemas["FieldError"] = FieldError.model_json_schema()
    problem_ref = {"schema": {"$ref": "#/components/schemas/Problem"}}
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.get("responses", {})
            if "422" in responses:
                responses["422"] = {"description": "Validation error", "content": {PROBLEM_MEDIA_TYPE: problem_ref}}
    app.openapi_schema = schema
    return schema

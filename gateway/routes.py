"""The gateway's own endpoints: tokens, accounts, health, the merged OpenAPI and its docs page."""

import asyncio
import time
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.security import OAuth2PasswordRequestForm

from gateway import clients, service
from gateway.config import OPENAPI_CACHE_SECONDS, ROUTES, TITLE
from gateway.schemas import AccountCreate, AccountRead, Health, TokenResponse
from services.common.auth import AdminDep, PrincipalDep, ServiceDep
from services.common.db import SessionDep
from services.common.problems import problem_responses

router = APIRouter(tags=["auth"])
internal = APIRouter(prefix="/internal/identity", include_in_schema=False)


@router.post(
    "/auth/token",
    response_model=TokenResponse,
    responses=problem_responses(401, 422),
    summary="Log in (OAuth2 password flow)",
)
async def token(form: Annotated[OAuth2PasswordRequestForm, Depends()], session: SessionDep, request: Request):
    settings = request.app.state.settings
    access_token, account = await service.login(
        session,
        username=form.username,
        password=form.password,
        secret=settings.jwt_secret,
        ttl=settings.token_ttl_seconds,
    )
    return TokenResponse(access_token=access_token, expires_in=settings.token_ttl_seconds, role=account.role)


@router.post(
    "/auth/accounts",
    status_code=201,
    response_model=AccountRead,
    responses=problem_responses(403, 409, 422, 503),
    summary="Create an account (admin)",
)
async def create_account(body: AccountCreate, session: SessionDep, request: Request, _: AdminDep):
    if body.enterprise_id is not None:
        await clients.require_enterprise(request.app.state.services, body.enterprise_id)
    if body.bank_id is not None:
        await clients.require_bank(request.app.state.services, body.bank_id)
    return await service.create_account(session, data=body)


@router.get("/auth/me", response_model=AccountRead, responses=problem_responses(401), summary="The caller's account")
async def me(principal: PrincipalDep, session: SessionDep):
    return await service.current_account(session, principal=principal)


@router.get("/healthz", response_model=Health, tags=["health"], summary="Health of every service")
async def healthz(request: Request):
    client = request.app.state.services
    services = await service.health({name: clients.service_health(client, name) for name in ROUTES.values()})
    healthy = all(state == "ok" for state in services.values())
    body = {"status": "ok" if healthy else "degraded", "services": services}
    return JSONResponse(body, status_code=200 if healthy else 503)


@router.get("/openapi.json", include_in_schema=False)
async def openapi(request: Request) -> JSONResponse:
    app = request.app
    cached: tuple[float, dict[str, Any]] | None = getattr(app.state, "merged_openapi", None)
    if cached and time.monotonic() - cached[0] < OPENAPI_CACHE_SECONDS:
        return JSONResponse(cached[1])
    names = list(ROUTES.values())
    fetched = await asyncio.gather(*(clients.service_openapi(app.state.services, name) for name in names))
    docs = dict(zip(names, fetched, strict=True))
    merged = service.merge_openapi(app.openapi(), {k: v for k, v in docs.items() if v is not None})
    if all(doc is not None for doc in docs.values()):
        app.state.merged_openapi = (time.monotonic(), merged)
    return JSONResponse(merged)


@router.get("/docs", include_in_schema=False)
async def docs() -> HTMLResponse:
    return get_swagger_ui_html(openapi_url="/openapi.json", title=f"{TITLE} — docs")


@internal.get("/accounts/{username}", response_model=AccountRead)
async def account_by_username(username: str, session: SessionDep, _: ServiceDep):
    """For services that must check an account, e.g. intake assigning a liaison officer."""
    return await service.account_by_username(session, username=username)

"""The gateway's own endpoints: tokens, accounts, health, the merged OpenAPI and its docs page."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.security import OAuth2PasswordRequestForm

from gateway import contract, service
from gateway.clients import GatewayRuntimeDep, RegistryDep, ServicesDep
from gateway.config import TITLE
from gateway.schemas import AccountCreate, AccountRead, Health, TokenResponse
from services.common.auth import AdminDep, InternalDep, PrincipalDep
from services.common.db import SessionDep
from services.common.problems import problem_responses

router = APIRouter(tags=["auth"])
internal = APIRouter(include_in_schema=False)  # internal calls only: the edge answers /internal to services alone


@router.post(
    "/auth/token",
    response_model=TokenResponse,
    responses=problem_responses(401, 422),
    summary="Log in (OAuth2 password flow)",
)
async def token(form: Annotated[OAuth2PasswordRequestForm, Depends()], session: SessionDep, runtime: GatewayRuntimeDep):
    settings = runtime.settings
    access_token, account = await service.login(
        session,
        username=form.username,
        password=form.password,
        passwords=runtime.passwords,
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
async def create_account(
    body: AccountCreate, session: SessionDep, registry: RegistryDep, runtime: GatewayRuntimeDep, _: AdminDep
):
    return await service.create_account(session, data=body, registry=registry, passwords=runtime.passwords)


@router.get("/auth/me", response_model=AccountRead, responses=problem_responses(401), summary="The caller's account")
async def me(principal: PrincipalDep, session: SessionDep):
    return await service.current_account(session, principal=principal)


@router.get(
    "/healthz",
    response_model=Health,
    responses={503: {"model": Health, "description": "At least one service is down (`degraded`)"}},
    tags=["health"],
    summary="Health of every service",
)
async def healthz(services: ServicesDep):
    states = await service.health(services)
    healthy = all(state == "ok" for state in states.values())
    body = {"status": "ok" if healthy else "degraded", "services": states}
    return JSONResponse(body, status_code=200 if healthy else 503)


@router.get("/openapi.json", include_in_schema=False)
async def openapi(request: Request, runtime: GatewayRuntimeDep, services: ServicesDep) -> JSONResponse:
    return JSONResponse(await service.merged_openapi(runtime, services, request.app.openapi()))


@router.get("/docs", include_in_schema=False)
async def docs() -> HTMLResponse:
    return get_swagger_ui_html(openapi_url="/openapi.json", title=f"{TITLE} — docs")


@internal.get(contract.ACCOUNT_PATH, response_model=contract.AccountRef)
async def account_by_username(username: str, session: SessionDep, _: InternalDep):
    """For services that must check an account, e.g. intake assigning a liaison officer."""
    return await service.account_by_username(session, username=username)

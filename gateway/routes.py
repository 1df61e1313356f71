"""The gateway's own endpoints: tokens, accounts, health and the merged OpenAPI (the docs pages: `docs.py`)."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, Response
from fastapi.responses import JSONResponse
from fastapi.security import OAuth2PasswordRequestForm

from gateway import contract, service
from gateway.clients import GatewayRuntimeDep, RegistryDep, ServicesDep
from gateway.models import IdentityAudit
from gateway.schemas import AccountCreate, AccountRead, AccountUpdate, Health, PasswordChange, TokenResponse
from services.common.audit import audit_routes
from services.common.auth import AdminDep, InternalDep, PrincipalDep
from services.common.clock import NowDep
from services.common.db import SessionDep
from services.common.openapi import created
from services.common.problems import problem_responses
from services.common.schemas import NoNul

router = APIRouter(tags=["auth"])
audit = audit_routes("/auth", IdentityAudit, tag="auth")
internal = APIRouter(include_in_schema=False)  # internal calls only: the edge answers /internal to services alone


class LoginForm(OAuth2PasswordRequestForm):
    """OAuth2's password form with the same fields, but a NUL in the username or password is 422 naming the
    field (PostgreSQL cannot compare text with a NUL, so the lookup would fail)."""

    def __init__(
        self,
        *,
        grant_type: Annotated[str | None, Form(pattern="^password$")] = None,
        username: Annotated[str, NoNul, Form()],
        password: Annotated[str, NoNul, Form(json_schema_extra={"format": "password"})],
        scope: Annotated[str, Form()] = "",
        client_id: Annotated[str | None, Form()] = None,
        client_secret: Annotated[str | None, Form(json_schema_extra={"format": "password"})] = None,
    ) -> None:
        super().__init__(
            grant_type=grant_type,
            username=username,
            password=password,
            scope=scope,
            client_id=client_id,
            client_secret=client_secret,
        )


@router.post(
    "/auth/token",
    operation_id="login",
    description=(
        "用用户名和密码登录（OAuth2 password flow），得到访问令牌；之后以 `Authorization: Bearer <token>` 调用。"
        "同一用户名或同一地址连续登录失败过多时，一分钟内答复 429（带 Retry-After）。"
    ),
    response_model=TokenResponse,
    responses=problem_responses(401, 422, 429),
    summary="Log in (OAuth2 password flow)",
)
async def token(
    form: Annotated[LoginForm, Depends()], request: Request, session: SessionDep, runtime: GatewayRuntimeDep
):
    settings = runtime.settings
    access_token, account = await service.login(
        session,
        username=form.username,
        password=form.password,
        client=request.client.host if request.client else "-",
        passwords=runtime.passwords,
        throttle=runtime.login_throttle,
        secret=settings.jwt_secret,
        ttl=settings.token_ttl_seconds,
    )
    return TokenResponse(access_token=access_token, expires_in=settings.token_ttl_seconds, role=account.role)


@router.post(
    "/auth/accounts",
    operation_id="createAccount",
    description=(
        "创建账号（管理员）。部门工作人员须填 `department`，企业账号须填已登记的 `enterprise_id`，"
        "银行账号须填已登记的 `bank_id`。"
    ),
    status_code=201,
    response_model=AccountRead,
    responses=problem_responses(403, 409, 422, 503),
    summary="Create an account (admin)",
)
async def create_account(
    body: AccountCreate,
    session: SessionDep,
    registry: RegistryDep,
    runtime: GatewayRuntimeDep,
    response: Response,
    _: AdminDep,
):
    account = await service.create_account(session, data=body, registry=registry, passwords=runtime.passwords)
    return created(response, "/auth/accounts", account)


@router.get(
    "/auth/accounts/{account_id}",
    operation_id="getAccount",
    description="按 id 查看一个账号（管理员）。",
    response_model=AccountRead,
    responses=problem_responses(403, 404),
    summary="One account (admin)",
)
async def get_account(account_id: uuid.UUID, session: SessionDep, _: AdminDep):
    return await service.account_by_id(session, account_id=account_id)


@router.patch(
    "/auth/accounts/{account_id}",
    operation_id="updateAccount",
    description="停用或启用账号，或变更其角色、部门、企业、银行（管理员）。此前签发的令牌随即失效"
    "（各处不迟于 `KUAIBAN_ACCESS_CHECK_SECONDS` 秒）。",
    response_model=AccountRead,
    responses=problem_responses(403, 404, 422, 503),
    summary="Change or disable an account (admin)",
)
async def update_account(
    account_id: uuid.UUID,
    body: AccountUpdate,
    session: SessionDep,
    registry: RegistryDep,
    runtime: GatewayRuntimeDep,
    now: NowDep,
    _: AdminDep,
):
    return await service.update_account(
        session, account_id=account_id, data=body, registry=registry, access=runtime.access, now=now
    )


@router.post(
    "/auth/password",
    operation_id="changePassword",
    description="调用方凭当前密码设置新密码；此前签发的令牌随即失效，请用新密码重新登录。",
    response_model=AccountRead,
    responses=problem_responses(401, 422),
    summary="Change the caller's password",
)
async def change_password(
    body: PasswordChange, principal: PrincipalDep, session: SessionDep, runtime: GatewayRuntimeDep, now: NowDep
):
    return await service.change_password(
        session, principal=principal, data=body, passwords=runtime.passwords, access=runtime.access, now=now
    )


@router.post(
    "/auth/logout",
    operation_id="logout",
    description="退出登录：调用方账号此前签发的所有令牌随即失效。",
    response_model=AccountRead,
    responses=problem_responses(401),
    summary="Log out (end the caller's tokens)",
)
async def logout(principal: PrincipalDep, session: SessionDep, runtime: GatewayRuntimeDep, now: NowDep):
    return await service.logout(session, principal=principal, access=runtime.access, now=now)


@router.get(
    "/auth/me",
    operation_id="getCurrentAccount",
    description="调用方自己的账号。",
    response_model=AccountRead,
    responses=problem_responses(401),
    summary="The caller's account",
)
async def me(principal: PrincipalDep, session: SessionDep):
    return await service.current_account(session, principal=principal)


@router.get(
    "/healthz",
    operation_id="getHealth",
    description="各服务的健康状况；有服务不可用时返回 503（`degraded`）。无需登录。",
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


@internal.get(contract.ACCOUNT_PATH, response_model=contract.AccountRef)
async def account_by_username(username: str, session: SessionDep, _: InternalDep):
    """For services that must check an account, e.g. intake assigning a liaison officer."""
    return await service.account_by_username(session, username=username)

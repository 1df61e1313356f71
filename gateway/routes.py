"""The gateway's own endpoints: tokens, accounts, banks' API clients, health and the merged OpenAPI (the docs
pages: `docs.py`)."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, Response
from fastapi.responses import JSONResponse

from gateway import contract, credentials, domain, public, service
from gateway.clients import GatewayRuntimeDep, RegistryDep, ServicesDep, StatsDep
from gateway.models import IdentityAudit
from gateway.schemas import (
    AccountCreate,
    AccountRead,
    AccountUpdate,
    ClientCreate,
    ClientPage,
    ClientRead,
    ClientRotate,
    ClientWithSecret,
    Health,
    PasswordChange,
    TokenResponse,
)
from services.common import tracing
from services.common.audit import audit_routes
from services.common.auth import AdminDep, InternalDep, PrincipalDep, Role
from services.common.clock import NowDep
from services.common.db import SessionDep
from services.common.metrics import exposition
from services.common.openapi import created
from services.common.pagination import PageDep, page_body
from services.common.problems import DomainError, Invalid, InvalidClient, ProblemKind, problem_responses
from services.common.schemas import NoNul
from services.common.texts import Text
from services.common.unit_of_work import shows_secret

router = APIRouter(tags=["auth"])
audit = audit_routes("/auth", IdentityAudit, tag="auth")
internal = APIRouter(include_in_schema=False)  # internal calls only: the edge answers /internal to services alone
open_data = APIRouter(tags=["public"])  # no login


FormText = Annotated[str, NoNul]  # PostgreSQL cannot compare text with a NUL: 422 naming the field instead
MISSING = Text("此项必填", "This field is required")


class TokenForm:
    """OAuth2's token request: the password grant (a person; the default) or the client-credentials grant (a
    bank's system, with HTTP Basic or these form fields). Unused fields of a grant are ignored."""

    def __init__(
        self,
        *,
        grant_type: Annotated[
            str | None,
            Form(max_length=64, description="`password` (a person; the default) or `client_credentials` (a system)"),
        ] = None,
        username: Annotated[FormText | None, Form(description="The password grant's username")] = None,
        password: Annotated[
            FormText | None, Form(description="The password grant's password", json_schema_extra={"format": "password"})
        ] = None,
        scope: Annotated[
            str, Form(max_length=500, description="client_credentials: scopes wanted, space-separated")
        ] = "",
        client_id: Annotated[FormText | None, Form(max_length=100)] = None,
        client_secret: Annotated[
            FormText | None, Form(max_length=200, json_schema_extra={"format": "password"})
        ] = None,
    ) -> None:
        self.grant_type = grant_type or "password"
        self.username = username
        self.password = password
        self.scope = scope
        self.client_id = client_id
        self.client_secret = client_secret


@router.post(
    "/auth/token",
    operation_id="login",
    description=(
        "用用户名和密码登录（OAuth2 password flow），得到访问令牌；之后以 `Authorization: Bearer <token>` 调用。"
        "同一用户名或同一地址连续登录失败过多时，一分钟内答复 429（带 Retry-After）。"
        "银行系统用 `grant_type=client_credentials`（RFC 6749 §4.4）以 API 客户端的 `client_id` 和 `client_secret`"
        "（HTTP Basic 或表单字段）换取短时令牌，可用 `scope` 缩小权限范围；"
        "客户端认证失败 401 `invalid_client`，超出客户端权限范围 400 `invalid_scope`，"
        "不支持的 `grant_type` 400 `unsupported_grant_type`。"
    ),
    response_model=TokenResponse,
    response_model_exclude_none=True,
    responses=problem_responses(400, 401, 422, 429),
    summary="Get a token: log in (password) or a bank system's client credentials",
)
async def token(
    form: Annotated[TokenForm, Depends()],
    request: Request,
    response: Response,
    session: SessionDep,
    runtime: GatewayRuntimeDep,
    now: NowDep,
):
    settings = runtime.settings
    shows_secret(response)
    if form.grant_type == "client_credentials":
        client_id, client_secret = _client_credentials(request, form)
        access_token, scopes = await credentials.client_token(
            session,
            client_id=client_id,
            client_secret=client_secret,
            scope=form.scope,
            now=now,
            secret=settings.jwt_secret,
            ttl=settings.client_token_ttl_seconds,
        )
        return TokenResponse(
            access_token=access_token,
            expires_in=settings.client_token_ttl_seconds,
            role=Role.bank,
            scope=" ".join(sorted(scopes)),
        )
    if form.grant_type != "password":
        raise DomainError(
            Text(
                "grant_type 须为 password 或 client_credentials。", "grant_type must be password or client_credentials."
            ),
            kind=ProblemKind.unsupported_grant_type,
        )
    if missing := [name for name in ("username", "password") if getattr(form, name) is None]:
        raise Invalid(MISSING, errors=[{"field": name, "message": MISSING, "code": "missing"} for name in missing])
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


def _client_credentials(request: Request, form: TokenForm) -> tuple[str, str]:
    """HTTP Basic or the form's fields, never both (RFC 6749 §2.3); missing ones are `invalid_client`."""
    basic = domain.basic_credentials(request.headers.get("authorization"))
    if basic is not None and (form.client_id or form.client_secret):
        raise DomainError(
            Text("客户端凭据只能用一种方式提交。", "Send client credentials one way only: HTTP Basic or the form."),
            kind=ProblemKind.bad_request,
        )
    client_id, client_secret = basic or (form.client_id, form.client_secret)
    if not client_id or not client_secret:
        raise InvalidClient(domain.BAD_CLIENT)
    return client_id, client_secret


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


@router.post(
    "/auth/clients",
    operation_id="createApiClient",
    description=(
        "为银行创建 API 客户端（管理员），供银行系统以 client credentials 换取令牌。答复中的 `client_secret` "
        "只显示这一次，平台只保存其哈希。`scopes` 限定其令牌能做的事。"
    ),
    status_code=201,
    response_model=ClientWithSecret,
    responses=problem_responses(403, 409, 422, 503),
    summary="Create a bank's API client (admin); its secret is shown once",
)
async def create_client(
    body: ClientCreate, session: SessionDep, registry: RegistryDep, now: NowDep, response: Response, _: AdminDep
):
    client, secret = await credentials.create_client(session, data=body, registry=registry, now=now)
    shows_secret(response)
    return created(response, "/auth/clients", _with_secret(client, secret))


@router.get(
    "/auth/clients",
    operation_id="listApiClients",
    description="银行的 API 客户端（管理员），可按银行筛选，分页；不含密钥。",
    response_model=ClientPage,
    responses=problem_responses(403, 422),
    summary="API clients (admin)",
)
async def list_clients(session: SessionDep, page: PageDep, _: AdminDep, bank_id: uuid.UUID | None = None):
    return page_body(await credentials.list_clients(session, page=page, bank_id=bank_id))


@router.get(
    "/auth/clients/{client_id}",
    operation_id="getApiClient",
    description="一个 API 客户端（管理员）；不含密钥。",
    response_model=ClientRead,
    responses=problem_responses(403, 404),
    summary="One API client (admin)",
)
async def get_client(client_id: uuid.UUID, session: SessionDep, _: AdminDep):
    return await credentials.get_client(session, client_id=client_id)


@router.post(
    "/auth/clients/{client_id}/rotate",
    operation_id="rotateApiClientSecret",
    description=(
        "轮换 API 客户端的密钥（管理员）：答复中的新 `client_secret` 只显示这一次；旧密钥在 `grace_seconds` "
        "秒内仍然有效，银行可不停机切换。已签发的令牌不受影响。已吊销的客户端 409。"
    ),
    response_model=ClientWithSecret,
    responses=problem_responses(403, 404, 409, 422),
    summary="Rotate an API client's secret, the old one valid for a grace period (admin)",
)
async def rotate_client(
    client_id: uuid.UUID, body: ClientRotate, session: SessionDep, now: NowDep, response: Response, _: AdminDep
):
    client, secret = await credentials.rotate_client(
        session, client_id=client_id, grace_seconds=body.grace_seconds, now=now
    )
    shows_secret(response)
    return _with_secret(client, secret)


@router.post(
    "/auth/clients/{client_id}/revoke",
    operation_id="revokeApiClient",
    description=(
        "吊销 API 客户端（管理员）：不再签发令牌，已签发的令牌随即失效"
        "（各处不迟于 `KUAIBAN_ACCESS_CHECK_SECONDS` 秒）。已吊销时 409。"
    ),
    response_model=ClientRead,
    responses=problem_responses(403, 404, 409, 422),
    summary="Revoke an API client: its tokens stop working (admin)",
)
async def revoke_client(
    client_id: uuid.UUID, session: SessionDep, runtime: GatewayRuntimeDep, now: NowDep, _: AdminDep
):
    return await credentials.revoke_client(session, client_id=client_id, access=runtime.access, now=now)


def _with_secret(client, secret: str) -> ClientWithSecret:
    return ClientWithSecret(**ClientRead.model_validate(client).model_dump(exclude={"client_id"}), client_secret=secret)


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
    with tracing.untraced():  # polled by monitors: not work worth a trace
        states = await service.health(services)
    healthy = all(state == "ok" for state in states.values())
    body = {"status": "ok" if healthy else "degraded", "services": states}
    return JSONResponse(body, status_code=200 if healthy else 503)


@open_data.get(
    "/public/stats",
    operation_id="getPublicStats",
    description=(
        "全县公开数据（无需登录）：诉求受理与办结、满意率、按时率，审批件数、平均审批工作日与申请材料件数、"
        "企业开办平均工作日，银企对接签约笔数、获贷企业数与签约金额。只有全县汇总，不含任何企业的数据；"
        "一分钟内重复请求答复同一份数据（`as_of` 为汇总时间）。某服务暂不可用时其部分为 `null`。"
    ),
    response_model=public.PublicStats,
    summary="County figures, open data: no login, refreshed once a minute",
)
async def public_stats(runtime: GatewayRuntimeDep, stats: StatsDep, response: Response):
    response.headers["cache-control"] = f"public, max-age={int(public.PUBLIC_STATS_CACHE_SECONDS)}"
    return await public.county_figures(runtime, stats)


@router.get("/metrics", include_in_schema=False)
async def metrics(request: Request, runtime: GatewayRuntimeDep) -> Response:
    """The gateway's Prometheus metrics: for `KUAIBAN_METRICS_TOKEN` or an admin's token, on the public port."""
    service.require_scraper(request, runtime.settings.metrics_token, runtime.verifier)
    return await exposition(runtime.sessions, ())


@router.get("/openapi.json", include_in_schema=False)
async def openapi(request: Request, runtime: GatewayRuntimeDep, services: ServicesDep) -> JSONResponse:
    return JSONResponse(await service.merged_openapi(runtime, services, request.app.openapi()))


@internal.get(contract.ACCOUNT_PATH, response_model=contract.AccountRef)
async def account_by_username(username: str, session: SessionDep, _: InternalDep):
    """For services that must check an account, e.g. intake assigning a liaison officer."""
    return await service.account_by_username(session, username=username)

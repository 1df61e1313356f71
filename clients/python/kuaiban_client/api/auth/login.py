from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.login_form import LoginForm
from ...models.problem import Problem
from ...models.token_response import TokenResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: LoginForm | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/token",
    }

    if not isinstance(body, Unset):
        _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TokenResponse | None:
    if response.status_code == 200:
        response_200 = TokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | TokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LoginForm | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | TokenResponse]:
    """Get a token: log in (password) or a bank system's client credentials

     用用户名和密码登录（OAuth2 password flow），得到访问令牌；之后以 `Authorization: Bearer <token>`
    调用。同一用户名或同一地址连续登录失败过多时，一分钟内答复 429（带 Retry-After）。银行系统用 `grant_type=client_credentials`（RFC 6749
    §4.4）以 API 客户端的 `client_id` 和 `client_secret`（HTTP Basic 或表单字段）换取短时令牌，可用 `scope` 缩小权限范围；客户端认证失败 401
    `invalid_client`，超出客户端权限范围 400 `invalid_scope`，不支持的 `grant_type` 400 `unsupported_grant_type`。

    Args:
        idempotency_key (str | Unset):
        body (LoginForm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: LoginForm | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | TokenResponse | None:
    """Get a token: log in (password) or a bank system's client credentials

     用用户名和密码登录（OAuth2 password flow），得到访问令牌；之后以 `Authorization: Bearer <token>`
    调用。同一用户名或同一地址连续登录失败过多时，一分钟内答复 429（带 Retry-After）。银行系统用 `grant_type=client_credentials`（RFC 6749
    §4.4）以 API 客户端的 `client_id` 和 `client_secret`（HTTP Basic 或表单字段）换取短时令牌，可用 `scope` 缩小权限范围；客户端认证失败 401
    `invalid_client`，超出客户端权限范围 400 `invalid_scope`，不支持的 `grant_type` 400 `unsupported_grant_type`。

    Args:
        idempotency_key (str | Unset):
        body (LoginForm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LoginForm | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | TokenResponse]:
    """Get a token: log in (password) or a bank system's client credentials

     用用户名和密码登录（OAuth2 password flow），得到访问令牌；之后以 `Authorization: Bearer <token>`
    调用。同一用户名或同一地址连续登录失败过多时，一分钟内答复 429（带 Retry-After）。银行系统用 `grant_type=client_credentials`（RFC 6749
    §4.4）以 API 客户端的 `client_id` 和 `client_secret`（HTTP Basic 或表单字段）换取短时令牌，可用 `scope` 缩小权限范围；客户端认证失败 401
    `invalid_client`，超出客户端权限范围 400 `invalid_scope`，不支持的 `grant_type` 400 `unsupported_grant_type`。

    Args:
        idempotency_key (str | Unset):
        body (LoginForm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: LoginForm | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | TokenResponse | None:
    """Get a token: log in (password) or a bank system's client credentials

     用用户名和密码登录（OAuth2 password flow），得到访问令牌；之后以 `Authorization: Bearer <token>`
    调用。同一用户名或同一地址连续登录失败过多时，一分钟内答复 429（带 Retry-After）。银行系统用 `grant_type=client_credentials`（RFC 6749
    §4.4）以 API 客户端的 `client_id` 和 `client_secret`（HTTP Basic 或表单字段）换取短时令牌，可用 `scope` 缩小权限范围；客户端认证失败 401
    `invalid_client`，超出客户端权限范围 400 `invalid_scope`，不支持的 `grant_type` 400 `unsupported_grant_type`。

    Args:
        idempotency_key (str | Unset):
        body (LoginForm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed

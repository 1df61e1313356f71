from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_rotate import ClientRotate
from ...models.client_with_secret import ClientWithSecret
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    client_id: UUID,
    *,
    body: ClientRotate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/clients/{client_id}/rotate".format(
            client_id=quote(str(client_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClientWithSecret | Problem | None:
    if response.status_code == 200:
        response_200 = ClientWithSecret.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[ClientWithSecret | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    client_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ClientRotate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ClientWithSecret | Problem]:
    """Rotate an API client's secret, the old one valid for a grace period (admin)

     轮换 API 客户端的密钥（管理员）：答复中的新 `client_secret` 只显示这一次；旧密钥在 `grace_seconds`
    秒内仍然有效，银行可不停机切换。已签发的令牌不受影响。已吊销的客户端 409。

    Args:
        client_id (UUID):
        idempotency_key (str | Unset):
        body (ClientRotate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientWithSecret | Problem]
    """

    kwargs = _get_kwargs(
        client_id=client_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    client_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ClientRotate,
    idempotency_key: str | Unset = UNSET,
) -> ClientWithSecret | Problem | None:
    """Rotate an API client's secret, the old one valid for a grace period (admin)

     轮换 API 客户端的密钥（管理员）：答复中的新 `client_secret` 只显示这一次；旧密钥在 `grace_seconds`
    秒内仍然有效，银行可不停机切换。已签发的令牌不受影响。已吊销的客户端 409。

    Args:
        client_id (UUID):
        idempotency_key (str | Unset):
        body (ClientRotate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientWithSecret | Problem
    """

    return sync_detailed(
        client_id=client_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    client_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ClientRotate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ClientWithSecret | Problem]:
    """Rotate an API client's secret, the old one valid for a grace period (admin)

     轮换 API 客户端的密钥（管理员）：答复中的新 `client_secret` 只显示这一次；旧密钥在 `grace_seconds`
    秒内仍然有效，银行可不停机切换。已签发的令牌不受影响。已吊销的客户端 409。

    Args:
        client_id (UUID):
        idempotency_key (str | Unset):
        body (ClientRotate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientWithSecret | Problem]
    """

    kwargs = _get_kwargs(
        client_id=client_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    client_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ClientRotate,
    idempotency_key: str | Unset = UNSET,
) -> ClientWithSecret | Problem | None:
    """Rotate an API client's secret, the old one valid for a grace period (admin)

     轮换 API 客户端的密钥（管理员）：答复中的新 `client_secret` 只显示这一次；旧密钥在 `grace_seconds`
    秒内仍然有效，银行可不停机切换。已签发的令牌不受影响。已吊销的客户端 409。

    Args:
        client_id (UUID):
        idempotency_key (str | Unset):
        body (ClientRotate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientWithSecret | Problem
    """

    return (
        await asyncio_detailed(
            client_id=client_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enterprise_read import EnterpriseRead
from ...models.enterprise_update import EnterpriseUpdate
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    enterprise_id: UUID,
    *,
    body: EnterpriseUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/intake/enterprises/{enterprise_id}".format(
            enterprise_id=quote(str(enterprise_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnterpriseRead | Problem | None:
    if response.status_code == 200:
        response_200 = EnterpriseRead.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 502:
        response_502 = Problem.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EnterpriseRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    enterprise_id: UUID,
    *,
    client: AuthenticatedClient,
    body: EnterpriseUpdate,
) -> Response[EnterpriseRead | Problem]:
    """Change an enterprise's profile (admin, its liaison officer)

     修改企业档案（管理员、该企业的包保专员）：只改所传字段，统一社会信用代码不可改。有改动时 `revision` 加一，
    并通知银企对接服务；未改动任何字段时原样返回。无权修改的企业返回 404。

    Args:
        enterprise_id (UUID):
        body (EnterpriseUpdate): A profile change: only the fields sent change (the USCC never
            does). `employees` and
            `annual_revenue_yuan` may be sent as null to clear them; no other field may be null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnterpriseRead | Problem]
    """

    kwargs = _get_kwargs(
        enterprise_id=enterprise_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    enterprise_id: UUID,
    *,
    client: AuthenticatedClient,
    body: EnterpriseUpdate,
) -> EnterpriseRead | Problem | None:
    """Change an enterprise's profile (admin, its liaison officer)

     修改企业档案（管理员、该企业的包保专员）：只改所传字段，统一社会信用代码不可改。有改动时 `revision` 加一，
    并通知银企对接服务；未改动任何字段时原样返回。无权修改的企业返回 404。

    Args:
        enterprise_id (UUID):
        body (EnterpriseUpdate): A profile change: only the fields sent change (the USCC never
            does). `employees` and
            `annual_revenue_yuan` may be sent as null to clear them; no other field may be null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnterpriseRead | Problem
    """

    return sync_detailed(
        enterprise_id=enterprise_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    enterprise_id: UUID,
    *,
    client: AuthenticatedClient,
    body: EnterpriseUpdate,
) -> Response[EnterpriseRead | Problem]:
    """Change an enterprise's profile (admin, its liaison officer)

     修改企业档案（管理员、该企业的包保专员）：只改所传字段，统一社会信用代码不可改。有改动时 `revision` 加一，
    并通知银企对接服务；未改动任何字段时原样返回。无权修改的企业返回 404。

    Args:
        enterprise_id (UUID):
        body (EnterpriseUpdate): A profile change: only the fields sent change (the USCC never
            does). `employees` and
            `annual_revenue_yuan` may be sent as null to clear them; no other field may be null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnterpriseRead | Problem]
    """

    kwargs = _get_kwargs(
        enterprise_id=enterprise_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    enterprise_id: UUID,
    *,
    client: AuthenticatedClient,
    body: EnterpriseUpdate,
) -> EnterpriseRead | Problem | None:
    """Change an enterprise's profile (admin, its liaison officer)

     修改企业档案（管理员、该企业的包保专员）：只改所传字段，统一社会信用代码不可改。有改动时 `revision` 加一，
    并通知银企对接服务；未改动任何字段时原样返回。无权修改的企业返回 404。

    Args:
        enterprise_id (UUID):
        body (EnterpriseUpdate): A profile change: only the fields sent change (the USCC never
            does). `employees` and
            `annual_revenue_yuan` may be sent as null to clear them; no other field may be null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnterpriseRead | Problem
    """

    return (
        await asyncio_detailed(
            enterprise_id=enterprise_id,
            client=client,
            body=body,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.grant_page import GrantPage
from ...models.grant_status import GrantStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    policy_id: None | Unset | UUID = UNSET,
    enterprise_id: None | Unset | UUID = UNSET,
    status: GrantStatus | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_policy_id: None | str | Unset
    if isinstance(policy_id, Unset):
        json_policy_id = UNSET
    elif isinstance(policy_id, UUID):
        json_policy_id = str(policy_id)
    else:
        json_policy_id = policy_id
    params["policy_id"] = json_policy_id

    json_enterprise_id: None | str | Unset
    if isinstance(enterprise_id, Unset):
        json_enterprise_id = UNSET
    elif isinstance(enterprise_id, UUID):
        json_enterprise_id = str(enterprise_id)
    else:
        json_enterprise_id = enterprise_id
    params["enterprise_id"] = json_enterprise_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, GrantStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/finance/grants",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GrantPage | Problem | None:
    if response.status_code == 200:
        response_200 = GrantPage.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GrantPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    policy_id: None | Unset | UUID = UNSET,
    enterprise_id: None | Unset | UUID = UNSET,
    status: GrantStatus | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[GrantPage | Problem]:
    """Policy grants: an enterprise its own, an officer its department's policies' and its liaison
    enterprises'

     政策奖补列表：企业看自己的，工作人员看本部门政策的与其包保企业的，管理员看全部；可按政策、企业、状态筛选。

    Args:
        policy_id (None | Unset | UUID):
        enterprise_id (None | Unset | UUID):
        status (GrantStatus | None | Unset):
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GrantPage | Problem]
    """

    kwargs = _get_kwargs(
        policy_id=policy_id,
        enterprise_id=enterprise_id,
        status=status,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    policy_id: None | Unset | UUID = UNSET,
    enterprise_id: None | Unset | UUID = UNSET,
    status: GrantStatus | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> GrantPage | Problem | None:
    """Policy grants: an enterprise its own, an officer its department's policies' and its liaison
    enterprises'

     政策奖补列表：企业看自己的，工作人员看本部门政策的与其包保企业的，管理员看全部；可按政策、企业、状态筛选。

    Args:
        policy_id (None | Unset | UUID):
        enterprise_id (None | Unset | UUID):
        status (GrantStatus | None | Unset):
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GrantPage | Problem
    """

    return sync_detailed(
        client=client,
        policy_id=policy_id,
        enterprise_id=enterprise_id,
        status=status,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    policy_id: None | Unset | UUID = UNSET,
    enterprise_id: None | Unset | UUID = UNSET,
    status: GrantStatus | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[GrantPage | Problem]:
    """Policy grants: an enterprise its own, an officer its department's policies' and its liaison
    enterprises'

     政策奖补列表：企业看自己的，工作人员看本部门政策的与其包保企业的，管理员看全部；可按政策、企业、状态筛选。

    Args:
        policy_id (None | Unset | UUID):
        enterprise_id (None | Unset | UUID):
        status (GrantStatus | None | Unset):
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GrantPage | Problem]
    """

    kwargs = _get_kwargs(
        policy_id=policy_id,
        enterprise_id=enterprise_id,
        status=status,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    policy_id: None | Unset | UUID = UNSET,
    enterprise_id: None | Unset | UUID = UNSET,
    status: GrantStatus | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> GrantPage | Problem | None:
    """Policy grants: an enterprise its own, an officer its department's policies' and its liaison
    enterprises'

     政策奖补列表：企业看自己的，工作人员看本部门政策的与其包保企业的，管理员看全部；可按政策、企业、状态筛选。

    Args:
        policy_id (None | Unset | UUID):
        enterprise_id (None | Unset | UUID):
        status (GrantStatus | None | Unset):
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GrantPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            policy_id=policy_id,
            enterprise_id=enterprise_id,
            status=status,
            limit=limit,
            cursor=cursor,
        )
    ).parsed

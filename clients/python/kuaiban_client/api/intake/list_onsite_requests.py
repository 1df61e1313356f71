from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.department import Department
from ...models.onsite_page import OnsitePage
from ...models.onsite_status import OnsiteStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: None | OnsiteStatus | Unset = UNSET,
    department: Department | None | Unset = UNSET,
    enterprise_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, OnsiteStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_department: None | str | Unset
    if isinstance(department, Unset):
        json_department = UNSET
    elif isinstance(department, Department):
        json_department = department.value
    else:
        json_department = department
    params["department"] = json_department

    json_enterprise_id: None | str | Unset
    if isinstance(enterprise_id, Unset):
        json_enterprise_id = UNSET
    elif isinstance(enterprise_id, UUID):
        json_enterprise_id = str(enterprise_id)
    else:
        json_enterprise_id = enterprise_id
    params["enterprise_id"] = json_enterprise_id

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
        "url": "/intake/onsite-requests",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OnsitePage | Problem | None:
    if response.status_code == 200:
        response_200 = OnsitePage.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[OnsitePage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: None | OnsiteStatus | Unset = UNSET,
    department: Department | None | Unset = UNSET,
    enterprise_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[OnsitePage | Problem]:
    """On-site requests the caller may see, newest first

     上门办申请列表，新的在前：企业只看到自己的；管理员和工作人员看到全部，可按状态、部门、企业筛选。

    Args:
        status (None | OnsiteStatus | Unset):
        department (Department | None | Unset):
        enterprise_id (None | Unset | UUID):
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OnsitePage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        department=department,
        enterprise_id=enterprise_id,
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
    status: None | OnsiteStatus | Unset = UNSET,
    department: Department | None | Unset = UNSET,
    enterprise_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> OnsitePage | Problem | None:
    """On-site requests the caller may see, newest first

     上门办申请列表，新的在前：企业只看到自己的；管理员和工作人员看到全部，可按状态、部门、企业筛选。

    Args:
        status (None | OnsiteStatus | Unset):
        department (Department | None | Unset):
        enterprise_id (None | Unset | UUID):
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OnsitePage | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        department=department,
        enterprise_id=enterprise_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: None | OnsiteStatus | Unset = UNSET,
    department: Department | None | Unset = UNSET,
    enterprise_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[OnsitePage | Problem]:
    """On-site requests the caller may see, newest first

     上门办申请列表，新的在前：企业只看到自己的；管理员和工作人员看到全部，可按状态、部门、企业筛选。

    Args:
        status (None | OnsiteStatus | Unset):
        department (Department | None | Unset):
        enterprise_id (None | Unset | UUID):
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OnsitePage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        department=department,
        enterprise_id=enterprise_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: None | OnsiteStatus | Unset = UNSET,
    department: Department | None | Unset = UNSET,
    enterprise_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> OnsitePage | Problem | None:
    """On-site requests the caller may see, newest first

     上门办申请列表，新的在前：企业只看到自己的；管理员和工作人员看到全部，可按状态、部门、企业筛选。

    Args:
        status (None | OnsiteStatus | Unset):
        department (Department | None | Unset):
        enterprise_id (None | Unset | UUID):
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OnsitePage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            department=department,
            enterprise_id=enterprise_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed

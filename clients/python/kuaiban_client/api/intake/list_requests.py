from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.category import Category
from ...models.department import Department
from ...models.problem import Problem
from ...models.request_page import RequestPage
from ...models.request_status import RequestStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: None | RequestStatus | Unset = UNSET,
    category: Category | None | Unset = UNSET,
    department: Department | None | Unset = UNSET,
    meeting_id: None | Unset | UUID = UNSET,
    project_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, RequestStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_category: None | str | Unset
    if isinstance(category, Unset):
        json_category = UNSET
    elif isinstance(category, Category):
        json_category = category.value
    else:
        json_category = category
    params["category"] = json_category

    json_department: None | str | Unset
    if isinstance(department, Unset):
        json_department = UNSET
    elif isinstance(department, Department):
        json_department = department.value
    else:
        json_department = department
    params["department"] = json_department

    json_meeting_id: None | str | Unset
    if isinstance(meeting_id, Unset):
        json_meeting_id = UNSET
    elif isinstance(meeting_id, UUID):
        json_meeting_id = str(meeting_id)
    else:
        json_meeting_id = meeting_id
    params["meeting_id"] = json_meeting_id

    json_project_id: None | str | Unset
    if isinstance(project_id, Unset):
        json_project_id = UNSET
    elif isinstance(project_id, UUID):
        json_project_id = str(project_id)
    else:
        json_project_id = project_id
    params["project_id"] = json_project_id

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
        "url": "/intake/requests",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RequestPage | None:
    if response.status_code == 200:
        response_200 = RequestPage.from_dict(response.json())

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
) -> Response[Problem | RequestPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: None | RequestStatus | Unset = UNSET,
    category: Category | None | Unset = UNSET,
    department: Department | None | Unset = UNSET,
    meeting_id: None | Unset | UUID = UNSET,
    project_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[Problem | RequestPage]:
    """Requests the caller may see, newest first

     调用方可见的诉求，新的在前；可按状态、类别、部门、会议、招商项目筛选。企业只看到自己的，部门只看到其牵头或协办的。

    Args:
        status (None | RequestStatus | Unset):
        category (Category | None | Unset):
        department (Department | None | Unset):
        meeting_id (None | Unset | UUID):
        project_id (None | Unset | UUID): Requests naming this investment project
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RequestPage]
    """

    kwargs = _get_kwargs(
        status=status,
        category=category,
        department=department,
        meeting_id=meeting_id,
        project_id=project_id,
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
    status: None | RequestStatus | Unset = UNSET,
    category: Category | None | Unset = UNSET,
    department: Department | None | Unset = UNSET,
    meeting_id: None | Unset | UUID = UNSET,
    project_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Problem | RequestPage | None:
    """Requests the caller may see, newest first

     调用方可见的诉求，新的在前；可按状态、类别、部门、会议、招商项目筛选。企业只看到自己的，部门只看到其牵头或协办的。

    Args:
        status (None | RequestStatus | Unset):
        category (Category | None | Unset):
        department (Department | None | Unset):
        meeting_id (None | Unset | UUID):
        project_id (None | Unset | UUID): Requests naming this investment project
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RequestPage
    """

    return sync_detailed(
        client=client,
        status=status,
        category=category,
        department=department,
        meeting_id=meeting_id,
        project_id=project_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: None | RequestStatus | Unset = UNSET,
    category: Category | None | Unset = UNSET,
    department: Department | None | Unset = UNSET,
    meeting_id: None | Unset | UUID = UNSET,
    project_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[Problem | RequestPage]:
    """Requests the caller may see, newest first

     调用方可见的诉求，新的在前；可按状态、类别、部门、会议、招商项目筛选。企业只看到自己的，部门只看到其牵头或协办的。

    Args:
        status (None | RequestStatus | Unset):
        category (Category | None | Unset):
        department (Department | None | Unset):
        meeting_id (None | Unset | UUID):
        project_id (None | Unset | UUID): Requests naming this investment project
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RequestPage]
    """

    kwargs = _get_kwargs(
        status=status,
        category=category,
        department=department,
        meeting_id=meeting_id,
        project_id=project_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: None | RequestStatus | Unset = UNSET,
    category: Category | None | Unset = UNSET,
    department: Department | None | Unset = UNSET,
    meeting_id: None | Unset | UUID = UNSET,
    project_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Problem | RequestPage | None:
    """Requests the caller may see, newest first

     调用方可见的诉求，新的在前；可按状态、类别、部门、会议、招商项目筛选。企业只看到自己的，部门只看到其牵头或协办的。

    Args:
        status (None | RequestStatus | Unset):
        category (Category | None | Unset):
        department (Department | None | Unset):
        meeting_id (None | Unset | UUID):
        project_id (None | Unset | UUID): Requests naming this investment project
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RequestPage
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            category=category,
            department=department,
            meeting_id=meeting_id,
            project_id=project_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.commitment_page import CommitmentPage
from ...models.commitment_state import CommitmentState
from ...models.department import Department
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    state: CommitmentState | None | Unset = UNSET,
    department: Department | None | Unset = UNSET,
    enterprise_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_state: None | str | Unset
    if isinstance(state, Unset):
        json_state = UNSET
    elif isinstance(state, CommitmentState):
        json_state = state.value
    else:
        json_state = state
    params["state"] = json_state

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
        "url": "/approval/commitments",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CommitmentPage | Problem | None:
    if response.status_code == 200:
        response_200 = CommitmentPage.from_dict(response.json())

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
) -> Response[CommitmentPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    state: CommitmentState | None | Unset = UNSET,
    department: Department | None | Unset = UNSET,
    enterprise_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[CommitmentPage | Problem]:
    """The 容缺 commitment ledger, as the caller may see it

     容缺承诺台账：每项承诺的材料、补交期限（工作日）与状态（待补交、已兑现、已逾期、已撤销）。企业看自己的，
    部门看本部门参与审批的申请的，管理员看全部；可按状态、部门、企业筛选。

    Args:
        state (CommitmentState | None | Unset):
        department (Department | None | Unset):
        enterprise_id (None | Unset | UUID):
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommitmentPage | Problem]
    """

    kwargs = _get_kwargs(
        state=state,
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
    state: CommitmentState | None | Unset = UNSET,
    department: Department | None | Unset = UNSET,
    enterprise_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> CommitmentPage | Problem | None:
    """The 容缺 commitment ledger, as the caller may see it

     容缺承诺台账：每项承诺的材料、补交期限（工作日）与状态（待补交、已兑现、已逾期、已撤销）。企业看自己的，
    部门看本部门参与审批的申请的，管理员看全部；可按状态、部门、企业筛选。

    Args:
        state (CommitmentState | None | Unset):
        department (Department | None | Unset):
        enterprise_id (None | Unset | UUID):
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommitmentPage | Problem
    """

    return sync_detailed(
        client=client,
        state=state,
        department=department,
        enterprise_id=enterprise_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    state: CommitmentState | None | Unset = UNSET,
    department: Department | None | Unset = UNSET,
    enterprise_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[CommitmentPage | Problem]:
    """The 容缺 commitment ledger, as the caller may see it

     容缺承诺台账：每项承诺的材料、补交期限（工作日）与状态（待补交、已兑现、已逾期、已撤销）。企业看自己的，
    部门看本部门参与审批的申请的，管理员看全部；可按状态、部门、企业筛选。

    Args:
        state (CommitmentState | None | Unset):
        department (Department | None | Unset):
        enterprise_id (None | Unset | UUID):
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommitmentPage | Problem]
    """

    kwargs = _get_kwargs(
        state=state,
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
    state: CommitmentState | None | Unset = UNSET,
    department: Department | None | Unset = UNSET,
    enterprise_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> CommitmentPage | Problem | None:
    """The 容缺 commitment ledger, as the caller may see it

     容缺承诺台账：每项承诺的材料、补交期限（工作日）与状态（待补交、已兑现、已逾期、已撤销）。企业看自己的，
    部门看本部门参与审批的申请的，管理员看全部；可按状态、部门、企业筛选。

    Args:
        state (CommitmentState | None | Unset):
        department (Department | None | Unset):
        enterprise_id (None | Unset | UUID):
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommitmentPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            state=state,
            department=department,
            enterprise_id=enterprise_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed

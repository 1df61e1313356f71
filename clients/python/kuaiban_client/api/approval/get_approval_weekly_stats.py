from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.approval_weekly import ApprovalWeekly
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    weeks: int | Unset = 12,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["weeks"] = weeks

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/approval/stats/weekly",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApprovalWeekly | Problem | None:
    if response.status_code == 200:
        response_200 = ApprovalWeekly.from_dict(response.json())

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
) -> Response[ApprovalWeekly | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    weeks: int | Unset = 12,
) -> Response[ApprovalWeekly | Problem]:
    """Weekly series for the dashboard, and each department's on-time rate by week (admin, leaders)

     按周（ISO 周，北京时间）的并联审批数据（管理员、县领导）：收件、办结、通过申请的平均工作日、每件材料数；
    各部门每周审批任务的按时率（部门 × 周热力图）。

    Args:
        weeks (int | Unset): ISO weeks, the current one last Default: 12.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApprovalWeekly | Problem]
    """

    kwargs = _get_kwargs(
        weeks=weeks,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    weeks: int | Unset = 12,
) -> ApprovalWeekly | Problem | None:
    """Weekly series for the dashboard, and each department's on-time rate by week (admin, leaders)

     按周（ISO 周，北京时间）的并联审批数据（管理员、县领导）：收件、办结、通过申请的平均工作日、每件材料数；
    各部门每周审批任务的按时率（部门 × 周热力图）。

    Args:
        weeks (int | Unset): ISO weeks, the current one last Default: 12.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApprovalWeekly | Problem
    """

    return sync_detailed(
        client=client,
        weeks=weeks,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    weeks: int | Unset = 12,
) -> Response[ApprovalWeekly | Problem]:
    """Weekly series for the dashboard, and each department's on-time rate by week (admin, leaders)

     按周（ISO 周，北京时间）的并联审批数据（管理员、县领导）：收件、办结、通过申请的平均工作日、每件材料数；
    各部门每周审批任务的按时率（部门 × 周热力图）。

    Args:
        weeks (int | Unset): ISO weeks, the current one last Default: 12.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApprovalWeekly | Problem]
    """

    kwargs = _get_kwargs(
        weeks=weeks,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    weeks: int | Unset = 12,
) -> ApprovalWeekly | Problem | None:
    """Weekly series for the dashboard, and each department's on-time rate by week (admin, leaders)

     按周（ISO 周，北京时间）的并联审批数据（管理员、县领导）：收件、办结、通过申请的平均工作日、每件材料数；
    各部门每周审批任务的按时率（部门 × 周热力图）。

    Args:
        weeks (int | Unset): ISO weeks, the current one last Default: 12.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApprovalWeekly | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            weeks=weeks,
        )
    ).parsed

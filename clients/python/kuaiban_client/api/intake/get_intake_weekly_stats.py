from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.intake_weekly import IntakeWeekly
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
        "url": "/intake/stats/weekly",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IntakeWeekly | Problem | None:
    if response.status_code == 200:
        response_200 = IntakeWeekly.from_dict(response.json())

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
) -> Response[IntakeWeekly | Problem]:
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
) -> Response[IntakeWeekly | Problem]:
    """Requests week by week: received, closed, satisfaction, punctuality by department (admin, leader)

     按周（中国标准时间的 ISO 周，周一至周日）统计诉求（管理员、县领导）：受理、办结、评价及满意率，
    按时答复率（当周首次答复或当周逾期未答复的诉求中按期答复的比例；全县及各牵头部门，供看板的部门×周热力图）。

    Args:
        weeks (int | Unset): ISO weeks, the current one last Default: 12.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntakeWeekly | Problem]
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
) -> IntakeWeekly | Problem | None:
    """Requests week by week: received, closed, satisfaction, punctuality by department (admin, leader)

     按周（中国标准时间的 ISO 周，周一至周日）统计诉求（管理员、县领导）：受理、办结、评价及满意率，
    按时答复率（当周首次答复或当周逾期未答复的诉求中按期答复的比例；全县及各牵头部门，供看板的部门×周热力图）。

    Args:
        weeks (int | Unset): ISO weeks, the current one last Default: 12.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntakeWeekly | Problem
    """

    return sync_detailed(
        client=client,
        weeks=weeks,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    weeks: int | Unset = 12,
) -> Response[IntakeWeekly | Problem]:
    """Requests week by week: received, closed, satisfaction, punctuality by department (admin, leader)

     按周（中国标准时间的 ISO 周，周一至周日）统计诉求（管理员、县领导）：受理、办结、评价及满意率，
    按时答复率（当周首次答复或当周逾期未答复的诉求中按期答复的比例；全县及各牵头部门，供看板的部门×周热力图）。

    Args:
        weeks (int | Unset): ISO weeks, the current one last Default: 12.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntakeWeekly | Problem]
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
) -> IntakeWeekly | Problem | None:
    """Requests week by week: received, closed, satisfaction, punctuality by department (admin, leader)

     按周（中国标准时间的 ISO 周，周一至周日）统计诉求（管理员、县领导）：受理、办结、评价及满意率，
    按时答复率（当周首次答复或当周逾期未答复的诉求中按期答复的比例；全县及各牵头部门，供看板的部门×周热力图）。

    Args:
        weeks (int | Unset): ISO weeks, the current one last Default: 12.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntakeWeekly | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            weeks=weeks,
        )
    ).parsed

from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.finance_weekly import FinanceWeekly
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
        "url": "/finance/stats/weekly",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FinanceWeekly | Problem | None:
    if response.status_code == 200:
        response_200 = FinanceWeekly.from_dict(response.json())

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
) -> Response[FinanceWeekly | Problem]:
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
) -> Response[FinanceWeekly | Problem]:
    """Amount signed week by week, and each matchmaking event's results by bank (admin, leader)

     按周（ISO 周，按签约日）统计签约笔数、签约企业数和签约金额（管理员、县领导）；
    以及每场银企对接活动的成果：签约企业数、签约金额，按银行分列。

    Args:
        weeks (int | Unset): ISO weeks, the current one last Default: 12.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FinanceWeekly | Problem]
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
) -> FinanceWeekly | Problem | None:
    """Amount signed week by week, and each matchmaking event's results by bank (admin, leader)

     按周（ISO 周，按签约日）统计签约笔数、签约企业数和签约金额（管理员、县领导）；
    以及每场银企对接活动的成果：签约企业数、签约金额，按银行分列。

    Args:
        weeks (int | Unset): ISO weeks, the current one last Default: 12.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FinanceWeekly | Problem
    """

    return sync_detailed(
        client=client,
        weeks=weeks,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    weeks: int | Unset = 12,
) -> Response[FinanceWeekly | Problem]:
    """Amount signed week by week, and each matchmaking event's results by bank (admin, leader)

     按周（ISO 周，按签约日）统计签约笔数、签约企业数和签约金额（管理员、县领导）；
    以及每场银企对接活动的成果：签约企业数、签约金额，按银行分列。

    Args:
        weeks (int | Unset): ISO weeks, the current one last Default: 12.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FinanceWeekly | Problem]
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
) -> FinanceWeekly | Problem | None:
    """Amount signed week by week, and each matchmaking event's results by bank (admin, leader)

     按周（ISO 周，按签约日）统计签约笔数、签约企业数和签约金额（管理员、县领导）；
    以及每场银企对接活动的成果：签约企业数、签约金额，按银行分列。

    Args:
        weeks (int | Unset): ISO weeks, the current one last Default: 12.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FinanceWeekly | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            weeks=weeks,
        )
    ).parsed

from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.project_stats import ProjectStats
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    town: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_town: None | str | Unset
    if isinstance(town, Unset):
        json_town = UNSET
    else:
        json_town = town
    params["town"] = json_town

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/intake/projects/stats",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ProjectStats | None:
    if response.status_code == 200:
        response_200 = ProjectStats.from_dict(response.json())

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
) -> Response[Problem | ProjectStats]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    town: None | str | Unset = UNSET,
) -> Response[Problem | ProjectStats]:
    """County figures of investment projects (admin, leaders)

     招商项目看板（管理员、县领导）：按产业链、阶段分列的项目数和计划投资，制造业占比；从首次洽谈到签约的日历日
    与工作日（中位数、90 分位、最快纪录及项目名称）；按签约年份的当年开工、当年纳统比例（当年签约、当年开工、
    当年纳统）；已过目标日期仍未进入下一阶段的项目（按阶段）。

    Args:
        town (None | str | Unset): Only this town or park

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProjectStats]
    """

    kwargs = _get_kwargs(
        town=town,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    town: None | str | Unset = UNSET,
) -> Problem | ProjectStats | None:
    """County figures of investment projects (admin, leaders)

     招商项目看板（管理员、县领导）：按产业链、阶段分列的项目数和计划投资，制造业占比；从首次洽谈到签约的日历日
    与工作日（中位数、90 分位、最快纪录及项目名称）；按签约年份的当年开工、当年纳统比例（当年签约、当年开工、
    当年纳统）；已过目标日期仍未进入下一阶段的项目（按阶段）。

    Args:
        town (None | str | Unset): Only this town or park

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProjectStats
    """

    return sync_detailed(
        client=client,
        town=town,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    town: None | str | Unset = UNSET,
) -> Response[Problem | ProjectStats]:
    """County figures of investment projects (admin, leaders)

     招商项目看板（管理员、县领导）：按产业链、阶段分列的项目数和计划投资，制造业占比；从首次洽谈到签约的日历日
    与工作日（中位数、90 分位、最快纪录及项目名称）；按签约年份的当年开工、当年纳统比例（当年签约、当年开工、
    当年纳统）；已过目标日期仍未进入下一阶段的项目（按阶段）。

    Args:
        town (None | str | Unset): Only this town or park

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProjectStats]
    """

    kwargs = _get_kwargs(
        town=town,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    town: None | str | Unset = UNSET,
) -> Problem | ProjectStats | None:
    """County figures of investment projects (admin, leaders)

     招商项目看板（管理员、县领导）：按产业链、阶段分列的项目数和计划投资，制造业占比；从首次洽谈到签约的日历日
    与工作日（中位数、90 分位、最快纪录及项目名称）；按签约年份的当年开工、当年纳统比例（当年签约、当年开工、
    当年纳统）；已过目标日期仍未进入下一阶段的项目（按阶段）。

    Args:
        town (None | str | Unset): Only this town or park

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProjectStats
    """

    return (
        await asyncio_detailed(
            client=client,
            town=town,
        )
    ).parsed

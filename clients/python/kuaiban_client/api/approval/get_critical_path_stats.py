import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.critical_path_stats import CriticalPathStats
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    matter_code: None | str | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_matter_code: None | str | Unset
    if isinstance(matter_code, Unset):
        json_matter_code = UNSET
    else:
        json_matter_code = matter_code
    params["matter_code"] = json_matter_code

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.date):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/approval/stats/critical-path",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CriticalPathStats | Problem | None:
    if response.status_code == 200:
        response_200 = CriticalPathStats.from_dict(response.json())

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
) -> Response[CriticalPathStats | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    matter_code: None | str | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
) -> Response[CriticalPathStats | Problem]:
    """Per department over approved applications: how often it was last, the working days it added (admin,
    leaders)

     关键路径统计（管理员、县领导）：在已办结（通过）的申请中，各部门成为最后办完的部门的次数，以及比最快部门
    多用的工作日（补正暂停不计）。可按事项、办结起始日筛选。

    Args:
        matter_code (None | str | Unset): Only this matter's applications
        since (datetime.date | None | Unset): Only those completed on or after this day (CST)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CriticalPathStats | Problem]
    """

    kwargs = _get_kwargs(
        matter_code=matter_code,
        since=since,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    matter_code: None | str | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
) -> CriticalPathStats | Problem | None:
    """Per department over approved applications: how often it was last, the working days it added (admin,
    leaders)

     关键路径统计（管理员、县领导）：在已办结（通过）的申请中，各部门成为最后办完的部门的次数，以及比最快部门
    多用的工作日（补正暂停不计）。可按事项、办结起始日筛选。

    Args:
        matter_code (None | str | Unset): Only this matter's applications
        since (datetime.date | None | Unset): Only those completed on or after this day (CST)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CriticalPathStats | Problem
    """

    return sync_detailed(
        client=client,
        matter_code=matter_code,
        since=since,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    matter_code: None | str | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
) -> Response[CriticalPathStats | Problem]:
    """Per department over approved applications: how often it was last, the working days it added (admin,
    leaders)

     关键路径统计（管理员、县领导）：在已办结（通过）的申请中，各部门成为最后办完的部门的次数，以及比最快部门
    多用的工作日（补正暂停不计）。可按事项、办结起始日筛选。

    Args:
        matter_code (None | str | Unset): Only this matter's applications
        since (datetime.date | None | Unset): Only those completed on or after this day (CST)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CriticalPathStats | Problem]
    """

    kwargs = _get_kwargs(
        matter_code=matter_code,
        since=since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    matter_code: None | str | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
) -> CriticalPathStats | Problem | None:
    """Per department over approved applications: how often it was last, the working days it added (admin,
    leaders)

     关键路径统计（管理员、县领导）：在已办结（通过）的申请中，各部门成为最后办完的部门的次数，以及比最快部门
    多用的工作日（补正暂停不计）。可按事项、办结起始日筛选。

    Args:
        matter_code (None | str | Unset): Only this matter's applications
        since (datetime.date | None | Unset): Only those completed on or after this day (CST)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CriticalPathStats | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            matter_code=matter_code,
            since=since,
        )
    ).parsed

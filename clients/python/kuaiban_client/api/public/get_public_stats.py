from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.public_stats import PublicStats
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/public/stats",
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | PublicStats | None:
    if response.status_code == 200:
        response_200 = PublicStats.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | PublicStats]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | PublicStats]:
    """County figures, open data: no login, refreshed once a minute

     全县公开数据（无需登录）：诉求受理与办结、满意率、按时率，审批件数、平均审批工作日与申请材料件数、企业开办平均工作日，银企对接签约笔数、获贷企业数与签约金额。只有全县汇总，不含任何企业的数据；一分钟内
    重复请求答复同一份数据（`as_of` 为汇总时间）。某服务暂不可用时其部分为 `null`。

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | PublicStats]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Problem | PublicStats | None:
    """County figures, open data: no login, refreshed once a minute

     全县公开数据（无需登录）：诉求受理与办结、满意率、按时率，审批件数、平均审批工作日与申请材料件数、企业开办平均工作日，银企对接签约笔数、获贷企业数与签约金额。只有全县汇总，不含任何企业的数据；一分钟内
    重复请求答复同一份数据（`as_of` 为汇总时间）。某服务暂不可用时其部分为 `null`。

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | PublicStats
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | PublicStats]:
    """County figures, open data: no login, refreshed once a minute

     全县公开数据（无需登录）：诉求受理与办结、满意率、按时率，审批件数、平均审批工作日与申请材料件数、企业开办平均工作日，银企对接签约笔数、获贷企业数与签约金额。只有全县汇总，不含任何企业的数据；一分钟内
    重复请求答复同一份数据（`as_of` 为汇总时间）。某服务暂不可用时其部分为 `null`。

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | PublicStats]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Problem | PublicStats | None:
    """County figures, open data: no login, refreshed once a minute

     全县公开数据（无需登录）：诉求受理与办结、满意率、按时率，审批件数、平均审批工作日与申请材料件数、企业开办平均工作日，银企对接签约笔数、获贷企业数与签约金额。只有全县汇总，不含任何企业的数据；一分钟内
    重复请求答复同一份数据（`as_of` 为汇总时间）。某服务暂不可用时其部分为 `null`。

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | PublicStats
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed

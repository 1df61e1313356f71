from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.finance_stats import FinanceStats
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/finance/stats",
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> FinanceStats | Problem | None:
    if response.status_code == 200:
        response_200 = FinanceStats.from_dict(response.json())

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
) -> Response[FinanceStats | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[FinanceStats | Problem]:
    """County figures of bank-enterprise financing (admin, leader)

     全县银企对接数据（管理员、县领导）：在售产品、在途需求、签约笔数、获贷企业数与签约金额；
    `policies` 为惠企政策兑现情况（覆盖企业、兑现与拨付金额、免申比例、从发布到资金到账的工作日）。

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FinanceStats | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> FinanceStats | Problem | None:
    """County figures of bank-enterprise financing (admin, leader)

     全县银企对接数据（管理员、县领导）：在售产品、在途需求、签约笔数、获贷企业数与签约金额；
    `policies` 为惠企政策兑现情况（覆盖企业、兑现与拨付金额、免申比例、从发布到资金到账的工作日）。

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FinanceStats | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[FinanceStats | Problem]:
    """County figures of bank-enterprise financing (admin, leader)

     全县银企对接数据（管理员、县领导）：在售产品、在途需求、签约笔数、获贷企业数与签约金额；
    `policies` 为惠企政策兑现情况（覆盖企业、兑现与拨付金额、免申比例、从发布到资金到账的工作日）。

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FinanceStats | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> FinanceStats | Problem | None:
    """County figures of bank-enterprise financing (admin, leader)

     全县银企对接数据（管理员、县领导）：在售产品、在途需求、签约笔数、获贷企业数与签约金额；
    `policies` 为惠企政策兑现情况（覆盖企业、兑现与拨付金额、免申比例、从发布到资金到账的工作日）。

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FinanceStats | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed

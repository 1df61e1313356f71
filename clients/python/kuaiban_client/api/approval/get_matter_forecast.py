from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.approval_forecast import ApprovalForecast
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    code: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/approval/matters/{code}/forecast".format(
            code=quote(str(code), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApprovalForecast | Problem | None:
    if response.status_code == 200:
        response_200 = ApprovalForecast.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[ApprovalForecast | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
) -> Response[ApprovalForecast | Problem]:
    """When an application submitted now should finish: p50 and p90 of the last 90 days (any caller)

     现在提交该事项的申请，预计何时办结：近 90 天已办结（通过）申请所用工作日的 p50、p90（最近秩），及按工作日
    历推算的办结日期；附法定办结期限。没有可依据的申请时 `based_on` 为 0，其余预测为 null。

    Args:
        code (str): The matter's code

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApprovalForecast | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    *,
    client: AuthenticatedClient,
) -> ApprovalForecast | Problem | None:
    """When an application submitted now should finish: p50 and p90 of the last 90 days (any caller)

     现在提交该事项的申请，预计何时办结：近 90 天已办结（通过）申请所用工作日的 p50、p90（最近秩），及按工作日
    历推算的办结日期；附法定办结期限。没有可依据的申请时 `based_on` 为 0，其余预测为 null。

    Args:
        code (str): The matter's code

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApprovalForecast | Problem
    """

    return sync_detailed(
        code=code,
        client=client,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
) -> Response[ApprovalForecast | Problem]:
    """When an application submitted now should finish: p50 and p90 of the last 90 days (any caller)

     现在提交该事项的申请，预计何时办结：近 90 天已办结（通过）申请所用工作日的 p50、p90（最近秩），及按工作日
    历推算的办结日期；附法定办结期限。没有可依据的申请时 `based_on` 为 0，其余预测为 null。

    Args:
        code (str): The matter's code

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApprovalForecast | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient,
) -> ApprovalForecast | Problem | None:
    """When an application submitted now should finish: p50 and p90 of the last 90 days (any caller)

     现在提交该事项的申请，预计何时办结：近 90 天已办结（通过）申请所用工作日的 p50、p90（最近秩），及按工作日
    历推算的办结日期；附法定办结期限。没有可依据的申请时 `based_on` 为 0，其余预测为 null。

    Args:
        code (str): The matter's code

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApprovalForecast | Problem
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
        )
    ).parsed

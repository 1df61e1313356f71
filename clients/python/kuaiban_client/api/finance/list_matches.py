from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.match_extra import MatchExtra
from ...models.matches_with_near_misses import MatchesWithNearMisses
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    need_id: UUID,
    *,
    limit: int | Unset = 20,
    include: MatchExtra | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_include: None | str | Unset
    if isinstance(include, Unset):
        json_include = UNSET
    elif isinstance(include, MatchExtra):
        json_include = include.value
    else:
        json_include = include
    params["include"] = json_include

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/finance/needs/{need_id}/matches".format(
            need_id=quote(str(need_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MatchesWithNearMisses | Problem | None:
    if response.status_code == 200:
        response_200 = MatchesWithNearMisses.from_dict(response.json())

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
) -> Response[MatchesWithNearMisses | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    need_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    include: MatchExtra | None | Unset = UNSET,
) -> Response[MatchesWithNearMisses | Problem]:
    """Products the enterprise is eligible for, best first, with reasons

     企业有资格申请的产品，按匹配分从高到低排列，附匹配理由。`include=near_misses` 时另列差一条规则即符合的产品，
    说明是哪条规则、怎样才能符合（带数字）。intake 不可达时 503。

    Args:
        need_id (UUID):
        limit (int | Unset):  Default: 20.
        include (MatchExtra | None | Unset): `near_misses`: also the products that fail exactly
            one rule

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MatchesWithNearMisses | Problem]
    """

    kwargs = _get_kwargs(
        need_id=need_id,
        limit=limit,
        include=include,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    need_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    include: MatchExtra | None | Unset = UNSET,
) -> MatchesWithNearMisses | Problem | None:
    """Products the enterprise is eligible for, best first, with reasons

     企业有资格申请的产品，按匹配分从高到低排列，附匹配理由。`include=near_misses` 时另列差一条规则即符合的产品，
    说明是哪条规则、怎样才能符合（带数字）。intake 不可达时 503。

    Args:
        need_id (UUID):
        limit (int | Unset):  Default: 20.
        include (MatchExtra | None | Unset): `near_misses`: also the products that fail exactly
            one rule

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MatchesWithNearMisses | Problem
    """

    return sync_detailed(
        need_id=need_id,
        client=client,
        limit=limit,
        include=include,
    ).parsed


async def asyncio_detailed(
    need_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    include: MatchExtra | None | Unset = UNSET,
) -> Response[MatchesWithNearMisses | Problem]:
    """Products the enterprise is eligible for, best first, with reasons

     企业有资格申请的产品，按匹配分从高到低排列，附匹配理由。`include=near_misses` 时另列差一条规则即符合的产品，
    说明是哪条规则、怎样才能符合（带数字）。intake 不可达时 503。

    Args:
        need_id (UUID):
        limit (int | Unset):  Default: 20.
        include (MatchExtra | None | Unset): `near_misses`: also the products that fail exactly
            one rule

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MatchesWithNearMisses | Problem]
    """

    kwargs = _get_kwargs(
        need_id=need_id,
        limit=limit,
        include=include,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    need_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    include: MatchExtra | None | Unset = UNSET,
) -> MatchesWithNearMisses | Problem | None:
    """Products the enterprise is eligible for, best first, with reasons

     企业有资格申请的产品，按匹配分从高到低排列，附匹配理由。`include=near_misses` 时另列差一条规则即符合的产品，
    说明是哪条规则、怎样才能符合（带数字）。intake 不可达时 503。

    Args:
        need_id (UUID):
        limit (int | Unset):  Default: 20.
        include (MatchExtra | None | Unset): `near_misses`: also the products that fail exactly
            one rule

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MatchesWithNearMisses | Problem
    """

    return (
        await asyncio_detailed(
            need_id=need_id,
            client=client,
            limit=limit,
            include=include,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enterprise_policies import EnterprisePolicies
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    enterprise_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/finance/enterprises/{enterprise_id}/policies".format(
            enterprise_id=quote(str(enterprise_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnterprisePolicies | Problem | None:
    if response.status_code == 200:
        response_200 = EnterprisePolicies.from_dict(response.json())

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
) -> Response[EnterprisePolicies | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    enterprise_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[EnterprisePolicies | Problem]:
    """The policies an enterprise fits, with amounts, and those it misses by one rule

     企业符合的在有效期内的已发布政策（附理由与可得金额），以及只差一条规则的政策（哪条规则、怎样才能符合）。
    企业本身、其包保专员与管理员可查，他人 404；intake 不可达时 503。

    Args:
        enterprise_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnterprisePolicies | Problem]
    """

    kwargs = _get_kwargs(
        enterprise_id=enterprise_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    enterprise_id: UUID,
    *,
    client: AuthenticatedClient,
) -> EnterprisePolicies | Problem | None:
    """The policies an enterprise fits, with amounts, and those it misses by one rule

     企业符合的在有效期内的已发布政策（附理由与可得金额），以及只差一条规则的政策（哪条规则、怎样才能符合）。
    企业本身、其包保专员与管理员可查，他人 404；intake 不可达时 503。

    Args:
        enterprise_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnterprisePolicies | Problem
    """

    return sync_detailed(
        enterprise_id=enterprise_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    enterprise_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[EnterprisePolicies | Problem]:
    """The policies an enterprise fits, with amounts, and those it misses by one rule

     企业符合的在有效期内的已发布政策（附理由与可得金额），以及只差一条规则的政策（哪条规则、怎样才能符合）。
    企业本身、其包保专员与管理员可查，他人 404；intake 不可达时 503。

    Args:
        enterprise_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnterprisePolicies | Problem]
    """

    kwargs = _get_kwargs(
        enterprise_id=enterprise_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    enterprise_id: UUID,
    *,
    client: AuthenticatedClient,
) -> EnterprisePolicies | Problem | None:
    """The policies an enterprise fits, with amounts, and those it misses by one rule

     企业符合的在有效期内的已发布政策（附理由与可得金额），以及只差一条规则的政策（哪条规则、怎样才能符合）。
    企业本身、其包保专员与管理员可查，他人 404；intake 不可达时 503。

    Args:
        enterprise_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnterprisePolicies | Problem
    """

    return (
        await asyncio_detailed(
            enterprise_id=enterprise_id,
            client=client,
        )
    ).parsed

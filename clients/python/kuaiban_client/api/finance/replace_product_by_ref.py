from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.product_create import ProductCreate
from ...models.product_read import ProductRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    external_ref: str,
    *,
    body: ProductCreate,
    bank_id: None | Unset | UUID = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_bank_id: None | str | Unset
    if isinstance(bank_id, Unset):
        json_bank_id = UNSET
    elif isinstance(bank_id, UUID):
        json_bank_id = str(bank_id)
    else:
        json_bank_id = bank_id
    params["bank_id"] = json_bank_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/finance/products/by-ref/{external_ref}".format(
            external_ref=quote(str(external_ref), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ProductRead | None:
    if response.status_code == 200:
        response_200 = ProductRead.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = ProductRead.from_dict(response.json())

        return response_201

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

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
) -> Response[Problem | ProductRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    external_ref: str,
    *,
    client: AuthenticatedClient,
    body: ProductCreate,
    bank_id: None | Unset | UUID = UNSET,
) -> Response[Problem | ProductRead]:
    """Create or update a product by the bank's own id (a bank for itself; admin names bank_id)

     银行按自己的产品编号新建或更新产品：新建 201（带 Location），条款变化时更新并生成新版本（200），
    条款相同则不写入（200）；`Sync-Result` 头说明是哪一种。状态不随同步改变：已下架的仍为已下架。

    Args:
        external_ref (str): The bank's own id of the product
        bank_id (None | Unset | UUID): The bank whose catalogue is synced: admin names it, a bank
            may omit it
        body (ProductCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProductRead]
    """

    kwargs = _get_kwargs(
        external_ref=external_ref,
        body=body,
        bank_id=bank_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    external_ref: str,
    *,
    client: AuthenticatedClient,
    body: ProductCreate,
    bank_id: None | Unset | UUID = UNSET,
) -> Problem | ProductRead | None:
    """Create or update a product by the bank's own id (a bank for itself; admin names bank_id)

     银行按自己的产品编号新建或更新产品：新建 201（带 Location），条款变化时更新并生成新版本（200），
    条款相同则不写入（200）；`Sync-Result` 头说明是哪一种。状态不随同步改变：已下架的仍为已下架。

    Args:
        external_ref (str): The bank's own id of the product
        bank_id (None | Unset | UUID): The bank whose catalogue is synced: admin names it, a bank
            may omit it
        body (ProductCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProductRead
    """

    return sync_detailed(
        external_ref=external_ref,
        client=client,
        body=body,
        bank_id=bank_id,
    ).parsed


async def asyncio_detailed(
    external_ref: str,
    *,
    client: AuthenticatedClient,
    body: ProductCreate,
    bank_id: None | Unset | UUID = UNSET,
) -> Response[Problem | ProductRead]:
    """Create or update a product by the bank's own id (a bank for itself; admin names bank_id)

     银行按自己的产品编号新建或更新产品：新建 201（带 Location），条款变化时更新并生成新版本（200），
    条款相同则不写入（200）；`Sync-Result` 头说明是哪一种。状态不随同步改变：已下架的仍为已下架。

    Args:
        external_ref (str): The bank's own id of the product
        bank_id (None | Unset | UUID): The bank whose catalogue is synced: admin names it, a bank
            may omit it
        body (ProductCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProductRead]
    """

    kwargs = _get_kwargs(
        external_ref=external_ref,
        body=body,
        bank_id=bank_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    external_ref: str,
    *,
    client: AuthenticatedClient,
    body: ProductCreate,
    bank_id: None | Unset | UUID = UNSET,
) -> Problem | ProductRead | None:
    """Create or update a product by the bank's own id (a bank for itself; admin names bank_id)

     银行按自己的产品编号新建或更新产品：新建 201（带 Location），条款变化时更新并生成新版本（200），
    条款相同则不写入（200）；`Sync-Result` 头说明是哪一种。状态不随同步改变：已下架的仍为已下架。

    Args:
        external_ref (str): The bank's own id of the product
        bank_id (None | Unset | UUID): The bank whose catalogue is synced: admin names it, a bank
            may omit it
        body (ProductCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProductRead
    """

    return (
        await asyncio_detailed(
            external_ref=external_ref,
            client=client,
            body=body,
            bank_id=bank_id,
        )
    ).parsed

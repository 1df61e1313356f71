from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.product_batch import ProductBatch
from ...models.product_batch_result import ProductBatchResult
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ProductBatch,
    bank_id: None | Unset | UUID = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

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
        "method": "post",
        "url": "/finance/products/batch",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ProductBatchResult | None:
    if response.status_code == 200:
        response_200 = ProductBatchResult.from_dict(response.json())

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
) -> Response[Problem | ProductBatchResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ProductBatch,
    bank_id: None | Unset | UUID = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ProductBatchResult]:
    """Sync up to 500 products by the bank's own ids, with a result per item

     一次同步至多 500 个产品（每项带 external_ref），逐项返回 created、updated、unchanged 或 invalid（附字段错误）；
    一项无效不影响其他项。重复提交同一批次，各项均为 unchanged。超过 500 项时整体 422。

    Args:
        bank_id (None | Unset | UUID): The bank whose catalogue is synced: admin names it, a bank
            may omit it
        idempotency_key (str | Unset):
        body (ProductBatch): Up to 500 products, each validated on its own: a bad one is answered
            `invalid` and the others are kept.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProductBatchResult]
    """

    kwargs = _get_kwargs(
        body=body,
        bank_id=bank_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ProductBatch,
    bank_id: None | Unset | UUID = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ProductBatchResult | None:
    """Sync up to 500 products by the bank's own ids, with a result per item

     一次同步至多 500 个产品（每项带 external_ref），逐项返回 created、updated、unchanged 或 invalid（附字段错误）；
    一项无效不影响其他项。重复提交同一批次，各项均为 unchanged。超过 500 项时整体 422。

    Args:
        bank_id (None | Unset | UUID): The bank whose catalogue is synced: admin names it, a bank
            may omit it
        idempotency_key (str | Unset):
        body (ProductBatch): Up to 500 products, each validated on its own: a bad one is answered
            `invalid` and the others are kept.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProductBatchResult
    """

    return sync_detailed(
        client=client,
        body=body,
        bank_id=bank_id,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ProductBatch,
    bank_id: None | Unset | UUID = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ProductBatchResult]:
    """Sync up to 500 products by the bank's own ids, with a result per item

     一次同步至多 500 个产品（每项带 external_ref），逐项返回 created、updated、unchanged 或 invalid（附字段错误）；
    一项无效不影响其他项。重复提交同一批次，各项均为 unchanged。超过 500 项时整体 422。

    Args:
        bank_id (None | Unset | UUID): The bank whose catalogue is synced: admin names it, a bank
            may omit it
        idempotency_key (str | Unset):
        body (ProductBatch): Up to 500 products, each validated on its own: a bad one is answered
            `invalid` and the others are kept.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProductBatchResult]
    """

    kwargs = _get_kwargs(
        body=body,
        bank_id=bank_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ProductBatch,
    bank_id: None | Unset | UUID = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ProductBatchResult | None:
    """Sync up to 500 products by the bank's own ids, with a result per item

     一次同步至多 500 个产品（每项带 external_ref），逐项返回 created、updated、unchanged 或 invalid（附字段错误）；
    一项无效不影响其他项。重复提交同一批次，各项均为 unchanged。超过 500 项时整体 422。

    Args:
        bank_id (None | Unset | UUID): The bank whose catalogue is synced: admin names it, a bank
            may omit it
        idempotency_key (str | Unset):
        body (ProductBatch): Up to 500 products, each validated on its own: a bad one is answered
            `invalid` and the others are kept.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProductBatchResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            bank_id=bank_id,
            idempotency_key=idempotency_key,
        )
    ).parsed

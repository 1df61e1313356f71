from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.add_vault_document_body import AddVaultDocumentBody
from ...models.problem import Problem
from ...models.vault_document_read import VaultDocumentRead
from ...types import Response


def _get_kwargs(
    *,
    body: AddVaultDocumentBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/approval/vault",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | VaultDocumentRead | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 201:
        response_201 = VaultDocumentRead.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[Any | Problem | VaultDocumentRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: AddVaultDocumentBody,
) -> Response[Any | Problem | VaultDocumentRead]:
    """Keep a document in the enterprise's materials vault for reuse (the enterprise; admin on its behalf)

     把一份证照或材料存入企业材料库（multipart：`file`、`material_code`，可选 `issuer`、`valid_until`）。
    之后的申请以 `use_vault: true` 复用有效期覆盖办结期限的文件，无需再次上传。

    Args:
        body (AddVaultDocumentBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | VaultDocumentRead]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: AddVaultDocumentBody,
) -> Any | Problem | VaultDocumentRead | None:
    """Keep a document in the enterprise's materials vault for reuse (the enterprise; admin on its behalf)

     把一份证照或材料存入企业材料库（multipart：`file`、`material_code`，可选 `issuer`、`valid_until`）。
    之后的申请以 `use_vault: true` 复用有效期覆盖办结期限的文件，无需再次上传。

    Args:
        body (AddVaultDocumentBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | VaultDocumentRead
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: AddVaultDocumentBody,
) -> Response[Any | Problem | VaultDocumentRead]:
    """Keep a document in the enterprise's materials vault for reuse (the enterprise; admin on its behalf)

     把一份证照或材料存入企业材料库（multipart：`file`、`material_code`，可选 `issuer`、`valid_until`）。
    之后的申请以 `use_vault: true` 复用有效期覆盖办结期限的文件，无需再次上传。

    Args:
        body (AddVaultDocumentBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | VaultDocumentRead]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: AddVaultDocumentBody,
) -> Any | Problem | VaultDocumentRead | None:
    """Keep a document in the enterprise's materials vault for reuse (the enterprise; admin on its behalf)

     把一份证照或材料存入企业材料库（multipart：`file`、`material_code`，可选 `issuer`、`valid_until`）。
    之后的申请以 `use_vault: true` 复用有效期覆盖办结期限的文件，无需再次上传。

    Args:
        body (AddVaultDocumentBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | VaultDocumentRead
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed

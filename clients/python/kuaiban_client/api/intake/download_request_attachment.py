from http import HTTPStatus
from io import BytesIO
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import File, Response


def _get_kwargs(
    request_id: UUID,
    attachment_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/intake/requests/{request_id}/attachments/{attachment_id}".format(
            request_id=quote(str(request_id), safe=""),
            attachment_id=quote(str(attachment_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | File | Problem | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 206:
        response_206 = File(payload=BytesIO(response.content))

        return response_206

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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

    if response.status_code == 416:
        response_416 = cast(Any, None)
        return response_416

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
) -> Response[Any | File | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    request_id: UUID,
    attachment_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Any | File | Problem]:
    """Download an attachment (whoever sees the request)

     下载附件：`Content-Disposition` 带原文件名；支持 `Range` 断点续传（206）和 `If-None-Match` 缓存校验（304，
    ETag 为文件的 SHA-256）。看不到该诉求的调用方得到 404。

    Args:
        request_id (UUID):
        attachment_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | File | Problem]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
        attachment_id=attachment_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    request_id: UUID,
    attachment_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Any | File | Problem | None:
    """Download an attachment (whoever sees the request)

     下载附件：`Content-Disposition` 带原文件名；支持 `Range` 断点续传（206）和 `If-None-Match` 缓存校验（304，
    ETag 为文件的 SHA-256）。看不到该诉求的调用方得到 404。

    Args:
        request_id (UUID):
        attachment_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | File | Problem
    """

    return sync_detailed(
        request_id=request_id,
        attachment_id=attachment_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    request_id: UUID,
    attachment_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Any | File | Problem]:
    """Download an attachment (whoever sees the request)

     下载附件：`Content-Disposition` 带原文件名；支持 `Range` 断点续传（206）和 `If-None-Match` 缓存校验（304，
    ETag 为文件的 SHA-256）。看不到该诉求的调用方得到 404。

    Args:
        request_id (UUID):
        attachment_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | File | Problem]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
        attachment_id=attachment_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    request_id: UUID,
    attachment_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Any | File | Problem | None:
    """Download an attachment (whoever sees the request)

     下载附件：`Content-Disposition` 带原文件名；支持 `Range` 断点续传（206）和 `If-None-Match` 缓存校验（304，
    ETag 为文件的 SHA-256）。看不到该诉求的调用方得到 404。

    Args:
        request_id (UUID):
        attachment_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | File | Problem
    """

    return (
        await asyncio_detailed(
            request_id=request_id,
            attachment_id=attachment_id,
            client=client,
        )
    ).parsed

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
    application_id: UUID,
    material_code: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/approval/applications/{application_id}/materials/{material_code}".format(
            application_id=quote(str(application_id), safe=""),
            material_code=quote(str(material_code), safe=""),
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
    application_id: UUID,
    material_code: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | File | Problem]:
    """Download a material's file (whoever sees the application)

     下载某项材料的文件；支持 Range 与 If-None-Match（ETag 为 SHA-256）。部门工作人员仅可下载有本部门任务的
    申请的材料，其他人 404。

    Args:
        application_id (UUID):
        material_code (str): A material code of the application's matter

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | File | Problem]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        material_code=material_code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    application_id: UUID,
    material_code: str,
    *,
    client: AuthenticatedClient,
) -> Any | File | Problem | None:
    """Download a material's file (whoever sees the application)

     下载某项材料的文件；支持 Range 与 If-None-Match（ETag 为 SHA-256）。部门工作人员仅可下载有本部门任务的
    申请的材料，其他人 404。

    Args:
        application_id (UUID):
        material_code (str): A material code of the application's matter

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | File | Problem
    """

    return sync_detailed(
        application_id=application_id,
        material_code=material_code,
        client=client,
    ).parsed


async def asyncio_detailed(
    application_id: UUID,
    material_code: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | File | Problem]:
    """Download a material's file (whoever sees the application)

     下载某项材料的文件；支持 Range 与 If-None-Match（ETag 为 SHA-256）。部门工作人员仅可下载有本部门任务的
    申请的材料，其他人 404。

    Args:
        application_id (UUID):
        material_code (str): A material code of the application's matter

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | File | Problem]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        material_code=material_code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    application_id: UUID,
    material_code: str,
    *,
    client: AuthenticatedClient,
) -> Any | File | Problem | None:
    """Download a material's file (whoever sees the application)

     下载某项材料的文件；支持 Range 与 If-None-Match（ETag 为 SHA-256）。部门工作人员仅可下载有本部门任务的
    申请的材料，其他人 404。

    Args:
        application_id (UUID):
        material_code (str): A material code of the application's matter

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | File | Problem
    """

    return (
        await asyncio_detailed(
            application_id=application_id,
            material_code=material_code,
            client=client,
        )
    ).parsed

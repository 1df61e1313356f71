from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.application_material_read import ApplicationMaterialRead
from ...models.problem import Problem
from ...models.upload_material_body import UploadMaterialBody
from ...types import Response


def _get_kwargs(
    application_id: UUID,
    material_code: str,
    *,
    body: UploadMaterialBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/approval/applications/{application_id}/materials/{material_code}".format(
            application_id=quote(str(application_id), safe=""),
            material_code=quote(str(material_code), safe=""),
        ),
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ApplicationMaterialRead | Problem | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 201:
        response_201 = ApplicationMaterialRead.from_dict(response.json())

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
) -> Response[Any | ApplicationMaterialRead | Problem]:
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
    body: UploadMaterialBody,
) -> Response[Any | ApplicationMaterialRead | Problem]:
    """Upload the file of a material (the enterprise; admin on its behalf)

     上传某项材料的文件（multipart，字段 `file`；PDF、JPEG、PNG 或 OFD，按内容判断）。该材料即视为已提交，
    兑现对应的容缺承诺，替换此前的文件或材料库复用。同一文件再次上传时 200，不重复保存。

    Args:
        application_id (UUID):
        material_code (str): A material code of the application's matter
        body (UploadMaterialBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ApplicationMaterialRead | Problem]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        material_code=material_code,
        body=body,
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
    body: UploadMaterialBody,
) -> Any | ApplicationMaterialRead | Problem | None:
    """Upload the file of a material (the enterprise; admin on its behalf)

     上传某项材料的文件（multipart，字段 `file`；PDF、JPEG、PNG 或 OFD，按内容判断）。该材料即视为已提交，
    兑现对应的容缺承诺，替换此前的文件或材料库复用。同一文件再次上传时 200，不重复保存。

    Args:
        application_id (UUID):
        material_code (str): A material code of the application's matter
        body (UploadMaterialBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ApplicationMaterialRead | Problem
    """

    return sync_detailed(
        application_id=application_id,
        material_code=material_code,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    application_id: UUID,
    material_code: str,
    *,
    client: AuthenticatedClient,
    body: UploadMaterialBody,
) -> Response[Any | ApplicationMaterialRead | Problem]:
    """Upload the file of a material (the enterprise; admin on its behalf)

     上传某项材料的文件（multipart，字段 `file`；PDF、JPEG、PNG 或 OFD，按内容判断）。该材料即视为已提交，
    兑现对应的容缺承诺，替换此前的文件或材料库复用。同一文件再次上传时 200，不重复保存。

    Args:
        application_id (UUID):
        material_code (str): A material code of the application's matter
        body (UploadMaterialBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ApplicationMaterialRead | Problem]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        material_code=material_code,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    application_id: UUID,
    material_code: str,
    *,
    client: AuthenticatedClient,
    body: UploadMaterialBody,
) -> Any | ApplicationMaterialRead | Problem | None:
    """Upload the file of a material (the enterprise; admin on its behalf)

     上传某项材料的文件（multipart，字段 `file`；PDF、JPEG、PNG 或 OFD，按内容判断）。该材料即视为已提交，
    兑现对应的容缺承诺，替换此前的文件或材料库复用。同一文件再次上传时 200，不重复保存。

    Args:
        application_id (UUID):
        material_code (str): A material code of the application's matter
        body (UploadMaterialBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ApplicationMaterialRead | Problem
    """

    return (
        await asyncio_detailed(
            application_id=application_id,
            material_code=material_code,
            client=client,
            body=body,
        )
    ).parsed

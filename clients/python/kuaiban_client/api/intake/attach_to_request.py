from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.attach_to_request_body import AttachToRequestBody
from ...models.problem import Problem
from ...models.request_attachment_read import RequestAttachmentRead
from ...types import Response


def _get_kwargs(
    request_id: UUID,
    *,
    body: AttachToRequestBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/intake/requests/{request_id}/attachments".format(
            request_id=quote(str(request_id), safe=""),
        ),
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RequestAttachmentRead | None:
    if response.status_code == 200:
        response_200 = RequestAttachmentRead.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = RequestAttachmentRead.from_dict(response.json())

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
) -> Response[Problem | RequestAttachmentRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AttachToRequestBody,
) -> Response[Problem | RequestAttachmentRead]:
    """Attach a photo or document: the enterprise to its request, the lead department to the reply

     为诉求上传附件（照片或文件，multipart/form-data，文件放在 `file` 字段）：企业为自己的诉求上传（`part=request`，
    办结前），牵头部门工作人员为答复上传（`part=reply`，交办后、办结前）。只接受 PDF、JPEG、PNG、OFD（按内容判断，
    否则 415），超过大小上限 413，每条诉求最多 20 个附件。同一文件再次上传到同一诉求的同一部分时返回 200 和已有附件，
    不重复保存；新附件返回 201，`Location` 指向其下载地址。看不到的诉求返回 404。

    Args:
        request_id (UUID):
        body (AttachToRequestBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RequestAttachmentRead]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AttachToRequestBody,
) -> Problem | RequestAttachmentRead | None:
    """Attach a photo or document: the enterprise to its request, the lead department to the reply

     为诉求上传附件（照片或文件，multipart/form-data，文件放在 `file` 字段）：企业为自己的诉求上传（`part=request`，
    办结前），牵头部门工作人员为答复上传（`part=reply`，交办后、办结前）。只接受 PDF、JPEG、PNG、OFD（按内容判断，
    否则 415），超过大小上限 413，每条诉求最多 20 个附件。同一文件再次上传到同一诉求的同一部分时返回 200 和已有附件，
    不重复保存；新附件返回 201，`Location` 指向其下载地址。看不到的诉求返回 404。

    Args:
        request_id (UUID):
        body (AttachToRequestBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RequestAttachmentRead
    """

    return sync_detailed(
        request_id=request_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AttachToRequestBody,
) -> Response[Problem | RequestAttachmentRead]:
    """Attach a photo or document: the enterprise to its request, the lead department to the reply

     为诉求上传附件（照片或文件，multipart/form-data，文件放在 `file` 字段）：企业为自己的诉求上传（`part=request`，
    办结前），牵头部门工作人员为答复上传（`part=reply`，交办后、办结前）。只接受 PDF、JPEG、PNG、OFD（按内容判断，
    否则 415），超过大小上限 413，每条诉求最多 20 个附件。同一文件再次上传到同一诉求的同一部分时返回 200 和已有附件，
    不重复保存；新附件返回 201，`Location` 指向其下载地址。看不到的诉求返回 404。

    Args:
        request_id (UUID):
        body (AttachToRequestBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RequestAttachmentRead]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AttachToRequestBody,
) -> Problem | RequestAttachmentRead | None:
    """Attach a photo or document: the enterprise to its request, the lead department to the reply

     为诉求上传附件（照片或文件，multipart/form-data，文件放在 `file` 字段）：企业为自己的诉求上传（`part=request`，
    办结前），牵头部门工作人员为答复上传（`part=reply`，交办后、办结前）。只接受 PDF、JPEG、PNG、OFD（按内容判断，
    否则 415），超过大小上限 413，每条诉求最多 20 个附件。同一文件再次上传到同一诉求的同一部分时返回 200 和已有附件，
    不重复保存；新附件返回 201，`Location` 指向其下载地址。看不到的诉求返回 404。

    Args:
        request_id (UUID):
        body (AttachToRequestBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RequestAttachmentRead
    """

    return (
        await asyncio_detailed(
            request_id=request_id,
            client=client,
            body=body,
        )
    ).parsed

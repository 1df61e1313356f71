from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.onsite_read import OnsiteRead
from ...models.onsite_schedule import OnsiteSchedule
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    request_id: UUID,
    *,
    body: OnsiteSchedule,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/intake/onsite-requests/{request_id}/schedule".format(
            request_id=quote(str(request_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OnsiteRead | Problem | None:
    if response.status_code == 200:
        response_200 = OnsiteRead.from_dict(response.json())

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
) -> Response[OnsiteRead | Problem]:
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
    body: OnsiteSchedule,
    idempotency_key: str | Unset = UNSET,
) -> Response[OnsiteRead | Problem]:
    """Schedule the visit with an officer of the department (admin, officers of the department)

     为上门办排期（管理员、承办部门的工作人员；其他部门 403）：指派承办部门的工作人员（否则 422）和工作日内的将来时间
    （否则 422）；该工作人员同一时间已有上门安排时 409 `slot_full`。尚未开始的排期可重新排期。记入企业时间线
    （`onsite.scheduled`），前一个工作日提醒。

    Args:
        request_id (UUID):
        idempotency_key (str | Unset):
        body (OnsiteSchedule):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OnsiteRead | Problem]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OnsiteSchedule,
    idempotency_key: str | Unset = UNSET,
) -> OnsiteRead | Problem | None:
    """Schedule the visit with an officer of the department (admin, officers of the department)

     为上门办排期（管理员、承办部门的工作人员；其他部门 403）：指派承办部门的工作人员（否则 422）和工作日内的将来时间
    （否则 422）；该工作人员同一时间已有上门安排时 409 `slot_full`。尚未开始的排期可重新排期。记入企业时间线
    （`onsite.scheduled`），前一个工作日提醒。

    Args:
        request_id (UUID):
        idempotency_key (str | Unset):
        body (OnsiteSchedule):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OnsiteRead | Problem
    """

    return sync_detailed(
        request_id=request_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OnsiteSchedule,
    idempotency_key: str | Unset = UNSET,
) -> Response[OnsiteRead | Problem]:
    """Schedule the visit with an officer of the department (admin, officers of the department)

     为上门办排期（管理员、承办部门的工作人员；其他部门 403）：指派承办部门的工作人员（否则 422）和工作日内的将来时间
    （否则 422）；该工作人员同一时间已有上门安排时 409 `slot_full`。尚未开始的排期可重新排期。记入企业时间线
    （`onsite.scheduled`），前一个工作日提醒。

    Args:
        request_id (UUID):
        idempotency_key (str | Unset):
        body (OnsiteSchedule):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OnsiteRead | Problem]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    request_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OnsiteSchedule,
    idempotency_key: str | Unset = UNSET,
) -> OnsiteRead | Problem | None:
    """Schedule the visit with an officer of the department (admin, officers of the department)

     为上门办排期（管理员、承办部门的工作人员；其他部门 403）：指派承办部门的工作人员（否则 422）和工作日内的将来时间
    （否则 422）；该工作人员同一时间已有上门安排时 409 `slot_full`。尚未开始的排期可重新排期。记入企业时间线
    （`onsite.scheduled`），前一个工作日提醒。

    Args:
        request_id (UUID):
        idempotency_key (str | Unset):
        body (OnsiteSchedule):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OnsiteRead | Problem
    """

    return (
        await asyncio_detailed(
            request_id=request_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed

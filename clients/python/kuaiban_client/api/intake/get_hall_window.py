from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.window_read import WindowRead
from ...types import Response


def _get_kwargs(
    hall_id: UUID,
    window_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/intake/halls/{hall_id}/windows/{window_id}".format(
            hall_id=quote(str(hall_id), safe=""),
            window_id=quote(str(window_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WindowRead | None:
    if response.status_code == 200:
        response_200 = WindowRead.from_dict(response.json())

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
) -> Response[Problem | WindowRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    hall_id: UUID,
    window_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | WindowRead]:
    """One window of a hall (anyone logged in)

     大厅的一个窗口。

    Args:
        hall_id (UUID):
        window_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WindowRead]
    """

    kwargs = _get_kwargs(
        hall_id=hall_id,
        window_id=window_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    hall_id: UUID,
    window_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | WindowRead | None:
    """One window of a hall (anyone logged in)

     大厅的一个窗口。

    Args:
        hall_id (UUID):
        window_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WindowRead
    """

    return sync_detailed(
        hall_id=hall_id,
        window_id=window_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    hall_id: UUID,
    window_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | WindowRead]:
    """One window of a hall (anyone logged in)

     大厅的一个窗口。

    Args:
        hall_id (UUID):
        window_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WindowRead]
    """

    kwargs = _get_kwargs(
        hall_id=hall_id,
        window_id=window_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    hall_id: UUID,
    window_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | WindowRead | None:
    """One window of a hall (anyone logged in)

     大厅的一个窗口。

    Args:
        hall_id (UUID):
        window_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WindowRead
    """

    return (
        await asyncio_detailed(
            hall_id=hall_id,
            window_id=window_id,
            client=client,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.window_body import WindowBody
from ...models.window_read import WindowRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    hall_id: UUID,
    *,
    body: WindowBody,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/intake/halls/{hall_id}/windows".format(
            hall_id=quote(str(hall_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WindowRead | None:
    if response.status_code == 201:
        response_201 = WindowRead.from_dict(response.json())

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
) -> Response[Problem | WindowRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    hall_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WindowBody,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | WindowRead]:
    """Add a window with its matters and weekly hours (admin)

     为大厅新增窗口（管理员）：负责部门、办理的事项编码、每周开放时段（北京时间，按号长切分为预约号，
    可标记为延时办）、号长（分钟）与每号可同时办理的人数。节假日不开放；调休上班的周末按 `makeup_day`
    （默认星期一）的时段开放；普通周末按其自身时段（如周六上午延时办）。时段有误时 422（`errors` 指出
    `hours.<序号>.<字段>`），窗口号重复时 409。

    Args:
        hall_id (UUID):
        idempotency_key (str | Unset):
        body (WindowBody): A window as an admin sets it up (and replaces it): the whole
            definition.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WindowRead]
    """

    kwargs = _get_kwargs(
        hall_id=hall_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    hall_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WindowBody,
    idempotency_key: str | Unset = UNSET,
) -> Problem | WindowRead | None:
    """Add a window with its matters and weekly hours (admin)

     为大厅新增窗口（管理员）：负责部门、办理的事项编码、每周开放时段（北京时间，按号长切分为预约号，
    可标记为延时办）、号长（分钟）与每号可同时办理的人数。节假日不开放；调休上班的周末按 `makeup_day`
    （默认星期一）的时段开放；普通周末按其自身时段（如周六上午延时办）。时段有误时 422（`errors` 指出
    `hours.<序号>.<字段>`），窗口号重复时 409。

    Args:
        hall_id (UUID):
        idempotency_key (str | Unset):
        body (WindowBody): A window as an admin sets it up (and replaces it): the whole
            definition.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WindowRead
    """

    return sync_detailed(
        hall_id=hall_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    hall_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WindowBody,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | WindowRead]:
    """Add a window with its matters and weekly hours (admin)

     为大厅新增窗口（管理员）：负责部门、办理的事项编码、每周开放时段（北京时间，按号长切分为预约号，
    可标记为延时办）、号长（分钟）与每号可同时办理的人数。节假日不开放；调休上班的周末按 `makeup_day`
    （默认星期一）的时段开放；普通周末按其自身时段（如周六上午延时办）。时段有误时 422（`errors` 指出
    `hours.<序号>.<字段>`），窗口号重复时 409。

    Args:
        hall_id (UUID):
        idempotency_key (str | Unset):
        body (WindowBody): A window as an admin sets it up (and replaces it): the whole
            definition.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WindowRead]
    """

    kwargs = _get_kwargs(
        hall_id=hall_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    hall_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WindowBody,
    idempotency_key: str | Unset = UNSET,
) -> Problem | WindowRead | None:
    """Add a window with its matters and weekly hours (admin)

     为大厅新增窗口（管理员）：负责部门、办理的事项编码、每周开放时段（北京时间，按号长切分为预约号，
    可标记为延时办）、号长（分钟）与每号可同时办理的人数。节假日不开放；调休上班的周末按 `makeup_day`
    （默认星期一）的时段开放；普通周末按其自身时段（如周六上午延时办）。时段有误时 422（`errors` 指出
    `hours.<序号>.<字段>`），窗口号重复时 409。

    Args:
        hall_id (UUID):
        idempotency_key (str | Unset):
        body (WindowBody): A window as an admin sets it up (and replaces it): the whole
            definition.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WindowRead
    """

    return (
        await asyncio_detailed(
            hall_id=hall_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed

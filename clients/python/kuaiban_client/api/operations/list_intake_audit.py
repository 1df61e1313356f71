import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_page import AuditPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    actor: None | str | Unset = UNSET,
    resource: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_actor: None | str | Unset
    if isinstance(actor, Unset):
        json_actor = UNSET
    else:
        json_actor = actor
    params["actor"] = json_actor

    json_resource: None | str | Unset
    if isinstance(resource, Unset):
        json_resource = UNSET
    else:
        json_resource = resource
    params["resource"] = json_resource

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.datetime):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/intake/audit",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuditPage | Problem | None:
    if response.status_code == 200:
        response_200 = AuditPage.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuditPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    actor: None | str | Unset = UNSET,
    resource: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[AuditPage | Problem]:
    """Who changed what, and when (admin)

     本服务每一次改动的审计记录（谁、以何种角色、经哪个操作、改了哪条记录、改前改后的字段、请求编号），与改动同一事务写入，最近的在前。`resource` 可为类型（如
    `request`）或“类型/编号”。

    Args:
        actor (None | str | Unset): Username of the caller
        resource (None | str | Unset): `type` or `type/id`, e.g. `request/…`
        since (datetime.datetime | None | Unset): Only changes at or after this instant
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPage | Problem]
    """

    kwargs = _get_kwargs(
        actor=actor,
        resource=resource,
        since=since,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    actor: None | str | Unset = UNSET,
    resource: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> AuditPage | Problem | None:
    """Who changed what, and when (admin)

     本服务每一次改动的审计记录（谁、以何种角色、经哪个操作、改了哪条记录、改前改后的字段、请求编号），与改动同一事务写入，最近的在前。`resource` 可为类型（如
    `request`）或“类型/编号”。

    Args:
        actor (None | str | Unset): Username of the caller
        resource (None | str | Unset): `type` or `type/id`, e.g. `request/…`
        since (datetime.datetime | None | Unset): Only changes at or after this instant
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPage | Problem
    """

    return sync_detailed(
        client=client,
        actor=actor,
        resource=resource,
        since=since,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    actor: None | str | Unset = UNSET,
    resource: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[AuditPage | Problem]:
    """Who changed what, and when (admin)

     本服务每一次改动的审计记录（谁、以何种角色、经哪个操作、改了哪条记录、改前改后的字段、请求编号），与改动同一事务写入，最近的在前。`resource` 可为类型（如
    `request`）或“类型/编号”。

    Args:
        actor (None | str | Unset): Username of the caller
        resource (None | str | Unset): `type` or `type/id`, e.g. `request/…`
        since (datetime.datetime | None | Unset): Only changes at or after this instant
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPage | Problem]
    """

    kwargs = _get_kwargs(
        actor=actor,
        resource=resource,
        since=since,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    actor: None | str | Unset = UNSET,
    resource: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> AuditPage | Problem | None:
    """Who changed what, and when (admin)

     本服务每一次改动的审计记录（谁、以何种角色、经哪个操作、改了哪条记录、改前改后的字段、请求编号），与改动同一事务写入，最近的在前。`resource` 可为类型（如
    `request`）或“类型/编号”。

    Args:
        actor (None | str | Unset): Username of the caller
        resource (None | str | Unset): `type` or `type/id`, e.g. `request/…`
        since (datetime.datetime | None | Unset): Only changes at or after this instant
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            actor=actor,
            resource=resource,
            since=since,
            limit=limit,
            cursor=cursor,
        )
    ).parsed

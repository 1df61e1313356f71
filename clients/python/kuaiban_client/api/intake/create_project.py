from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.project_create import ProjectCreate
from ...models.project_read import ProjectRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ProjectCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/intake/projects",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ProjectRead | None:
    if response.status_code == 201:
        response_201 = ProjectRead.from_dict(response.json())

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
) -> Response[Problem | ProjectRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ProjectCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ProjectRead]:
    """Record an investment project, 招商项目 (admin, an officer: its liaison)

     登记招商项目（管理员、工作人员），阶段为洽谈中（`negotiating`），自首次洽谈日起。项目属于已登记的企业
    （`enterprise_id`），或尚未注册的投资方（`investor_name`，注册后再关联企业）。工作人员登记的项目由本人包保；
    管理员可指定包保专员（须是工作人员账号，否则 422；网关不可达时 503）。有企业的项目记入企业时间线。

    Args:
        idempotency_key (str | Unset):
        body (ProjectCreate): A new project, negotiating from its first talk: an enterprise's
            (`enterprise_id`) or a prospective
            investor's not yet registered (`investor_name`); at least one of them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProjectRead]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ProjectCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ProjectRead | None:
    """Record an investment project, 招商项目 (admin, an officer: its liaison)

     登记招商项目（管理员、工作人员），阶段为洽谈中（`negotiating`），自首次洽谈日起。项目属于已登记的企业
    （`enterprise_id`），或尚未注册的投资方（`investor_name`，注册后再关联企业）。工作人员登记的项目由本人包保；
    管理员可指定包保专员（须是工作人员账号，否则 422；网关不可达时 503）。有企业的项目记入企业时间线。

    Args:
        idempotency_key (str | Unset):
        body (ProjectCreate): A new project, negotiating from its first talk: an enterprise's
            (`enterprise_id`) or a prospective
            investor's not yet registered (`investor_name`); at least one of them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProjectRead
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ProjectCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ProjectRead]:
    """Record an investment project, 招商项目 (admin, an officer: its liaison)

     登记招商项目（管理员、工作人员），阶段为洽谈中（`negotiating`），自首次洽谈日起。项目属于已登记的企业
    （`enterprise_id`），或尚未注册的投资方（`investor_name`，注册后再关联企业）。工作人员登记的项目由本人包保；
    管理员可指定包保专员（须是工作人员账号，否则 422；网关不可达时 503）。有企业的项目记入企业时间线。

    Args:
        idempotency_key (str | Unset):
        body (ProjectCreate): A new project, negotiating from its first talk: an enterprise's
            (`enterprise_id`) or a prospective
            investor's not yet registered (`investor_name`); at least one of them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProjectRead]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ProjectCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ProjectRead | None:
    """Record an investment project, 招商项目 (admin, an officer: its liaison)

     登记招商项目（管理员、工作人员），阶段为洽谈中（`negotiating`），自首次洽谈日起。项目属于已登记的企业
    （`enterprise_id`），或尚未注册的投资方（`investor_name`，注册后再关联企业）。工作人员登记的项目由本人包保；
    管理员可指定包保专员（须是工作人员账号，否则 422；网关不可达时 503）。有企业的项目记入企业时间线。

    Args:
        idempotency_key (str | Unset):
        body (ProjectCreate): A new project, negotiating from its first talk: an enterprise's
            (`enterprise_id`) or a prospective
            investor's not yet registered (`investor_name`); at least one of them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProjectRead
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.project_read import ProjectRead
from ...models.project_update import ProjectUpdate
from ...types import Response


def _get_kwargs(
    project_id: UUID,
    *,
    body: ProjectUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/intake/projects/{project_id}".format(
            project_id=quote(str(project_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ProjectRead | None:
    if response.status_code == 200:
        response_200 = ProjectRead.from_dict(response.json())

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
) -> Response[Problem | ProjectRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProjectUpdate,
) -> Response[Problem | ProjectRead]:
    """Change a project's fields or link it to its enterprise (admin, its liaison officer)

     修改招商项目（管理员、该项目的包保专员）：只改所传字段；`enterprise_id` 在投资方注册后关联企业（只能关联
    一次，已关联的再改为 409）；更换包保专员仅限管理员（403）。阶段在 `/stage` 变更。无权修改的项目返回 404。

    Args:
        project_id (UUID):
        body (ProjectUpdate): A change of the fields sent: `enterprise_id` links a prospective
            investor's project to its enterprise once
            registered (once: a linked project keeps its enterprise); `liaison` is changed by admin
            only. Target dates,
            `investor_name` and `liaison` may be sent as null to clear them. Stages change at
            `.../stage` only.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProjectRead]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProjectUpdate,
) -> Problem | ProjectRead | None:
    """Change a project's fields or link it to its enterprise (admin, its liaison officer)

     修改招商项目（管理员、该项目的包保专员）：只改所传字段；`enterprise_id` 在投资方注册后关联企业（只能关联
    一次，已关联的再改为 409）；更换包保专员仅限管理员（403）。阶段在 `/stage` 变更。无权修改的项目返回 404。

    Args:
        project_id (UUID):
        body (ProjectUpdate): A change of the fields sent: `enterprise_id` links a prospective
            investor's project to its enterprise once
            registered (once: a linked project keeps its enterprise); `liaison` is changed by admin
            only. Target dates,
            `investor_name` and `liaison` may be sent as null to clear them. Stages change at
            `.../stage` only.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProjectRead
    """

    return sync_detailed(
        project_id=project_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    project_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProjectUpdate,
) -> Response[Problem | ProjectRead]:
    """Change a project's fields or link it to its enterprise (admin, its liaison officer)

     修改招商项目（管理员、该项目的包保专员）：只改所传字段；`enterprise_id` 在投资方注册后关联企业（只能关联
    一次，已关联的再改为 409）；更换包保专员仅限管理员（403）。阶段在 `/stage` 变更。无权修改的项目返回 404。

    Args:
        project_id (UUID):
        body (ProjectUpdate): A change of the fields sent: `enterprise_id` links a prospective
            investor's project to its enterprise once
            registered (once: a linked project keeps its enterprise); `liaison` is changed by admin
            only. Target dates,
            `investor_name` and `liaison` may be sent as null to clear them. Stages change at
            `.../stage` only.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProjectRead]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProjectUpdate,
) -> Problem | ProjectRead | None:
    """Change a project's fields or link it to its enterprise (admin, its liaison officer)

     修改招商项目（管理员、该项目的包保专员）：只改所传字段；`enterprise_id` 在投资方注册后关联企业（只能关联
    一次，已关联的再改为 409）；更换包保专员仅限管理员（403）。阶段在 `/stage` 变更。无权修改的项目返回 404。

    Args:
        project_id (UUID):
        body (ProjectUpdate): A change of the fields sent: `enterprise_id` links a prospective
            investor's project to its enterprise once
            registered (once: a linked project keeps its enterprise); `liaison` is changed by admin
            only. Target dates,
            `investor_name` and `liaison` may be sent as null to clear them. Stages change at
            `.../stage` only.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProjectRead
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            client=client,
            body=body,
        )
    ).parsed

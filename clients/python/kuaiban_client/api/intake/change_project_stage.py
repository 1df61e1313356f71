from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.project_read import ProjectRead
from ...models.project_stage_change import ProjectStageChange
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: UUID,
    *,
    body: ProjectStageChange,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/intake/projects/{project_id}/stage".format(
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
    body: ProjectStageChange,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ProjectRead]:
    """Move a project to its next stage, or drop it with a reason (admin, its liaison officer)

     变更项目阶段（管理员、该项目的包保专员）：洽谈中 → 已签约 → 已开工 → 已纳统，逐级推进，不可回退或跨级
    （409 `invalid_transition`）；纳统前任何阶段都可终止（`dropped`，须填 `reason`）。日期 `on` 不得早于当前阶段的
    日期，也不得晚于今天（422）。每次变更记为项目事件，有企业的项目同时记入企业时间线。

    Args:
        project_id (UUID):
        idempotency_key (str | Unset):
        body (ProjectStageChange): The next stage and the day it was reached; `dropped` (from any
            stage before counted) with a reason.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProjectRead]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProjectStageChange,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ProjectRead | None:
    """Move a project to its next stage, or drop it with a reason (admin, its liaison officer)

     变更项目阶段（管理员、该项目的包保专员）：洽谈中 → 已签约 → 已开工 → 已纳统，逐级推进，不可回退或跨级
    （409 `invalid_transition`）；纳统前任何阶段都可终止（`dropped`，须填 `reason`）。日期 `on` 不得早于当前阶段的
    日期，也不得晚于今天（422）。每次变更记为项目事件，有企业的项目同时记入企业时间线。

    Args:
        project_id (UUID):
        idempotency_key (str | Unset):
        body (ProjectStageChange): The next stage and the day it was reached; `dropped` (from any
            stage before counted) with a reason.

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
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    project_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProjectStageChange,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ProjectRead]:
    """Move a project to its next stage, or drop it with a reason (admin, its liaison officer)

     变更项目阶段（管理员、该项目的包保专员）：洽谈中 → 已签约 → 已开工 → 已纳统，逐级推进，不可回退或跨级
    （409 `invalid_transition`）；纳统前任何阶段都可终止（`dropped`，须填 `reason`）。日期 `on` 不得早于当前阶段的
    日期，也不得晚于今天（422）。每次变更记为项目事件，有企业的项目同时记入企业时间线。

    Args:
        project_id (UUID):
        idempotency_key (str | Unset):
        body (ProjectStageChange): The next stage and the day it was reached; `dropped` (from any
            stage before counted) with a reason.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProjectRead]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProjectStageChange,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ProjectRead | None:
    """Move a project to its next stage, or drop it with a reason (admin, its liaison officer)

     变更项目阶段（管理员、该项目的包保专员）：洽谈中 → 已签约 → 已开工 → 已纳统，逐级推进，不可回退或跨级
    （409 `invalid_transition`）；纳统前任何阶段都可终止（`dropped`，须填 `reason`）。日期 `on` 不得早于当前阶段的
    日期，也不得晚于今天（422）。每次变更记为项目事件，有企业的项目同时记入企业时间线。

    Args:
        project_id (UUID):
        idempotency_key (str | Unset):
        body (ProjectStageChange): The next stage and the day it was reached; `dropped` (from any
            stage before counted) with a reason.

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
            idempotency_key=idempotency_key,
        )
    ).parsed

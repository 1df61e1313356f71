from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.critical_path_read import CriticalPathRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    application_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/approval/applications/{application_id}/critical-path".format(
            application_id=quote(str(application_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CriticalPathRead | Problem | None:
    if response.status_code == 200:
        response_200 = CriticalPathRead.from_dict(response.json())

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
) -> Response[CriticalPathRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[CriticalPathRead | Problem]:
    """Which department's task set the application's finish, and what each added beyond the fastest

     关键路径：哪个部门的审批决定了申请的办结时间，各部门比最快的部门多用了几个工作日（补正暂停不计）。
    可见范围与申请相同；非联络员的部门工作人员只看到本部门一行。

    Args:
        application_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CriticalPathRead | Problem]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
) -> CriticalPathRead | Problem | None:
    """Which department's task set the application's finish, and what each added beyond the fastest

     关键路径：哪个部门的审批决定了申请的办结时间，各部门比最快的部门多用了几个工作日（补正暂停不计）。
    可见范围与申请相同；非联络员的部门工作人员只看到本部门一行。

    Args:
        application_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CriticalPathRead | Problem
    """

    return sync_detailed(
        application_id=application_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[CriticalPathRead | Problem]:
    """Which department's task set the application's finish, and what each added beyond the fastest

     关键路径：哪个部门的审批决定了申请的办结时间，各部门比最快的部门多用了几个工作日（补正暂停不计）。
    可见范围与申请相同；非联络员的部门工作人员只看到本部门一行。

    Args:
        application_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CriticalPathRead | Problem]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
) -> CriticalPathRead | Problem | None:
    """Which department's task set the application's finish, and what each added beyond the fastest

     关键路径：哪个部门的审批决定了申请的办结时间，各部门比最快的部门多用了几个工作日（补正暂停不计）。
    可见范围与申请相同；非联络员的部门工作人员只看到本部门一行。

    Args:
        application_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CriticalPathRead | Problem
    """

    return (
        await asyncio_detailed(
            application_id=application_id,
            client=client,
        )
    ).parsed

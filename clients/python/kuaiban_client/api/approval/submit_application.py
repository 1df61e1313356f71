from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.application_create import ApplicationCreate
from ...models.application_read import ApplicationRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ApplicationCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/approval/applications",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApplicationRead | Problem | None:
    if response.status_code == 201:
        response_201 = ApplicationRead.from_dict(response.json())

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
) -> Response[ApplicationRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ApplicationCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ApplicationRead | Problem]:
    """Apply for a matter: every department's task opens at once (the enterprise; admin on its behalf)

     申请一个事项：各部门任务同时开启（并联审批）。缺少的可容缺材料须签署承诺（容缺受理），否则 422。
    答复在法定办结期限（`due_date`）旁附预计办结（`forecast`：近 90 天同事项办结申请的 p50、p90 工作日）；
    其他读取中 `forecast` 为 null。

    Args:
        idempotency_key (str | Unset):
        body (ApplicationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicationRead | Problem]
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
    body: ApplicationCreate,
    idempotency_key: str | Unset = UNSET,
) -> ApplicationRead | Problem | None:
    """Apply for a matter: every department's task opens at once (the enterprise; admin on its behalf)

     申请一个事项：各部门任务同时开启（并联审批）。缺少的可容缺材料须签署承诺（容缺受理），否则 422。
    答复在法定办结期限（`due_date`）旁附预计办结（`forecast`：近 90 天同事项办结申请的 p50、p90 工作日）；
    其他读取中 `forecast` 为 null。

    Args:
        idempotency_key (str | Unset):
        body (ApplicationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApplicationRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ApplicationCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ApplicationRead | Problem]:
    """Apply for a matter: every department's task opens at once (the enterprise; admin on its behalf)

     申请一个事项：各部门任务同时开启（并联审批）。缺少的可容缺材料须签署承诺（容缺受理），否则 422。
    答复在法定办结期限（`due_date`）旁附预计办结（`forecast`：近 90 天同事项办结申请的 p50、p90 工作日）；
    其他读取中 `forecast` 为 null。

    Args:
        idempotency_key (str | Unset):
        body (ApplicationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicationRead | Problem]
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
    body: ApplicationCreate,
    idempotency_key: str | Unset = UNSET,
) -> ApplicationRead | Problem | None:
    """Apply for a matter: every department's task opens at once (the enterprise; admin on its behalf)

     申请一个事项：各部门任务同时开启（并联审批）。缺少的可容缺材料须签署承诺（容缺受理），否则 422。
    答复在法定办结期限（`due_date`）旁附预计办结（`forecast`：近 90 天同事项办结申请的 p50、p90 工作日）；
    其他读取中 `forecast` 为 null。

    Args:
        idempotency_key (str | Unset):
        body (ApplicationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApplicationRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed

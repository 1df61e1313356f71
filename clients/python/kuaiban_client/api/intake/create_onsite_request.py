from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.onsite_create import OnsiteCreate
from ...models.onsite_read import OnsiteRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: OnsiteCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/intake/onsite-requests",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OnsiteRead | Problem | None:
    if response.status_code == 201:
        response_201 = OnsiteRead.from_dict(response.json())

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
) -> Response[OnsiteRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: OnsiteCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[OnsiteRead | Problem]:
    """Ask for service at the enterprise's site, 上门办 (the enterprise; admin or its liaison officer for it)

     申请上门办：企业为自己申请；管理员或包保专员代为申请时须填 `enterprise_id`。未指明 `department` 时由办理该事项的
    窗口所属部门承办（没有或有多个部门时 422）。记入企业时间线（`onsite.requested`）。

    Args:
        idempotency_key (str | Unset):
        body (OnsiteCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OnsiteRead | Problem]
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
    body: OnsiteCreate,
    idempotency_key: str | Unset = UNSET,
) -> OnsiteRead | Problem | None:
    """Ask for service at the enterprise's site, 上门办 (the enterprise; admin or its liaison officer for it)

     申请上门办：企业为自己申请；管理员或包保专员代为申请时须填 `enterprise_id`。未指明 `department` 时由办理该事项的
    窗口所属部门承办（没有或有多个部门时 422）。记入企业时间线（`onsite.requested`）。

    Args:
        idempotency_key (str | Unset):
        body (OnsiteCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OnsiteRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: OnsiteCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[OnsiteRead | Problem]:
    """Ask for service at the enterprise's site, 上门办 (the enterprise; admin or its liaison officer for it)

     申请上门办：企业为自己申请；管理员或包保专员代为申请时须填 `enterprise_id`。未指明 `department` 时由办理该事项的
    窗口所属部门承办（没有或有多个部门时 422）。记入企业时间线（`onsite.requested`）。

    Args:
        idempotency_key (str | Unset):
        body (OnsiteCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OnsiteRead | Problem]
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
    body: OnsiteCreate,
    idempotency_key: str | Unset = UNSET,
) -> OnsiteRead | Problem | None:
    """Ask for service at the enterprise's site, 上门办 (the enterprise; admin or its liaison officer for it)

     申请上门办：企业为自己申请；管理员或包保专员代为申请时须填 `enterprise_id`。未指明 `department` 时由办理该事项的
    窗口所属部门承办（没有或有多个部门时 422）。记入企业时间线（`onsite.requested`）。

    Args:
        idempotency_key (str | Unset):
        body (OnsiteCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OnsiteRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed

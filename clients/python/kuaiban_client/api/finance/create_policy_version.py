from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.policy_create import PolicyCreate
from ...models.policy_read import PolicyRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    policy_id: UUID,
    *,
    body: PolicyCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/finance/policies/{policy_id}/versions".format(
            policy_id=quote(str(policy_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PolicyRead | Problem | None:
    if response.status_code == 201:
        response_201 = PolicyRead.from_dict(response.json())

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
) -> Response[PolicyRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    policy_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PolicyCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[PolicyRead | Problem]:
    """Draft the policy's next version (admin, or the issuing department); publishing it supersedes the
    last

     已发布政策的规则不可修改：修改即起草新版本（同一 `series_id`，版本号加一），发布后取代旧版本。
    旧版本下已兑现的企业保留其奖补，不会再得第二份。

    Args:
        policy_id (UUID):
        idempotency_key (str | Unset):
        body (PolicyCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PolicyRead | Problem]
    """

    kwargs = _get_kwargs(
        policy_id=policy_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    policy_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PolicyCreate,
    idempotency_key: str | Unset = UNSET,
) -> PolicyRead | Problem | None:
    """Draft the policy's next version (admin, or the issuing department); publishing it supersedes the
    last

     已发布政策的规则不可修改：修改即起草新版本（同一 `series_id`，版本号加一），发布后取代旧版本。
    旧版本下已兑现的企业保留其奖补，不会再得第二份。

    Args:
        policy_id (UUID):
        idempotency_key (str | Unset):
        body (PolicyCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PolicyRead | Problem
    """

    return sync_detailed(
        policy_id=policy_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    policy_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PolicyCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[PolicyRead | Problem]:
    """Draft the policy's next version (admin, or the issuing department); publishing it supersedes the
    last

     已发布政策的规则不可修改：修改即起草新版本（同一 `series_id`，版本号加一），发布后取代旧版本。
    旧版本下已兑现的企业保留其奖补，不会再得第二份。

    Args:
        policy_id (UUID):
        idempotency_key (str | Unset):
        body (PolicyCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PolicyRead | Problem]
    """

    kwargs = _get_kwargs(
        policy_id=policy_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    policy_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PolicyCreate,
    idempotency_key: str | Unset = UNSET,
) -> PolicyRead | Problem | None:
    """Draft the policy's next version (admin, or the issuing department); publishing it supersedes the
    last

     已发布政策的规则不可修改：修改即起草新版本（同一 `series_id`，版本号加一），发布后取代旧版本。
    旧版本下已兑现的企业保留其奖补，不会再得第二份。

    Args:
        policy_id (UUID):
        idempotency_key (str | Unset):
        body (PolicyCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PolicyRead | Problem
    """

    return (
        await asyncio_detailed(
            policy_id=policy_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed

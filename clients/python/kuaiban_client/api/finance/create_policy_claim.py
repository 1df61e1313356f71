from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.grant_read import GrantRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    policy_id: UUID,
    *,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/finance/policies/{policy_id}/claims".format(
            policy_id=quote(str(policy_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GrantRead | Problem | None:
    if response.status_code == 201:
        response_201 = GrantRead.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GrantRead | Problem]:
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
    idempotency_key: str | Unset = UNSET,
) -> Response[GrantRead | Problem]:
    """Claim a policy benefit (the enterprise): granted at once (instant), or put to review

     即申即享：按企业在 intake 的实时档案核验，符合即兑现（`granted`，附金额）；不符合为 422 `policy_not_met`，
    `errors` 逐条列出未满足的规则代码。`review` 政策生成待审核申请（`requested`，附 `due_on`）。
    `auto` 政策无需申请（409）；同一政策（任一版本）已有奖补或申请为 409 `duplicate_grant`。

    Args:
        policy_id (UUID):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GrantRead | Problem]
    """

    kwargs = _get_kwargs(
        policy_id=policy_id,
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
    idempotency_key: str | Unset = UNSET,
) -> GrantRead | Problem | None:
    """Claim a policy benefit (the enterprise): granted at once (instant), or put to review

     即申即享：按企业在 intake 的实时档案核验，符合即兑现（`granted`，附金额）；不符合为 422 `policy_not_met`，
    `errors` 逐条列出未满足的规则代码。`review` 政策生成待审核申请（`requested`，附 `due_on`）。
    `auto` 政策无需申请（409）；同一政策（任一版本）已有奖补或申请为 409 `duplicate_grant`。

    Args:
        policy_id (UUID):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GrantRead | Problem
    """

    return sync_detailed(
        policy_id=policy_id,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    policy_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[GrantRead | Problem]:
    """Claim a policy benefit (the enterprise): granted at once (instant), or put to review

     即申即享：按企业在 intake 的实时档案核验，符合即兑现（`granted`，附金额）；不符合为 422 `policy_not_met`，
    `errors` 逐条列出未满足的规则代码。`review` 政策生成待审核申请（`requested`，附 `due_on`）。
    `auto` 政策无需申请（409）；同一政策（任一版本）已有奖补或申请为 409 `duplicate_grant`。

    Args:
        policy_id (UUID):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GrantRead | Problem]
    """

    kwargs = _get_kwargs(
        policy_id=policy_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    policy_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> GrantRead | Problem | None:
    """Claim a policy benefit (the enterprise): granted at once (instant), or put to review

     即申即享：按企业在 intake 的实时档案核验，符合即兑现（`granted`，附金额）；不符合为 422 `policy_not_met`，
    `errors` 逐条列出未满足的规则代码。`review` 政策生成待审核申请（`requested`，附 `due_on`）。
    `auto` 政策无需申请（409）；同一政策（任一版本）已有奖补或申请为 409 `duplicate_grant`。

    Args:
        policy_id (UUID):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GrantRead | Problem
    """

    return (
        await asyncio_detailed(
            policy_id=policy_id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed

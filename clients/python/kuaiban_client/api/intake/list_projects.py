from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chain import Chain
from ...models.problem import Problem
from ...models.project_page import ProjectPage
from ...models.project_stage import ProjectStage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    stage: None | ProjectStage | Unset = UNSET,
    chain: Chain | None | Unset = UNSET,
    town: None | str | Unset = UNSET,
    enterprise_id: None | Unset | UUID = UNSET,
    liaison: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_stage: None | str | Unset
    if isinstance(stage, Unset):
        json_stage = UNSET
    elif isinstance(stage, ProjectStage):
        json_stage = stage.value
    else:
        json_stage = stage
    params["stage"] = json_stage

    json_chain: None | str | Unset
    if isinstance(chain, Unset):
        json_chain = UNSET
    elif isinstance(chain, Chain):
        json_chain = chain.value
    else:
        json_chain = chain
    params["chain"] = json_chain

    json_town: None | str | Unset
    if isinstance(town, Unset):
        json_town = UNSET
    else:
        json_town = town
    params["town"] = json_town

    json_enterprise_id: None | str | Unset
    if isinstance(enterprise_id, Unset):
        json_enterprise_id = UNSET
    elif isinstance(enterprise_id, UUID):
        json_enterprise_id = str(enterprise_id)
    else:
        json_enterprise_id = enterprise_id
    params["enterprise_id"] = json_enterprise_id

    json_liaison: None | str | Unset
    if isinstance(liaison, Unset):
        json_liaison = UNSET
    else:
        json_liaison = liaison
    params["liaison"] = json_liaison

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
        "url": "/intake/projects",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ProjectPage | None:
    if response.status_code == 200:
        response_200 = ProjectPage.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | ProjectPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    stage: None | ProjectStage | Unset = UNSET,
    chain: Chain | None | Unset = UNSET,
    town: None | str | Unset = UNSET,
    enterprise_id: None | Unset | UUID = UNSET,
    liaison: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[Problem | ProjectPage]:
    """Investment projects the caller may see, newest first

     调用方可见的招商项目，新登记的在前；可按阶段、产业链、乡镇或园区、企业、包保专员筛选。管理员和县领导看全部，
    工作人员看本人包保的，企业看自己的。

    Args:
        stage (None | ProjectStage | Unset):
        chain (Chain | None | Unset):
        town (None | str | Unset): The town or park (town_or_park)
        enterprise_id (None | Unset | UUID):
        liaison (None | str | Unset): The liaison officer's username
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProjectPage]
    """

    kwargs = _get_kwargs(
        stage=stage,
        chain=chain,
        town=town,
        enterprise_id=enterprise_id,
        liaison=liaison,
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
    stage: None | ProjectStage | Unset = UNSET,
    chain: Chain | None | Unset = UNSET,
    town: None | str | Unset = UNSET,
    enterprise_id: None | Unset | UUID = UNSET,
    liaison: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Problem | ProjectPage | None:
    """Investment projects the caller may see, newest first

     调用方可见的招商项目，新登记的在前；可按阶段、产业链、乡镇或园区、企业、包保专员筛选。管理员和县领导看全部，
    工作人员看本人包保的，企业看自己的。

    Args:
        stage (None | ProjectStage | Unset):
        chain (Chain | None | Unset):
        town (None | str | Unset): The town or park (town_or_park)
        enterprise_id (None | Unset | UUID):
        liaison (None | str | Unset): The liaison officer's username
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProjectPage
    """

    return sync_detailed(
        client=client,
        stage=stage,
        chain=chain,
        town=town,
        enterprise_id=enterprise_id,
        liaison=liaison,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    stage: None | ProjectStage | Unset = UNSET,
    chain: Chain | None | Unset = UNSET,
    town: None | str | Unset = UNSET,
    enterprise_id: None | Unset | UUID = UNSET,
    liaison: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[Problem | ProjectPage]:
    """Investment projects the caller may see, newest first

     调用方可见的招商项目，新登记的在前；可按阶段、产业链、乡镇或园区、企业、包保专员筛选。管理员和县领导看全部，
    工作人员看本人包保的，企业看自己的。

    Args:
        stage (None | ProjectStage | Unset):
        chain (Chain | None | Unset):
        town (None | str | Unset): The town or park (town_or_park)
        enterprise_id (None | Unset | UUID):
        liaison (None | str | Unset): The liaison officer's username
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProjectPage]
    """

    kwargs = _get_kwargs(
        stage=stage,
        chain=chain,
        town=town,
        enterprise_id=enterprise_id,
        liaison=liaison,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    stage: None | ProjectStage | Unset = UNSET,
    chain: Chain | None | Unset = UNSET,
    town: None | str | Unset = UNSET,
    enterprise_id: None | Unset | UUID = UNSET,
    liaison: None | str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Problem | ProjectPage | None:
    """Investment projects the caller may see, newest first

     调用方可见的招商项目，新登记的在前；可按阶段、产业链、乡镇或园区、企业、包保专员筛选。管理员和县领导看全部，
    工作人员看本人包保的，企业看自己的。

    Args:
        stage (None | ProjectStage | Unset):
        chain (Chain | None | Unset):
        town (None | str | Unset): The town or park (town_or_park)
        enterprise_id (None | Unset | UUID):
        liaison (None | str | Unset): The liaison officer's username
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProjectPage
    """

    return (
        await asyncio_detailed(
            client=client,
            stage=stage,
            chain=chain,
            town=town,
            enterprise_id=enterprise_id,
            liaison=liaison,
            limit=limit,
            cursor=cursor,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.calendar_year_write import CalendarYearWrite
from ...models.problem import Problem
from ...models.year_schedule_body import YearScheduleBody
from ...types import Response


def _get_kwargs(
    year: int,
    *,
    body: CalendarYearWrite,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/approval/calendar/{year}".format(
            year=quote(str(year), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | YearScheduleBody | None:
    if response.status_code == 200:
        response_200 = YearScheduleBody.from_dict(response.json())

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
) -> Response[Problem | YearScheduleBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    year: int,
    *,
    client: AuthenticatedClient,
    body: CalendarYearWrite,
) -> Response[Problem | YearScheduleBody]:
    """Replace a year's schedule, e.g. when its official notice comes out (admin)

     整体替换某年的日程，例如官方通知发布后（管理员）。已用于计算时限的年份的修改规则见 API 参考。

    Args:
        year (int): 2000–2100
        body (CalendarYearWrite): A year's official schedule as an admin loads it; it replaces the
            stored year.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | YearScheduleBody]
    """

    kwargs = _get_kwargs(
        year=year,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    year: int,
    *,
    client: AuthenticatedClient,
    body: CalendarYearWrite,
) -> Problem | YearScheduleBody | None:
    """Replace a year's schedule, e.g. when its official notice comes out (admin)

     整体替换某年的日程，例如官方通知发布后（管理员）。已用于计算时限的年份的修改规则见 API 参考。

    Args:
        year (int): 2000–2100
        body (CalendarYearWrite): A year's official schedule as an admin loads it; it replaces the
            stored year.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | YearScheduleBody
    """

    return sync_detailed(
        year=year,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    year: int,
    *,
    client: AuthenticatedClient,
    body: CalendarYearWrite,
) -> Response[Problem | YearScheduleBody]:
    """Replace a year's schedule, e.g. when its official notice comes out (admin)

     整体替换某年的日程，例如官方通知发布后（管理员）。已用于计算时限的年份的修改规则见 API 参考。

    Args:
        year (int): 2000–2100
        body (CalendarYearWrite): A year's official schedule as an admin loads it; it replaces the
            stored year.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | YearScheduleBody]
    """

    kwargs = _get_kwargs(
        year=year,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    year: int,
    *,
    client: AuthenticatedClient,
    body: CalendarYearWrite,
) -> Problem | YearScheduleBody | None:
    """Replace a year's schedule, e.g. when its official notice comes out (admin)

     整体替换某年的日程，例如官方通知发布后（管理员）。已用于计算时限的年份的修改规则见 API 参考。

    Args:
        year (int): 2000–2100
        body (CalendarYearWrite): A year's official schedule as an admin loads it; it replaces the
            stored year.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | YearScheduleBody
    """

    return (
        await asyncio_detailed(
            year=year,
            client=client,
            body=body,
        )
    ).parsed

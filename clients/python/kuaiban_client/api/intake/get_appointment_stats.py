import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.appointment_stats import AppointmentStats
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.date):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.date):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/intake/appointments/stats",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AppointmentStats | Problem | None:
    if response.status_code == 200:
        response_200 = AppointmentStats.from_dict(response.json())

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
) -> Response[AppointmentStats | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> Response[AppointmentStats | Problem]:
    """Bookings, no-show rate and wait by matter and hall; on-site counts (admin, leaders)

     预约办统计（管理员、县领导）：预约数、取消、到场、未到、未到率（已登记到场情况的预约中未到的比例）、平均等待天数
    （自预约当日至办理当日的自然日，不含已取消的），合计并按事项、按大厅分列；上门办申请与已排期数，按部门分列。

    Args:
        from_ (datetime.date | None | Unset): Appointments from this day
        to (datetime.date | None | Unset): Appointments up to this day, included

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppointmentStats | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> AppointmentStats | Problem | None:
    """Bookings, no-show rate and wait by matter and hall; on-site counts (admin, leaders)

     预约办统计（管理员、县领导）：预约数、取消、到场、未到、未到率（已登记到场情况的预约中未到的比例）、平均等待天数
    （自预约当日至办理当日的自然日，不含已取消的），合计并按事项、按大厅分列；上门办申请与已排期数，按部门分列。

    Args:
        from_ (datetime.date | None | Unset): Appointments from this day
        to (datetime.date | None | Unset): Appointments up to this day, included

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppointmentStats | Problem
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> Response[AppointmentStats | Problem]:
    """Bookings, no-show rate and wait by matter and hall; on-site counts (admin, leaders)

     预约办统计（管理员、县领导）：预约数、取消、到场、未到、未到率（已登记到场情况的预约中未到的比例）、平均等待天数
    （自预约当日至办理当日的自然日，不含已取消的），合计并按事项、按大厅分列；上门办申请与已排期数，按部门分列。

    Args:
        from_ (datetime.date | None | Unset): Appointments from this day
        to (datetime.date | None | Unset): Appointments up to this day, included

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppointmentStats | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> AppointmentStats | Problem | None:
    """Bookings, no-show rate and wait by matter and hall; on-site counts (admin, leaders)

     预约办统计（管理员、县领导）：预约数、取消、到场、未到、未到率（已登记到场情况的预约中未到的比例）、平均等待天数
    （自预约当日至办理当日的自然日，不含已取消的），合计并按事项、按大厅分列；上门办申请与已排期数，按部门分列。

    Args:
        from_ (datetime.date | None | Unset): Appointments from this day
        to (datetime.date | None | Unset): Appointments up to this day, included

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppointmentStats | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
        )
    ).parsed

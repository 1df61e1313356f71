import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.appointment_page import AppointmentPage
from ...models.appointment_status import AppointmentStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    hall_id: None | Unset | UUID = UNSET,
    window_id: None | Unset | UUID = UNSET,
    enterprise_id: None | Unset | UUID = UNSET,
    matter_code: None | str | Unset = UNSET,
    status: AppointmentStatus | None | Unset = UNSET,
    on: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_hall_id: None | str | Unset
    if isinstance(hall_id, Unset):
        json_hall_id = UNSET
    elif isinstance(hall_id, UUID):
        json_hall_id = str(hall_id)
    else:
        json_hall_id = hall_id
    params["hall_id"] = json_hall_id

    json_window_id: None | str | Unset
    if isinstance(window_id, Unset):
        json_window_id = UNSET
    elif isinstance(window_id, UUID):
        json_window_id = str(window_id)
    else:
        json_window_id = window_id
    params["window_id"] = json_window_id

    json_enterprise_id: None | str | Unset
    if isinstance(enterprise_id, Unset):
        json_enterprise_id = UNSET
    elif isinstance(enterprise_id, UUID):
        json_enterprise_id = str(enterprise_id)
    else:
        json_enterprise_id = enterprise_id
    params["enterprise_id"] = json_enterprise_id

    json_matter_code: None | str | Unset
    if isinstance(matter_code, Unset):
        json_matter_code = UNSET
    else:
        json_matter_code = matter_code
    params["matter_code"] = json_matter_code

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, AppointmentStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_on: None | str | Unset
    if isinstance(on, Unset):
        json_on = UNSET
    elif isinstance(on, datetime.date):
        json_on = on.isoformat()
    else:
        json_on = on
    params["on"] = json_on

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
        "url": "/intake/appointments",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AppointmentPage | Problem | None:
    if response.status_code == 200:
        response_200 = AppointmentPage.from_dict(response.json())

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
) -> Response[AppointmentPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    hall_id: None | Unset | UUID = UNSET,
    window_id: None | Unset | UUID = UNSET,
    enterprise_id: None | Unset | UUID = UNSET,
    matter_code: None | str | Unset = UNSET,
    status: AppointmentStatus | None | Unset = UNSET,
    on: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[AppointmentPage | Problem]:
    """Appointments the caller may see, newest booking first

     预约列表，新预约在前：企业只看到自己的；管理员和工作人员看到全部，可按大厅、窗口、企业、事项、状态、日期筛选。

    Args:
        hall_id (None | Unset | UUID):
        window_id (None | Unset | UUID):
        enterprise_id (None | Unset | UUID):
        matter_code (None | str | Unset):
        status (AppointmentStatus | None | Unset):
        on (datetime.date | None | Unset): The appointments of this day (China Standard Time)
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppointmentPage | Problem]
    """

    kwargs = _get_kwargs(
        hall_id=hall_id,
        window_id=window_id,
        enterprise_id=enterprise_id,
        matter_code=matter_code,
        status=status,
        on=on,
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
    hall_id: None | Unset | UUID = UNSET,
    window_id: None | Unset | UUID = UNSET,
    enterprise_id: None | Unset | UUID = UNSET,
    matter_code: None | str | Unset = UNSET,
    status: AppointmentStatus | None | Unset = UNSET,
    on: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> AppointmentPage | Problem | None:
    """Appointments the caller may see, newest booking first

     预约列表，新预约在前：企业只看到自己的；管理员和工作人员看到全部，可按大厅、窗口、企业、事项、状态、日期筛选。

    Args:
        hall_id (None | Unset | UUID):
        window_id (None | Unset | UUID):
        enterprise_id (None | Unset | UUID):
        matter_code (None | str | Unset):
        status (AppointmentStatus | None | Unset):
        on (datetime.date | None | Unset): The appointments of this day (China Standard Time)
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppointmentPage | Problem
    """

    return sync_detailed(
        client=client,
        hall_id=hall_id,
        window_id=window_id,
        enterprise_id=enterprise_id,
        matter_code=matter_code,
        status=status,
        on=on,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    hall_id: None | Unset | UUID = UNSET,
    window_id: None | Unset | UUID = UNSET,
    enterprise_id: None | Unset | UUID = UNSET,
    matter_code: None | str | Unset = UNSET,
    status: AppointmentStatus | None | Unset = UNSET,
    on: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[AppointmentPage | Problem]:
    """Appointments the caller may see, newest booking first

     预约列表，新预约在前：企业只看到自己的；管理员和工作人员看到全部，可按大厅、窗口、企业、事项、状态、日期筛选。

    Args:
        hall_id (None | Unset | UUID):
        window_id (None | Unset | UUID):
        enterprise_id (None | Unset | UUID):
        matter_code (None | str | Unset):
        status (AppointmentStatus | None | Unset):
        on (datetime.date | None | Unset): The appointments of this day (China Standard Time)
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppointmentPage | Problem]
    """

    kwargs = _get_kwargs(
        hall_id=hall_id,
        window_id=window_id,
        enterprise_id=enterprise_id,
        matter_code=matter_code,
        status=status,
        on=on,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    hall_id: None | Unset | UUID = UNSET,
    window_id: None | Unset | UUID = UNSET,
    enterprise_id: None | Unset | UUID = UNSET,
    matter_code: None | str | Unset = UNSET,
    status: AppointmentStatus | None | Unset = UNSET,
    on: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> AppointmentPage | Problem | None:
    """Appointments the caller may see, newest booking first

     预约列表，新预约在前：企业只看到自己的；管理员和工作人员看到全部，可按大厅、窗口、企业、事项、状态、日期筛选。

    Args:
        hall_id (None | Unset | UUID):
        window_id (None | Unset | UUID):
        enterprise_id (None | Unset | UUID):
        matter_code (None | str | Unset):
        status (AppointmentStatus | None | Unset):
        on (datetime.date | None | Unset): The appointments of this day (China Standard Time)
        limit (int | Unset): Items per page (1–100) Default: 20.
        cursor (None | str | Unset): `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppointmentPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            hall_id=hall_id,
            window_id=window_id,
            enterprise_id=enterprise_id,
            matter_code=matter_code,
            status=status,
            on=on,
            limit=limit,
            cursor=cursor,
        )
    ).parsed

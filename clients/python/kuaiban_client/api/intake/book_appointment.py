from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.appointment_create import AppointmentCreate
from ...models.appointment_read import AppointmentRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: AppointmentCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/intake/appointments",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AppointmentRead | Problem | None:
    if response.status_code == 201:
        response_201 = AppointmentRead.from_dict(response.json())

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
) -> Response[AppointmentRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: AppointmentCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[AppointmentRead | Problem]:
    """Book a window slot (the enterprise; admin or its liaison officer for it)

     预约窗口时段：企业为自己预约；管理员或该企业的包保专员代为预约时须填 `enterprise_id`（其他工作人员 403）。
    时段须是该窗口按开放时间和工作日历的真实时段、尚未开始，且窗口办理该事项，否则 422（`errors` 指出字段）；
    已约满时 409 `slot_full`；企业已约此时段或当天已有同一事项的有效预约时 409 `duplicate_booking`。
    并发预约同一时段时，成功的恰为其容量数。预约记入企业时间线（`appointment.booked`）。

    Args:
        idempotency_key (str | Unset):
        body (AppointmentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppointmentRead | Problem]
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
    body: AppointmentCreate,
    idempotency_key: str | Unset = UNSET,
) -> AppointmentRead | Problem | None:
    """Book a window slot (the enterprise; admin or its liaison officer for it)

     预约窗口时段：企业为自己预约；管理员或该企业的包保专员代为预约时须填 `enterprise_id`（其他工作人员 403）。
    时段须是该窗口按开放时间和工作日历的真实时段、尚未开始，且窗口办理该事项，否则 422（`errors` 指出字段）；
    已约满时 409 `slot_full`；企业已约此时段或当天已有同一事项的有效预约时 409 `duplicate_booking`。
    并发预约同一时段时，成功的恰为其容量数。预约记入企业时间线（`appointment.booked`）。

    Args:
        idempotency_key (str | Unset):
        body (AppointmentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppointmentRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: AppointmentCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[AppointmentRead | Problem]:
    """Book a window slot (the enterprise; admin or its liaison officer for it)

     预约窗口时段：企业为自己预约；管理员或该企业的包保专员代为预约时须填 `enterprise_id`（其他工作人员 403）。
    时段须是该窗口按开放时间和工作日历的真实时段、尚未开始，且窗口办理该事项，否则 422（`errors` 指出字段）；
    已约满时 409 `slot_full`；企业已约此时段或当天已有同一事项的有效预约时 409 `duplicate_booking`。
    并发预约同一时段时，成功的恰为其容量数。预约记入企业时间线（`appointment.booked`）。

    Args:
        idempotency_key (str | Unset):
        body (AppointmentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppointmentRead | Problem]
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
    body: AppointmentCreate,
    idempotency_key: str | Unset = UNSET,
) -> AppointmentRead | Problem | None:
    """Book a window slot (the enterprise; admin or its liaison officer for it)

     预约窗口时段：企业为自己预约；管理员或该企业的包保专员代为预约时须填 `enterprise_id`（其他工作人员 403）。
    时段须是该窗口按开放时间和工作日历的真实时段、尚未开始，且窗口办理该事项，否则 422（`errors` 指出字段）；
    已约满时 409 `slot_full`；企业已约此时段或当天已有同一事项的有效预约时 409 `duplicate_booking`。
    并发预约同一时段时，成功的恰为其容量数。预约记入企业时间线（`appointment.booked`）。

    Args:
        idempotency_key (str | Unset):
        body (AppointmentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppointmentRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
